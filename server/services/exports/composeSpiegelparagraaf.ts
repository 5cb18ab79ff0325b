/**
 * The spiegelparagraaf as a document for the plan (issue 12): its prose with every embedded
 * overeenstemmingspunt drawn in full where it stands — text, status, each party's stance and
 * signature — and, for the "versie met wijzigingen", the changes since a kept version as
 * insertions (underlined, labelled "ingevoegd") and deletions (struck through, "verwijderd").
 * Pure: equal data, equal model.
 */
import { formatDate, formatDateTime } from "../../../shared/domain/dates.ts";
import { POINT_EMBED_NODE } from "../../../shared/domain/pointEmbeds.ts";
import { isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import { STANCE_LABELS } from "../../../shared/domain/stances.ts";
import { blocksOf, compareBlocks, type BlockChange } from "../../../shared/domain/textDiff.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import {
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
import { partyName, themeLabel, type TafelContext } from "./tafelContext.ts";

export interface SpiegelPoint {
  detail: PointDetail;
  /** The point's durable text and its hash. */
  json: unknown;
  hash: string;
}

export interface SpiegelExportData {
  tafel: TafelContext;
  checkpoint: LogCheckpoint;
  /** The spiegelparagraaf now (already through exportableSpiegelJson). */
  json: unknown;
  /** The tafel's embedded points by id; an id missing here prints as "Punt niet gevonden". */
  points: ReadonlyMap<string, SpiegelPoint>;
  /** For the "versie met wijzigingen": the kept version compared with. */
  since?: { label: string; json: unknown };
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
const status = (s: string) => (isPointStatus(s) ? statusLabel(s) : s);

export function composeSpiegelparagraaf(data: SpiegelExportData): DocModel {
  const { tafel, checkpoint, since } = data;
  const ws = tafel.workspace;
  const peildatum = formatDate(checkpoint.at);
  const embedded = countEmbeds(data.json);
  const title = since ? "Spiegelparagraaf – versie met wijzigingen" : "Spiegelparagraaf";

  const cover: Block[] = [
    heading(1, title),
    heading(2, ws.planTitle),
    styled(
      "lead",
      `De afspraken die het ${lowerFirst(tafel.planTypeLabel)} van het samenwerkingsverband en het jeugdbeleid van de gemeenten op elkaar afstemmen. Elk opgenomen overeenstemmingspunt staat erin zoals het nu vastligt: tekst, status, standpunten en ondertekeningen.`,
    ),
    fields([
      ["Partijen", tafel.parties.map((p) => p.name).join("; ")],
      ["Plan", `${ws.planTitle}${ws.planVersion ? `, ${ws.planVersion}` : ""}`],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Stand per", peildatum],
      ...(since ? ([["Wijzigingen sinds", since.label]] as Array<[string, string]>) : []),
      ["Opgenomen punten", String(embedded)],
      ["Kenmerk", CONTENT_HASH_SHORT_PLACEHOLDER],
    ]),
    since
      ? styled(
          "small",
          "Ingevoegde tekst is ",
          run("onderstreept", { underline: true }),
          " en verwijderde tekst ",
          run("doorgehaald", { strike: true }),
          "; hele alinea's en punten staan bovendien gemarkeerd als [ingevoegd] of [verwijderd].",
        )
      : styled(
          "small",
          "De tekst van een punt wordt alleen bij het punt zelf gewijzigd; deze paragraaf neemt het punt over zoals het op de peildatum staat.",
        ),
  ];

  const pointOf = (id: string) => data.points.get(id);
  const body: Block[] = [
    { kind: "toc", title: "Inhoudsopgave" },
    heading(1, "Tekst", "tekst"),
    ...(since
      ? changeBlocks(tafel, since.json, data.json, pointOf)
      : prosemirrorToBlocks(data.json, "(De spiegelparagraaf is nog leeg.)", {
          ownHeadings: true,
          embed: (id) => pointBlocks(tafel, pointOf(id)),
        })),
    heading(1, "Verantwoording", "verantwoording"),
    para(
      "Het kenmerk van een tekst is een digitale vingerafdruk: verandert er één teken, dan verandert het kenmerk. Een ondertekening geldt voor precies één tekstversie van een punt; is de tekst daarna gewijzigd, dan telt de ondertekening niet meer mee.",
    ),
    fields([
      ["Stand van het logboek", `${peildatum}, tot en met gebeurtenis ${checkpoint.seq}`],
      ["Logboekkenmerk", checkpoint.kenmerk],
      ["Kenmerk van deze uitgave", CONTENT_HASH_SHORT_PLACEHOLDER],
    ]),
  ];

  return {
    meta: {
      title: `${title} – ${ws.planTitle}`,
      subject: `Spiegelparagraaf met overeenstemmingspunten, stand per ${peildatum}`,
      author: `Secretariaat ${ws.name}`,
      keywords: "OOGO, spiegelparagraaf, overeenstemmingspunten, passend onderwijs",
      createdAt: checkpoint.at,
      headerLeft: `${title} · ${ws.name}`,
      headerRight: `Stand per ${peildatum}`,
      footerLeft: `Kenmerk ${CONTENT_HASH_SHORT_PLACEHOLDER}`,
    },
    cover,
    body,
  };
}

/** How many point blocks a document embeds (including ones that will print "niet gevonden"). */
function countEmbeds(json: unknown): number {
  let n = 0;
  const walk = (node: { type?: string; content?: unknown[] }) => {
    if (node.type === POINT_EMBED_NODE) n++;
    for (const c of node.content ?? []) walk(c as typeof node);
  };
  if (json && typeof json === "object") walk(json);
  return n;
}

/** An embedded point as it stands: text, status, and per party its stance and signature. */
export function pointBlocks(tafel: TafelContext, p: SpiegelPoint | undefined): Block[] {
  // Never more than this: an id of another tafel (or of nothing) must not tell anything.
  if (!p) return [styled("muted", run("Punt niet gevonden", { italic: true }))];
  const d = p.detail;
  const scope = d.scope.all ? "Alle gemeenten" : d.scope.gemeenteIds.map((id) => partyName(tafel, id)).join(", ");
  return [
    heading(3, `Overeenstemmingspunt: ${d.title}`),
    fields([
      ["Thema", themeLabel(tafel, d.theme)],
      ["Status", status(d.status)],
      ["Gemeenten", scope],
      ["Tekstversie", `${d.textVersionNumber} (kenmerk ${shortHash(p.hash)})`],
    ]),
    {
      kind: "quote",
      caption: `Tekst van het punt (kenmerk ${shortHash(p.hash)})`,
      blocks: prosemirrorToBlocks(p.json),
    },
    table(
      ["Partij", "Standpunt", "Ondertekend"],
      d.parties.map((party) => [
        party.name,
        STANCE_LABELS[party.effectiveStance],
        party.signoff
          ? `Ja, door ${party.signoff.signer.name}${party.signoff.signerTitle ? ` (${party.signoff.signerTitle})` : ""} op ${formatDateTime(party.signoff.signedAt)}`
          : "Nog niet",
      ]),
    ),
  ];
}

// ── Versie met wijzigingen ──────────────────────────────────────────────────

/** Stands in for an embedded point while diffing: a private-use character no editor shows. */
const EMBED_MARK = "\uE000punt:";

/** The document with each embedded point as one paragraph holding its marker, so the diff sees it. */
function withEmbedMarkers(json: unknown): unknown {
  const walk = (node: Record<string, unknown>): Record<string, unknown> => {
    if (node.type === POINT_EMBED_NODE) {
      const id = (node.attrs as Record<string, unknown> | undefined)?.pointId;
      return { type: "paragraph", content: [{ type: "text", text: `${EMBED_MARK}${String(id)}` }] };
    }
    const content = node.content;
    return Array.isArray(content) ? { ...node, content: content.map((c) => walk(c as Record<string, unknown>)) } : node;
  };
  return json && typeof json === "object" ? walk(json as Record<string, unknown>) : json;
}

const embedId = (text: string) => (text.startsWith(EMBED_MARK) ? text.slice(EMBED_MARK.length) : null);

function changeBlocks(
  tafel: TafelContext,
  before: unknown,
  after: unknown,
  pointOf: (id: string) => SpiegelPoint | undefined,
): Block[] {
  const changes = compareBlocks(blocksOf(withEmbedMarkers(before)), blocksOf(withEmbedMarkers(after)));
  if (!changes.length) return [styled("muted", run("(De spiegelparagraaf is leeg.)", { italic: true }))];
  const out: Block[] = [];
  let anchors = 0;
  const label = (text: string) => run(`[${text}] `, { bold: true });
  for (const c of changes) out.push(...changeBlock(c));
  if (!changes.some((c) => c.change !== "same"))
    out.unshift(styled("muted", "Sinds die versie is de tekst van de spiegelparagraaf niet gewijzigd."));
  return out;

  function changeBlock(c: BlockChange): Block[] {
    const prefix = c.kind === "listItem" ? "• " : "";
    if (c.change === "changed") {
      return [
        {
          kind: "paragraph",
          runs: [
            ...(prefix ? [run(prefix)] : []),
            ...c.parts.map((p) =>
              run(p.text, {
                ...(c.kind === "heading" ? { bold: true } : {}),
                ...(p.kind === "added" ? { underline: true } : p.kind === "removed" ? { strike: true } : {}),
              }),
            ),
          ],
        },
      ];
    }
    const id = embedId(c.text);
    if (id !== null) {
      const p = pointOf(id);
      const name = p ? `Overeenstemmingspunt “${p.detail.title}”` : "Punt niet gevonden";
      if (c.change === "same") return pointBlocks(tafel, p);
      if (c.change === "added")
        return [
          para(label(c.moved ? "verplaatst, ingevoegd" : "ingevoegd"), run(name, { underline: true })),
          ...pointBlocks(tafel, p),
        ];
      return [para(label(c.moved ? "verplaatst, verwijderd" : "verwijderd"), run(name, { strike: true }))];
    }
    if (c.change === "same") {
      if (c.kind === "heading") return [heading(2, c.text, `kop-${++anchors}`)];
      return [para(prefix + c.text)];
    }
    const added = c.change === "added";
    const tag = `${c.moved ? "verplaatst, " : ""}${added ? "ingevoegd" : "verwijderd"}`;
    return [
      para(
        label(tag),
        ...(prefix ? [run(prefix)] : []),
        run(c.text, {
          ...(added ? { underline: true } : { strike: true }),
          ...(c.kind === "heading" ? { bold: true } : {}),
        }),
      ),
    ];
  }
}
