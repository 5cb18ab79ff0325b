import { describe, expect, it } from "vitest";
import {
  describeMemberChange,
  memberChangeProblem,
  type MemberChange,
  type MemberSeat,
  type PartySeat,
} from "./memberChanges.ts";

const PARTIES: PartySeat[] = [
  { id: "swv", name: "SWV VO Groningen Stad", kind: "swv" },
  { id: "gro", name: "Gemeente Groningen", kind: "gemeente" },
  { id: "opr", name: "OPR", kind: "overig" },
  { id: "old", name: "Gemeente Haren", kind: "gemeente", left: true },
];
const MEMBERS: MemberSeat[] = [
  { id: "t-swv", role: "trekker", partyId: "swv" },
  { id: "b-swv", role: "bestuurder", partyId: "swv" },
  { id: "t-gro", role: "trekker", partyId: "gro" },
  { id: "t2-gro", role: "trekker", partyId: "gro" },
  { id: "b-gro", role: "bestuurder", partyId: "gro" },
  { id: "a-gro", role: "ambtenaar", partyId: "gro" },
  { id: "t-opr", role: "trekker", partyId: "opr" },
  { id: "b-old", role: "bestuurder", partyId: "old" },
  { id: "sec", role: "secretaris", partyId: null },
  { id: "beh", role: "beheerder", partyId: null },
];
const to = (membershipId: string, role: MemberSeat["role"], partyId: string | null = null): MemberChange => ({
  membershipId,
  role,
  partyId,
});
const remove = (membershipId: string): MemberChange => ({ membershipId, remove: true });

describe("memberChangeProblem", () => {
  it.each<[string, MemberSeat[], MemberChange, RegExp | null]>([
    [
      "demote the only trekker of a party",
      MEMBERS,
      to("t-swv", "ambtenaar", "swv"),
      /SWV VO Groningen Stad heeft dan geen ambtelijk trekker meer/,
    ],
    ["remove the only trekker of a party", MEMBERS, remove("t-swv"), /geen ambtelijk trekker meer/],
    [
      "move the only trekker to another party",
      MEMBERS,
      to("t-swv", "trekker", "gro"),
      /SWV VO Groningen Stad heeft dan geen ambtelijk trekker/,
    ],
    [
      "demote the only bestuurder",
      MEMBERS,
      to("b-swv", "waarnemer", "swv"),
      /geen bestuurder \/ wethouder meer: niemand kan dan nog namens SWV/,
    ],
    ["remove the only bestuurder", MEMBERS, remove("b-gro"), /Gemeente Groningen heeft dan geen bestuurder/],
    ["demote one of two trekkers", MEMBERS, to("t-gro", "ambtenaar", "gro"), null],
    ["remove one of two trekkers", MEMBERS, remove("t2-gro"), null],
    ["promote an ambtenaar", MEMBERS, to("a-gro", "trekker", "gro"), null],
    ["move an ambtenaar to another party", MEMBERS, to("a-gro", "ambtenaar", "swv"), null],
    ["an overig party needs no trekker", MEMBERS, remove("t-opr"), null],
    ["a party no longer at the tafel needs no bestuurder", MEMBERS, remove("b-old"), null],
    ["one of two managers steps down", MEMBERS, remove("beh"), null],
    ["a secretaris hands over to a beheerder", MEMBERS, to("sec", "beheerder"), null],
    [
      "the last manager removes themselves",
      MEMBERS.filter((m) => m.id !== "sec"),
      remove("beh"),
      /laatste deelnemer die de deelnemers van deze tafel kan beheren \(secretaris of beheerder\)/,
    ],
    [
      "the last manager demotes themselves",
      MEMBERS.filter((m) => m.id !== "beh"),
      to("sec", "waarnemer"),
      /laatste deelnemer/,
    ],
    [
      "a party still being set up (no trekker yet)",
      MEMBERS.filter((m) => m.id !== "t-swv"),
      remove("b-gro"),
      /Gemeente Groningen/,
    ],
    ["a party without trekker does not block others", MEMBERS.filter((m) => m.id !== "t-swv"), remove("a-gro"), null],
    ["an unknown member is not this rule's business", MEMBERS, remove("nobody"), null],
  ])("%s", (_name, members, change, expected) => {
    const problem = memberChangeProblem(members, PARTIES, change);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("describeMemberChange", () => {
  const anna = { name: "Anna", role: "ambtenaar" as const, partyId: "gro" };
  it("says the new role and party next to the current ones", () => {
    expect(describeMemberChange(anna, PARTIES, to("x", "trekker", "swv"))).toBe(
      "Anna wordt ambtelijk trekker namens SWV VO Groningen Stad (nu ambtenaar (werkgroep) namens Gemeente Groningen). Dit gaat direct in.",
    );
  });
  it("says when someone gains or loses managing members, and what a removal does", () => {
    expect(describeMemberChange(anna, PARTIES, to("x", "secretaris"))).toContain("en kan dan zelf deelnemers beheren");
    expect(
      describeMemberChange({ ...anna, role: "beheerder", partyId: null }, PARTIES, to("x", "waarnemer")),
    ).toContain("en kan dan geen deelnemers meer beheren");
    expect(describeMemberChange(anna, PARTIES, remove("x"))).toBe(
      "Anna wordt van deze tafel verwijderd. De toegang vervalt direct.",
    );
  });
});
