import { describe, expect, it } from "vitest";
import { blocksOf, compareBlocks, diffWords, hasChanges, proseMirrorToText } from "./textDiff.ts";

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

describe("compareBlocks", () => {
  const p = (text: string) => ({ kind: "paragraph" as const, text });
  const h = (text: string) => ({ kind: "heading" as const, text });

  it("reads headings, paragraphs, list items and table rows in order", () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", content: [{ type: "text", text: "Vervoer" }] },
        { type: "paragraph", content: [{ type: "text", text: "Eerste alinea." }] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Punt" }] }] }],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] },
                { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "b" }] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(blocksOf(json)).toEqual([
      h("Vervoer"),
      p("Eerste alinea."),
      { kind: "listItem", text: "Punt" },
      {
        kind: "tableRow",
        text: "a | b",
      },
    ]);
  });

  it("pairs a rewritten paragraph with its old self and marks the words", () => {
    const result = compareBlocks(
      [h("Jeugdhulp"), p("Binnen twee weken is er overleg."), p("Slot.")],
      [h("Jeugdhulp"), p("Binnen tien schooldagen is er overleg."), p("Slot.")],
    );
    expect(result.map((b) => b.change)).toEqual(["same", "changed", "same"]);
    const changed = result[1] as Extract<(typeof result)[number], { change: "changed" }>;
    expect(changed.parts.filter((x) => x.kind === "removed").map((x) => x.text.trim())).toEqual(["twee weken"]);
    expect(changed.parts.filter((x) => x.kind === "added").map((x) => x.text.trim())).toEqual(["tien schooldagen"]);
  });

  it("shows an unrelated replacement as removed and added, not as a word soup", () => {
    const result = compareBlocks([p("Het vervoer regelt de gemeente.")], [p("Leerplicht meldt verzuim direct.")]);
    expect(result.map((b) => b.change)).toEqual(["removed", "added"]);
  });

  it("marks a moved paragraph as moved on both sides", () => {
    const result = compareBlocks([p("A"), p("B"), p("C")], [p("B"), p("C"), p("A")]);
    const moved = result.filter((b) => b.change !== "same" && b.change !== "changed" && b.moved);
    expect(moved.map((b) => (b.change === "same" || b.change === "changed" ? "" : `${b.change}:${b.text}`))).toEqual([
      "removed:A",
      "added:A",
    ]);
  });

  it("reports nothing changed for equal versions", () => {
    expect(compareBlocks([p("x"), p("y")], [p("x"), p("y")]).every((b) => b.change === "same")).toBe(true);
  });
});
