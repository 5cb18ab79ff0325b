import { describe, expect, it } from "vitest";
import { PARTY_POSITION_GROUP, PARTY_POSITION_LABELS, partyPosition, type PartyPosition } from "./partyPosition.ts";
import { POINT_STATUSES, POINT_STATUS_INFO, SIGNABLE_STATUSES, type PointStatus } from "./pointStatus.ts";

/**
 * Per status, what the badge of a party says when it (a) gave ambtelijk akkoord and did not sign,
 * (b) gave akkoord and signed. Written by hand so a change to the rule shows up here.
 */
const EXPECTED: Partial<Record<PointStatus, [PartyPosition, PartyPosition]>> = {
  concept: ["niet_van_toepassing", "niet_van_toepassing"],
  in_bespreking: ["akkoord", "ondertekend"],
  ambtelijk_akkoord: ["akkoord", "ondertekend"],
  geagendeerd: ["wacht_op_ondertekening", "ondertekend"],
  overeenstemming: ["niet_ondertekend", "ondertekend"],
  geen_overeenstemming: ["niet_ondertekend", "ondertekend"],
  doorgeschoven: ["niet_van_toepassing", "niet_van_toepassing"],
  in_geschil: ["niet_ondertekend", "ondertekend"],
  afgesloten_zonder_overeenstemming: ["niet_van_toepassing", "niet_van_toepassing"],
  vastgelegd: ["niet_ondertekend", "ondertekend"],
  in_uitvoering: ["niet_ondertekend", "ondertekend"],
  geevalueerd: ["niet_ondertekend", "ondertekend"],
  herzien: ["niet_van_toepassing", "niet_van_toepassing"],
  vervallen: ["niet_van_toepassing", "niet_van_toepassing"],
};

describe("partyPosition: the badge agrees with the point's status", () => {
  it.each(Object.entries(EXPECTED))("%s", (status, [unsigned, signed]) => {
    const s = status as PointStatus;
    expect(partyPosition(s, { stance: "akkoord", signed: false })).toBe(unsigned);
    expect(partyPosition(s, { stance: "akkoord", signed: true })).toBe(signed);
  });

  it.each([...POINT_STATUSES])("%s: an ambtelijk akkoord never reads akkoord where it no longer counts", (s) => {
    const group = POINT_STATUS_INFO[s].group;
    const pos = partyPosition(s, { stance: "akkoord", signed: false });
    // The reported bug: "akkoord" on every badge of a point without agreement.
    if (group === "geschil" || group === "afgesloten") expect(PARTY_POSITION_GROUP[pos]).not.toBe("akkoord");
    if (SIGNABLE_STATUSES.includes(s) && group !== "geschil" && s !== "ambtelijk_akkoord")
      expect(pos).toBe("wacht_op_ondertekening");
    // Every position has a Dutch label.
    expect(PARTY_POSITION_LABELS[pos]).toMatch(/^[A-Z]/);
  });

  it("in the ambtelijk phase each stance shows as itself", () => {
    for (const stance of ["geen_standpunt", "akkoord_met_voorbehoud", "niet_akkoord"] as const)
      expect(partyPosition("in_bespreking", { stance, signed: false })).toBe(stance);
  });

  it("an agreed point whose parties all signed shows every badge as agreed", () => {
    for (const s of POINT_STATUSES.filter((x) => POINT_STATUS_INFO[x].group === "akkoord"))
      expect(PARTY_POSITION_GROUP[partyPosition(s, { stance: "geen_standpunt", signed: true })]).toBe("akkoord");
  });
});
