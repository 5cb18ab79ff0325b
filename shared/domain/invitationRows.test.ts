import { describe, expect, it } from "vitest";
import { describeParty, isHeaderRow, partyFromText, roleFromText } from "./invitationRows.ts";

const parties = [
  {
    id: "swv",
    name: "Samenwerkingsverband VO Groningen Stad",
    kind: "swv" as const,
    swvCode: "VO 20.01",
    cbsCode: null,
  },
  { id: "gron", name: "Gemeente Groningen", kind: "gemeente" as const, swvCode: null, cbsCode: "GM0014" },
  { id: "tyn", name: "Gemeente Tynaarlo", kind: "gemeente" as const, swvCode: null, cbsCode: "GM1730" },
];

describe("roles in a CSV", () => {
  it.each([
    ["trekker", "trekker"],
    ["Ambtelijk trekker", "trekker"],
    ["  AMBTELIJK   TREKKER ", "trekker"],
    ["Ambtenaar (werkgroep)", "ambtenaar"],
    ["ambtenaar", "ambtenaar"],
    ["Bestuurder / wethouder", "bestuurder"],
    ["wethouder", "bestuurder"],
    ["bestuurder", "bestuurder"],
    ["Secretaris", "secretaris"],
    ["waarnemer", "waarnemer"],
    ["beheerder", "beheerder"],
  ])("%j is %s", (text, role) => expect(roleFromText(text)).toBe(role));

  it.each(["koning", "", "admin", "toString", "__proto__", "werkgroep"])("%j is no role", (text) =>
    expect(roleFromText(text)).toBeNull(),
  );
});

describe("parties in a CSV", () => {
  it.each([
    ["Gemeente Groningen", "gron"],
    ["gemeente  groningen", "gron"],
    ["GM0014", "gron"],
    ["gm0014", "gron"],
    ["Groningen", "gron"],
    ["VO 20.01", "swv"],
    ["vo20.01", "swv"],
    ["Samenwerkingsverband VO Groningen Stad", "swv"],
    ["Tynaarlo", "tyn"],
  ])("%j is %s", (text, id) => expect(partyFromText(text, parties)?.id).toBe(id));

  it.each(["Gemeente Assen", "GM0106", "", "VO 20.02", "Stad"])("%j is no party of this tafel", (text) =>
    expect(partyFromText(text, parties)).toBeNull(),
  );

  it("does not guess between two parties with the same short name", () => {
    const two = [
      ...parties,
      { id: "gron2", name: "Gemeente Groningen ", kind: "gemeente" as const, swvCode: null, cbsCode: "GM9999" },
    ];
    expect(partyFromText("Groningen", two)).toBeNull();
    expect(partyFromText("GM9999", two)?.id).toBe("gron2");
  });

  it("names a party with its code", () => {
    expect(describeParty(parties[1]!)).toBe("Gemeente Groningen (GM0014)");
  });
});

it("recognises a header row", () => {
  expect(isHeaderRow(["Naam", "E-mail", "Partij", "Rol"])).toBe(true);
  expect(isHeaderRow(["naam", "e-mailadres"])).toBe(true);
  expect(isHeaderRow(["Anna", "anna@x.example"])).toBe(false);
});
