/**
 * The dossier for the Landelijke Geschillencommissie OOGO as a document model (domain brief §6):
 * cover, parties and representatives, subject, legal basis, the agreed procedure and the route
 * asked; per disputed point its exact text versions, each party's stances with reasoning, the
 * signatures and the status history; the course of the procedure (steps, meetings with
 * attendance and decisions, a timeline); the points that were agreed; the attachments; the
 * approved minutes; and an integrity appendix with every hash a receiver can check.
 *
 * One file per chapter; this index writes the cover and the metadata and assembles them.
 * Pure: the same data gives the same model, and so the same content hash.
 */
import { DOSSIER_ROUTE_LABELS, legalBasisForPlans } from "../../../../shared/domain/dossier.ts";
import type { DossierData } from "../collectDossier.ts";
import {
  CONTENT_HASH_PLACEHOLDER,
  CONTENT_HASH_SHORT_PLACEHOLDER,
  fields,
  heading,
  run,
  styled,
  type Block,
  type DocModel,
} from "../docModel.ts";
import { partyName } from "../tafelContext.ts";
import { agreedChapter } from "./agreed.ts";
import { attachmentsChapter } from "./attachments.ts";
import { disputedChapter } from "./disputed.ts";
import { date, lowerFirst } from "./format.ts";
import { integrityAppendix } from "./integrityAppendix.ts";
import { minutesAppendix } from "./minutesAppendix.ts";
import { partiesChapter } from "./parties.ts";
import { procedureChapter } from "./procedure.ts";
import { subjectChapter } from "./subject.ts";

export function composeDossier(data: DossierData): DocModel {
  const { tafel, route, checkpoint } = data;
  const ws = tafel.workspace;
  const routeLabel = DOSSIER_ROUTE_LABELS[route];
  // The legal basis follows the plans on the table (ADR 0010).
  const basis = legalBasisForPlans(tafel.plans);
  const peildatum = date(checkpoint.at);
  const n = data.disputed.length;

  const cover: Block[] = [
    heading(1, "Dossier voor de Landelijke Geschillencommissie OOGO"),
    heading(2, ws.name),
    styled(
      "lead",
      `Verzoek om ${lowerFirst(routeLabel)} over ${n === 1 ? "één geschilpunt" : `${n} geschilpunten`} in het op overeenstemming gericht overleg over het ${lowerFirst(tafel.planTypeLabel)} “${ws.planTitle}”.`,
    ),
    fields([
      ["Aan", "Landelijke Geschillencommissie OOGO, p/a Stichting Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht"],
      ["Partijen", tafel.parties.map((p) => p.name).join("; ")],
      [
        "Vertegenwoordigd door",
        tafel.members
          .filter((m) => m.role === "bestuurder" && m.partyId)
          .map((m) => `${m.name}${m.title ? `, ${m.title}` : ""} (${partyName(tafel, m.partyId!)})`)
          .join("; ") || "—",
      ],
      ["Plan", `${ws.planTitle} (${lowerFirst(tafel.planTypeLabel)})`],
      ["Versie van het plan", ws.planVersion],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Wettelijke grondslag", basis.join("; ")],
      ["Gevraagde route", routeLabel],
      ["Geschilpunten", data.disputed.map((d) => d.point.title).join("; ")],
      ["Peildatum", `${peildatum} (logboek tot en met gebeurtenis ${checkpoint.seq})`],
      ["Logboekkenmerk", checkpoint.kenmerk],
    ]),
    styled(
      "small",
      "Dit dossier is samengesteld uit het logboek en de documenten van de OOGO-tafel in OOGO Werkruimte. Elke tekst, elk standpunt en elke ondertekening is herleidbaar tot een gebeurtenis in het hashgeketende logboek; bijlage B beschrijft hoe u dat controleert. Inhoudshash van dit dossier: ",
      run(CONTENT_HASH_PLACEHOLDER, { mono: true }),
      ".",
    ),
  ];

  const body: Block[] = [
    { kind: "toc", title: "Inhoudsopgave" },
    ...partiesChapter(tafel),
    ...subjectChapter(data, basis, routeLabel),
    ...disputedChapter(data),
    ...procedureChapter(data),
    ...agreedChapter(data),
    ...attachmentsChapter(data),
    ...minutesAppendix(data),
    ...integrityAppendix(data),
  ];

  return {
    meta: {
      title: `Dossier Geschillencommissie OOGO – ${ws.name}`,
      subject: `Verzoek om ${lowerFirst(routeLabel)}: ${data.disputed.map((d) => d.point.title).join("; ")}`,
      author: `Secretariaat ${ws.name}`,
      keywords: "OOGO, Geschillencommissie OOGO, passend onderwijs, ondersteuningsplan, dossier",
      createdAt: checkpoint.at,
      headerLeft: `Dossier Geschillencommissie OOGO · ${ws.name}`,
      headerRight: `${routeLabel} · peildatum ${peildatum}`,
      footerLeft: `Inhoudshash ${CONTENT_HASH_SHORT_PLACEHOLDER}`,
    },
    cover,
    body,
  };
}
