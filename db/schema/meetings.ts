import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { workspaces, organisations } from "./workspaces.ts";
import { points } from "./points.ts";
import { users } from "./accounts.ts";

/** An OOGO meeting: ambtelijke werkgroep, proef-OOGO, formeel bestuurlijk OOGO or tussentijds overleg. */
export const meetings = sqliteTable("meetings", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  type: text("type").notNull(),
  title: text("title").notNull(),
  startsAt: text("starts_at").notNull(),
  place: text("place").notNull(),
  status: text("status").notNull().default("gepland"),
  /** Minutes are a Yjs document; approval freezes them (changes after that are logged amendments). */
  minutesStatus: text("minutes_status").notNull().default("concept"),
  minutesApprovedAt: text("minutes_approved_at"),
  minutesApprovedBy: text("minutes_approved_by").references(() => users.id),
  minutesApprovedHash: text("minutes_approved_hash"),
  createdAt: text("created_at").notNull(),
}, (t) => [index("meetings_ws_idx").on(t.workspaceId, t.startsAt)]);

export const meetingParties = sqliteTable("meeting_parties", {
  meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
  organisationId: text("organisation_id").notNull().references(() => organisations.id),
}, (t) => [primaryKey({ columns: [t.meetingId, t.organisationId] })]);

export const meetingAttendance = sqliteTable("meeting_attendance", {
  id: text("id").primaryKey(),
  meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
  organisationId: text("organisation_id").references(() => organisations.id),
  name: text("name").notNull(),
  /** In which capacity, e.g. "wethouder onderwijs", "beleidsmedewerker jeugd". */
  capacity: text("capacity").notNull(),
  present: integer("present", { mode: "boolean" }).notNull(),
});

/** An agenda item. Placing a point on a formal meeting's agenda fixes the text version discussed. */
export const agendaItems = sqliteTable("agenda_items", {
  id: text("id").primaryKey(),
  meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  pointId: text("point_id").references(() => points.id),
  textHash: text("text_hash"),
  decision: text("decision"),
  decisionNote: text("decision_note"),
  decidedAt: text("decided_at"),
}, (t) => [index("agenda_meeting_idx").on(t.meetingId, t.position)]);

/** The agreed OOGO procedure as a checklist the secretary keeps. */
export const procedureSteps = sqliteTable("procedure_steps", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  dueDate: text("due_date"),
  doneAt: text("done_at"),
  note: text("note").notNull().default(""),
}, (t) => [index("procedure_ws_idx").on(t.workspaceId, t.position)]);
