/**
 * What the sync core needs from storage. The sync server knows nothing of the database;
 * tests may give it an in-memory implementation (see memoryStore.ts).
 */
export interface DocumentStore {
  /**
   * Everything stored for a document, as one merged Yjs update (snapshot + log tail), or null
   * when the document was never written. Throws when storage fails: callers must then fail the
   * join instead of presenting an empty document.
   */
  load(docName: string): Promise<Uint8Array | null>;
  /**
   * The stored parts of a document without merging them (the sync server applies them to its
   * Y.Doc in one transaction, which is cheaper than merging first), plus the size of the log
   * tail so the server knows when to compact. Same failure contract as `load`.
   */
  loadParts(docName: string): Promise<StoredDocument>;
  /** Durably appends updates; resolves only after they are committed. */
  append(docName: string, updates: Uint8Array[]): Promise<void>;
  /**
   * Durably appends updates of several documents in ONE commit (the sync server's group
   * commit: one fsync for everything that arrived within a tick). Resolves after the commit.
   */
  appendMany(entries: readonly StoredUpdate[]): Promise<void>;
  /**
   * Folds the log into a snapshot; never loses an update: rows committed while compaction
   * runs stay in the log. Resolves with what was folded (null when there was nothing to fold).
   */
  compact(docName: string): Promise<CompactionResult | null>;
  /** Prepares background resources (e.g. starts the writer thread) ahead of the first write. */
  open?(): Promise<void>;
  /** Releases background resources (e.g. the writer thread). The store may be used again after. */
  close?(): Promise<void>;
}

export interface StoredUpdate {
  docName: string;
  update: Uint8Array;
}

export interface StoredDocument {
  /**
   * Snapshot first (if any), then the log tail in commit order, each passed by checkUpdate
   * (faulty stored parts are left out or repaired; see `quarantined`). Empty when never written.
   */
  parts: Uint8Array[];
  /** Bytes and rows in the log tail (not yet folded into the snapshot). */
  logBytes: number;
  logRows: number;
  /** Stored parts that failed the check (recorded in sync_quarantine by the libSQL store). */
  quarantined: QuarantineEntry[];
}

/** A stored update the server does not apply (table sync_quarantine). */
export interface QuarantineEntry {
  docName: string;
  source: "log" | "snapshot";
  /** The doc_updates row id, or the snapshot's up_to_id. */
  sourceId: number;
  update: Uint8Array;
  reason: string;
}

export interface CompactionResult {
  foldedRows: number;
  foldedBytes: number;
  snapshotBytes: number;
}
