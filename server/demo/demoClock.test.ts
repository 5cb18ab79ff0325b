import { describe, expect, it } from "vitest";
import { DemoClock, dutchTime, isDutchPublicHoliday, localParts } from "./demoClock.ts";

describe("the demo clock", () => {
  it("reads Dutch local time in winter and summer time", () => {
    expect(dutchTime("2026-03-26 14:00").toISOString()).toBe("2026-03-26T13:00:00.000Z");
    expect(dutchTime("2026-03-30 10:00").toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(dutchTime("2025-10-27 10:00").toISOString()).toBe("2025-10-27T09:00:00.000Z");
    expect(localParts(new Date("2025-09-15T08:00:00Z"))).toMatchObject({
      date: "2025-09-15",
      time: "10:00",
      weekday: 1,
    });
  });

  it("moves forward to a local time, on the same day with HH:MM, and by calendar days across a DST change", () => {
    const clock = new DemoClock("2026-03-27 10:00");
    expect(clock.at("10:30").toISOString()).toBe("2026-03-27T09:30:00.000Z");
    // Friday 10:30 winter time + 3 days = Monday 10:30 summer time: the wall clock, not 72 hours.
    expect(clock.advance({ days: 3 }).toISOString()).toBe("2026-03-30T08:30:00.000Z");
    expect(clock.advance({ hours: 1, minutes: 15 }).toISOString()).toBe("2026-03-30T09:45:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-03-30T09:45:00.000Z");
  });

  it("never goes back, so the log's time never decreases", () => {
    const clock = new DemoClock("2026-01-22 15:30");
    expect(() => clock.at("2026-01-22 15:29")).toThrow(/kan niet terug/);
    expect(() => clock.at("15:00")).toThrow(/kan niet terug/);
    expect(clock.at("15:30").toISOString()).toBe(dutchTime("2026-01-22 15:30").toISOString());
    expect(clock.now().toISOString()).toBe("2026-01-22T14:30:00.000Z");
  });

  it("stays within office hours on working days", () => {
    const clock = new DemoClock("2026-04-24 17:00"); // a Friday
    expect(() => clock.at("18:01")).toThrow(/kantoortijd/);
    expect(() => clock.at("2026-04-25 10:00")).toThrow(/kantoortijd/); // Saturday
    expect(() => clock.advance({ days: 3 })).toThrow(/kantoortijd/); // Monday 27 April: King's Day
    expect(() => clock.at("2026-04-28 07:59")).toThrow(/kantoortijd/);
    expect(clock.at("2026-04-28 08:00").toISOString()).toBe("2026-04-28T06:00:00.000Z");
    expect(() => new DemoClock("2025-12-25 10:00")).toThrow(/kantoortijd/);
  });

  it("knows the Dutch public holidays, Easter-based ones included", () => {
    for (const d of [
      "2026-01-01",
      "2026-04-06",
      "2026-04-27",
      "2026-05-14",
      "2026-05-25",
      "2025-12-26",
      "2025-05-05",
      "2025-04-26",
    ]) {
      expect(isDutchPublicHoliday(d), d).toBe(true);
    }
    // 27 April 2025 was a Sunday, so King's Day fell on Saturday the 26th; Liberation Day is a day off in lustrum years only.
    for (const d of ["2025-04-27", "2026-04-05", "2026-04-28", "2026-05-05", "2026-03-26"])
      expect(isDutchPublicHoliday(d), d).toBe(false);
  });
});
