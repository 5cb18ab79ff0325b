import { sqliteTable, text, integer, blob, index, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Append-only log of Yjs updates per document. A row exists before the server acknowledges
 * the update to its author (type-100 save ack), so everything acknowledged survives a crash.
 */
export const docUpdates = sqliteTable(
  "doc_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docName: text("doc_name").notNull(),
    update: blob("update", { mode: "buffer" }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("doc_updates_doc_idx").on(t.docName, t.id)],
);

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

/**
 * Stored updates the sync server will not apply (written before updates were checked on arrival,
 * see docs/adr/0006-validate-updates-before-apply.md): a document loads without them instead of
 * failing forever, and they stay here for an operator (`npm run sync:quarantine`). `source` says
 * where the bytes were: a `doc_updates` row (`source_id` = its id) or a snapshot (`source_id` =
 * its up_to_id; the document then loads from the snapshot with the faulty parts removed).
 */
export const syncQuarantine = sqliteTable(
  "sync_quarantine",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docName: text("doc_name").notNull(),
    source: text("source", { enum: ["log", "snapshot"] }).notNull(),
    sourceId: integer("source_id").notNull(),
    update: blob("update", { mode: "buffer" }).notNull(),
    reason: text("reason").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("sync_quarantine_source_idx").on(t.docName, t.source, t.sourceId)],
);
