import { describe, expect, it } from "vitest";
import {
  ATTENDANCE_STATES,
  attendanceLine,
  attendeeProblem,
  mandateLabel,
  representedPartyIds,
  type AttendanceState,
} from "./attendance.ts";
import type { OrganisationKind } from "./parties.ts";

describe("attendance", () => {
  it("names the capacity in which a bestuurder binds the party", () => {
    expect(mandateLabel({ name: "Gemeente Groningen", kind: "gemeente" })).toBe(
      "namens het college van B&W van Groningen",
    );
    expect(mandateLabel({ name: "Tynaarlo", kind: "gemeente" })).toBe("namens het college van B&W van Tynaarlo");
    expect(mandateLabel({ name: "SWV VO Groningen Stad", kind: "swv" })).toBe(
      "namens het bestuur van SWV VO Groningen Stad",
    );
    expect(mandateLabel({ name: "OPR", kind: "overig" })).toBeNull();
  });

  it("counts a party as represented only by a present attendee with the mandate", () => {
    for (const attendance of ATTENDANCE_STATES) {
      for (const mandate of [true, false]) {
        const ids = representedPartyIds([{ partyId: "p1", attendance, mandate }]);
        expect(ids).toEqual(attendance === "aanwezig" && mandate ? ["p1"] : []);
      }
    }
    expect(representedPartyIds([{ partyId: null, attendance: "aanwezig", mandate: true }])).toEqual([]);
    expect(
      representedPartyIds([
        { partyId: "p1", attendance: "aanwezig", mandate: true },
        { partyId: "p1", attendance: "aanwezig", mandate: true },
        { partyId: "p2", attendance: "afgemeld", mandate: false },
      ]),
    ).toEqual(["p1"]);
  });

  it("accepts exactly the consistent combinations", () => {
    const kinds: Array<OrganisationKind | null> = ["swv", "gemeente", "overig", null];
    for (const attendance of ATTENDANCE_STATES as readonly AttendanceState[]) {
      for (const mandate of [true, false]) {
        for (const substitute of [null, "J. Jansen"]) {
          for (const partyKind of kinds) {
            const ok =
              (substitute === null || attendance === "afgemeld") &&
              (!mandate || (attendance === "aanwezig" && (partyKind === "swv" || partyKind === "gemeente")));
            expect(attendeeProblem({ attendance, mandate, substitute, partyKind }) === null).toBe(ok);
          }
        }
      }
    }
  });

  it("writes the presentielijst line in the three states", () => {
    const party = { name: "Gemeente Tynaarlo", kind: "gemeente" as const };
    const base = { name: "R. de Wit", capacity: "wethouder onderwijs", substitute: null, party };
    expect(attendanceLine({ ...base, attendance: "aanwezig", mandate: true })).toBe(
      "R. de Wit (wethouder onderwijs, namens het college van B&W van Tynaarlo) — aanwezig",
    );
    expect(attendanceLine({ ...base, attendance: "afwezig", mandate: false })).toBe(
      "R. de Wit (wethouder onderwijs) — afwezig",
    );
    expect(attendanceLine({ ...base, attendance: "afgemeld", mandate: false, substitute: "K. Bos" })).toBe(
      "R. de Wit (wethouder onderwijs) — afgemeld, vervangen door K. Bos",
    );
  });
});
