/**
 * Attendance at an OOGO meeting (issue 13): per person aanwezig, afgemeld (possibly with a
 * vervanger) or afwezig, and for a bestuurder the capacity in which they bind their party —
 * "namens het college van B&W van <gemeente>" or "namens het bestuur van <SWV>". That capacity
 * is what the meeting decision rule (shared/domain/pointStatus.ts, requireRepresented) reads.
 *
 * Pure TypeScript: no I/O, usable in the browser.
 */
import type { OrganisationKind } from "./parties.ts";

export const ATTENDANCE_STATES = ["aanwezig", "afgemeld", "afwezig"] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const ATTENDANCE_STATE_LABELS: Record<AttendanceState, string> = {
  aanwezig: "Aanwezig",
  afgemeld: "Afgemeld",
  afwezig: "Afwezig",
};

export const isAttendanceState = (value: unknown): value is AttendanceState =>
  typeof value === "string" && (ATTENDANCE_STATES as readonly string[]).includes(value);

/** The name a gemeente is known by in "college van B&W van …": "Gemeente Groningen" → "Groningen". */
const gemeenteName = (partyName: string) => partyName.replace(/^gemeente\s+/i, "");

/**
 * The capacity in which an attending bestuurder binds their party, in the words of the record,
 * or null for a party that never signs (an `overig` participant).
 */
export function mandateLabel(party: { name: string; kind: OrganisationKind }): string | null {
  if (party.kind === "gemeente") return `namens het college van B&W van ${gemeenteName(party.name)}`;
  if (party.kind === "swv") return `namens het bestuur van ${party.name}`;
  return null;
}

export interface AttendanceFact {
  partyId: string | null;
  attendance: AttendanceState;
  /** Attends as bestuurder for their party (the "namens …" capacity). */
  mandate: boolean;
}

/** The parties represented by an attending bestuurder: the meeting decision rule's input. */
export function representedPartyIds(attendees: readonly AttendanceFact[]): string[] {
  const ids = new Set<string>();
  for (const a of attendees) if (a.partyId && a.mandate && a.attendance === "aanwezig") ids.add(a.partyId);
  return [...ids];
}

/**
 * The reason an attendee's entry is inconsistent, or null: a vervanger only with an afmelding,
 * a mandate only for someone present who represents a signing party.
 */
export function attendeeProblem(a: {
  attendance: AttendanceState;
  mandate: boolean;
  substitute: string | null;
  partyKind: OrganisationKind | null;
}): string | null {
  if (a.substitute && a.attendance !== "afgemeld") return "Een vervanger hoort alleen bij een afmelding.";
  if (a.mandate && a.attendance !== "aanwezig") return "Alleen wie aanwezig is, kan namens een partij besluiten.";
  if (a.mandate && a.partyKind !== "swv" && a.partyKind !== "gemeente")
    return "Alleen namens een samenwerkingsverband of gemeente kan een bestuurder besluiten.";
  return null;
}

/** How an attendee appears on the presentielijst (meeting page, PDF, dossier). */
export function attendanceLine(a: {
  name: string;
  capacity: string;
  attendance: AttendanceState;
  substitute: string | null;
  mandate: boolean;
  party: { name: string; kind: OrganisationKind } | null;
}): string {
  const role = a.mandate && a.party ? `${a.capacity}, ${mandateLabel(a.party)}` : a.capacity;
  const state =
    a.attendance === "afgemeld" && a.substitute
      ? `afgemeld, vervangen door ${a.substitute}`
      : ATTENDANCE_STATE_LABELS[a.attendance].toLowerCase();
  return `${a.name} (${role}) — ${state}`;
}
