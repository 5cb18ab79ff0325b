import { describe, expect, it } from "vitest";
import type { PlanSection, PlanText } from "./planText.ts";
import { blocksOf, compareBlocks, comparePlanTexts, diffWords, hasChanges, proseMirrorToText } from "./textDiff.ts";

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

// Plan versions (issue 14), formerly planDiff.ts: the same comparison, per section of a PlanText.
const section = (number: string, title: string, ...paragraphs: string[]): PlanSection => ({
  id: `s${number}`,
  number,
  title,
  level: number.includes(".") ? 2 : 1,
  blocks: paragraphs.map((text) => ({ kind: "paragraph", text })),
});
const plan = (...sections: PlanSection[]): PlanText => ({ sections });

describe("comparePlanTexts", () => {
  it("pairs a reworded paragraph, keeps identical ones, and reports inserted and deleted ones", () => {
    const [change] = comparePlanTexts(
      plan(
        section(
          "1",
          "Overleg",
          "Het samenwerkingsverband overlegt twee keer per jaar met de gemeenten.",
          "Leerlingenvervoer blijft een taak van de gemeente.",
          "Deze alinea vervalt helemaal in de nieuwe versie.",
        ),
      ),
      plan(
        section(
          "1",
          "Overleg",
          "Een geheel nieuwe alinea over thuiszitters.",
          "Het samenwerkingsverband overlegt vier keer per jaar met de gemeenten.",
          "Leerlingenvervoer blijft een taak van de gemeente.",
        ),
      ),
    );
    expect(change!.blocks.map((b) => b.change)).toEqual(["added", "changed", "same", "removed"]);
    const changed = change!.blocks[1]!;
    expect(changed.change === "changed" && changed.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "twee" },
      { kind: "added", text: "vier" },
    ]);
  });

  it("pairs sections by title across renumbering, and finds added, removed and changed ones", () => {
    const v1 = plan(
      section("1", "Inleiding", "Dit plan beschrijft de ondersteuning."),
      section("2", "Leerlingenvervoer", "De gemeente regelt het vervoer."),
      section("3", "Oud hoofdstuk", "Tekst die verdwijnt."),
    );
    const v2 = plan(
      section("1", "Inleiding", "Dit plan beschrijft de ondersteuning."),
      section("2", "Thuiszitters", "Nieuw hoofdstuk."),
      section("3", "Leerlingenvervoer", "De gemeente regelt het vervoer binnen zes weken."),
    );
    const changes = comparePlanTexts(v1, v2);
    expect(changes.map((c) => [c.status, c.number, c.title, c.previousSectionId])).toEqual([
      ["unchanged", "1", "Inleiding", "s1"],
      ["added", "2", "Thuiszitters", null],
      ["changed", "3", "Leerlingenvervoer", "s2"],
      ["removed", "3", "Oud hoofdstuk", "s3"],
    ]);
    const vervoer = changes[2]!.blocks[0]!;
    expect(vervoer.change === "changed" && vervoer.parts.find((p) => p.kind === "added")?.text).toBe(
      " binnen zes weken",
    );
  });

  it("reports a renamed section at the same number as changed, with its old title", () => {
    const changes = comparePlanTexts(
      plan(section("2.1", "Vervoer", "Zelfde tekst.")),
      plan(section("2.1", "Leerlingenvervoer", "Zelfde tekst.")),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ status: "changed", previousTitle: "Vervoer", title: "Leerlingenvervoer" });
  });

  it("says unchanged when nothing changed", () => {
    const v = plan(section("1", "Inleiding", "a"), section("2", "Slot", "b"));
    expect(comparePlanTexts(v, v).every((c) => c.status === "unchanged")).toBe(true);
  });

  it("marks a paragraph moved to another section as moved on both sides, and reads lists and tables per item", () => {
    const moved = "Het vervoer wordt elk jaar geëvalueerd met de gemeenten.";
    const v1 = plan(section("1", "Inleiding", "Aanhef.", moved), section("2", "Vervoer", "Regels."));
    const v2: PlanText = {
      sections: [
        section("1", "Inleiding", "Aanhef."),
        {
          ...section("2", "Vervoer", "Regels.", moved),
          blocks: [
            { kind: "paragraph", text: "Regels." },
            { kind: "paragraph", text: moved },
            { kind: "list", ordered: false, items: [{ text: "Eerste punt", depth: 0 }] },
            { kind: "table", rows: [["Post", "Bedrag"]] },
          ],
        },
      ],
    };
    const [intro, vervoer] = comparePlanTexts(v1, v2);
    expect(intro!.blocks.find((b) => b.change === "removed")).toMatchObject({ text: moved, moved: true });
    expect(vervoer!.blocks.filter((b) => b.change === "added")).toEqual([
      { change: "added", kind: "paragraph", text: moved, moved: true },
      { change: "added", kind: "listItem", text: "Eerste punt", moved: false },
      { change: "added", kind: "tableRow", text: "Post | Bedrag", moved: false },
    ]);
  });
});
