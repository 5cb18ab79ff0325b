import { describe, expect, it } from "vitest";
import { diffWords, hasChanges, proseMirrorToText } from "./textDiff.ts";

const doc = (...paragraphs: string[]) => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
});

describe("proseMirrorToText", () => {
  it("joins blocks with a blank line and keeps marks' text", () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Afspraak" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Binnen " },
            { type: "text", marks: [{ type: "bold" }], text: "drie" },
            { type: "text", text: " maanden." },
          ],
        },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "een" }] }] }],
        },
      ],
    };
    expect(proseMirrorToText(json)).toBe("Afspraak\n\nBinnen drie maanden.\n\neen");
  });

  it("returns an empty string for junk", () => {
    expect(proseMirrorToText(null)).toBe("");
    expect(proseMirrorToText("tekst")).toBe("");
    expect(proseMirrorToText(doc())).toBe("");
  });
});

describe("diffWords", () => {
  it("marks a replaced word as removed and added, keeping the rest", () => {
    const parts = diffWords("binnen drie maanden een aanbod", "binnen zes maanden een aanbod");
    expect(parts).toEqual([
      { kind: "same", text: "binnen " },
      { kind: "removed", text: "drie" },
      { kind: "added", text: "zes" },
      { kind: "same", text: " maanden een aanbod" },
    ]);
    expect(hasChanges(parts)).toBe(true);
  });

  it("reconstructs both texts from the parts", () => {
    const before = "De gemeente betaalt het vervoer.\n\nHet SWV meldt wijzigingen.";
    const after = "De gemeente en het SWV betalen samen het vervoer.\n\nHet SWV meldt wijzigingen tijdig.";
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });

  it("reports no changes for equal texts", () => {
    expect(hasChanges(diffWords("gelijk gebleven", "gelijk gebleven"))).toBe(false);
    expect(diffWords("", "")).toEqual([]);
  });

  it("handles text added to an empty document", () => {
    expect(diffWords("", "nieuwe tekst")).toEqual([{ kind: "added", text: "nieuwe tekst" }]);
  });
});
