/**
 * A point's durable text: where it lives (its Yjs document), its canonical JSON and hash, the
 * guard against acting on a text the cache has not caught up with, and the stored versions
 * every event can refer to.
 */
import { pointTextVersions } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import {
  listSuggestions,
  quoteOf,
  withoutPendingSuggestions,
  type OpenSuggestion,
} from "../../../shared/editor/suggestions.ts";
import { ApiError } from "../../http/errors.ts";
import { nowIso, type ServiceContext, type TxContext } from "../serviceContext.ts";
import type { PointRow } from "./pointState.ts";

/**
 * The durable text of a point: canonical ProseMirror JSON and its hash — both of the text with
 * every pending suggestion reverted (proposals are not the text; docs/sync-protocol.md) — and
 * the suggestions still open.
 */
export interface DurableText {
  hash: string;
  json: string;
  suggestions: OpenSuggestion[];
}

export const pointDocumentName = (point: { id: string; workspaceId: string }) =>
  documentNames.point(point.workspaceId, point.id);

/** Reads the point's text from the durable Yjs state (never from a cache or a client). */
export async function readDurableText(
  ctx: ServiceContext,
  point: { id: string; workspaceId: string },
): Promise<DurableText> {
  const raw = await ctx.deps.documents.readJson(pointDocumentName(point));
  const json = withoutPendingSuggestions(raw);
  return { hash: textHash(json), json: canonicalJson(json), suggestions: listSuggestions(raw) };
}

/** Nobody agrees to or signs a text that still carries proposals (issue 12): 409 listing them. */
export function assertNoOpenSuggestions(text: DurableText, action: "standpunt" | "ondertekening"): void {
  if (text.suggestions.length === 0) return;
  const lines = text.suggestions.slice(0, 5).map((s) => {
    const who = s.author ? `${s.author.name}${s.author.partyName ? ` (${s.author.partyName})` : ""}` : "onbekend";
    const what = s.kind === "deletion" ? "schrappen" : s.kind === "insertion" ? "toevoegen" : "opmaak";
    return `${who}: ${what} “${quoteOf(s.text, 40)}”`;
  });
  const more = text.suggestions.length > 5 ? ` en nog ${text.suggestions.length - 5}` : "";
  throw new ApiError(
    "SUGGESTIONS_OPEN",
    `Er staan nog voorstellen open in de tekst; ${action === "standpunt" ? "een standpunt" : "een handtekening"} kan pas als die aanvaard of verworpen zijn. Open: ${lines.join("; ")}${more}.`,
  );
}

/**
 * Refuses to act while the cached hash lags the durable text: a verb must never bind a stance,
 * signature or lock to a text the parties have not seen. (The text watcher or the verb's own
 * catch-up brings the cache up to date first; this is the guard for the window in between.)
 */
export function assertTextCurrent(point: PointRow, text: DurableText): void {
  if (text.hash !== point.textHash) {
    throw new ApiError("TEXT_CHANGED", "De tekst is zojuist gewijzigd. Lees de nieuwe tekst en probeer het opnieuw.");
  }
}

/** Stores the exact text behind a hash an event refers to (once per point and hash). */
export async function saveTextVersion(t: TxContext, pointId: string, text: DurableText): Promise<void> {
  await t.tx
    .insert(pointTextVersions)
    .values({ pointId, textHash: text.hash, json: text.json, createdAt: nowIso(t) })
    .onConflictDoNothing();
}

/** Plain text → a ProseMirror document: blank lines separate paragraphs; empty → one empty paragraph. */
export function plainTextToDoc(text: string | undefined): unknown {
  const paragraphs = (text ?? "")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return { type: "doc", content: [{ type: "paragraph" }] };
  return {
    type: "doc",
    content: paragraphs.map((p) => ({
      type: "paragraph",
      content: [{ type: "text", text: p.replace(/\s*\n\s*/g, " ") }],
    })),
  };
}
