/**
 * The standard OOGO themes (domain brief §3). Every tafel gets them as rows of
 * `workspace_themes` (pre-ticked in the wizard), next to its own; from then on the tafel's rows
 * are the truth — renamed, reordered or archived per tafel (ADR 0010).
 */
export interface ThemeDef {
  key: string;
  label: string;
  /** One line on what the theme covers, shown on the overview and in the oplegger. */
  description: string;
}

export const STANDARD_THEMES = [
  {
    key: "jeugdhulp",
    label: "Jeugdhulp",
    description: "Jeugdhulp in en om de school, vroegsignalering en één gezin, één plan.",
  },
  {
    key: "leerlingenvervoer",
    label: "Leerlingenvervoer",
    description: "Vervoer naar de dichtstbijzijnde toegankelijke school en de gevolgen van plaatsingen.",
  },
  {
    key: "onderwijshuisvesting",
    label: "Onderwijshuisvesting",
    description: "Huisvesting van voorzieningen en tussenvoorzieningen, afstemming met het IHP.",
  },
  {
    key: "leerplicht_thuiszitters",
    label: "Leerplicht en thuiszitters",
    description: "Verzuim, doorzettingsmacht en een passend aanbod binnen drie maanden.",
  },
  {
    key: "doorgaande_lijn",
    label: "Doorgaande lijn",
    description: "Overgangen voorschool, po, vo en mbo, met warme overdracht.",
  },
  {
    key: "onderwijs_arbeidsmarkt",
    label: "Onderwijs en arbeidsmarkt",
    description: "Aansluiting van pro en vso op werk en dagbesteding.",
  },
] as const satisfies readonly ThemeDef[];

export type StandardThemeKey = (typeof STANDARD_THEMES)[number]["key"];

/** Theme keys are short, lowercase identifiers so they can appear in URLs and filters. */
export const THEME_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export function standardTheme(key: string): ThemeDef | undefined {
  return STANDARD_THEMES.find((t) => t.key === key);
}
