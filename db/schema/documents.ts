import { sqliteTable, text, integer, blob, index } from "drizzle-orm/sqlite-core";

/**
 * Append-only log of Yjs updates per document. A row exists before the server acknowledges
 * the update to its author (type-100 save ack), so everything acknowledged survives a crash.
 */
export const docUpdates = sqliteTable("doc_updates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  docName: text("doc_name").notNull(),
  update: blob("update", { mode: "buffer" }).notNull(),
  createdAt: text("created_at").notNull(),
}, (t) => [index("doc_updates_doc_idx").on(t.docName, t.id)]);

/**
 * Compacted state: the merge of every update up to and including `upToId`. Loading a document
 * is this snapshot plus the updates with id > upToId.
 */
export const docSnapshots = sqliteTable("doc_snapshots", {
  docName: text("doc_name").primaryKey(),
  state: blob("state", { mode: "buffer" }).notNull(),
  upToId: integer("up_to_id").notNull(),
  updatedAt: text("updated_at").notNull(),
});
