import { describe, expect, it } from "vitest";
import { blockLines, diffLines, minutesChanges } from "./minutesDiff.ts";

const p = (t: string) => ({ type: "paragraph", content: [{ type: "text", text: t }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe("minutes diff", () => {
  it("reads leaf blocks, list items and table rows as lines", () => {
    const json = doc(
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Besluiten" }] },
      p("Eerste"),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [p("Punt a")] },
          { type: "listItem", content: [p("Punt b")] },
        ],
      },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableCell", content: [p("x")] },
              { type: "tableCell", content: [p("y")] },
            ],
          },
        ],
      },
      p(""),
    );
    expect(blockLines(json)).toEqual(["Besluiten", "Eerste", "Punt a", "Punt b", "x | y"]);
  });

  it("reports removed and added lines", () => {
    expect(diffLines(["a", "b", "c"], ["a", "c", "d"])).toEqual({ removed: ["b"], added: ["d"] });
    expect(diffLines([], ["x"])).toEqual({ removed: [], added: ["x"] });
    expect(minutesChanges(doc(p("De wethouder was aanwezig.")), doc(p("De wethouder was afwezig.")))).toEqual({
      removed: ["De wethouder was aanwezig."],
      added: ["De wethouder was afwezig."],
    });
    expect(minutesChanges(doc(p("gelijk")), doc(p("gelijk")))).toEqual({ removed: [], added: [] });
  });

  it("survives junk", () => {
    expect(blockLines(null)).toEqual([]);
    expect(blockLines("tekst")).toEqual([]);
  });
});
