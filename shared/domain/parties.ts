/**
 * Parties and plans at an OOGO-tafel (domain brief §1, ADR 0010).
 *
 * Two kinds of party hold a stance and sign: the samenwerkingsverband (SWV) and the gemeente.
 * Other participants (`overig`: an mbo-instelling, a schoolbestuur, the OPR, a ketenpartner) sit
 * at the table, have members, read and appear on attendance lists, but never sign or hold a stance.
 */
import { CBS_GEMEENTEN, type CbsGemeente } from "../data/cbsGemeenten.ts";

/** Every kind of organisation at a tafel. */
export const ORGANISATION_KINDS = ["swv", "gemeente", "overig"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The parties of the OOGO proper: only these are in a point's scope, hold stances and sign. */
export const PARTY_KINDS = ["swv", "gemeente"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const isSigningParty = (kind: unknown): kind is PartyKind => kind === "swv" || kind === "gemeente";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  swv: "Samenwerkingsverband",
  gemeente: "Gemeente",
  overig: "Andere deelnemer",
};

/** Participants that sit at the table without signing. */
export const OTHER_PARTICIPANT_TYPES = ["mbo_instelling", "schoolbestuur", "opr", "ketenpartner"] as const;
export type OtherParticipantType = (typeof OTHER_PARTICIPANT_TYPES)[number];
export const OTHER_PARTICIPANT_LABELS: Record<OtherParticipantType, string> = {
  mbo_instelling: "Mbo-instelling",
  schoolbestuur: "Schoolbestuur",
  opr: "Ondersteuningsplanraad (OPR)",
  ketenpartner: "Ketenpartner",
};

export const SECTORS = ["po", "vo"] as const;
export type Sector = (typeof SECTORS)[number];

/** The plans an OOGO is about: the SWV's ondersteuningsplan or the gemeente's jeugdplan. */
export const PLAN_TYPES = ["ondersteuningsplan", "jeugdplan"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  ondersteuningsplan: "Ondersteuningsplan",
  jeugdplan: "Beleidsplan jeugd",
};

/** Whose plan each kind is: an ondersteuningsplan belongs to an SWV, a jeugdplan to a gemeente. */
export const PLAN_OWNER_KIND: Record<PlanType, PartyKind> = { ondersteuningsplan: "swv", jeugdplan: "gemeente" };

export const PLAN_STATUSES = ["concept", "in_bespreking", "vastgesteld"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  concept: "Concept",
  in_bespreking: "In bespreking",
  vastgesteld: "Vastgesteld",
};

export const TAFEL_LEVELS = ["regionaal", "lokaal"] as const;
export type TafelLevel = (typeof TAFEL_LEVELS)[number];
export const TAFEL_LEVEL_LABELS: Record<TafelLevel, string> = {
  regionaal: "Regionaal OOGO (alle gemeenten samen)",
  lokaal: "Lokaal OOGO",
};

/** SWV codes as DUO writes them: sector, region number, dot, serial ("VO 20.01"). */
export const SWV_CODE_PATTERN = /^(PO|VO) \d{2}\.\d{2}$/;
/** CBS gemeentecode: "GM" and four digits. */
export const CBS_CODE_PATTERN = /^GM\d{4}$/;

/** Years a planperiode may name (an ondersteuningsplan runs at most four years; some slack for odd cycles). */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
export const PLAN_PERIOD_MAX_YEARS = 8;

/** The sector an SWV code names ("PO 31.02" → po), or null for a malformed code. */
export function sectorOfSwvCode(code: string): Sector | null {
  const m = SWV_CODE_PATTERN.exec(code);
  return m ? (m[1] === "PO" ? "po" : "vo") : null;
}

/** Accepts "po 31.02", "PO31.02" and "PO 31.02 " as "PO 31.02"; anything else unchanged. */
export function normaliseSwvCode(input: string): string {
  const m = /^\s*(po|vo)\s*(\d{2})\.(\d{2})\s*$/i.exec(input);
  return m ? `${m[1]!.toUpperCase()} ${m[2]}.${m[3]}` : input.trim();
}

export function findCbsGemeente(code: string): CbsGemeente | undefined {
  return CBS_GEMEENTEN.find((g) => g.code === code);
}

/** Gemeenten whose name or code contains the query (case-insensitive), names starting with it first. */
export function searchCbsGemeenten(query: string, limit = 10): CbsGemeente[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits = CBS_GEMEENTEN.filter((g) => g.name.toLowerCase().includes(q) || g.code.toLowerCase().includes(q));
  const starts = (g: CbsGemeente) => (g.name.toLowerCase().startsWith(q) || g.code.toLowerCase().startsWith(q) ? 0 : 1);
  return [...hits].sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name, "nl")).slice(0, limit);
}

/** Dutch problem with a planperiode, or null. */
export function periodProblem(start: number, end: number): string | null {
  if (end < start) return "Het einde van de planperiode ligt vóór het begin.";
  if (end - start > PLAN_PERIOD_MAX_YEARS) return `Een planperiode duurt hoogstens ${PLAN_PERIOD_MAX_YEARS} jaar.`;
  return null;
}

/** One colour per party for carets and presence; chosen for contrast on white (WCAG AA for text). */
export const PARTY_COLOURS = [
  "#0b5394",
  "#a61c00",
  "#38761d",
  "#7f3f98",
  "#b45f06",
  "#134f5c",
  "#741b47",
  "#3d3d3d",
] as const;
/** Presence colour of someone who acts for no party at the tafel (e.g. a waarnemer). */
export const PRESENCE_FALLBACK_COLOUR = "#3d3d3d";
export function partyColour(index: number): string {
  return PARTY_COLOURS[((index % PARTY_COLOURS.length) + PARTY_COLOURS.length) % PARTY_COLOURS.length]!;
}

/** Is the party still at the table on `today` (YYYY-MM-DD)? */
export const isPartyActive = (leftAt: string | null | undefined, today: string) => !leftAt || leftAt > today;
