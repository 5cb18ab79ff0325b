import { OTHER_PARTICIPANT_LABELS } from "../../../shared/domain/parties.ts";
import type { PartyView } from "../../../shared/schemas/workspace.ts";

/** "12 maart 2026" from a calendar date. */
export const calendarDateNl = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  });

/** One line under a party's name: kind and code, coverage, and whether it left. */
export function partyMeta(p: PartyView): string {
  const kind =
    p.kind === "swv"
      ? `Samenwerkingsverband ${p.sector?.toUpperCase() ?? ""} · code ${p.swvCode ?? "onbekend"}`
      : p.kind === "gemeente"
        ? `Gemeente · CBS-code ${p.cbsCode ?? "onbekend"}`
        : `${p.subtype ? OTHER_PARTICIPANT_LABELS[p.subtype] : "Andere deelnemer"} · neemt deel zonder te ondertekenen`;
  return [kind, p.coverageNote, p.leftAt ? `niet meer aan tafel sinds ${calendarDateNl(p.leftAt)}` : null]
    .filter(Boolean)
    .join(" · ");
}
