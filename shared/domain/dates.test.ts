import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, instantToNlLocal, nlLocalToInstant } from "./dates.ts";

describe("formatDate", () => {
  it("prints a calendar date as it is, and an instant as its date in Amsterdam", () => {
    expect(formatDate("2025-03-06")).toBe("6 maart 2025");
    // 23.30 UTC is already the next day in Amsterdam (CET, +1), in winter and (CEST, +2) in summer.
    expect(formatDate("2025-03-06T23:30:00.000Z")).toBe("7 maart 2025");
    expect(formatDate("2025-07-31T22:30:00Z")).toBe("1 augustus 2025");
    expect(formatDateTime("2025-07-31T22:30:00Z")).toBe("1 augustus 2025, 00.30 uur");
  });
});

describe("form dates in Dutch time", () => {
  it("reads a typed date and time as Amsterdam time, winter and summer", () => {
    expect(nlLocalToInstant("2025-03-07", "14:00")).toBe("2025-03-07T14:00:00+01:00");
    expect(nlLocalToInstant("2025-07-01", "09:30")).toBe("2025-07-01T09:30:00+02:00");
    expect(new Date(nlLocalToInstant("2025-10-26", "12:00")).toISOString()).toBe("2025-10-26T11:00:00.000Z"); // the day summer time ends
  });
  it("gives an instant back as the date and time a Dutch form shows", () => {
    expect(instantToNlLocal("2025-03-07T13:00:00Z")).toEqual({ date: "2025-03-07", time: "14:00" });
    expect(instantToNlLocal("2025-06-30T22:30:00Z")).toEqual({ date: "2025-07-01", time: "00:30" });
  });
  it("round-trips", () => {
    const { date, time } = instantToNlLocal(nlLocalToInstant("2024-12-31", "23:45"));
    expect({ date, time }).toEqual({ date: "2024-12-31", time: "23:45" });
  });
});
