import { describe, expect, it } from "vitest";
import { blockText, sectionLabel } from "./planText.ts";

describe("plan text helpers", () => {
  it("names a section by its number and title, without repeating a number the title already holds", () => {
    expect(sectionLabel({ number: "3.2", title: "Leerlingenvervoer" })).toBe("3.2 Leerlingenvervoer");
    expect(sectionLabel({ number: "3", title: "Hoofdstuk 3" })).toBe("Hoofdstuk 3");
    expect(sectionLabel({ number: "", title: "Voorwoord" })).toBe("Voorwoord");
    expect(sectionLabel({ number: "", title: "" })).toBe("");
  });

  it("reads a paragraph with bold runs as its plain text", () => {
    expect(blockText({ kind: "paragraph", text: "a b", runs: [{ text: "a " }, { text: "b", bold: true }] })).toBe(
      "a b",
    );
  });
});
