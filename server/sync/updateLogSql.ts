/**
 * The SQL of the update log, on a raw libSQL client (no drizzle: these statements are on the
 * save-acknowledgement path and drizzle's per-row object mapping costs more than the insert).
 * Used both in-process and by the writer thread (updateLogWorker.ts), so it imports nothing
 * from the rest of the server.
 *
 * Tables (db/schema/documents.ts): doc_updates(id autoincrement, doc_name, "update", created_at)
 * and doc_snapshots(doc_name pk, state, up_to_id, updated_at). A document's content is its
 * snapshot plus every row with id > up_to_id; ids only grow (AUTOINCREMENT), so a row committed
 * while a compaction runs always lands after that compaction's up_to_id.
 */
import type { Client, InStatement } from "@libsql/client";
import * as Y from "yjs";
import type { CompactionResult, StoredDocument, StoredUpdate } from "./storage.ts";

/** The statements, shared by the in-process path below and the writer thread (prepared once there). */
export const SQL = {
  insert: `INSERT INTO doc_updates (doc_name, "update", created_at) VALUES (?, ?, ?)`,
  snapshot: "SELECT state, up_to_id FROM doc_snapshots WHERE doc_name = ?",
  tailWithIds: `SELECT id, "update" FROM doc_updates WHERE doc_name = ?
    AND id > coalesce((SELECT up_to_id FROM doc_snapshots WHERE doc_name = ?), 0) ORDER BY id`,
  upsertSnapshot: `INSERT INTO doc_snapshots (doc_name, state, up_to_id, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state, up_to_id = excluded.up_to_id,
    updated_at = excluded.updated_at WHERE doc_snapshots.up_to_id = ?`,
  deleteFolded: `DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?
    AND (SELECT up_to_id FROM doc_snapshots WHERE doc_name = ?) = ?`,
} as const;

/**
 * Snapshot + tail → one update, through a Y.Doc rather than Y.mergeUpdates: it garbage-collects
 * deleted text (snapshots do not grow with every deletion ever made) and is several times faster
 * for a large document. Pending structs are kept by encodeStateAsUpdate.
 */
export function foldIntoSnapshot(previous: Uint8Array | null, tail: Iterable<Uint8Array>): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (previous) Y.applyUpdate(doc, previous);
      for (const update of tail) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const toBytes = (value: unknown): Uint8Array => {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new Error("update log: expected a blob");
};

/**
 * Snapshot and tail in ONE read transaction: read separately, a compaction committing in
 * between would make the tail start after rows that the old snapshot does not contain.
 */
export async function readDocument(client: Client, docName: string): Promise<StoredDocument> {
  const [snapshot, tail] = await client.batch([
    { sql: "SELECT state FROM doc_snapshots WHERE doc_name = ?", args: [docName] },
    {
      sql: `SELECT "update" FROM doc_updates WHERE doc_name = ?
            AND id > coalesce((SELECT up_to_id FROM doc_snapshots WHERE doc_name = ?), 0) ORDER BY id`,
      args: [docName, docName],
    },
  ], "read");
  const parts: Uint8Array[] = [];
  const snapshotRow = snapshot!.rows[0];
  if (snapshotRow) parts.push(toBytes(snapshotRow[0]));
  let logBytes = 0;
  for (const row of tail!.rows) {
    const update = toBytes(row[0]);
    logBytes += update.byteLength;
    parts.push(update);
  }
  return { parts, logBytes, logRows: tail!.rows.length };
}

/** Rows per INSERT statement: 3 parameters each stays far below SQLite's parameter limit. */
const ROWS_PER_STATEMENT = 200;

/** Appends every entry in one write transaction: one commit, one fsync (synchronous=FULL). */
export async function appendUpdates(client: Client, entries: readonly StoredUpdate[]): Promise<void> {
  if (entries.length === 0) return;
  const createdAt = new Date().toISOString();
  const statements: InStatement[] = [];
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const chunk = entries.slice(start, start + ROWS_PER_STATEMENT);
    const args: Array<string | Uint8Array> = [];
    for (const entry of chunk) args.push(entry.docName, entry.update, createdAt);
    statements.push({ sql: SQL.insert.replace("(?, ?, ?)", chunk.map(() => "(?, ?, ?)").join(", ")), args });
  }
  await client.batch(statements, "write");
}

/**
 * Folds snapshot + tail into a new snapshot. Reads and merges OUTSIDE the write lock (merging a
 * large document takes milliseconds; appends must not wait for it), then writes the snapshot and
 * deletes the folded rows in one short transaction. Both writes are guarded by the snapshot's
 * previous up_to_id, so a concurrent compaction elsewhere makes this one a no-op instead of
 * deleting rows its snapshot lacks.
 */
export async function compactDocument(client: Client, docName: string): Promise<CompactionResult | null> {
  const [snapshot, tail] = await client.batch([
    { sql: SQL.snapshot, args: [docName] },
    { sql: SQL.tailWithIds, args: [docName, docName] },
  ], "read");
  const rows = tail!.rows;
  if (rows.length === 0) return null;
  const previous = snapshot!.rows[0];
  const previousUpTo = previous ? Number(previous[1]) : 0;
  const upToId = Number(rows[rows.length - 1]![0]);
  const updates = rows.map((row) => toBytes(row[1]));
  const state = foldIntoSnapshot(previous ? toBytes(previous[0]) : null, updates);
  await client.batch([
    { sql: SQL.upsertSnapshot, args: [docName, state, upToId, new Date().toISOString(), previousUpTo] },
    { sql: SQL.deleteFolded, args: [docName, upToId, docName, upToId] },
  ], "write");
  return { foldedRows: rows.length, foldedBytes: updates.reduce((sum, u) => sum + u.byteLength, 0), snapshotBytes: state.byteLength };
}
