import { describe, expect, it } from "vitest";
import { applyFilters, filterQuery, hasFilters, parseFilters } from "./boardFilters.ts";
import type { BoardView } from "../../../shared/schemas/points.ts";

type P = BoardView["points"][number];
const point = (over: Partial<P>): P => ({
  id: "p",
  theme: "jeugdhulp",
  title: "t",
  status: "in_bespreking",
  version: 1,
  partyIds: ["swv", "gro"],
  perParty: [
    { partyId: "swv", stance: "akkoord", signed: false },
    { partyId: "gro", stance: "geen_standpunt", signed: false },
  ],
  verouderdeSignoffs: 0,
  ...over,
});

describe("board filters in the URL", () => {
  it("round-trips through the query string in a stable order", () => {
    const f = parseFilters({
      status: "geagendeerd",
      thema: "jeugdhulp",
      gemeente: "gro",
      standpunt: "akkoord",
      ondertekening: "wacht",
    });
    expect(filterQuery(f)).toBe(
      "?thema=jeugdhulp&status=geagendeerd&gemeente=gro&standpunt=akkoord&ondertekening=wacht",
    );
    expect(parseFilters(Object.fromEntries(new URLSearchParams(filterQuery(f).slice(1))))).toEqual(f);
    expect(filterQuery({})).toBe("");
    expect(hasFilters({})).toBe(false);
  });

  it("drops junk and values that need a party", () => {
    expect(parseFilters({ status: "bestaat_niet", thema: "DROP TABLE", groep: "x", gemeente: "../etc" })).toEqual({});
    expect(parseFilters({ standpunt: "akkoord", ondertekening: "wacht" })).toEqual({});
    expect(parseFilters({ status: ["vastgelegd", "concept"] })).toEqual({ status: "vastgelegd" });
  });

  it("filters on theme, status, group, party scope, stance and signature", () => {
    const points = [
      point({ id: "a" }),
      point({
        id: "b",
        theme: "leerlingenvervoer",
        status: "ambtelijk_akkoord",
        perParty: [
          { partyId: "swv", stance: "akkoord", signed: true },
          { partyId: "gro", stance: "akkoord", signed: false },
        ],
      }),
      point({
        id: "c",
        status: "overeenstemming",
        partyIds: ["swv", "tyn"],
        perParty: [
          { partyId: "swv", stance: "akkoord", signed: true },
          { partyId: "tyn", stance: "akkoord", signed: true },
        ],
      }),
    ];
    const ids = (f: Parameters<typeof applyFilters>[1]) => applyFilters(points, f).map((p) => p.id);
    expect(ids({ thema: "jeugdhulp" })).toEqual(["a", "c"]);
    expect(ids({ status: "overeenstemming" })).toEqual(["c"]);
    expect(ids({ groep: "voorbereid" })).toEqual(["b"]);
    expect(ids({ groep: "open" })).toEqual(["a"]);
    expect(ids({ gemeente: "gro" })).toEqual(["a", "b"]);
    expect(ids({ gemeente: "tyn" })).toEqual(["c"]);
    expect(ids({ gemeente: "gro", standpunt: "geen_standpunt" })).toEqual(["a"]);
    expect(ids({ gemeente: "swv", ondertekening: "getekend" })).toEqual(["b", "c"]);
    // Waiting = in a signable status and not yet signed by that party.
    expect(ids({ gemeente: "gro", ondertekening: "wacht" })).toEqual(["b"]);
  });

  it("filters on the position the badge shows: an ambtelijk akkoord does not count on a disputed point", () => {
    const disputed = point({
      id: "d",
      status: "geen_overeenstemming",
      perParty: [
        { partyId: "swv", stance: "akkoord", signed: true },
        { partyId: "gro", stance: "akkoord", signed: false },
      ],
    });
    const talking = point({ id: "t", perParty: [{ partyId: "gro", stance: "akkoord", signed: false }] });
    const ids = (f: Parameters<typeof applyFilters>[1]) => applyFilters([disputed, talking], f).map((p) => p.id);
    expect(ids({ gemeente: "gro", standpunt: "akkoord" })).toEqual(["t"]);
    expect(ids({ gemeente: "gro", standpunt: "niet_ondertekend" })).toEqual(["d"]);
    expect(ids({ gemeente: "swv", standpunt: "ondertekend" })).toEqual(["d"]);
    expect(parseFilters({ gemeente: "gro", standpunt: "wacht_op_ondertekening" }).standpunt).toBe(
      "wacht_op_ondertekening",
    );
  });
});
