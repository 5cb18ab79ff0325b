/** The title and question a bespreekpunt made from the screening starts with (the tafel may edit both). */
import { scaleStep, type ScreeningScore } from "./scale.ts";

export function screeningBespreekpuntText(input: { label: string; score: ScreeningScore; versionLabel: string }): {
  title: string;
  question: string;
} {
  const what =
    input.score === 0
      ? `zegt niets over ${input.label.toLowerCase()}`
      : `noemt ${input.label.toLowerCase()} alleen in algemene woorden (${scaleStep(input.score).label.toLowerCase()})`;
  return {
    title: `${input.label}: afspraken in het plan`.slice(0, 160),
    question:
      `Het plan (${input.versionLabel}) ${what}. Welke concrete afspraken maken we hierover: ` +
      "wie doet wat, met welke partners, en binnen welke termijn of hoe vaak?",
  };
}
