import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  INSTANCE_CAPABILITIES,
  ROLES,
  can,
  canInstance,
  capabilitiesOf,
  instanceCapabilitiesOf,
  isRole,
  requiresParty,
} from "./roles.ts";

/** The expected table, written out independently of the implementation's matrix. */
const EXPECTED: Record<string, string[]> = {
  ambtenaar: ["workspace.read", "content.read", "text.edit", "point.manage", "minutes.edit", "oplegger.export"],
  trekker: [
    "workspace.read",
    "content.read",
    "text.edit",
    "point.manage",
    "stance.record",
    "minutes.edit",
    "minutes.agree",
    "oplegger.export",
  ],
  bestuurder: ["workspace.read", "content.read", "point.signoff", "point.decide", "oplegger.export"],
  secretaris: [
    "workspace.read",
    "content.read",
    "text.edit",
    "point.manage",
    "point.administer",
    "meeting.manage",
    "minutes.edit",
    "minutes.approve",
    "procedure.manage",
    "dossier.build",
    "oplegger.export",
    "members.manage",
    "tafel.manage",
  ],
  waarnemer: ["workspace.read", "content.read", "oplegger.export"],
  // Members and roles only: the tafel overview, never its content (ADR 0005).
  beheerder: ["workspace.read", "members.manage", "tafel.manage"],
};

// Plan import (issue 14): the werkgroep of the owning party and the secretaris.
for (const role of ["ambtenaar", "trekker", "secretaris"]) EXPECTED[role]!.push("plan.import");
// Comments (issue 12): everyone who reads the content, also without editing rights.
for (const role of ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer"])
  EXPECTED[role]!.push("comment.write");
// Bespreekpunten (issue 14): the ambtelijk preparers and the secretaris.
for (const role of ["ambtenaar", "trekker", "secretaris"]) EXPECTED[role]!.push("bespreekpunt.manage");
// Suggestions (issue 12): who manages members sets "alleen voorstellen".
for (const role of ["secretaris", "beheerder"]) EXPECTED[role]!.push("suggestions.restrict");

describe("roles table", () => {
  it("has an expectation for every role", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const capability of CAPABILITIES) {
      const expected = EXPECTED[role]!.includes(capability);
      it(`${role} ${expected ? "may" : "may not"} ${capability}`, () => {
        expect(can(role, capability)).toBe(expected);
      });
    }
  }

  it("lists a role's capabilities in table order", () => {
    for (const role of ROLES) expect(capabilitiesOf(role).sort()).toEqual([...EXPECTED[role]!].sort());
  });

  it.each([
    ["admin", "workspace.read"],
    ["", "workspace.read"],
    [null, "workspace.read"],
    [undefined, "text.edit"],
    ["Ambtenaar", "text.edit"],
    [42, "text.edit"],
    ["ambtenaar", "delete.everything"],
    ["ambtenaar", ""],
    ["secretaris", null],
    ["beheerder", "__proto__"],
    ["constructor", "workspace.read"],
  ])("denies unknown role/capability %j × %j", (role, capability) => {
    expect(can(role, capability)).toBe(false);
  });

  it("recognises roles exactly", () => {
    expect(isRole("trekker")).toBe(true);
    expect(isRole("toString")).toBe(false);
  });

  it("gives content to every role that reads it, and the oplegger only to roles that read content", () => {
    expect(ROLES.filter((r) => !can(r, "content.read"))).toEqual(["beheerder"]);
    for (const role of ROLES) if (can(role, "oplegger.export")) expect(can(role, "content.read")).toBe(true);
  });

  it("lets exactly the beheerder and the secretaris manage members (ADR 0011)", () => {
    expect(ROLES.filter((r) => can(r, "members.manage"))).toEqual(["secretaris", "beheerder"]);
  });

  it("requires a party for roles that act on behalf of one", () => {
    expect(ROLES.filter(requiresParty)).toEqual(["ambtenaar", "trekker", "bestuurder"]);
  });
});

describe("instance capabilities (ADR 0010)", () => {
  it("gives the applicatiebeheerder exactly creating and listing tafels", () => {
    expect(instanceCapabilitiesOf(["applicatiebeheerder"])).toEqual(["instance.tafels.create", "instance.tafels.list"]);
    expect([...INSTANCE_CAPABILITIES].sort()).toEqual(["instance.tafels.create", "instance.tafels.list"]);
  });

  it("gives an account without instance role nothing, and tafel roles do not count", () => {
    expect(instanceCapabilitiesOf([])).toEqual([]);
    for (const role of ROLES) expect(canInstance([role], "instance.tafels.create")).toBe(false);
  });

  it.each([
    [["applicatiebeheerder"], "instance.tafels.delete"],
    [["applicatiebeheerder"], "content.read"],
    [["Applicatiebeheerder"], "instance.tafels.create"],
    [[null], "instance.tafels.list"],
    [["__proto__"], "instance.tafels.list"],
    [["applicatiebeheerder"], "constructor"],
  ])("denies unknown instance role/capability %j × %j", (roles, capability) => {
    expect(canInstance(roles, capability)).toBe(false);
  });

  it("keeps the tafel set-up with whoever runs the tafel", () => {
    expect(ROLES.filter((r) => can(r, "tafel.manage"))).toEqual(["secretaris", "beheerder"]);
  });
});
