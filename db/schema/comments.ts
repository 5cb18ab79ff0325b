import { blob, index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { COMMENT_VISIBILITIES, THREAD_STATUSES, type Mentions } from "../../shared/domain/comments.ts";
import { users } from "./accounts.ts";
import { organisations, workspaces } from "./workspaces.ts";

/**
 * A comment thread anchored in one collaborative document (ADR 0012). The anchor is a pair of Yjs
 * relative positions (they follow the text through every edit) plus the quoted text, which stays
 * when the text itself is deleted. Internal notes (`visibility = partij`) belong to `party_id`.
 */
export const commentThreads = sqliteTable(
  "comment_threads",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    docName: text("doc_name").notNull(),
    visibility: text("visibility", { enum: COMMENT_VISIBILITIES }).notNull(),
    /** The author's party (null for the secretaris or a waarnemer; never null for an internal note). */
    partyId: text("party_id").references(() => organisations.id),
    anchorStart: blob("anchor_start", { mode: "buffer" }).notNull(),
    anchorEnd: blob("anchor_end", { mode: "buffer" }).notNull(),
    quote: text("quote").notNull(),
    status: text("status", { enum: THREAD_STATUSES }).notNull().default("open"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("comment_threads_doc_idx").on(t.workspaceId, t.docName)],
);

/** The messages of a thread: the opening comment and its replies, in order. */
export const commentMessages = sqliteTable(
  "comment_messages",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    authorPartyId: text("author_party_id").references(() => organisations.id),
    body: text("body").notNull(),
    mentions: text("mentions", { mode: "json" }).$type<Mentions>().notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("comment_messages_thread_idx").on(t.threadId, t.createdAt)],
);
