/**
 * The pure check the sync server runs on every update that sets formatting (ADR 0016): a new
 * suggestion mark must carry the sender's own identity and a time not more than five minutes ahead
 * of the server's clock; a mark the document already holds passes as it is.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import {
  SUGGESTION_CLOCK_SKEW_MS,
  encodeSuggestionId,
  type SuggestionAuthor,
} from "../../shared/editor/suggestions.ts";
import { forgedSuggestion } from "./suggestionGuard.ts";

const anna: SuggestionAuthor = { userId: "u-anna", name: "Anna", partyId: "p-swv", partyName: "SWV", color: "#01689b" };
const bas: SuggestionAuthor = {
  userId: "u-bas",
  name: "Bas",
  partyId: "p-gem",
  partyName: "Gemeente",
  color: "#a90061",
};
/** The server's clock in these tests. */
const NOW = 1_760_000_000_000;

/** An update that inserts text under an insertion mark with this id (as y-tiptap stores it). */
function markedUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [paragraph]);
  text.insert(0, "Voorstel", { insertion: { id } });
  return Y.encodeStateAsUpdate(doc);
}

const check = (id: string, at: number, known: string[] = []) =>
  forgedSuggestion(markedUpdate(id), anna, new Set(known), at);

describe("new suggestion marks", () => {
  it("pass in the sender's own name, dated now, a little ahead or long ago (offline work)", () => {
    for (const at of [NOW, NOW + SUGGESTION_CLOCK_SKEW_MS, NOW - 365 * 24 * 3600_000, 0]) {
      expect(check(encodeSuggestionId("k", anna, at), NOW)).toBeNull();
    }
  });

  it("are refused when dated more than five minutes ahead of the server's clock", () => {
    expect(check(encodeSuggestionId("k", anna, NOW + SUGGESTION_CLOCK_SKEW_MS + 1), NOW)).toBe(
      "suggestion: dated in the future",
    );
    expect(check(encodeSuggestionId("k", anna, NOW + 24 * 3600_000), NOW)).toBe("suggestion: dated in the future");
  });

  it("are refused in someone else's name or without an author, whatever their time", () => {
    expect(check(encodeSuggestionId("k", bas, NOW), NOW)).toBe("suggestion: mark in someone else's name");
    expect(check("42", NOW)).toBe("suggestion: mark without an author");
  });

  it("the document already holds pass, even dated ahead (checked when they arrived)", () => {
    const future = encodeSuggestionId("k", anna, NOW + 3_600_000);
    expect(check(future, NOW, [future])).toBeNull();
    const others = encodeSuggestionId("k", bas, NOW + 3_600_000);
    expect(check(others, NOW, [others])).toBeNull();
  });
});
