import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../shared/domain/notifications.ts";
import { users } from "./accounts.ts";
import { workspaces } from "./workspaces.ts";

/**
 * What waits for one person: a notice made from the tafel's log (server/services/notifications)
 * or by the deadline job. `dedupeKey` is unique, so processing the same event or the same
 * reminder twice (a crash between steps, two processes) never makes a second notice or mail.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** e.g. "ev:<audit event id>:<user id>" or "deadline:<step id>:<due date>:<stage>:<user id>". */
    dedupeKey: text("dedupe_key").notNull(),
    /** The audit event it came from; null for reminders, which are no change to the tafel. */
    eventId: integer("event_id"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** One line: what it is ("Ondertekenen: Vervoer op maat"). */
    title: text("title").notNull(),
    /** Why this person gets it ("U ondertekent namens Gemeente Groningen."). */
    reason: text("reason").notNull(),
    /** Where in the app, a path starting with "/tafels/". */
    path: text("path").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
    /** How it is mailed, decided when made from the person's preference. */
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    /** When its mail (immediate or the digest that carried it) was queued; null while waiting or never mailed. */
    mailedAt: text("mailed_at"),
    mailId: text("mail_id"),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_digest_idx").on(t.channel, t.mailedAt),
  ],
);

/** A person's choice per kind; a missing row means the default of shared/domain/notifications.ts. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * A durable cursor per consumer of the audit log: the id of the last event it processed. Moved in
 * the same transaction as what the consumer made of those events, so a restart neither loses nor
 * repeats any. The migration starts an existing installation at its newest event.
 */
export const logCursors = sqliteTable("log_cursors", {
  consumer: text("consumer").primaryKey(),
  lastEventId: integer("last_event_id").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** One row per scheduled job and period that ran (e.g. ("digest", "2026-11-30")): never twice. */
export const scheduledRuns = sqliteTable(
  "scheduled_runs",
  {
    job: text("job").notNull(),
    period: text("period").notNull(),
    ranAt: text("ran_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
