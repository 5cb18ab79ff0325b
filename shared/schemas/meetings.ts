import { z } from "zod";
import {
  AGENDA_DECISIONS,
  MEETING_STATUSES,
  MEETING_TYPES,
  MINUTES_STATUSES,
  PROCEDURE_STEP_STATES,
} from "../domain/meetings.ts";
import { isCalendarDate } from "../domain/dates.ts";
import { ATTENDANCE_STATES, type AttendanceState } from "../domain/attendance.ts";
import { AGENDA_ITEM_KINDS } from "../domain/agendaBuilder.ts";
import { onlineUrlProblem } from "../domain/meetingTimes.ts";
import { Id } from "./common.ts";
import { freeText } from "./freeText.ts";

/** Single-line free text (titles, places, names); see freeText for the characters refused. */
const line = (min: number, max: number, label: string) => freeText({ label, min, max });
/** Multi-line free text (notes, reasons). */
const lines = (min: number, max: number, label: string) => freeText({ label, min, max, multiline: true });

/** An instant with an explicit offset, e.g. "2023-03-07T14:00:00+01:00". */
export const Instant = z.string().datetime({ offset: true, message: "Geef een datum en tijd met tijdzone (ISO 8601)" });
/** A calendar date YYYY-MM-DD. */
export const CalendarDate = z.string().refine(isCalendarDate, "Geef een datum als JJJJ-MM-DD");
/** Client-supplied optimistic-concurrency version. */
export const ExpectedVersion = z.number().int().positive();

// ── Meetings ────────────────────────────────────────────────────────────────

/** An https link to the online meeting (Teams, Zoom, …); see onlineUrlProblem. */
export const OnlineUrl = z
  .string()
  .trim()
  .max(500, "De link is te lang (hoogstens 500 tekens)")
  .check((ctx) => {
    const problem = onlineUrlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });

export const CreateMeetingInput = z
  .object({
    type: z.enum(MEETING_TYPES, { message: "Kies een geldig soort overleg" }),
    title: line(3, 200, "de titel"),
    startsAt: Instant,
    /** Omitted = two hours after the start. */
    endsAt: Instant.optional(),
    /** The room; may be left out for a meeting that is only online. */
    place: line(2, 200, "de plaats").optional(),
    onlineUrl: OnlineUrl.optional(),
    /** Invited parties; omitted = every party of the tafel. */
    invitedPartyIds: z.array(Id).min(1, "Nodig ten minste één partij uit").max(50).optional(),
  })
  .strict()
  .refine((v) => v.place !== undefined || v.onlineUrl !== undefined, {
    message: "Geef een plaats of een link naar de online vergadering op",
    path: ["place"],
  });
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

export const UpdateMeetingInput = z
  .object({
    title: line(3, 200, "de titel").optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    /** An empty string clears the place (only when there is an online link). */
    place: line(0, 200, "de plaats")
      .refine((v) => v.length === 0 || v.length >= 2, "Vul een plaats in van ten minste 2 tekens")
      .optional(),
    /** null removes the online link. */
    onlineUrl: OnlineUrl.nullable().optional(),
    status: z.enum(MEETING_STATUSES, { message: "Kies een geldige status" }).optional(),
    invitedPartyIds: z.array(Id).min(1, "Nodig ten minste één partij uit").max(50).optional(),
    expectedVersion: ExpectedVersion.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== "expectedVersion"), "Geef ten minste één wijziging op");
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const AttendeeInput = z
  .object({
    /** The party the attendee represents; null for e.g. the secretaris or an independent chair. */
    partyId: Id.nullable(),
    name: line(2, 120, "de naam"),
    capacity: line(2, 160, "de hoedanigheid"),
    /** aanwezig · afgemeld · afwezig. */
    attendance: z.enum(ATTENDANCE_STATES, { message: "Kies aanwezig, afgemeld of afwezig" }).optional(),
    /** Older clients: true = aanwezig, false = afwezig. Ignored when `attendance` is given. */
    present: z.boolean().optional(),
    /** Who replaces someone who sent apologies (only with afgemeld). */
    substitute: line(2, 120, "de vervanger").nullable().optional(),
    /** Attends as bestuurder "namens" the party (only when aanwezig, for an SWV or gemeente). */
    mandate: z.boolean().optional(),
  })
  .strict()
  .refine((a) => a.attendance !== undefined || a.present !== undefined, {
    message: "Kies aanwezig, afgemeld of afwezig",
    path: ["attendance"],
  });
export type AttendeeInput = z.infer<typeof AttendeeInput>;
/** The attendance state an input means, old clients included. */
export const attendanceOf = (a: AttendeeInput): AttendanceState => a.attendance ?? (a.present ? "aanwezig" : "afwezig");
export const SetAttendanceInput = z
  .object({
    attendees: z.array(AttendeeInput).max(100, "Hoogstens 100 aanwezigen"),
    expectedVersion: ExpectedVersion.optional(),
  })
  .strict();
export type SetAttendanceInput = z.infer<typeof SetAttendanceInput>;

export const AddAgendaItemInput = z
  .object({
    /** Omitted: `punt` with a pointId, else `overig`. */
    kind: z.enum(AGENDA_ITEM_KINDS, { message: "Kies een geldige soort agendapunt" }).optional(),
    /** Required for `overig`; defaults to the point's title or the fixed item's usual title. */
    title: line(3, 200, "de titel").optional(),
    pointId: Id.optional(),
    /** For `notulen`: the earlier meeting whose minutes this meeting approves. */
    minutesOfMeetingId: Id.optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.pointId !== undefined || (v.kind !== undefined && v.kind !== "overig"), {
    message: "Geef een titel of een overeenstemmingspunt op",
    path: ["title"],
  })
  .refine((v) => v.pointId === undefined || (v.kind ?? "punt") === "punt", {
    message: "Alleen een agendapunt van de soort overeenstemmingspunt hoort bij een punt",
    path: ["pointId"],
  })
  .refine((v) => v.kind !== "punt" || v.pointId !== undefined, {
    message: "Kies het overeenstemmingspunt",
    path: ["pointId"],
  })
  .refine((v) => (v.kind === "notulen") === (v.minutesOfMeetingId !== undefined), {
    message: "Kies de vergadering waarvan de notulen worden vastgesteld",
    path: ["minutesOfMeetingId"],
  });
export type AddAgendaItemInput = z.infer<typeof AddAgendaItemInput>;

export const ReorderAgendaInput = z
  .object({
    itemIds: z.array(Id).min(1).max(200),
  })
  .strict();
export type ReorderAgendaInput = z.infer<typeof ReorderAgendaInput>;

export const DecisionInput = z
  .object({
    decision: z.enum(AGENDA_DECISIONS, { message: "Kies een geldig besluit" }),
    note: lines(3, 4000, "de toelichting"),
    /** The point's version the secretary saw (optimistic concurrency on the point). */
    expectedVersion: ExpectedVersion.optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ConveneInput = z
  .object({
    /** The meeting version the secretaris saw; 409 when it changed since. */
    expectedVersion: ExpectedVersion.optional(),
  })
  .strict();
export type ConveneInput = z.infer<typeof ConveneInput>;

export const RequestMinutesReviewInput = z
  .object({
    /** Hash of the minutes text the secretaris read; refused (409) when the text changed since. */
    textHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Ongeldige tekst-hash")
      .optional(),
    /** The secretaris saw the warnings (minutes vs recorded decisions) and puts the text forward anyway. */
    acceptWarnings: z.boolean().optional(),
  })
  .strict();
export type RequestMinutesReviewInput = z.infer<typeof RequestMinutesReviewInput>;

export const AgreeMinutesInput = z
  .object({
    /** Hash of the minutes text the trekker read: the agreement is with exactly this text. */
    textHash: z.string().regex(/^[0-9a-f]{64}$/, "Ongeldige tekst-hash"),
  })
  .strict();
export type AgreeMinutesInput = z.infer<typeof AgreeMinutesInput>;

export const AmendMinutesInput = z
  .object({
    reason: lines(10, 2000, "de reden"),
  })
  .strict();
export type AmendMinutesInput = z.infer<typeof AmendMinutesInput>;

const PartyName = z.object({ id: z.string(), name: z.string() });

export const AttendeeView = z.object({
  id: z.string(),
  party: PartyName.nullable(),
  name: z.string(),
  capacity: z.string(),
  /** Same as attendance === "aanwezig" (kept for older readers). */
  present: z.boolean(),
  attendance: z.enum(ATTENDANCE_STATES),
  substitute: z.string().nullable(),
  mandate: z.boolean(),
  /** "namens het college van B&W van Groningen" when the attendee has the mandate; null otherwise. */
  mandateLabel: z.string().nullable(),
});
export type AttendeeView = z.infer<typeof AttendeeView>;

export const AgendaItemView = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  point: z
    .object({
      id: z.string(),
      title: z.string(),
      theme: z.string(),
      status: z.string(),
      version: z.number(),
      textHash: z.string(),
    })
    .nullable(),
  /** The text version put before the meeting (fixed for a formal OOGO). */
  textHash: z.string().nullable(),
  /** True when the point's current text is no longer the version on the agenda. */
  textChangedSince: z.boolean(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  /** For a `notulen` item: the meeting whose minutes it approves. */
  minutesOf: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  /** The decisions this item can carry (none for opening, mededelingen, rondvraag, sluiting). */
  allowedDecisions: z.array(z.enum(AGENDA_DECISIONS)),
  decision: z.enum(AGENDA_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  pointStatusBefore: z.string().nullable(),
  pointStatusAfter: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const AmendmentView = z.object({
  id: z.string(),
  seq: z.number(),
  reason: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  fromHash: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  toHash: z.string().nullable(),
  changes: z.object({ removed: z.array(z.string()), added: z.array(z.string()) }).nullable(),
});
export type AmendmentView = z.infer<typeof AmendmentView>;

export const MeetingSummary = z.object({
  id: z.string(),
  type: z.enum(MEETING_TYPES),
  typeLabel: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  /** The convocatie: null until sent; `sequence` counts the updates sent after it. */
  convocation: z.object({ sentAt: z.string(), sequence: z.number(), cancelled: z.boolean() }).nullable(),
  status: z.enum(MEETING_STATUSES),
  minutesStatus: z.enum(MINUTES_STATUSES),
  version: z.number(),
  agendaCount: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingView = MeetingSummary.extend({
  workspaceId: z.string(),
  /** The agenda changed since the genodigden last received it with the convocatie or an update. */
  agendaChangedSinceConvocation: z.boolean(),
  invitedParties: z.array(PartyName),
  attendance: z.array(AttendeeView),
  agenda: z.array(AgendaItemView),
  /** Yjs document of the minutes on the sync endpoint. */
  minutesDocument: z.string(),
  /** Hash of the minutes' current durable text. */
  minutesHash: z.string(),
  minutesApproval: z
    .object({
      approvedAt: z.string(),
      approvedBy: z.string(),
      textHash: z.string(),
    })
    .nullable(),
  /** While the minutes are ter vaststelling: the text put forward and which parties agreed. */
  minutesReview: z
    .object({
      textHash: z.string(),
      parties: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          agreedBy: z.string().nullable(),
          agreedAt: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** Where the minutes' current text and the recorded decisions do not say the same. */
  minutesWarnings: z.array(z.object({ itemTitle: z.string(), message: z.string() })),
  amendments: z.array(AmendmentView),
  /** Why the agenda/decisions or the record can no longer change (null when they can). */
  agendaFrozenReason: z.string().nullable(),
  recordFrozenReason: z.string().nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** The agenda builder's choice: points that can be placed, and the others with the reason why not. */
const CandidatePoint = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  status: z.string(),
  statusLabel: z.string(),
});
export const AgendaCandidatesView = z.object({
  placeable: z.array(CandidatePoint),
  notPlaceable: z.array(CandidatePoint.extend({ reason: z.string() })),
  /** Earlier meetings whose minutes are ter vaststelling: a `notulen` item can approve them here. */
  minutesToApprove: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string() })),
});
export type AgendaCandidatesView = z.infer<typeof AgendaCandidatesView>;

// ── Procedure ───────────────────────────────────────────────────────────────

export const AddProcedureStepInput = z
  .object({
    title: line(3, 200, "de omschrijving"),
    dueDate: CalendarDate.nullable().optional(),
    note: lines(0, 2000, "de notitie").optional(),
    /** 0-based place in the list; omitted = at the end. */
    position: z.number().int().min(0).max(500).optional(),
  })
  .strict();
export type AddProcedureStepInput = z.infer<typeof AddProcedureStepInput>;

export const ChangeProcedureStepInput = z
  .object({
    title: line(3, 200, "de omschrijving").optional(),
    dueDate: CalendarDate.nullable().optional(),
    /** The date the step was done; null re-opens it. */
    doneOn: CalendarDate.nullable().optional(),
    note: lines(0, 2000, "de notitie").optional(),
    position: z.number().int().min(0).max(500).optional(),
    meetingId: Id.nullable().optional(),
    expectedVersion: ExpectedVersion.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== "expectedVersion"), "Geef ten minste één wijziging op");
export type ChangeProcedureStepInput = z.infer<typeof ChangeProcedureStepInput>;

export const ProcedureStepView = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  dueDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  note: z.string(),
  meetingId: z.string().nullable(),
  state: z.enum(PROCEDURE_STEP_STATES),
  stateLabel: z.string(),
  daysLate: z.number(),
  version: z.number(),
});
export type ProcedureStepView = z.infer<typeof ProcedureStepView>;

export const ProcedureView = z.object({
  /** The co-edited procedure text (Yjs document on the sync endpoint). */
  document: z.string(),
  today: z.string(),
  steps: z.array(ProcedureStepView),
});
export type ProcedureView = z.infer<typeof ProcedureView>;
