/**
 * The agenda of an OOGO meeting as council software builds it: fixed items (opening, mededelingen,
 * notulen, rondvraag, sluiting) next to overeenstemmingspunten, which points can be placed and why
 * the others cannot, and which decisions an item can carry. Pure: server (authority) and client.
 */
import { AGENDA_DECISIONS, fixesTextVersion, type AgendaDecision, type MeetingType } from "./meetings.ts";
import { POINT_STATUS_INFO, statusLabel, type PointStatus } from "./pointStatus.ts";

/**
 * `punt`: an overeenstemmingspunt. `notulen`: the minutes of an earlier meeting, to approve.
 * `overig`: another subject with a title of its own. The rest are the fixed items of any agenda.
 */
export const AGENDA_ITEM_KINDS = [
  "punt",
  "opening",
  "mededelingen",
  "notulen",
  "rondvraag",
  "sluiting",
  "overig",
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** Fixed items the builder offers in one click, with their usual title. */
export const FIXED_ITEM_TITLES: Record<Exclude<AgendaItemKind, "punt" | "overig" | "notulen">, string> = {
  opening: "Opening en vaststellen agenda",
  mededelingen: "Mededelingen",
  rondvraag: "Rondvraag",
  sluiting: "Sluiting",
};

export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  punt: "Overeenstemmingspunt",
  opening: "Opening",
  mededelingen: "Mededelingen",
  notulen: "Notulen vorige vergadering",
  rondvraag: "Rondvraag",
  sluiting: "Sluiting",
  overig: "Ander onderwerp",
};

/** Decisions on a point move it through the points workflow; they exist only for `punt` items. */
const POINT_DECISIONS: readonly AgendaDecision[] = AGENDA_DECISIONS.filter((d) => d !== "notulen_vastgesteld");

/**
 * The decisions an item of this kind can carry. Opening, mededelingen, rondvraag and sluiting
 * carry none (there is nothing to decide); another subject is discussed or held over; the minutes
 * of an earlier meeting are approved.
 */
export function decisionsForKind(kind: AgendaItemKind): readonly AgendaDecision[] {
  switch (kind) {
    case "punt":
      return POINT_DECISIONS;
    case "overig":
      return ["besproken", "aangehouden"];
    case "notulen":
      return ["notulen_vastgesteld", "aangehouden"];
    case "opening":
    case "mededelingen":
    case "rondvraag":
    case "sluiting":
      return [];
  }
}

/** Why this decision cannot be recorded on an item of this kind, or null when it can. */
export function decisionRefusedForKind(kind: AgendaItemKind, decision: AgendaDecision): string | null {
  const allowed = decisionsForKind(kind);
  if (allowed.includes(decision)) return null;
  if (allowed.length === 0)
    return `Bij het agendapunt "${AGENDA_ITEM_KIND_LABELS[kind]}" wordt geen besluit vastgelegd.`;
  return `Dit besluit past niet bij een agendapunt van de soort "${AGENDA_ITEM_KIND_LABELS[kind].toLowerCase()}".`;
}

/** Statuses a point can be placed from on a meeting that fixes the text (formal OOGO). */
const FORMAL_PLACEABLE: readonly PointStatus[] = ["ambtelijk_akkoord", "geagendeerd"];

/**
 * Why a point cannot be placed on this meeting's agenda, or null when it can. A formal OOGO
 * fixes the text, so only a point with ambtelijk akkoord qualifies; a closed point is discussed
 * nowhere. The server refuses with the same sentence the builder shows.
 */
export function placementRefusal(meetingType: MeetingType, status: PointStatus): string | null {
  const info = POINT_STATUS_INFO[status];
  if (info.group === "afgesloten") return `${statusLabel(status)}: een afgesloten punt komt niet meer op een agenda.`;
  if (fixesTextVersion(meetingType) && !FORMAL_PLACEABLE.includes(status))
    return `${statusLabel(status)}: op een formeel OOGO komt alleen een punt waarover ambtelijk akkoord is (de tekst wordt vastgezet).`;
  return null;
}

// ── Minutes: the prefilled start and the check against the decisions ───────

interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
}

export interface MinutesSource {
  title: string;
  typeLabel: string;
  /** Already formatted "26 maart 2026, 14.00–16.00 uur". */
  when: string;
  where: string;
  attendance: Array<{ name: string; capacity: string; party: string | null; present: boolean }>;
  agenda: Array<{
    position: number;
    title: string;
    decision: AgendaDecision | null;
    decisionLabel: string | null;
    note: string | null;
  }>;
}

const textNode = (text: string): PmNode => ({ type: "text", text });
const paragraph = (text: string): PmNode =>
  text ? { type: "paragraph", content: [textNode(text)] } : { type: "paragraph" };
const heading2 = (text: string): PmNode => ({ type: "heading", attrs: { level: 2 }, content: [textNode(text)] });
const bulletList = (items: string[]): PmNode => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [paragraph(i)] })),
});

/** The heading of an agenda item in the minutes: "3. Jeugdhulp op school". */
export const minutesItemHeading = (position: number, title: string) => `${position + 1}. ${title}`;
export const DECISION_PREFIX = "Besluit:";

/**
 * The minutes' starting text: who was there (and who sent apologies), then one section per
 * agenda item with its recorded decision. The secretaris writes the account of the discussion
 * under each heading.
 */
export function minutesTemplate(m: MinutesSource): PmNode {
  const who = (a: MinutesSource["attendance"][number]) => `${a.name}, ${a.capacity}${a.party ? ` (${a.party})` : ""}`;
  const present = m.attendance.filter((a) => a.present).map(who);
  const absent = m.attendance.filter((a) => !a.present).map(who);
  const content: PmNode[] = [
    paragraph(`${m.typeLabel} "${m.title}", ${m.when}, ${m.where}.`),
    heading2("Aanwezig"),
    present.length ? bulletList(present) : paragraph("(nog geen presentie vastgelegd)"),
  ];
  if (absent.length) content.push(heading2("Afwezig"), bulletList(absent));
  for (const item of [...m.agenda].sort((a, b) => a.position - b.position)) {
    content.push(heading2(minutesItemHeading(item.position, item.title)));
    if (item.decision && item.decisionLabel)
      content.push(paragraph(`${DECISION_PREFIX} ${item.decisionLabel}.${item.note ? ` ${item.note}` : ""}`));
    content.push(paragraph(""));
  }
  return { type: "doc", content };
}

const plain = (node: PmNode): string =>
  node.text ?? (node.content ?? []).map(plain).join(node.type === "doc" || node.type === "bulletList" ? "\n" : "");
const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

export interface MinutesWarning {
  itemTitle: string;
  message: string;
}

/**
 * Where the minutes and the recorded decisions do not say the same: a section that names another
 * decision than the one recorded, that does not name the recorded decision, or that names a
 * decision that was never recorded. Sections are found by their heading (the item's title).
 */
export function minutesDecisionWarnings(
  minutes: unknown,
  agenda: ReadonlyArray<{ title: string; decision: AgendaDecision | null }>,
  labels: Record<AgendaDecision, string>,
): MinutesWarning[] {
  const blocks = (minutes as PmNode | null)?.content ?? [];
  const sections: Array<{ heading: string; text: string }> = [];
  for (const block of blocks) {
    if (block.type === "heading") sections.push({ heading: norm(plain(block)), text: "" });
    else if (sections.length) sections[sections.length - 1]!.text += ` ${norm(plain(block))}`;
  }
  const all = Object.entries(labels) as Array<[AgendaDecision, string]>;
  const warnings: MinutesWarning[] = [];
  for (const item of agenda) {
    const title = norm(item.title);
    const section = sections.find((s) => s.heading.includes(title));
    // "Besproken, geen besluit" decides nothing: the minutes need not repeat it.
    const recorded = item.decision && item.decision !== "besproken" ? labels[item.decision] : null;
    // Minutes written in one's own words may group items under other headings: only a section
    // headed by the item's title (as the prefilled minutes have) is checked.
    if (!section) continue;
    // Longest labels first, so "Geen overeenstemming" is not also read as "Overeenstemming bereikt".
    const named = all
      .filter(([, label]) => section.text.includes(norm(label)))
      .map(([d]) => d)
      .filter((d, _, found) => !found.some((o) => o !== d && norm(labels[o]).includes(norm(labels[d]))));
    if (item.decision && named.some((d) => d !== item.decision))
      warnings.push({
        itemTitle: item.title,
        message: `Bij "${item.title}" noemen de notulen "${labels[named.find((d) => d !== item.decision)!]}", maar vastgelegd is "${labels[item.decision]}".`,
      });
    else if (recorded && !named.includes(item.decision!))
      warnings.push({
        itemTitle: item.title,
        message: `Bij "${item.title}" noemen de notulen het vastgelegde besluit "${recorded}" niet.`,
      });
    else if (!item.decision && named.length)
      warnings.push({
        itemTitle: item.title,
        message: `Bij "${item.title}" noemen de notulen het besluit "${labels[named[0]!]}", maar er is geen besluit vastgelegd.`,
      });
  }
  return warnings;
}
