/** Small wording helpers the dossier's chapters share. */
import { formatDate, formatDateTime } from "../../../../shared/domain/dates.ts";
import { isPointStatus, statusLabel } from "../../../../shared/domain/pointStatus.ts";
import { isStance, STANCE_LABELS } from "../../../../shared/domain/stances.ts";
import type { PointEventView } from "../../../../shared/schemas/points.ts";
import { run } from "../docModel.ts";

/** "3 maart 2023" for an instant, in Dutch time. */
export const date = (instant: string) => formatDate(instant);
export const dateTime = (instant: string) => formatDateTime(instant);
export const status = (s: string | null) => (s && isPointStatus(s) ? statusLabel(s) : (s ?? "—"));
export const hashRun = (hash: string) => run(hash, { mono: true });
/** "Formeel bestuurlijk OOGO" → "formeel bestuurlijk OOGO": lower only the first letter, keep acronyms. */
export const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
/** Free text as a sentence: a full stop only when it does not already end in punctuation. */
export const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

export function stanceLabel(value: unknown): string {
  // Stored stances are validated strings; anything else has no words to show.
  if (isStance(value)) return STANCE_LABELS[value];
  return typeof value === "string" ? value : "—";
}

export function actorLabel(e: PointEventView): string {
  if (!e.actor.userId) return "Systeem (automatisch)";
  return e.actor.partyName ? `${e.actor.name} (${e.actor.partyName})` : e.actor.name;
}
