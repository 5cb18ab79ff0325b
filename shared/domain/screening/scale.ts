/**
 * The screening scale for a plan, per theme: Oberon's four categories from its 2014 analysis of 40
 * concept ondersteuningsplannen (domain brief §4). The numbers are ours; Oberon only names them.
 * One sentence per step, shown next to every proposed score in the UI.
 */
export const SCREENING_SCORES = [0, 1, 2, 3] as const;
export type ScreeningScore = (typeof SCREENING_SCORES)[number];

export interface ScaleStep {
  score: ScreeningScore;
  label: string;
  /** One sentence for the UI: what a plan says at this step. */
  explanation: string;
}

export const SCREENING_SCALE: readonly ScaleStep[] = [
  { score: 0, label: "Niet beschreven", explanation: "Het plan zegt niets over dit onderwerp." },
  {
    score: 1,
    label: "Standaardtekst",
    explanation:
      "Het onderwerp wordt genoemd, maar in algemene woorden die in elk plan kunnen staan; niets is eigen aan deze regio.",
  },
  {
    score: 2,
    label: "Globaal",
    explanation:
      "Het plan beschrijft de eigen regio, maar vooral als verwachting, voornemen of idee; de afspraken moeten nog worden gemaakt.",
  },
  {
    score: 3,
    label: "Uitgewerkt",
    explanation:
      "Het plan legt concrete afspraken met gemeenten vast: wie wat doet, met welke partners, binnen welke termijn of hoe vaak.",
  },
];

export function scaleStep(score: ScreeningScore): ScaleStep {
  return SCREENING_SCALE[score]!;
}
