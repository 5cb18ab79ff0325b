/**
 * The oplegger: the summary of overeenstemmingspunten by theme that goes with the plan — for
 * each point its text, scope, status and who signed which version (short hash) when. Drafts
 * (concept) and lapsed points (vervallen) are left out. Pure: equal data, equal model.
 */
import { formatDate, formatDateTime } from "../../../shared/domain/dates.ts";
import {
  POINT_STATUS_INFO,
  STATUS_GROUPS,
  STATUS_GROUP_LABELS,
  isPointStatus,
  statusLabel,
  type PointStatus,
} from "../../../shared/domain/pointStatus.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import { brokenEventsLabel } from "../../../shared/domain/logWitness.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import {
  CONTENT_HASH_PLACEHOLDER,
  CONTENT_HASH_SHORT_PLACEHOLDER,
  fields,
  heading,
  para,
  run,
  styled,
  table,
  type Block,
  type DocModel,
} from "./docModel.ts";
import type { LogCheckpoint } from "./logCheckpoint.ts";
import { prosemirrorToBlocks } from "./prosemirrorBlocks.ts";
import { screeningAppendix, type ScreenedPlan } from "./screeningAppendix.ts";
import { partyName, type TafelContext } from "./tafelContext.ts";

export interface OpleggerPoint {
  detail: PointDetail;
  /** The point's durable text and its hash. */
  json: unknown;
  hash: string;
}

export interface OpleggerData {
  tafel: TafelContext;
  points: OpleggerPoint[];
  checkpoint: LogCheckpoint;
  /** The screening of the newest imported version of each plan; empty when none was imported. */
  screenedPlans?: ScreenedPlan[];
}

export const OPLEGGER_EXCLUDED: readonly PointStatus[] = ["concept", "vervallen"];

const date = (instant: string) => formatDate(instant);
const status = (s: string) => (isPointStatus(s) ? statusLabel(s) : s);
/** Lower only the first letter, so acronyms (OOGO) keep their capitals. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
const group = (s: string) => (isPointStatus(s) ? POINT_STATUS_INFO[s].group : "open");

export function composeOplegger(data: OpleggerData): DocModel {
  const { tafel, checkpoint } = data;
  const ws = tafel.workspace;
  const peildatum = date(checkpoint.at);
  const themes = tafel.themes.filter((t) => data.points.some((p) => p.detail.theme === t.key));

  const cover: Block[] = [
    heading(1, "Oplegger overeenstemmingspunten"),
    heading(2, ws.planTitle),
    styled(
      "lead",
      `Bijlage bij het ${lowerFirst(tafel.planTypeLabel)}: de punten waarover het samenwerkingsverband en de colleges in het OOGO overeenstemming zoeken of bereikten, per thema, met de ondertekende tekstversies.`,
    ),
    fields([
      ["Partijen", tafel.parties.map((p) => p.name).join("; ")],
      ["Plan", `${ws.planTitle}, ${ws.planVersion}`],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Stand per", `${peildatum} (logboek tot en met gebeurtenis ${checkpoint.seq})`],
      ["Logboekkenmerk", checkpoint.kenmerk],
      ["Aantal punten", String(data.points.length)],
    ]),
    styled(
      "small",
      "Concepten en vervallen punten staan niet in deze oplegger. Inhoudshash: ",
      run(CONTENT_HASH_PLACEHOLDER, { mono: true }),
      ".",
    ),
  ];

  const groups = STATUS_GROUPS;
  const body: Block[] = [
    { kind: "toc", title: "Inhoudsopgave" },
    heading(1, "1. Overzicht", "overzicht"),
    para("Aantal punten per thema en stand van de overeenstemming."),
    table(
      ["Thema", "Punten", ...groups.map((g) => STATUS_GROUP_LABELS[g])],
      [
        ...themes.map((t) => {
          const ps = data.points.filter((p) => p.detail.theme === t.key);
          return [
            t.label,
            String(ps.length),
            ...groups.map((g) => String(ps.filter((p) => group(p.detail.status) === g).length)),
          ];
        }),
        [
          "Totaal",
          String(data.points.length),
          ...groups.map((g) => String(data.points.filter((p) => group(p.detail.status) === g).length)),
        ],
      ],
    ),
  ];

  themes.forEach((t, ti) => {
    body.push(heading(1, `${ti + 2}. ${t.label}`, `thema-${t.key}`));
    if (t.description) body.push(styled("muted", t.description));
    data.points
      .filter((p) => p.detail.theme === t.key)
      .forEach((p, pi) => body.push(...pointBlocks(tafel, p, `${ti + 2}.${pi + 1}`)));
  });

  body.push(
    heading(1, `${themes.length + 2}. Verantwoording`, "verantwoording"),
    para(
      "Het kenmerk van een tekst is een digitale vingerafdruk: verandert er één teken, dan verandert het kenmerk. Een ondertekening geldt voor precies één tekstversie; is de tekst daarna gewijzigd of het punt heropend, dan telt de ondertekening niet meer mee.",
    ),
    styled(
      "small",
      "Bewaar het logboekkenmerk: daarmee laat u later in OOGO Werkruimte (Overzicht, “Controleer een bewaard kenmerk”) nagaan of het logboek nog op deze stand voortbouwt en er dus niets is weggelaten of herschreven.",
    ),
    fields([
      ["Logboek t/m gebeurtenis", String(checkpoint.seq)],
      ["Hash van die gebeurtenis", checkpoint.hash],
      ["Logboekkenmerk", checkpoint.kenmerk],
      ["Ketencontrole", checkpoint.valid ? "Geldig" : `ONGELDIG bij ${brokenEventsLabel(checkpoint.brokenAt)}`],
      ["Inhoudshash van deze oplegger", CONTENT_HASH_PLACEHOLDER],
    ]),
    ...screeningAppendix(data.screenedPlans ?? [], themes.length + 3),
  );

  return {
    meta: {
      title: `Oplegger overeenstemmingspunten – ${ws.planTitle}`,
      subject: `Overeenstemmingspunten per thema, stand per ${peildatum}`,
      author: `Secretariaat ${ws.name}`,
      keywords: "OOGO, oplegger, overeenstemmingspunten, passend onderwijs",
      createdAt: checkpoint.at,
      headerLeft: `Oplegger overeenstemmingspunten · ${ws.name}`,
      headerRight: `Stand per ${peildatum}`,
      footerLeft: `Inhoudshash ${CONTENT_HASH_SHORT_PLACEHOLDER}`,
    },
    cover,
    body,
  };
}

function pointBlocks(tafel: TafelContext, p: OpleggerPoint, number: string): Block[] {
  const d = p.detail;
  const scope = d.scope.all ? "Alle gemeenten" : d.scope.gemeenteIds.map((id) => partyName(tafel, id)).join(", ");
  const valid = d.signoffs.filter((s) => !s.verouderd);
  const unsigned = d.parties.filter((party) => !valid.some((s) => s.partyId === party.id));
  return [
    heading(2, `${number} ${d.title}`, `punt-${d.id}`),
    fields([
      ["Status", status(d.status)],
      ["Gemeenten", scope],
      ["Looptijd", d.termMonths ? `${d.termMonths} maanden` : "Niet bepaald"],
      ["Tekstversie", `${d.textVersionNumber} (kenmerk ${shortHash(p.hash)})`],
    ]),
    { kind: "quote", caption: `Tekst (kenmerk ${shortHash(p.hash)})`, blocks: prosemirrorToBlocks(p.json) },
    d.signoffs.length
      ? table(
          ["Partij", "Ondertekend door", "Datum", "Kenmerk van de ondertekende tekst", "Geldig"],
          d.signoffs.map((s) => [
            s.partyName,
            `${s.signer.name}${s.signerTitle ? `, ${s.signerTitle}` : ""}`,
            formatDateTime(s.signedAt),
            shortHash(s.textHash),
            s.voidedAt ? "Vervallen (heropend)" : s.verouderd ? "Verouderd" : "Geldig",
          ]),
        )
      : styled("muted", "Nog door geen enkele partij ondertekend."),
    ...(unsigned.length && d.signoffs.length
      ? [styled("muted", `Nog geen geldige ondertekening van: ${unsigned.map((x) => x.name).join(", ")}.`)]
      : []),
  ];
}
