/**
 * The anchor of a comment: two Yjs relative positions (they follow their characters through
 * every concurrent edit, for late joiners too) plus the quoted text (ADR 0012). Encoded as
 * base64url for JSON. The editor maps them to ProseMirror positions; this module reads them on
 * a bare Y.Doc (server, tests, a future re-anchoring by quote).
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
