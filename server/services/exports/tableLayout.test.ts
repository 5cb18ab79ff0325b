import { describe, expect, it } from "vitest";
import { autoColumnWidths } from "./tableLayout.ts";

// One unit per character: easy to reason about.
const measure = (text: string) => text.length;

describe("autoColumnWidths", () => {
  it("gives every column at least its longest word, so no word is cut", () => {
    const header = ["Partij", "Soort", "Code"];
    const rows = [
      ["Samenwerkingsverband VO Groningen Stad", "Samenwerkingsverband VO", "VO 20.01"],
      ["Gemeente Tynaarlo", "Gemeente (college van B&W)", "GM1730"],
    ];
    const widths = autoColumnWidths({ header, rows, columns: 3 }, 70, 2, measure);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(70);
    expect(widths[0]).toBeGreaterThanOrEqual("Samenwerkingsverband".length + 2);
    expect(widths[1]).toBeGreaterThanOrEqual("Samenwerkingsverband".length + 2);
    expect(widths[2]).toBeGreaterThanOrEqual("VO 20.01".length + 2); // short cell: one line
  });

  it("lets long text take the spare room and keeps short columns on one line", () => {
    const widths = autoColumnWidths(
      { header: ["Datum", "Toelichting"], rows: [["3 november 2026", "x ".repeat(200).trim()]], columns: 2 },
      100,
      0,
      measure,
    );
    expect(widths[0]).toBeGreaterThanOrEqual("3 november 2026".length);
    expect(widths[1]).toBeGreaterThan(70);
  });

  it("fills the width in proportion when everything fits on one line", () => {
    const widths = autoColumnWidths({ header: null, rows: [["ab", "abcd"]], columns: 2 }, 100, 0, measure);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
    expect(widths[1]! > widths[0]!).toBe(true);
  });
});
