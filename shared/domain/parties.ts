/** The two kinds of party at an OOGO-tafel (domain brief §1). */
export const PARTY_KINDS = ["swv", "gemeente"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const SECTORS = ["po", "vo"] as const;
export type Sector = (typeof SECTORS)[number];

/** The plan an OOGO is about: the SWV's ondersteuningsplan or the gemeente's jeugdplan. */
export const PLAN_TYPES = ["ondersteuningsplan", "jeugdplan"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  ondersteuningsplan: "Ondersteuningsplan",
  jeugdplan: "Beleidsplan jeugd",
};

/** SWV codes as DUO writes them: sector, region number, dot, serial ("VO 20.01"). */
export const SWV_CODE_PATTERN = /^(PO|VO) \d{2}\.\d{2}$/;
/** CBS gemeentecode: "GM" and four digits. */
export const CBS_CODE_PATTERN = /^GM\d{4}$/;

/** One colour per party for carets and presence; chosen for contrast on white (WCAG AA for text). */
export const PARTY_COLOURS = ["#0b5394", "#a61c00", "#38761d", "#7f3f98", "#b45f06", "#134f5c", "#741b47", "#3d3d3d"] as const;
/** Presence colour of someone who acts for no party at the tafel (e.g. a waarnemer). */
export const PRESENCE_FALLBACK_COLOUR = "#3d3d3d";
export function partyColour(index: number): string {
  return PARTY_COLOURS[((index % PARTY_COLOURS.length) + PARTY_COLOURS.length) % PARTY_COLOURS.length]!;
}
