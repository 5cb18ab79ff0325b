/**
 * The anchor of a comment: two Yjs relative positions (they follow their characters through
 * every concurrent edit, for late joiners too) plus the quoted text (ADR 0012). Encoded as
 * base64url for JSON. The editor maps them to ProseMirror positions; this module reads them on
 * a bare Y.Doc (server, tests, re-anchoring by quote after a rebuild).
 */
import { fromBase64UrlEncoded, toBase64UrlEncoded } from "lib0/buffer";
import * as Y from "yjs";

export interface EncodedAnchor {
  start: string;
  end: string;
}

export function encodeAnchor(start: Y.RelativePosition, end: Y.RelativePosition): EncodedAnchor {
  return {
    start: toBase64UrlEncoded(Y.encodeRelativePosition(start)),
    end: toBase64UrlEncoded(Y.encodeRelativePosition(end)),
  };
}

export function decodeAnchor(anchor: EncodedAnchor): { start: Y.RelativePosition; end: Y.RelativePosition } {
  return {
    start: Y.decodeRelativePosition(fromBase64UrlEncoded(anchor.start)),
    end: Y.decodeRelativePosition(fromBase64UrlEncoded(anchor.end)),
  };
}

/**
 * Where an anchor is now in `doc`: the text it covers, or "verwijderd" when the text between
 * its ends was deleted (the positions collapsed). Null when it cannot be placed in this document
 * (not yet synced, or an anchor of another document). Spans within one text node are read
 * exactly; a span across paragraphs reports its first part.
 */
/** The text a placed anchor covers, or the marker that its text was deleted. */
export type AnchorPlace = { text: string } | "verwijderd";

export function anchoredText(doc: Y.Doc, anchor: EncodedAnchor): AnchorPlace | null {
  const { start, end } = decodeAnchor(anchor);
  const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!a || !b) return null;
  if (a.type === b.type && b.index <= a.index) return "verwijderd";
  if (!(a.type instanceof Y.XmlText || a.type instanceof Y.Text)) return null;
  const text = a.type.toDelta() as Array<{ insert?: unknown }>;
  const plain = text.map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
  return { text: a.type === b.type ? plain.slice(a.index, b.index) : plain.slice(a.index) };
}

/** A thread to place again after its document was rebuilt (restore, "Gebruik als basis"). */
export interface AnchorToPlace {
  id: string;
  anchor: EncodedAnchor;
  quote: string;
}

interface TextRun {
  text: Y.XmlText;
  plain: string;
}

/** The document's text nodes in reading order, each with its plain text (embeds count as nothing). */
function textRuns(doc: Y.Doc, field: string): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const delta = child.toDelta() as Array<{ insert?: unknown }>;
        // An embed counts one position in Yjs; U+FFFC keeps indexes equal and never matches a quote.
        runs.push({
          text: child,
          plain: delta.map((op) => (typeof op.insert === "string" ? op.insert : "\uFFFC")).join(""),
        });
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(field));
  return runs;
}

/**
 * New anchors for the threads whose text was deleted, where their quote is found again after a
 * rebuild: the first exact match within one paragraph, taken in the threads' old order (a thread
 * that stood after another is placed after it when the text allows, otherwise at the first
 * match). The old order is read in `before` (the document as it was before the rebuild) when
 * given, else where the collapsed anchors point now, else the order of `threads`. Threads still
 * in place, or whose quote is nowhere, are not in the result (the latter stay "tekst
 * verwijderd"). Positions are made like the editor makes them (association -1).
 */
export function reanchorByQuote(
  doc: Y.Doc,
  field: string,
  threads: readonly AnchorToPlace[],
  before?: Y.Doc,
): Map<string, EncodedAnchor> {
  const result = new Map<string, EncodedAnchor>();
  const runs = textRuns(doc, field);
  const oldDoc = before ?? doc;
  const oldRuns = before ? textRuns(before, field) : runs;
  const order = new Map(oldRuns.map((r, i) => [r.text as Y.AbstractType<unknown>, i]));
  const lost = threads.flatMap((thread, given) => {
    // null: even the paragraph is gone (its type was deleted), which is just as deleted.
    const place = anchoredText(doc, thread.anchor);
    if (!thread.quote || (place !== null && place !== "verwijderd")) return [];
    const at = Y.createAbsolutePositionFromRelativePosition(decodeAnchor(thread.anchor).start, oldDoc);
    const run = at ? order.get(at.type) : undefined;
    return [{ thread, key: run === undefined ? [Infinity, given] : [run, at!.index] }];
  });
  lost.sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]!);
  let after = { run: 0, index: 0 };
  for (const { thread } of lost) {
    const found = findQuote(runs, thread.quote, after) ?? findQuote(runs, thread.quote, { run: 0, index: 0 });
    if (!found) continue;
    const text = runs[found.run]!.text;
    result.set(
      thread.id,
      encodeAnchor(
        Y.createRelativePositionFromTypeIndex(text, found.index, -1),
        Y.createRelativePositionFromTypeIndex(text, found.index + thread.quote.length, -1),
      ),
    );
    after = { run: found.run, index: found.index + thread.quote.length };
  }
  return result;
}

function findQuote(
  runs: readonly TextRun[],
  quote: string,
  from: { run: number; index: number },
): { run: number; index: number } | null {
  for (let r = from.run; r < runs.length; r++) {
    const index = runs[r]!.plain.indexOf(quote, r === from.run ? from.index : 0);
    if (index >= 0) return { run: r, index };
  }
  return null;
}
