import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspaces, organisations } from "./workspaces.ts";
import { points } from "./points.ts";
import { users } from "./accounts.ts";
import { AGENDA_DECISIONS, MEETING_STATUSES, MEETING_TYPES, MINUTES_STATUSES } from "../../shared/domain/meetings.ts";
import { ATTENDANCE_STATES } from "../../shared/domain/attendance.ts";
import { AGENDA_ITEM_KINDS } from "../../shared/domain/agendaBuilder.ts";
import { POINT_STATUSES } from "../../shared/domain/pointStatus.ts";

/**
 * An OOGO meeting: ambtelijke werkgroep, proef-OOGO, formeel bestuurlijk OOGO or tussentijds
 * overleg (shared/domain/meetings.ts). Every change is also an event in the audit log.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: text("type", { enum: MEETING_TYPES }).notNull(),
    title: text("title").notNull(),
    startsAt: text("starts_at").notNull(),
    /** End of the meeting (ISO 8601 UTC); meetings planned before it existed got start + 2 h. */
    endsAt: text("ends_at").notNull().default(""),
    /** The room; empty when the meeting is only online. */
    place: text("place").notNull(),
    /** Link to the online meeting (https), or null. */
    onlineUrl: text("online_url"),
    /**
     * The convocatie's SEQUENCE (RFC 5545): null until the secretaris sends it, 0 after the first
     * sending, +1 for every update or the cancellation sent after it.
     */
    convocationSequence: integer("convocation_sequence"),
    convenedAt: text("convened_at"),
    /**
     * The agenda as the last convocatie (or update) sent it (server/services/meetings/agendaSignature):
     * when the agenda differs, the secretaris is offered to send the changed agenda.
     */
    convocationAgenda: text("convocation_agenda"),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("gepland"),
    /** Optimistic-concurrency version of the meeting record (details, attendance, agenda, minutes state). */
    version: integer("version").notNull().default(1),
    /** Minutes are a Yjs document; approval freezes them (changes after that are logged amendments). */
    minutesStatus: text("minutes_status", { enum: MINUTES_STATUSES }).notNull().default("concept"),
    minutesApprovedAt: text("minutes_approved_at"),
    minutesApprovedBy: text("minutes_approved_by").references(() => users.id),
    minutesApprovedHash: text("minutes_approved_hash"),
    /**
     * Canonical ProseMirror JSON of the approved minutes. Kept so exports print exactly what was
     * approved (not a later draft during an amendment) and an amendment can say what changed.
     */
    minutesApprovedJson: text("minutes_approved_json"),
    /** Hash of the minutes text put to the parties for approval (status `ter_vaststelling`). */
    minutesReviewHash: text("minutes_review_hash"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull().default(""),
  },
  (t) => [index("meetings_ws_idx").on(t.workspaceId, t.startsAt)],
);

/** The parties invited to a meeting. */
export const meetingParties = sqliteTable(
  "meeting_parties",
  {
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organisationId] })],
);

/** Who attended (or sent apologies), for which party and in which capacity. Replaced as a whole. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** Null for attendees who do not represent a party (e.g. the secretaris or an independent chair). */
    organisationId: text("organisation_id").references(() => organisations.id),
    name: text("name").notNull(),
    /** In which capacity, e.g. "wethouder onderwijs", "beleidsmedewerker jeugd". */
    capacity: text("capacity").notNull(),
    present: integer("present", { mode: "boolean" }).notNull(),
    /** aanwezig · afgemeld · afwezig (shared/domain/attendance.ts). */
    attendance: text("attendance", { enum: ATTENDANCE_STATES }).notNull().default("aanwezig"),
    /** Who replaced someone who sent apologies, when they said so. */
    substitute: text("substitute"),
    /** Attends as bestuurder for the party ("namens het college van B&W van …"): the decision rule reads this. */
    mandate: integer("mandate", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("attendance_meeting_idx").on(t.meetingId, t.position)],
);

/**
 * An agenda item. For a point, `textHash` and `textJson` keep the exact text version put before
 * the meeting; on a formal OOGO that version is fixed (the point is geagendeerd and locked).
 */
export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** What kind of item: a point, a fixed item (opening, mededelingen, …) or another subject. */
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull().default("overig"),
    /** For a `notulen` item: the earlier meeting whose minutes this meeting approves. */
    minutesOfMeetingId: text("minutes_of_meeting_id"),
    pointId: text("point_id").references(() => points.id),
    textHash: text("text_hash"),
    /** Canonical ProseMirror JSON of the point text with hash `textHash`. */
    textJson: text("text_json"),
    decision: text("decision", { enum: AGENDA_DECISIONS }),
    decisionNote: text("decision_note"),
    decidedAt: text("decided_at"),
    decidedBy: text("decided_by").references(() => users.id),
    /** Point status before and after the decision, when the decision moved the point. */
    pointStatusBefore: text("point_status_before", { enum: POINT_STATUSES }),
    pointStatusAfter: text("point_status_after", { enum: POINT_STATUSES }),
    createdAt: text("created_at").notNull().default(""),
  },
  (t) => [index("agenda_meeting_idx").on(t.meetingId, t.position)],
);

/**
 * A logged amendment of approved minutes: opened with a reason (the text unlocks), closed by
 * the next approval (new hash). Together with the log events this shows who amended what, when.
 */
export const minutesAmendments = sqliteTable(
  "minutes_amendments",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** 1, 2, 3 … per meeting. */
    seq: integer("seq").notNull(),
    reason: text("reason").notNull(),
    openedBy: text("opened_by")
      .notNull()
      .references(() => users.id),
    openedByName: text("opened_by_name").notNull(),
    openedAt: text("opened_at").notNull(),
    fromHash: text("from_hash").notNull(),
    closedBy: text("closed_by").references(() => users.id),
    closedByName: text("closed_by_name"),
    closedAt: text("closed_at"),
    toHash: text("to_hash"),
    /** JSON: the blocks removed and added by the amendment (see server/services/meetings/minutesDiff.ts). */
    changes: text("changes"),
  },
  (t) => [uniqueIndex("amendments_meeting_seq_uq").on(t.meetingId, t.seq)],
);

/** The agreed OOGO procedure as a checklist the secretary keeps. */
export const procedureSteps = sqliteTable(
  "procedure_steps",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Calendar date (YYYY-MM-DD) the step is due. */
    dueDate: text("due_date"),
    /** Calendar date (YYYY-MM-DD) the step was done; null while open. */
    doneAt: text("done_at"),
    note: text("note").notNull().default(""),
    /** The meeting that completed the step, if any (e.g. "formeel OOGO gehouden"). */
    meetingId: text("meeting_id").references(() => meetings.id),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(""),
    updatedAt: text("updated_at").notNull().default(""),
  },
  (t) => [index("procedure_ws_idx").on(t.workspaceId, t.position)],
);

/**
 * A party's agreement with minutes put to the parties for approval: its trekker agrees with the
 * text with hash `textHash`. When every invited party (SWV or gemeente) agreed, the minutes are
 * vastgesteld. Rows of an earlier round stay (they name their hash) — only the current hash counts.
 */
export const minutesAgreements = sqliteTable(
  "minutes_agreements",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    textHash: text("text_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    userName: text("user_name").notNull(),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("minutes_agreements_uq").on(t.meetingId, t.organisationId, t.textHash)],
);
