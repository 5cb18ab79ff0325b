import { describe, expect, it } from "vitest";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { canonicalJson, textHash } from "../domain/textHash.ts";
import { editorSchema } from "./extensions.ts";
import { suggestOnlyFingerprint, suggestTransaction } from "./suggestTransaction.ts";
import {
  clockOffset,
  encodeSuggestionId,
  listSuggestions,
  parseSuggestionId,
  withoutPendingSuggestions,
  type SuggestionAuthor,
} from "./suggestions.ts";

const anna: SuggestionAuthor = {
  userId: "u-anna",
  name: "Anna de Vries",
  partyId: "p-swv",
  partyName: "SWV",
  color: "#01689b",
};
const bas: SuggestionAuthor = {
  userId: "u-bas",
  name: "Bas | Jansen",
  partyId: "p-gem",
  partyName: "Gemeente Zwolle",
  color: "#a90061",
};

const original = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Hallo wereld" }] },
    { type: "paragraph", content: [{ type: "text", text: "Tweede alinea" }] },
  ],
};

let keys = 0;
const start = () => EditorState.create({ schema: editorSchema(), doc: editorSchema().nodeFromJSON(original) });
/** Applies an edit the way the editor does in "Voorstellen" mode. */
function suggest(
  state: EditorState,
  me: SuggestionAuthor,
  edit: (s: EditorState) => ReturnType<EditorState["tr"]["insertText"]>,
) {
  return state.apply(
    suggestTransaction(
      edit(state),
      state,
      me,
      () => `k${++keys}`,
      () => 1_700_000_000_000,
    ),
  );
}

describe("suggestion ids", () => {
  it("carry the author and survive separators and odd characters in names", () => {
    const id = encodeSuggestionId("abc", bas, 42);
    expect(parseSuggestionId(id)).toEqual({ key: "abc", at: 42, ...bas });
  });
  it("refuse anything else", () => {
    for (const bad of [
      1,
      null,
      "",
      "v1|a",
      "v2|k|u|p|1|n|p|c",
      "v1|k|u|p|notanumber|n|p|c",
      "v1|k|u|p|1|%E0%A4%A|p|c",
      "x".repeat(3000),
    ])
      expect(parseSuggestionId(bad)).toBeNull();
  });
});

describe("the device's clock against the server's", () => {
  it("is off by the server's time minus the midpoint of the round trip", () => {
    // An hour fast, asked at 10 000 and answered at 10 400: the server read its clock around 10 200.
    expect(clockOffset(10_200 - 3_600_000, 10_000, 10_400)).toBe(-3_600_000);
    expect(clockOffset(10_200 + 90_000, 10_000, 10_400)).toBe(90_000);
    expect(clockOffset(10_200, 10_000, 10_400)).toBe(0);
  });
});

describe("suggesting", () => {
  it("an insertion is listed with its author and leaves the reverted text (and its hash) unchanged", () => {
    const state = suggest(start(), anna, (s) => s.tr.insertText(" mooie", 6));
    const json: unknown = state.doc.toJSON();
    expect(listSuggestions(json)).toMatchObject([{ kind: "insertion", text: " mooie", author: { userId: "u-anna" } }]);
    expect(canonicalJson(withoutPendingSuggestions(json))).toBe(canonicalJson(original));
    expect(textHash(withoutPendingSuggestions(json))).toBe(textHash(original));
  });

  it("a deletion and a paragraph split revert to the original", () => {
    let state = suggest(start(), anna, (s) => s.tr.delete(1, 7));
    state = suggest(state, anna, (s) => s.tr.setSelection(TextSelection.create(s.doc, 18)).split(18));
    const json: unknown = state.doc.toJSON();
    expect(
      listSuggestions(json)
        .map((s) => s.kind)
        .sort(),
    ).toEqual(["deletion", "insertion"]);
    expect(listSuggestions(json).find((s) => s.kind === "deletion")?.text).toBe("Hallo ");
    expect(canonicalJson(withoutPendingSuggestions(json))).toBe(canonicalJson(original));
  });

  it("typing next to another party's suggestion is attributed to the typist, theirs stays as it was", () => {
    const annas = suggest(start(), anna, (s) => s.tr.insertText(" mooie", 6));
    let state = annas;
    const before = listSuggestions(state.doc.toJSON());
    // Right after Anna's insertion (pos 6 + 6 characters) and right before it.
    state = suggest(state, bas, (s) => s.tr.insertText("!", 12));
    state = suggest(state, bas, (s) => s.tr.insertText("?", 6));
    const after = listSuggestions(state.doc.toJSON());
    expect(after.filter((s) => s.author?.userId === "u-anna")).toEqual(before);
    expect(
      after
        .filter((s) => s.author?.userId === "u-bas")
        .map((s) => s.text)
        .sort(),
    ).toEqual(["!", "?"]);
    expect(suggestOnlyFingerprint(state.doc.toJSON(), bas)).toBe(suggestOnlyFingerprint(annas.doc.toJSON(), bas));
  });

  it("a direct edit changes the fingerprint an 'alleen voorstellen' member must keep", () => {
    const state = start();
    const edited = state.apply(state.tr.insertText("X", 1));
    expect(suggestOnlyFingerprint(edited.doc.toJSON(), anna)).not.toBe(
      suggestOnlyFingerprint(state.doc.toJSON(), anna),
    );
  });

  it("a document without suggestions is returned as it is", () => {
    expect(withoutPendingSuggestions(original)).toBe(original);
  });
});
