/**
 * The sync server's part in suggestions (ADR 0016). Three checks around applying an update:
 *
 * 1. Every connection: a suggestion mark the update sets must carry the sender's own identity,
 *    or be one the document already holds (Yjs re-asserts a neighbour's formatting after text
 *    typed next to it); a new one must not be dated more than SUGGESTION_CLOCK_SKEW_MS ahead of
 *    the server's clock. Only updates that carry formatting are decoded for this: O(update).
 * 2. "Alleen voorstellen" connections: the text with all pending suggestions reverted, and other
 *    people's suggestions, must be the same after the update (a copy of the document is used:
 *    whole-document work, for these few connections only).
 * 3. Decisions: when a document has open suggestions and an update removes formatting or
 *    deletes, the suggestions before and after are compared; each one gone is reported as
 *    accepted, rejected or withdrawn by the sender, for the log.
 */
import * as Y from "yjs";
import { docToJson } from "../documents/prosemirror.ts";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import { suggestOnlyFingerprint } from "../../shared/editor/suggestTransaction.ts";
import {
  ANCHOR,
  isSuggestionMark,
  parseSuggestionId,
  sameAuthor,
  suggestionFromFuture,
  type SuggestionAuthor,
  type SuggestionId,
  type SuggestionMark,
} from "../../shared/editor/suggestions.ts";

/** y-tiptap may suffix a mark's attribute key with a hash ("insertion--AbCd1234"). */
const markOfKey = (key: string): string => /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/.exec(key)?.[1] ?? key;

/** Why an update's new suggestion marks are refused, or null; `now` is the server's clock (ms). */
export function forgedSuggestion(
  update: Uint8Array,
  author: SuggestionAuthor,
  known: Set<string>,
  now: number,
): string | null {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const { key, value } = struct.content;
    if (!isSuggestionMark(markOfKey(key)) || value === null || value === undefined) continue;
    const id = (value as { id?: unknown }).id;
    // A mark the document holds was checked when it arrived (its time against the clock of then).
    if (typeof id === "string" && known.has(id)) continue;
    const parsed = parseSuggestionId(id);
    if (!parsed) return "suggestion: mark without an author";
    if (!sameAuthor(parsed, author)) return "suggestion: mark in someone else's name";
    if (suggestionFromFuture(parsed.at, now)) return "suggestion: dated in the future";
  }
  return null;
}

/** Ids of suggestion marks an update sets (to keep `known` current). */
export function suggestionIdsIn(update: Uint8Array): string[] {
  const ids: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const { key, value } = struct.content;
    const id = (value as { id?: unknown } | null)?.id;
    if (isSuggestionMark(markOfKey(key)) && typeof id === "string") ids.push(id);
  }
  return ids;
}

/** Refusal reason when an "alleen voorstellen" update changes text directly or others' suggestions. */
export function suggestOnlyViolation(ydoc: Y.Doc, update: Uint8Array, author: SuggestionAuthor): string | null {
  const before = suggestOnlyFingerprint(docToJson(ydoc), author);
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    Y.applyUpdate(copy, update);
    const after = suggestOnlyFingerprint(docToJson(copy), author);
    return before === after ? null : "suggestion: alleen voorstellen, but the text or another's suggestion changed";
  } finally {
    copy.destroy();
  }
}

export interface FoundSuggestion {
  kind: SuggestionMark;
  id: string;
  author: SuggestionId | null;
  /** The first stretch of text under the mark: whether it survives tells accept from reject. */
  first: Y.Item;
  text: string;
}

export interface SuggestionWalk {
  byKey: Map<string, FoundSuggestion>;
  /** Every text item under some suggestion mark (a merge keeps the text marked, under another id). */
  marked: Set<Y.Item>;
}

/** The open suggestions of a document, read from its Yjs structure (no ProseMirror conversion). */
export function walkSuggestions(ydoc: Y.Doc): SuggestionWalk {
  const walk: SuggestionWalk = { byKey: new Map(), marked: new Set() };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type: fragment, element or text
  const visit = (type: Y.AbstractType<any>) => {
    if (type instanceof Y.XmlText) return visitText(type, walk);
    for (let item = type._start; item; item = item.right) {
      if (!item.deleted && item.content instanceof Y.ContentType) visit(item.content.type);
    }
  };
  visit(ydoc.getXmlFragment(DOCUMENT_FIELD));
  return walk;
}

function visitText(text: Y.XmlText, walk: SuggestionWalk): void {
  const attrs = new Map<string, unknown>();
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null || content.value === undefined) attrs.delete(content.key);
      else attrs.set(content.key, content.value);
      continue;
    }
    if (!(content instanceof Y.ContentString)) continue;
    for (const [key, value] of attrs) {
      const kind = markOfKey(key);
      if (!isSuggestionMark(kind)) continue;
      const id = String((value as { id?: unknown }).id);
      const mapKey = `${kind}:${id}`;
      let found = walk.byKey.get(mapKey);
      if (!found) {
        found = { kind, id, author: parseSuggestionId(id), first: item, text: "" };
        walk.byKey.set(mapKey, found);
      }
      found.text += content.str.replaceAll(ANCHOR, "");
      walk.marked.add(item);
    }
  }
}

export type SuggestionOutcome = "accepted" | "rejected" | "withdrawn";
export interface SuggestionDecision {
  kind: SuggestionMark;
  id: string;
  author: SuggestionId | null;
  text: string;
  outcome: SuggestionOutcome;
}

/** The suggestions gone between two walks, with what became of them; `deciderId` is the sender. */
export function decisionsBetween(
  before: SuggestionWalk,
  after: SuggestionWalk,
  deciderId: string,
): SuggestionDecision[] {
  const decisions: SuggestionDecision[] = [];
  for (const [key, s] of before.byKey) {
    if (after.byKey.has(key) || after.marked.has(s.first)) continue;
    // An insertion whose text is gone was rejected; a deletion whose text is gone was accepted.
    const textGone = s.first.deleted;
    let outcome: SuggestionOutcome =
      s.kind === "deletion" ? (textGone ? "accepted" : "rejected") : textGone ? "rejected" : "accepted";
    if (outcome === "rejected" && s.author?.userId === deciderId) outcome = "withdrawn";
    decisions.push({ kind: s.kind, id: s.id, author: s.author, text: s.text, outcome });
  }
  return decisions;
}
