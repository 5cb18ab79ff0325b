/**
 * Date helpers for the meeting screens. OOGO-tafels are Dutch: a meeting planned for
 * "14.00" means 14.00 in Amsterdam, whatever zone the secretary's laptop is in.
 */
import { dateInZone, OOGO_TIME_ZONE } from "../../../shared/domain/dates.ts";

/** Offset of a zone from UTC at an instant, in minutes (e.g. 60 for CET). */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/**
 * "2025-03-07" + "14:00" in Dutch time → "2025-03-07T14:00:00+01:00". The offset is found by
 * probing the zone at the naive UTC instant and correcting once (exact except inside the
 * one-hour DST gap, where no such wall-clock time exists anyway).
 */
export function nlLocalToInstant(date: string, time: string, timeZone = OOGO_TIME_ZONE): string {
  const naive = new Date(`${date}T${time}:00Z`);
  let offset = zoneOffsetMinutes(naive, timeZone);
  offset = zoneOffsetMinutes(new Date(naive.getTime() - offset * 60_000), timeZone);
  const sign = offset >= 0 ? "+" : "-";
  return `${date}T${time}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The Dutch date and time ("YYYY-MM-DD", "HH:MM") of an instant, for form fields. */
export function instantToNlLocal(instant: string, timeZone = OOGO_TIME_ZONE): { date: string; time: string } {
  const at = new Date(instant);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return { date: dateInZone(at, timeZone), time: `${get("hour")}:${get("minute")}` };
}
