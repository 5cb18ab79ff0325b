import * as Y from "yjs";
import type { Database } from "../../db/client.ts";
import type { CompactionResult, DocumentStore, StoredDocument, StoredUpdate } from "./storage.ts";
import { appendUpdates, compactDocument, readDocument } from "./updateLogSql.ts";
import { UpdateLogThread } from "./updateLogThread.ts";

export interface LibsqlStoreOptions {
  /**
   * Write through a dedicated writer thread (default: true for local `file:` databases).
   * Remote libSQL servers are asynchronous already and gain nothing from it.
   */
  writerThread?: boolean;
}

/** Document storage in libSQL: an append-only update log plus one compacted snapshot per document. */
export class LibsqlDocumentStore implements DocumentStore {
  readonly #thread: UpdateLogThread | null;

  constructor(private readonly database: Database, options: LibsqlStoreOptions = {}) {
    const local = database.url.startsWith("file:") && !database.url.includes(":memory:");
    this.#thread = (options.writerThread ?? local) && local ? new UpdateLogThread(database.url) : null;
  }

  async load(docName: string): Promise<Uint8Array | null> {
    const { parts } = await this.loadParts(docName);
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  }

  loadParts(docName: string): Promise<StoredDocument> {
    // Reads stay on the main connection: WAL readers never wait for the writer thread.
    return readDocument(this.database.client, docName);
  }

  append(docName: string, updates: Uint8Array[]): Promise<void> {
    return this.appendMany(updates.map((update) => ({ docName, update })));
  }

  appendMany(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.#thread ? this.#thread.append(entries) : appendUpdates(this.database.client, entries);
  }

  compact(docName: string): Promise<CompactionResult | null> {
    return this.#thread ? this.#thread.compact(docName) : compactDocument(this.database.client, docName);
  }

  /** Starts the writer thread ahead of the first acknowledgement. */
  async open(): Promise<void> {
    await this.#thread?.start();
  }

  async close(): Promise<void> {
    await this.#thread?.close();
  }
}
