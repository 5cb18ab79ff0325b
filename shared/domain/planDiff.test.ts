import { describe, expect, it } from "vitest";
import { diffParagraphs, diffPlanTexts, wordDiff } from "./planDiff.ts";
import type { PlanSection, PlanText } from "./planText.ts";

const section = (number: string, title: string, ...paragraphs: string[]): PlanSection => ({
  id: `s${number}`,
  number,
  title,
  level: number.includes(".") ? 2 : 1,
  blocks: paragraphs.map((text) => ({ kind: "paragraph", text })),
});
const plan = (...sections: PlanSection[]): PlanText => ({ sections });

describe("word diff", () => {
  it("marks exactly the words that were replaced", () => {
    expect(wordDiff("Wij zullen onderzoeken of vervoer kan.", "Wij regelen vervoer binnen zes weken.")).toEqual([
      { op: "same", text: "Wij " },
      { op: "removed", text: "zullen onderzoeken of " },
      { op: "added", text: "regelen " },
      { op: "same", text: "vervoer " },
      { op: "removed", text: "kan" },
      { op: "added", text: "binnen zes weken" },
      { op: "same", text: "." },
    ]);
  });

  it("gives back both texts when put together in order", () => {
    const ops = wordDiff("a b c d ", "a x c d e");
    expect(
      ops
        .filter((o) => o.op !== "added")
        .map((o) => o.text)
        .join(""),
    ).toBe("a b c d ");
    expect(
      ops
        .filter((o) => o.op !== "removed")
        .map((o) => o.text)
        .join(""),
    ).toBe("a x c d e");
  });
});

describe("paragraph pairing", () => {
  it("pairs a reworded paragraph, keeps identical ones, and reports inserted and deleted ones", () => {
    const before = [
      "Het samenwerkingsverband overlegt twee keer per jaar met de gemeenten.",
      "Leerlingenvervoer blijft een taak van de gemeente.",
      "Deze alinea vervalt helemaal in de nieuwe versie.",
    ];
    const after = [
      "Een geheel nieuwe alinea over thuiszitters.",
      "Het samenwerkingsverband overlegt vier keer per jaar met de gemeenten.",
      "Leerlingenvervoer blijft een taak van de gemeente.",
    ];
    const changes = diffParagraphs(before, after);
    expect(changes.map((c) => c.kind)).toEqual(["added", "changed", "unchanged", "removed"]);
    const changed = changes[1];
    expect(changed?.kind === "changed" && changed.words.filter((w) => w.op !== "same")).toEqual([
      { op: "removed", text: "twee " },
      { op: "added", text: "vier " },
    ]);
  });
});

describe("plan diff per section", () => {
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
    const changes = diffPlanTexts(v1, v2);
    expect(changes.map((c) => [c.status, c.number, c.title, c.previousSectionId])).toEqual([
      ["unchanged", "1", "Inleiding", "s1"],
      ["added", "2", "Thuiszitters", null],
      ["changed", "3", "Leerlingenvervoer", "s2"],
      ["removed", "3", "Oud hoofdstuk", "s3"],
    ]);
    const vervoer = changes[2]!.paragraphs[0]!;
    expect(vervoer.kind).toBe("changed");
    expect(vervoer.kind === "changed" && vervoer.words.find((w) => w.op === "added")?.text).toBe("binnen zes weken");
  });

  it("reports a renamed section at the same number as changed, with its old title", () => {
    const changes = diffPlanTexts(
      plan(section("2.1", "Vervoer", "Zelfde tekst.")),
      plan(section("2.1", "Leerlingenvervoer", "Zelfde tekst.")),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ status: "changed", previousTitle: "Vervoer", title: "Leerlingenvervoer" });
  });

  it("says unchanged when nothing changed", () => {
    const v = plan(section("1", "Inleiding", "a"), section("2", "Slot", "b"));
    expect(diffPlanTexts(v, v).every((c) => c.status === "unchanged")).toBe(true);
  });
});
