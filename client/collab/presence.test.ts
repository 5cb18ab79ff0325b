import { describe, expect, it } from "vitest";
import { presenceFrom } from "./presence.ts";

describe("presenceFrom", () => {
  it("keeps well-formed users, me first, one entry per person", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Bert", partyName: "Gemeente Groningen", color: "#a61c00" } }],
      [2, { user: { name: "Anna", partyName: "SWV", color: "#0b5394" } }],
      [3, { user: { name: "Bert", partyName: "Gemeente Groningen", color: "#a61c00" } }], // second tab
      [4, {}],
      [5, { user: { name: "  ", partyName: "x" } }],
    ]);
    const list = presenceFrom(states, 2);
    expect(list.map((p) => [p.name, p.self])).toEqual([
      ["Anna", true],
      ["Bert", false],
    ]);
  });
  it("does not trust remote colours or lengths", () => {
    const states = new Map<number, Record<string, unknown>>([
      [9, { user: { name: "x".repeat(500), partyName: 42, color: "red;background:url(x)" } }],
    ]);
    const [p] = presenceFrom(states, 1);
    expect(p!.color).toBe("#3d3d3d");
    expect(p!.name.length).toBe(80);
    expect(p!.partyName).toBe("");
  });
});
