/**
 * Dates and times, the one set for server, exports and client. OOGO-tafels are Dutch: a calendar
 * date or a time of day is always the one in Amsterdam, whatever zone a server or a laptop is in.
 * Nothing here reads the clock: callers pass the time (servers from `ctx.clock`).
 */

/** OOGO-tafels are Dutch: calendar dates are taken in this zone. */
export const OOGO_TIME_ZONE = "Europe/Amsterdam";

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * One formatter per shape and zone: making an Intl.DateTimeFormat costs far more than using one
 * (the daily overview for 2,000 people spent a tenth of its time making them).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateInZone(instant: Date, timeZone = OOGO_TIME_ZONE): string {
  const parts = formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    instant,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Today's date in Dutch time at `now` (servers pass their clock's time, so tests and the demo can set it). */
export const todayInNl = (now: Date) => dateInZone(now, OOGO_TIME_ZONE);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/**
 * "3 maart 2023". A calendar date (YYYY-MM-DD) is printed as it is; an instant (ISO 8601 with a
 * time) as its date in Dutch time.
 */
export function formatDate(value: string): string {
  const date = DATE_PATTERN.test(value) ? value : dateInZone(new Date(value));
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "3 maart 2023, 14.30 uur" for an instant, in Dutch time. */
export function formatDateTime(instant: string, timeZone = OOGO_TIME_ZONE): string {
  const at = new Date(instant);
  const parts = formatter("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(
    at,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${formatDate(dateInZone(at, timeZone))}, ${get("hour")}.${get("minute")} uur`;
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. 60 for CET). */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = formatter("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

const pad2 = (n: number) => String(Math.abs(n)).padStart(2, "0");

/**
 * A date and time typed in a form ("2025-03-07", "14:00"), meant in Dutch time, as an instant:
 * "2025-03-07T14:00:00+01:00". A meeting planned for 14.00 is 14.00 in Amsterdam, whatever zone
 * the secretary's laptop is in. The offset is found by probing the zone at the naive UTC instant
 * and correcting once (exact except inside the one-hour DST gap, where no such time exists).
 */
export function nlLocalToInstant(date: string, time: string, timeZone = OOGO_TIME_ZONE): string {
  const naive = new Date(`${date}T${time}:00Z`);
  let offset = zoneOffsetMinutes(naive, timeZone);
  offset = zoneOffsetMinutes(new Date(naive.getTime() - offset * 60_000), timeZone);
  const sign = offset >= 0 ? "+" : "-";
  return `${date}T${time}:00${sign}${pad2(Math.trunc(offset / 60))}:${pad2(offset % 60)}`;
}

/** The Dutch date and time ("YYYY-MM-DD", "HH:MM") of an instant, for date and time form fields. */
export function instantToNlLocal(instant: string, timeZone = OOGO_TIME_ZONE): { date: string; time: string } {
  const at = new Date(instant);
  const parts = formatter("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(
    at,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return { date: dateInZone(at, timeZone), time: `${get("hour")}:${get("minute")}` };
}
