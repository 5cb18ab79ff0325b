/**
 * The clock the demo seeds its year with. Verbs read the time from `ctx.clock` (ADR 0009); the
 * demo script sets this clock to a Dutch local date and time before each step, so the log, the
 * timelines and the dossier carry believable dates instead of the moment of seeding.
 *
 * It only moves forward: the log's `at` must not decrease along its sequence. And it only
 * stops on working days within office hours, because that is when civil servants and
 * bestuurders act — a story step on a Sunday night is a typo in the story, caught at seeding.
 */
import { OOGO_TIME_ZONE } from "../../shared/domain/dates.ts";
import type { Clock } from "../services/serviceContext.ts";

export interface Span {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** Office hours in Dutch local time: from 08:00 up to and including 18:00, Monday to Friday. */
const OPENS = 8 * 60;
const CLOSES = 18 * 60;

export class DemoClock implements Clock {
  #now: Date;

  /** `start`: Dutch local time, "YYYY-MM-DD HH:MM" (or with a T). */
  constructor(start: string) {
    this.#now = dutchTime(start);
    assertOfficeHours(this.#now);
  }

  now(): Date {
    return new Date(this.#now.getTime());
  }

  /** Moves to a Dutch local time: "YYYY-MM-DD HH:MM", or "HH:MM" on the current day. */
  at(local: string): Date {
    const full = /^\d{2}:\d{2}$/.test(local) ? `${localParts(this.#now).date} ${local}` : local;
    return this.#move(dutchTime(full), local);
  }

  /** Moves forward by calendar days (in Dutch time, so across a DST change too) and hours/minutes. */
  advance(span: Span): Date {
    const { date, time } = localParts(this.#now);
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + (span.days ?? 0));
    const next = dutchTime(`${day.toISOString().slice(0, 10)} ${time}`);
    return this.#move(
      new Date(next.getTime() + ((span.hours ?? 0) * 60 + (span.minutes ?? 0)) * 60_000),
      JSON.stringify(span),
    );
  }

  #move(next: Date, asked: string): Date {
    if (next.getTime() < this.#now.getTime()) {
      throw new Error(`De demoklok kan niet terug: ${asked} ligt vóór ${this.#now.toISOString()}.`);
    }
    assertOfficeHours(next);
    this.#now = next;
    return this.now();
  }
}

/** The Dutch local date ("YYYY-MM-DD"), time ("HH:MM"), weekday (0 = Sunday) and minute of the day of an instant. */
export function localParts(instant: Date): { date: string; time: string; weekday: number; minuteOfDay: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: OOGO_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return {
    date,
    time: `${get("hour")}:${get("minute")}`,
    weekday,
    minuteOfDay: Number(get("hour")) * 60 + Number(get("minute")),
  };
}

/** The instant of a Dutch local time "YYYY-MM-DD HH:MM" (winter or summer time as it was then). */
export function dutchTime(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Geen lokale tijd "JJJJ-MM-DD UU:MM": ${local}`);
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the wall time read as UTC is right except within hours of a DST change; a
  // second pass with the offset at the first guess settles that.
  let guess = wall - offsetMinutes(new Date(wall)) * 60_000;
  guess = wall - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Minutes Dutch local time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const { date, time } = localParts(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

function assertOfficeHours(instant: Date): void {
  const { date, time, weekday, minuteOfDay } = localParts(instant);
  if (weekday === 0 || weekday === 6 || minuteOfDay < OPENS || minuteOfDay > CLOSES || isDutchPublicHoliday(date)) {
    throw new Error(
      `De demoklok blijft binnen kantoortijd (werkdagen 08.00–18.00 uur, geen feestdag); ${date} ${time} valt erbuiten.`,
    );
  }
}

/**
 * The Dutch public holidays on which offices are closed: New Year, Easter Monday, King's Day
 * (the 26th when the 27th is a Sunday), Liberation Day in lustrum years, Ascension, Whit Monday
 * and Christmas.
 */
export function isDutchPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const easter = easterSunday(year);
  const fromEaster = (days: number) => new Date(easter.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  const holidays = [
    `${year}-01-01`,
    fromEaster(1),
    kingsDay,
    fromEaster(39),
    fromEaster(50),
    `${year}-12-25`,
    `${year}-12-26`,
    ...(year % 5 === 0 ? [`${year}-05-05`] : []),
  ];
  return holidays.includes(date);
}

/** Easter Sunday (Gregorian calendar; the anonymous "Meeus/Jones/Butcher" algorithm) as a UTC date. */
function easterSunday(year: number): Date {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}
