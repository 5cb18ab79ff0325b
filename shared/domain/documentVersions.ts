/**
 * Versions of a document (issue 12): why a version was kept. A person keeps one on demand
 * ("Versie bewaren", with a name); the server keeps one at every milestone of the thing the
 * document belongs to, so the history shows the text as it stood when something was decided.
 */
export const DOCUMENT_VERSION_REASONS = [
  "handmatig",
  "status",
  "standpunt",
  "ondertekening",
  "notulen_vastgesteld",
  "teruggezet",
  // Issue 12, spiegelparagraaf as a document: an export keeps the text it printed.
  "export",
  "hersteld",
] as const;
export type DocumentVersionReason = (typeof DOCUMENT_VERSION_REASONS)[number];

export const VERSION_REASON_LABELS: Record<DocumentVersionReason, string> = {
  handmatig: "Bewaard",
  status: "Status gewijzigd",
  standpunt: "Standpunt gegeven",
  ondertekening: "Ondertekend",
  notulen_vastgesteld: "Notulen vastgesteld",
  teruggezet: "Voor het terugzetten van een oudere versie",
  export: "Gedownload als document",
  hersteld: "Oudere versie teruggezet",
};

/**
 * Which logged change of a point or meeting keeps a version of which of its documents. The
 * server watches the tafel's changes and keeps the version right after the commit.
 */
export const MILESTONES: Record<string, { document: "point" | "minutes"; reason: DocumentVersionReason }> = {
  "point.status_changed": { document: "point", reason: "status" },
  "point.stance_recorded": { document: "point", reason: "standpunt" },
  "point.signed": { document: "point", reason: "ondertekening" },
  "minutes.approved": { document: "minutes", reason: "notulen_vastgesteld" },
};
