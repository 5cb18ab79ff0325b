/**
 * The screening's signals in civil servants' words (screen and oplegger): never the internal keys.
 */
import type { SignalKind, ThemeSignals } from "./screenPlan.ts";

export const SIGNAL_LABELS: Record<SignalKind, string> = {
  theme_word: "noemt het thema",
  agreement: "afspraak als feit",
  norm: "getal, norm of termijn",
  local_name: "noemt een gemeente, partner of plaats",
  intention: "voornemen",
  boilerplate: "algemene tekst",
  annex: "verwijst naar een bijlage",
  individual_case: "gaat over één leerling",
};

const list = (items: readonly string[]) => items.map((i) => `“${i}”`).join(", ");

/** One line per kind of signal seen, in Dutch; empty lines left out. */
export function describeSignals(s: ThemeSignals): string[] {
  const lines: string[] = [];
  if (s.themeWords.length) lines.push(`Woorden over het thema: ${list(s.themeWords)}.`);
  if (s.agreements)
    lines.push(`${s.agreements} ${s.agreements === 1 ? "zin legt" : "zinnen leggen"} een afspraak vast.`);
  if (s.norms.length) lines.push(`Getallen, normen en termijnen: ${list(s.norms)}.`);
  if (s.localNames.length) lines.push(`Genoemde gemeenten, partners en plaatsen: ${list(s.localNames)}.`);
  if (s.intentions.length) lines.push(`Voornemens: ${list(s.intentions)}.`);
  if (s.boilerplate) lines.push(`${s.boilerplate} ${s.boilerplate === 1 ? "zin is" : "zinnen zijn"} algemene tekst.`);
  if (s.annexReferences.length)
    lines.push(`Verwijst naar ${list(s.annexReferences)}; de screening leest die niet mee.`);
  if (s.individualCase)
    lines.push(
      `${s.individualCase} ${s.individualCase === 1 ? "zin gaat" : "zinnen gaan"} over de zaak van één leerling en ${s.individualCase === 1 ? "telt" : "tellen"} niet mee.`,
    );
  return lines;
}

/** "3.2 Jeugdhulp" or just the title for an unnumbered section. */
export const sectionLabel = (e: { sectionNumber: string; sectionTitle: string }) =>
  [e.sectionNumber, e.sectionTitle].filter(Boolean).join(" ");
