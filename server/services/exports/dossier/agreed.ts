/** Chapter 5: the points that were agreed, to delimit the dispute. */
import { shortHash } from "../../../../shared/domain/textHash.ts";
import type { DossierData } from "../collectDossier.ts";
import { heading, para, styled, table, type Block } from "../docModel.ts";
import { themeLabel } from "../tafelContext.ts";
import { date, status } from "./format.ts";

export function agreedChapter(data: DossierData): Block[] {
  const { tafel } = data;
  return [
    heading(1, "5. Punten waarover wel overeenstemming is", "overeenstemming"),
    para(
      "Om het geschil af te bakenen: over de volgende punten hebben partijen wel overeenstemming bereikt. Zij maken geen deel uit van het verzoek.",
    ),
    data.agreed.length
      ? table(
          ["Thema", "Punt", "Status", "Ondertekend (geldig)"],
          data.agreed.map((p) => [
            themeLabel(tafel, p.theme),
            p.title,
            status(p.status),
            p.signoffs
              .filter((s) => !s.verouderd)
              .map((s) => `${s.partyName}: ${s.signer.name}, ${date(s.signedAt)} (${shortHash(s.textHash)})`)
              .join("\n") || "—",
          ]),
        )
      : styled("muted", "Er zijn (nog) geen punten waarover overeenstemming is vastgelegd."),
  ];
}
