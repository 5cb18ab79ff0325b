import * as Y from "yjs";
import { Awareness, removeAwarenessStates } from "y-protocols/awareness";
import type { Connection } from "./Connection.ts";

/**
 * One loaded document: its Y.Doc (the server's authoritative copy), awareness, subscribers and
 * the part of the write queue that belongs to it. Plain state; SyncCore and PersistQueue act on it.
 *
 * Write queue invariant: every update applied to `ydoc` is pushed to `queued` synchronously in
 * the same 'update' event. Hence when a batch is sealed, `Y.encodeStateVector(ydoc)` describes
 * exactly what that batch plus all earlier batches contain, and it becomes `durableSv` once the
 * batch commits. (Structs waiting for missing dependencies are not in a state vector, so the
 * acknowledged vector can only under-claim, never over-claim.)
 */
const FULL_STATE_TTL_MS = 2000;

export class SyncDocument {
  readonly ydoc: Y.Doc;
  readonly awareness: Awareness;
  readonly conns = new Set<Connection>();
  /** Upgrades that have this document but whose socket is not attached yet (blocks unloading). */
  joining = 0;
  /** Set by SyncCore when the document leaves the registry. */
  unloaded = false;

  /** State vector of everything committed to storage. */
  durableSv: Uint8Array;
  /** Updates waiting for the next group commit. */
  queued: Uint8Array[] = [];
  queuedBytes = 0;
  /** Connections with saveAck=1 that contributed to `queued`. */
  queuedWaiters: Connection[] = [];
  /** True while listed in the persist queue's dirty list. */
  dirty = false;
  /** The batch being committed: its state vector and who waits for it (null when none). */
  sealedSv: Uint8Array | null = null;
  sealedWaiters: Connection[] = [];
  sealedBytes = 0;
  sealedRows = 0;

  /** Log tail not yet folded into a snapshot (decides compaction). */
  logBytes: number;
  logRows: number;
  compacting = false;
  idleTimer: NodeJS.Timeout | null = null;

  /**
   * Sync step 2 for a client with an empty state vector (a fresh browser), encoded once and
   * reused until the next change: a join storm on a large document encodes it once, not per
   * client. Dropped after FULL_STATE_TTL_MS, because it costs as much memory as the stored
   * document (~15 % of a loaded document's heap) and joins come in bursts.
   */
  #fullStateFrame: Buffer | null = null;
  #fullStateTimer: NodeJS.Timeout | null = null;
  /** Which connection last published each awareness client id, to clean up on disconnect. */
  readonly awarenessOwners = new Map<number, Connection>();
  /** Set by the update handler; lets a connection tell whether its message changed anything. */
  changedByApply = false;

  constructor(
    readonly name: string,
    readonly workspaceId: string,
    ydoc: Y.Doc,
    log: { bytes: number; rows: number },
  ) {
    this.ydoc = ydoc;
    this.awareness = new Awareness(ydoc);
    // The server is not a participant: no presence of its own.
    this.awareness.setLocalState(null);
    this.durableSv = Y.encodeStateVector(ydoc);
    this.logBytes = log.bytes;
    this.logRows = log.rows;
  }

  get fullStateFrame(): Buffer | null {
    return this.#fullStateFrame;
  }

  set fullStateFrame(frame: Buffer | null) {
    this.#fullStateFrame = frame;
    if (frame && !this.#fullStateTimer) {
      this.#fullStateTimer = setTimeout(() => {
        this.#fullStateTimer = null;
        this.#fullStateFrame = null;
      }, FULL_STATE_TTL_MS);
      this.#fullStateTimer.unref();
    }
  }

  /** Updates applied in memory but not yet committed. */
  get hasUnstored(): boolean {
    return this.queued.length > 0 || this.sealedSv !== null;
  }

  /** Sends one encoded frame to every subscriber except `except` (usually the author). */
  broadcast(frame: Buffer, except: Connection | null): void {
    for (const conn of this.conns) if (conn !== except) conn.send(frame);
  }

  /**
   * Removes awareness states of departed clients (broadcast by SyncCore's awareness handler) and
   * forgets their clocks: y-protocols keeps a meta entry per client forever otherwise.
   */
  removeAwareness(ids: number[]): void {
    removeAwarenessStates(this.awareness, ids, null);
    for (const id of ids) this.awareness.meta.delete(id);
  }

  destroy(): void {
    this.unloaded = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.#fullStateTimer) clearTimeout(this.#fullStateTimer);
    this.idleTimer = null;
    this.#fullStateTimer = null;
    this.#fullStateFrame = null;
    this.awarenessOwners.clear();
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
