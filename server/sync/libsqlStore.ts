import * as Y from "yjs";
import type { Database } from "../../db/client.ts";
import { withWriteLock } from "../../db/writeLock.ts";
import type { CompactionResult, DocumentStore, StoredDocument, StoredUpdate } from "./storage.ts";
import { appendUpdates, compactDocument, readDocument, recordQuarantine } from "./updateLogSql.ts";
import { UpdateLogThread } from "./updateLogThread.ts";

export interface LibsqlStoreOptions {
  /**
   * Write through a dedicated writer thread once `open()` is called (default: true for local
   * `file:` databases). Remote libSQL servers are asynchronous already and gain nothing from it.
   */
  writerThread?: boolean;
}

/**
 * Document storage in libSQL: an append-only update log plus one compacted snapshot per document.
 *
 * Writes go through a writer thread (updateLogWorker.ts) after `open()` — the sync server opens
 * the store. Before that (seeding, tests and scripts without a sync server) they run on the main
 * connection, in the process-wide write queue (db/writeLock.ts), so no thread is started for them.
 */
export class LibsqlDocumentStore implements DocumentStore {
  readonly #thread: UpdateLogThread | null;
  #threadOpen = false;

  constructor(
    private readonly database: Database,
    options: LibsqlStoreOptions = {},
    private readonly warn: (message: string) => void = (message) => console.warn(`[sync] ${message}`),
  ) {
    const local = database.url.startsWith("file:") && !database.url.includes(":memory:");
    this.#thread = (options.writerThread ?? local) && local ? new UpdateLogThread(database.url) : null;
  }

  async load(docName: string): Promise<Uint8Array | null> {
    const { parts } = await this.loadParts(docName);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0]!;
    // Applying to a Y.Doc and encoding it is ~5× faster than Y.mergeUpdates for a large snapshot.
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const part of parts) Y.applyUpdate(doc, part);
      });
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  async loadParts(docName: string): Promise<StoredDocument> {
    // Reads stay on the main connection: WAL readers never wait for the writer thread.
    const stored = await readDocument(this.database.client, docName);
    if (stored.quarantined.length > 0) {
      for (const q of stored.quarantined) {
        this.warn(`${docName}: stored ${q.source} ${q.sourceId} is not applied (${q.reason}); kept in sync_quarantine`);
      }
      // The document loads either way; a failed record is retried on the next load.
      await withWriteLock(this.database, () => recordQuarantine(this.database.client, stored.quarantined)).catch(
        (error) => this.warn(`${docName}: recording quarantined updates failed: ${String(error)}`),
      );
    }
    return stored;
  }

  append(docName: string, updates: Uint8Array[]): Promise<void> {
    return this.appendMany(updates.map((update) => ({ docName, update })));
  }

  appendMany(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    if (this.#threadOpen) return this.#thread!.append(entries);
    return withWriteLock(this.database, () => appendUpdates(this.database.client, entries));
  }

  compact(docName: string): Promise<CompactionResult | null> {
    if (this.#threadOpen) return this.#thread!.compact(docName);
    return withWriteLock(this.database, () => compactDocument(this.database.client, docName));
  }

  /** Switches writes to the writer thread and starts it ahead of the first acknowledgement. */
  async open(): Promise<void> {
    if (!this.#thread) return;
    this.#threadOpen = true;
    try {
      await this.#thread.start();
    } catch (error) {
      // Writes stay correct in-process (only slower for the event loop); the caller logs this.
      this.#threadOpen = false;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#threadOpen = false;
    await this.#thread?.close();
  }
}
