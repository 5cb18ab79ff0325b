/** Chapter 2: the plan, the request to the commission, the legal basis and the agreed procedure. */
import { DOSSIER_ROUTE_DESCRIPTIONS } from "../../../../shared/domain/dossier.ts";
import { shortHash } from "../../../../shared/domain/textHash.ts";
import type { DossierData } from "../collectDossier.ts";
import { bullets, fields, heading, para, run, type Block } from "../docModel.ts";
import { prosemirrorToBlocks } from "../prosemirrorBlocks.ts";
import { themeLabel } from "../tafelContext.ts";
import { status } from "./format.ts";

export function subjectChapter(data: DossierData, basis: string[], routeLabel: string): Block[] {
  const ws = data.tafel.workspace;
  return [
    heading(1, "2. Onderwerp, grondslag en verzoek", "onderwerp"),
    fields([
      ["Plan", ws.planTitle],
      ["Soort plan", data.tafel.planTypeLabel],
      ["Versie", ws.planVersion],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Niveau van het overleg", ws.level === "regionaal" ? "Regionaal" : "Lokaal"],
    ]),
    heading(2, "2.1 Verzoek aan de commissie", "verzoek"),
    para(`Gevraagde route: `, run(routeLabel, { bold: true }), `. ${DOSSIER_ROUTE_DESCRIPTIONS[data.route]}`),
    para("Het verzoek betreft uitsluitend de volgende punten:"),
    bullets(
      ...data.disputed.map(
        (d) => `${d.point.title} (${themeLabel(data.tafel, d.point.theme)}; status: ${status(d.point.status)})`,
      ),
    ),
    para("Over de punten in hoofdstuk 5 hebben partijen wel overeenstemming; die vallen buiten het verzoek."),
    heading(2, "2.2 Wettelijke grondslag", "grondslag"),
    bullets(...basis),
    para(
      "Het overleg is gericht op overeenstemming tussen het samenwerkingsverband en het college van elke gemeente. Komen partijen er niet uit, dan kan het geschil worden voorgelegd aan de Landelijke Geschillencommissie OOGO.",
    ),
    heading(2, "2.3 Afgesproken OOGO-procedure", "procedure"),
    para(
      "Partijen hebben de volgende procedure afgesproken. De tekst is overgenomen uit het gedeelde proceduredocument van de tafel.",
    ),
    {
      kind: "quote",
      caption: `Afgesproken procedure — tekst-hash ${shortHash(data.procedure.hash)}`,
      blocks: prosemirrorToBlocks(data.procedure.json, "(De procedure is niet schriftelijk vastgelegd.)"),
    },
  ];
}
