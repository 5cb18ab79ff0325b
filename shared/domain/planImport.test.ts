import { describe, expect, it } from "vitest";
import { fileKenmerk, mayImportPlan } from "./planImport.ts";

describe("who may upload a plan version", () => {
  it("lets the werkgroep of the owning party and the secretaris upload, nobody else", () => {
    expect(mayImportPlan({ role: "trekker", partyId: "swv" }, "swv")).toBe(true);
    expect(mayImportPlan({ role: "ambtenaar", partyId: "swv" }, "swv")).toBe(true);
    expect(mayImportPlan({ role: "trekker", partyId: "gemeente" }, "swv")).toBe(false);
    expect(mayImportPlan({ role: "ambtenaar", partyId: null }, null)).toBe(false);
    expect(mayImportPlan({ role: "secretaris", partyId: null }, "swv")).toBe(true);
    expect(mayImportPlan({ role: "bestuurder", partyId: "swv" }, "swv")).toBe(false);
    expect(mayImportPlan({ role: "waarnemer", partyId: "swv" }, "swv")).toBe(false);
    expect(mayImportPlan({ role: "beheerder", partyId: null }, "swv")).toBe(false);
  });
});

describe("file kenmerk", () => {
  it("shows the first 12 hex digits of the SHA-256 in groups", () => {
    expect(fileKenmerk("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).toBe("BA78-16BF-8F01");
  });
});
