import { POINT_STATUSES } from "./pointStatus.ts";
import { describe, expect, it } from "vitest";
import {
  AGENDA_DECISIONS,
  MEETING_TYPES,
  agendaFrozenReason,
  daysLate,
  decisionRequiresStatus,
  decisionTargetStatus,
  fixesTextVersion,
  isMeetingType,
  meetingFrozenReason,
  meetingHasStarted,
  minutesLocked,
  procedureStepState,
} from "./meetings.ts";
import { addDays, dateInZone, formatDate, formatDateTime, isCalendarDate } from "./dates.ts";
import { legalBasis, isDisputable, isExportEvent } from "./dossier.ts";

describe("procedureStepState", () => {
  const today = "2023-03-10";
  it.each([
    [{ dueDate: "2023-03-01", doneOn: "2023-03-05" }, "gedaan"],
    [{ dueDate: "2023-02-01", doneOn: "2023-03-05" }, "gedaan"],
    [{ dueDate: null, doneOn: "2023-01-01" }, "gedaan"],
    [{ dueDate: "2023-03-09", doneOn: null }, "te_laat"],
    [{ dueDate: "2022-12-31", doneOn: null }, "te_laat"],
    [{ dueDate: "2023-03-10", doneOn: null }, "binnenkort"],
    [{ dueDate: "2023-03-24", doneOn: null }, "binnenkort"],
    [{ dueDate: "2023-03-25", doneOn: null }, "gepland"],
    [{ dueDate: null, doneOn: null }, "gepland"],
  ] as const)("%j is %s", (step, expected) => {
    expect(procedureStepState(step, today)).toBe(expected);
  });

  it("honours a custom horizon", () => {
    expect(procedureStepState({ dueDate: "2023-03-12", doneOn: null }, today, 1)).toBe("gepland");
    expect(procedureStepState({ dueDate: "2023-03-11", doneOn: null }, today, 1)).toBe("binnenkort");
  });

  it("counts days late across a month end", () => {
    expect(daysLate({ dueDate: "2023-02-27", doneOn: null }, "2023-03-02")).toBe(3);
    expect(daysLate({ dueDate: "2023-03-02", doneOn: null }, "2023-03-02")).toBe(0);
    expect(daysLate({ dueDate: "2023-02-27", doneOn: "2023-03-01" }, "2023-03-02")).toBe(0);
  });
});

describe("dates", () => {
  it("validates calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    for (const bad of ["2023-02-29", "2023-13-01", "2023-1-01", "01-03-2023", "", "2023-03-10T00:00:00Z"]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
  it("takes the Dutch calendar date of an instant", () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time, UTC+2).
    expect(dateInZone(new Date("2023-03-31T23:30:00Z"))).toBe("2023-04-01");
    expect(dateInZone(new Date("2023-01-15T22:59:00Z"))).toBe("2023-01-15");
    expect(dateInZone(new Date("2023-01-15T23:00:00Z"))).toBe("2023-01-16");
  });
  it("adds days and formats in Dutch", () => {
    expect(addDays("2023-12-25", 10)).toBe("2024-01-04");
    expect(formatDate("2023-03-07")).toBe("7 maart 2023");
    expect(formatDateTime("2023-03-07T13:30:00Z")).toBe("7 maart 2023, 14.30 uur");
  });
  it("knows whether a meeting has started", () => {
    expect(meetingHasStarted("2023-03-10T08:30:00Z", new Date("2023-03-10T08:30:00Z"))).toBe(true);
    expect(meetingHasStarted("2023-03-10T08:30:00Z", new Date("2023-03-10T12:00:00Z"))).toBe(true);
    // Same day, before the start time: not yet (09.30 Dutch time, asked at 00.14).
    expect(meetingHasStarted("2023-03-10T08:30:00Z", new Date("2023-03-09T23:14:00Z"))).toBe(false);
    expect(meetingHasStarted("2023-03-10T08:30:00Z", new Date("2023-03-10T08:29:59Z"))).toBe(false);
  });
});

describe("meeting rules", () => {
  it("only a formal OOGO fixes the text version", () => {
    expect(MEETING_TYPES.filter(fixesTextVersion)).toEqual(["formeel_oogo"]);
  });
  it("recognises meeting types", () => {
    expect(isMeetingType("proef_oogo")).toBe(true);
    expect(isMeetingType("Formeel_oogo")).toBe(false);
    expect(isMeetingType(null)).toBe(false);
  });
  it("maps every decision to a point status or none", () => {
    const mapped = Object.fromEntries(AGENDA_DECISIONS.map((d) => [d, decisionTargetStatus(d)]));
    expect(mapped).toEqual({
      overeenstemming: "overeenstemming",
      geen_overeenstemming: "geen_overeenstemming",
      terugverwezen: "in_bespreking",
      in_geschil: null,
      aangehouden: null,
      besproken: null,
      notulen_vastgesteld: null,
    });
    expect(decisionRequiresStatus("in_geschil")).toEqual(["geen_overeenstemming", "in_geschil"]);
    expect(AGENDA_DECISIONS.filter((d) => decisionRequiresStatus(d) !== null)).toEqual(["in_geschil"]);
  });
  it("in a formal OOGO, overeenstemming bereikt means akkoord in overleg — for every meeting type and point status", () => {
    for (const type of MEETING_TYPES) {
      for (const status of POINT_STATUSES) {
        const target = decisionTargetStatus("overeenstemming", type, status);
        if (status === "overeenstemming" || status === "akkoord_in_overleg") expect(target).toBeNull();
        else expect(target).toBe(type === "formeel_oogo" ? "akkoord_in_overleg" : "overeenstemming");
        // The other decisions do not depend on the meeting type.
        for (const d of AGENDA_DECISIONS.filter((x) => x !== "overeenstemming"))
          expect(decisionTargetStatus(d, type, status)).toBe(decisionTargetStatus(d));
      }
    }
  });
  it("freezes agenda and record by minutes status", () => {
    expect(agendaFrozenReason({ status: "gepland", minutesStatus: "concept" })).toBeNull();
    expect(agendaFrozenReason({ status: "geannuleerd", minutesStatus: "concept" })).toMatch(/geannuleerd/);
    expect(agendaFrozenReason({ status: "gehouden", minutesStatus: "vastgesteld" })).toMatch(/vastgesteld/);
    expect(agendaFrozenReason({ status: "gehouden", minutesStatus: "in_wijziging" })).toMatch(/vastgesteld/);
    expect(meetingFrozenReason({ minutesStatus: "vastgesteld" })).toMatch(/gelogde wijziging/);
    expect(meetingFrozenReason({ minutesStatus: "in_wijziging" })).toBeNull();
    expect(minutesLocked("vastgesteld")).toBe(true);
    expect(minutesLocked("in_wijziging")).toBe(false);
    expect(minutesLocked("concept")).toBe(false);
  });
});

describe("dossier rules", () => {
  it("names the statutory basis per sector and plan", () => {
    expect(legalBasis("ondersteuningsplan", ["vo"])).toEqual([
      expect.stringMatching(/^Wet voortgezet onderwijs 2020 .*\(voorheen art. 17a lid 9 WVO\)$/),
    ]);
    expect(legalBasis("ondersteuningsplan", ["po"])).toEqual([expect.stringMatching(/18a, negende lid.*WPO/)]);
    expect(legalBasis("ondersteuningsplan", ["po", "vo"])).toHaveLength(2);
    expect(legalBasis("jeugdplan", ["vo"])).toEqual([expect.stringMatching(/2\.2 van de Jeugdwet/)]);
  });
  it("accepts only disputes that exist, and knows export events", () => {
    expect(isDisputable("in_geschil")).toBe(true);
    expect(isDisputable("geen_overeenstemming")).toBe(true);
    expect(isDisputable("overeenstemming")).toBe(false);
    expect(isExportEvent("dossier.generated")).toBe(true);
    expect(isExportEvent("meeting.created")).toBe(false);
  });
});
