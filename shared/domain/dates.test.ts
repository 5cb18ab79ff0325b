import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates.ts";

describe("formatDate", () => {
  it("prints a calendar date as it is, and an instant as its date in Amsterdam", () => {
    expect(formatDate("2025-03-06")).toBe("6 maart 2025");
    // 23.30 UTC is already the next day in Amsterdam (CET, +1), in winter and (CEST, +2) in summer.
    expect(formatDate("2025-03-06T23:30:00.000Z")).toBe("7 maart 2025");
    expect(formatDate("2025-07-31T22:30:00Z")).toBe("1 augustus 2025");
    expect(formatDateTime("2025-07-31T22:30:00Z")).toBe("1 augustus 2025, 00.30 uur");
  });
});
