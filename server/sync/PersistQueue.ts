import type { DocumentStore, StoredUpdate } from "./storage.ts";
import type { SyncDocument } from "./SyncDocument.ts";

/**
 * Group commit across documents: everything applied within one tick, or while the previous commit
 * is in flight, goes to storage in ONE transaction (one fsync). Commits are strictly sequential,
 * so a document's durable state vector only ever grows and acknowledgements leave in order.
 *
 * A failed commit is retried (with backoff) with the same batch; acknowledgements for it wait.
 * Applying a Yjs update twice is harmless, so a commit that failed after all is safe to repeat.
 */
export class PersistQueue {
  #dirty: SyncDocument[] = [];
  #scheduled = false;
  #writing = false;
  #giveUp = false;
  #idle: Array<() => void> = [];
  commits = 0;
  committedUpdates = 0;
  failedCommits = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly committed: (doc: SyncDocument) => void,
    private readonly retryMs: number,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Called from the document's 'update' handler, synchronously (see SyncDocument's invariant). */
  enqueue(doc: SyncDocument, update: Uint8Array): void {
    doc.queued.push(update);
    doc.queuedBytes += update.byteLength;
    if (!doc.dirty) {
      doc.dirty = true;
      this.#dirty.push(doc);
    }
    if (!this.#scheduled && !this.#writing) {
      this.#scheduled = true;
      // One tick: what the other sockets deliver in the same I/O phase joins this commit.
      // #drain never rejects (#commit retries or gives up), so nothing awaits it.
      setImmediate(() => void this.#drain());
    }
  }

  /** Resolves once everything enqueued so far is committed (or abandoned after giveUp()). */
  flushed(): Promise<void> {
    if (!this.#writing && !this.#scheduled && this.#dirty.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Stops retrying a failing commit (server shutdown with a broken database). */
  giveUp(): void {
    this.#giveUp = true;
  }

  readonly #drain = async (): Promise<void> => {
    this.#scheduled = false;
    if (this.#writing) return;
    this.#writing = true;
    try {
      while (this.#dirty.length > 0 && !this.#giveUp) {
        const docs = this.#dirty;
        this.#dirty = [];
        const entries: StoredUpdate[] = [];
        for (const doc of docs) this.#seal(doc, entries);
        if (!(await this.#commit(entries))) break;
        this.commits++;
        this.committedUpdates += entries.length;
        for (const doc of docs) this.committed(doc);
      }
    } finally {
      this.#writing = false;
      if (this.#dirty.length === 0 || this.#giveUp) {
        const idle = this.#idle;
        this.#idle = [];
        for (const resolve of idle) resolve();
      }
    }
  };

  #seal(doc: SyncDocument, entries: StoredUpdate[]): void {
    doc.dirty = false;
    for (const update of doc.queued) entries.push({ docName: doc.name, update });
    doc.sealedSv = doc.stateVector();
    doc.sealedBytes = doc.queuedBytes;
    doc.sealedRows = doc.queued.length;
    const waiters = doc.queuedWaiters;
    for (const conn of waiters) {
      conn.inQueued = false;
      conn.inSealed = true;
      // Every message this connection sent so far is in this batch, an earlier one, or changed nothing.
      conn.sealedSeq = conn.received;
    }
    doc.sealedWaiters = waiters;
    doc.sealedWrites = doc.queuedWrites;
    doc.queuedWrites = [];
    doc.queued = [];
    doc.queuedBytes = 0;
    doc.queuedWaiters = [];
  }

  async #commit(entries: StoredUpdate[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.appendMany(entries);
        return true;
      } catch (error) {
        this.failedCommits++;
        this.log(`commit of ${entries.length} update(s) failed (attempt ${attempt + 1}); acknowledgements wait`, error);
        if (this.#giveUp) return false;
        await new Promise((r) => setTimeout(r, Math.min(this.retryMs * 2 ** attempt, 5000)));
        if (this.#giveUp) return false;
      }
    }
  }
}
