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
import { screenParts, type StoredPart } from "./screenParts.ts";
import type { CompactionResult, QuarantineEntry, StoredDocument, StoredUpdate } from "./storage.ts";

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
  /** Recorded once per stored part (loads see the same faulty row again until it is compacted away). */
  quarantine: `INSERT OR IGNORE INTO sync_quarantine (doc_name, source, source_id, "update", reason, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`,
} as const;

/** Arguments of SQL.quarantine for one entry. */
export const quarantineArgs = (entry: QuarantineEntry, createdAt: string) =>
  [entry.docName, entry.source, entry.sourceId, entry.update, entry.reason, createdAt] as const;

/**
 * Snapshot + tail → one update, through a Y.Doc rather than Y.mergeUpdates: it garbage-collects
 * deleted text (snapshots do not grow with every deletion ever made) and is several times faster
 * for a large document. Pending structs are kept by encodeStateAsUpdate.
 */
export function foldIntoSnapshot(
  docName: string,
  previous: StoredPart | null,
  tail: Iterable<StoredPart>,
): { state: Uint8Array; quarantined: QuarantineEntry[] } {
  // Faulty rows stay out of the snapshot; they are moved to sync_quarantine in the same
  // transaction that deletes the folded rows (screenParts).
  const { parts, quarantined } = screenParts(docName, previous, tail);
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of parts) Y.applyUpdate(doc, update);
    });
    return { state: Y.encodeStateAsUpdate(doc), quarantined };
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
  const [snapshot, tail] = await client.batch(
    [
      { sql: SQL.snapshot, args: [docName] },
      { sql: SQL.tailWithIds, args: [docName, docName] },
    ],
    "read",
  );
  const snapshotRow = snapshot!.rows[0];
  let logBytes = 0;
  const log: StoredPart[] = tail!.rows.map((row) => {
    const update = toBytes(row[1]);
    logBytes += update.byteLength;
    return { id: Number(row[0]), update };
  });
  const previous = snapshotRow ? { id: Number(snapshotRow[1]), update: toBytes(snapshotRow[0]) } : null;
  const { parts, quarantined } = screenParts(docName, previous, log);
  return { parts, logBytes, logRows: log.length, quarantined };
}

/** Records quarantined parts (idempotent per stored part). */
export async function recordQuarantine(client: Client, entries: readonly QuarantineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const createdAt = new Date().toISOString();
  await client.batch(
    entries.map((entry) => ({ sql: SQL.quarantine, args: [...quarantineArgs(entry, createdAt)] })),
    "write",
  );
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
  const [snapshot, tail] = await client.batch(
    [
      { sql: SQL.snapshot, args: [docName] },
      { sql: SQL.tailWithIds, args: [docName, docName] },
    ],
    "read",
  );
  const rows = tail!.rows;
  if (rows.length === 0) return null;
  const previous = snapshot!.rows[0];
  const previousUpTo = previous ? Number(previous[1]) : 0;
  const upToId = Number(rows[rows.length - 1]![0]);
  const log = rows.map((row) => ({ id: Number(row[0]), update: toBytes(row[1]) }));
  const { state, quarantined } = foldIntoSnapshot(
    docName,
    previous ? { id: previousUpTo, update: toBytes(previous[0]) } : null,
    log,
  );
  const now = new Date().toISOString();
  await client.batch(
    [
      // Quarantined rows first: the delete below removes them from the log.
      ...quarantined.map((entry) => ({ sql: SQL.quarantine, args: [...quarantineArgs(entry, now)] })),
      { sql: SQL.upsertSnapshot, args: [docName, state, upToId, now, previousUpTo] },
      { sql: SQL.deleteFolded, args: [docName, upToId, docName, upToId] },
    ],
    "write",
  );
  return {
    foldedRows: rows.length,
    foldedBytes: log.reduce((sum, row) => sum + row.update.byteLength, 0),
    snapshotBytes: state.byteLength,
  };
}
