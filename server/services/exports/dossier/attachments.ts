/** Chapter 6: the list of attachments. */
import type { DossierData } from "../collectDossier.ts";
import { heading, para, run, type Block } from "../docModel.ts";

export function attachmentsChapter(data: DossierData): Block[] {
  const ws = data.tafel.workspace;
  const approved = data.meetings.filter((m) => m.minutes.json);
  return [
    heading(1, "6. Lijst van bijlagen", "bijlagen"),
    {
      kind: "list",
      ordered: false,
      items: [
        [
          para(
            run("Bijlage A. ", { bold: true }),
            `Vastgestelde notulen van ${approved.length} overleg${approved.length === 1 ? "" : "gen"} (opgenomen in dit dossier).`,
          ),
        ],
        [
          para(
            run("Bijlage B. ", { bold: true }),
            "Integriteit en controle: tekst-hashes, logboekketen en inhoudshash (opgenomen in dit dossier).",
          ),
        ],
        [para(run("Bijlage C. ", { bold: true }), "De afgesproken OOGO-procedure (opgenomen in paragraaf 2.3).")],
        [
          para(
            run("Bijlage D. ", { bold: true }),
            `Het plan waarover het OOGO gaat: ${ws.planTitle}, ${ws.planVersion} (apart door partijen aan te leveren).`,
          ),
        ],
        [
          para(
            run("Bijlage E. ", { bold: true }),
            "De oplegger met alle overeenstemmingspunten per thema (apart te downloaden uit OOGO Werkruimte).",
          ),
        ],
        [
          para(
            run("Bijlage F. ", { bold: true }),
            "Het volledige logboek van de tafel (op verzoek als export; te controleren met de gegevens in bijlage B).",
          ),
        ],
      ],
    },
  ];
}
