/**
 * OOGO meetings, their minutes and the agreed procedure's checklist (domain brief §2, §7.1).
 * Pure rules shared by the server (the authority) and the client (to enable controls).
 */
import { addDays } from "./dates.ts";
import type { PointStatus } from "./pointStatus.ts";

/** The kinds of meeting in an OOGO, from preparation to the formal bestuurlijk consultation. */
export const MEETING_TYPES = ["ambtelijke_werkgroep", "proef_oogo", "formeel_oogo", "tussentijds_overleg"] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  ambtelijke_werkgroep: "Ambtelijke werkgroep",
  proef_oogo: "Proef-OOGO",
  formeel_oogo: "Formeel bestuurlijk OOGO",
  tussentijds_overleg: "Tussentijds overleg",
};

export const isMeetingType = (value: unknown): value is MeetingType =>
  typeof value === "string" && (MEETING_TYPES as readonly string[]).includes(value);

/**
 * Placing a point on the agenda of a formal OOGO fixes the text version discussed: the point
 * moves to `geagendeerd` (its text is locked) and the agenda item keeps the exact text.
 * Other meetings discuss a point without freezing it (the version shown is still recorded).
 */
export const fixesTextVersion = (type: MeetingType): boolean => type === "formeel_oogo";

export const MEETING_STATUSES = ["gepland", "gehouden", "geannuleerd"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  gepland: "Gepland",
  gehouden: "Gehouden",
  geannuleerd: "Geannuleerd",
};

/**
 * Minutes lifecycle: `concept` (co-edited live) → `vastgesteld` (approved by the secretaris,
 * frozen, hash recorded) → `in_wijziging` (a logged amendment re-opened them) → `vastgesteld`
 * again with a new hash.
 */
export const MINUTES_STATUSES = ["concept", "vastgesteld", "in_wijziging", "ter_vaststelling"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  concept: "Concept",
  ter_vaststelling: "Ter vaststelling bij de partijen",
  vastgesteld: "Vastgesteld",
  in_wijziging: "Wijziging loopt",
};

/** The minutes text may be written only while it is not approved and not put to the parties. */
export const minutesLocked = (status: MinutesStatus): boolean =>
  status === "vastgesteld" || status === "ter_vaststelling";

/**
 * What a meeting decided about an agenda item. For an item about an overeenstemmingspunt a
 * decision may move the point: {@link decisionTargetStatus}.
 */
export const AGENDA_DECISIONS = [
  "overeenstemming",
  "geen_overeenstemming",
  "terugverwezen",
  "in_geschil",
  "aangehouden",
  "besproken",
  // A later meeting approves the minutes of an earlier one (agenda item of kind `notulen`).
  "notulen_vastgesteld",
] as const;
export type AgendaDecision = (typeof AGENDA_DECISIONS)[number];

export const AGENDA_DECISION_LABELS: Record<AgendaDecision, string> = {
  overeenstemming: "Overeenstemming bereikt",
  geen_overeenstemming: "Geen overeenstemming",
  terugverwezen: "Terugverwezen naar de ambtelijke werkgroep",
  in_geschil: "Besloten het geschil voor te leggen aan de Geschillencommissie OOGO",
  aangehouden: "Aangehouden tot een volgend overleg",
  besproken: "Besproken, geen besluit",
  notulen_vastgesteld: "Notulen vastgesteld",
};

/**
 * The point status a decision leads to, or null when the decision leaves the point's status
 * alone. The points workflow decides whether that move is allowed for the point and the actor.
 * `in_geschil` moves nothing: only a bestuurder or wethouder may start a dispute (points
 * workflow); the meeting minutes the decision to do so, after `geen overeenstemming`.
 *
 * "Overeenstemming bereikt" in a formal OOGO means the bestuurders agreed at the table: the point
 * becomes `akkoord_in_overleg` (valid only when every party in scope was represented by an
 * attending bestuurder) and the last signature afterwards completes `overeenstemming`. Elsewhere
 * it records an agreement the bestuurders already signed. A point that already reached that
 * stage stays where it is.
 */
export function decisionTargetStatus(
  decision: AgendaDecision,
  meetingType?: MeetingType,
  pointStatus?: PointStatus,
): PointStatus | null {
  switch (decision) {
    case "overeenstemming":
      if (pointStatus === "overeenstemming" || pointStatus === "akkoord_in_overleg") return null;
      return meetingType === "formeel_oogo" ? "akkoord_in_overleg" : "overeenstemming";
    case "geen_overeenstemming":
      return "geen_overeenstemming";
    case "terugverwezen":
      return "in_bespreking";
    case "in_geschil":
    case "aangehouden":
    case "besproken":
    case "notulen_vastgesteld":
      return null;
  }
}

/** Point statuses a decision needs to make sense, or null when any status will do. */
export function decisionRequiresStatus(decision: AgendaDecision): readonly PointStatus[] | null {
  return decision === "in_geschil" ? ["geen_overeenstemming", "in_geschil"] : null;
}

/** The reason a meeting's agenda and decisions can no longer change, or null when they can. */
export function agendaFrozenReason(meeting: { status: MeetingStatus; minutesStatus: MinutesStatus }): string | null {
  if (meeting.status === "geannuleerd") return "Deze vergadering is geannuleerd.";
  if (meeting.minutesStatus === "ter_vaststelling")
    return "De notulen liggen ter vaststelling bij de partijen; de agenda en de besluiten liggen vast.";
  if (meeting.minutesStatus !== "concept")
    return "De notulen van deze vergadering zijn vastgesteld; de agenda en de besluiten liggen vast.";
  return null;
}

/**
 * The reason the meeting record itself (date, place, attendance) can no longer change, or
 * null. While an amendment is open the record may be corrected; the re-approval logs it.
 */
export function meetingFrozenReason(meeting: { minutesStatus: MinutesStatus }): string | null {
  if (meeting.minutesStatus === "ter_vaststelling")
    return "De notulen liggen ter vaststelling bij de partijen. Trek ze eerst terug om de vergadering te wijzigen.";
  return meeting.minutesStatus === "vastgesteld"
    ? "De notulen van deze vergadering zijn vastgesteld. Wijzigen kan alleen via een gelogde wijziging van de notulen."
    : null;
}

/**
 * A meeting decides and approves its minutes only once it has begun: from its start time on, not
 * merely on its date (otherwise the record could show minutes approved at 00.14 for a meeting
 * held at 09.30 that same day).
 */
export function meetingHasStarted(startsAt: string, now: Date): boolean {
  return new Date(startsAt).getTime() <= now.getTime();
}

// ── The agreed procedure's checklist ────────────────────────────────────────

export const PROCEDURE_STEP_STATES = ["gedaan", "te_laat", "binnenkort", "gepland"] as const;
export type ProcedureStepState = (typeof PROCEDURE_STEP_STATES)[number];

export const PROCEDURE_STEP_STATE_LABELS: Record<ProcedureStepState, string> = {
  gedaan: "Gedaan",
  te_laat: "Te laat",
  binnenkort: "Binnenkort",
  gepland: "Gepland",
};

/** A step is "binnenkort" (due) when its date falls within this many days from today. */
export const DUE_SOON_DAYS = 14;

/**
 * Done, late, due or planned. Dates are calendar dates ("YYYY-MM-DD") in Dutch time: a step
 * due today is due, not late; it becomes late the day after.
 */
export function procedureStepState(
  step: { dueDate: string | null; doneOn: string | null },
  today: string,
  dueSoonDays = DUE_SOON_DAYS,
): ProcedureStepState {
  if (step.doneOn) return "gedaan";
  if (!step.dueDate) return "gepland";
  if (step.dueDate < today) return "te_laat";
  if (step.dueDate <= addDays(today, dueSoonDays)) return "binnenkort";
  return "gepland";
}

/** Days a late step is overdue (0 when not late). */
export function daysLate(step: { dueDate: string | null; doneOn: string | null }, today: string): number {
  if (step.doneOn || !step.dueDate || step.dueDate >= today) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${step.dueDate}T00:00:00Z`)) / 86_400_000);
}
