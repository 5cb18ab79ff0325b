/**
 * What the sync core needs from storage. The sync server knows nothing of the database;
 * tests may give it an in-memory implementation.
 */
export interface DocumentStore {
  /**
   * Everything stored for a document, as one merged Yjs update (snapshot + log tail), or null
   * when the document was never written. Throws when storage fails: callers must then fail the
   * join instead of presenting an empty document.
   */
  load(docName: string): Promise<Uint8Array | null>;
  /** Durably appends updates; resolves only after they are committed. */
  append(docName: string, updates: Uint8Array[]): Promise<void>;
  /** Folds the log into a snapshot when it has grown; never loses an update. */
  compact(docName: string): Promise<void>;
  /** Bytes of log written since the last snapshot (to decide when to compact). */
  logSize?(docName: string): Promise<number>;
}
