/**
 * When and where a meeting is: its end, the default length, the online link. Pure rules for the
 * server (authority), the client's form and the convocatie.
 */
import { formatDate, formatDateTime, instantToNlLocal } from "./dates.ts";

/** Meetings planned without an end (and those planned before meetings had one) last two hours. */
export const DEFAULT_MEETING_MINUTES = 120;
/** A meeting longer than a working day is a typing error, not an OOGO. */
export const MAX_MEETING_HOURS = 12;

export const defaultMeetingEnd = (startsAt: string): string =>
  new Date(new Date(startsAt).getTime() + DEFAULT_MEETING_MINUTES * 60_000).toISOString();

/** Why this end does not fit this start (Dutch), or null. */
export function meetingEndProblem(startsAt: string, endsAt: string): string | null {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  if (!(end > start)) return "Het einde moet na het begin van de vergadering liggen.";
  if (end - start > MAX_MEETING_HOURS * 3_600_000)
    return `Een vergadering duurt hoogstens ${MAX_MEETING_HOURS} uur; kijk de eindtijd na.`;
  return null;
}

const HTTPS_LINK = /^https:\/\/([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?([/?#][^\s<>"]*)?$/i;

/**
 * Why this online meeting link is refused (Dutch), or null. Only https links to a named host,
 * without a user name or password (no "@" before the host), no spaces or angle brackets: the link
 * goes into every invitee's calendar and mail. (No URL class here: shared/ has no DOM or Node types.)
 */
export function onlineUrlProblem(value: string): string | null {
  if (!/^https:\/\//i.test(value)) return "De link naar de online vergadering moet met https:// beginnen.";
  if (!HTTPS_LINK.test(value)) return "Geef een volledige, geldige link naar de online vergadering (https://…).";
  return null;
}

/** "26 maart 2026, 14.00–16.00 uur" (Dutch time); an end on another day is written out in full. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = instantToNlLocal(startsAt);
  const end = instantToNlLocal(endsAt);
  const dot = (t: string) => t.replace(":", ".");
  if (start.date === end.date) return `${formatDate(start.date)}, ${dot(start.time)}–${dot(end.time)} uur`;
  return `${formatDateTime(startsAt)} tot ${formatDateTime(endsAt)}`;
}
