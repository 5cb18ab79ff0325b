import * as Y from "yjs";
import { Awareness, removeAwarenessStates } from "y-protocols/awareness";
import type { Connection } from "./Connection.ts";
import type { SuggestionWalk } from "./suggestionGuard.ts";

const FULL_STATE_TTL_MS = 250;
const EMPTY_STATE_VECTOR_BYTE = 0;

/** True for the encoded state vector of a client that has nothing (a fresh browser). */
export const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === EMPTY_STATE_VECTOR_BYTE;

/**
 * One loaded document: its content, awareness, subscribers and the part of the write queue that
 * belongs to it. Plain state; SyncCore and PersistQueue act on it.
 *
 * Content has two forms. A document that nobody edits is kept as its encoded state (one Yjs
 * update, about the size of the stored document) — enough to answer every sync step 1
 * (Y.diffUpdate) and to state its state vector. The Y.Doc (the CRDT, roughly 8× the encoded
 * size in heap: ~1.2 MB for the 144 KB benchmark document) is built from it when a writer sends
 * the first update, and given up again after `dehydrate()` when editing stops. So readers,
 * loading and join storms never pay for integrating the document, and idle documents cost
 * little memory while their sockets stay open.
 *
 * Write queue invariant: every update applied to the Y.Doc is pushed to `queued` synchronously in
 * the same 'update' event. Hence when a batch is sealed, `stateVector()` describes exactly what
 * that batch plus all earlier batches contain, and it becomes `durableSv` once the batch commits.
 * (Structs waiting for missing dependencies are not in a Y.Doc's state vector, so the acknowledged
 * vector can only under-claim, never over-claim.)
 */
export class SyncDocument {
  #ydoc: Y.Doc | null = null;
  /** Encoded full state while there is no Y.Doc. */
  #state: Uint8Array | null;
  /** State vector of `#state`, encoded and (on demand) decoded. */
  #stateVector: Uint8Array;
  #stateVectorMap: Map<number, number> | null = null;
  /** Called once per Y.Doc built (SyncCore attaches its 'update' listener). */
  #onHydrate: (ydoc: Y.Doc) => void = () => undefined;

  readonly awareness: Awareness;
  readonly conns = new Set<Connection>();
  /** Upgrades that have this document but whose socket is not attached yet (blocks unloading). */
  joining = 0;
  /** Set by SyncCore when the document leaves the registry. */
  unloaded = false;
  /** Date.now() of the last applied change (decides when to give up the Y.Doc). */
  lastChange = 0;

  /** Suggestions (ADR 0016): ids of suggestion marks in the Y.Doc (null: not read yet). */
  suggestionIds: Set<string> | null = null;
  /** The open suggestions as of the last change (null: stale); whether there are any (null: unknown). */
  suggestionWalk: SuggestionWalk | null = null;
  openSuggestions: boolean | null = null;

  /** State vector of everything committed to storage. */
  durableSv: Uint8Array;
  /** Updates waiting for the next group commit. */
  queued: Uint8Array[] = [];
  queuedBytes = 0;
  /** Connections with saveAck=1 that contributed to `queued`. */
  queuedWaiters: Connection[] = [];
  /** Server writes (SyncCore.write) in `queued`, settled when their batch commits. */
  queuedWrites: PendingWrite[] = [];
  /** True while listed in the persist queue's dirty list. */
  dirty = false;
  /** The batch being committed: its state vector and who waits for it (null when none). */
  sealedSv: Uint8Array | null = null;
  sealedWaiters: Connection[] = [];
  sealedWrites: PendingWrite[] = [];
  sealedBytes = 0;
  sealedRows = 0;

  /** Log tail not yet folded into a snapshot (decides compaction). */
  logBytes: number;
  logRows: number;
  compacting = false;
  idleTimer: NodeJS.Timeout | null = null;

  /**
   * Sync step 2 for a client with an empty state vector (a fresh browser), made once and reused
   * until the next change: a join storm on a large document encodes it once, not per client.
   * It costs as much memory as the encoded document and joins come in bursts, so it is dropped
   * FULL_STATE_TTL_MS after its last use.
   */
  #fullStateFrame: Buffer | null = null;
  #fullStateUsed = false;
  #fullStateTimer: NodeJS.Timeout | null = null;
  /** Which connection last published each awareness client id, to clean up on disconnect. */
  readonly awarenessOwners = new Map<number, Connection>();
  /** Set by the update handler; lets a connection tell whether its message changed anything. */
  changedByApply = false;

  /**
   * @param state the stored content as one update (validated by the caller)
   * @param stateVector its state vector (Y.encodeStateVectorFromUpdate)
   */
  constructor(
    readonly name: string,
    readonly workspaceId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    log: { bytes: number; rows: number },
  ) {
    this.#state = state;
    this.#stateVector = stateVector;
    this.durableSv = stateVector;
    // Awareness lives on its own empty Y.Doc: it only needs a client id, and must not keep the
    // content's Y.Doc alive.
    this.awareness = new Awareness(new Y.Doc());
    // The server is not a participant: no presence of its own.
    this.awareness.setLocalState(null);
    this.logBytes = log.bytes;
    this.logRows = log.rows;
  }

  set onHydrate(listener: (ydoc: Y.Doc) => void) {
    this.#onHydrate = listener;
  }

  get hydrated(): boolean {
    return this.#ydoc !== null;
  }

  /** The Y.Doc, built from the encoded state on first use. Throws when that state cannot be applied. */
  get ydoc(): Y.Doc {
    if (this.#ydoc) return this.#ydoc;
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, this.#state!);
    } catch (error) {
      ydoc.destroy();
      throw new HydrationError(this.name, error);
    }
    this.#ydoc = ydoc;
    this.#state = null;
    this.#stateVectorMap = null;
    // Suggestion bookkeeping refers to the items of one Y.Doc.
    this.suggestionIds = null;
    this.suggestionWalk = null;
    this.#onHydrate(ydoc);
    return ydoc;
  }

  stateVector(): Uint8Array {
    return this.#ydoc ? Y.encodeStateVector(this.#ydoc) : this.#stateVector;
  }

  /**
   * True when `update` certainly adds nothing to a document that has no Y.Doc: no deletions and
   * no struct beyond the state vector. A writer's handshake reply (sync step 2) usually is such a
   * no-op, and must not cost building the Y.Doc. Throws on an undecodable update.
   */
  addsNothing(update: Uint8Array): boolean {
    if (this.#ydoc) return false;
    // A v1 update ends with its delete set; the last byte is 0 exactly when it deletes nothing
    // (a non-empty delete set ends with a range length ≥ 1, whose last varUint byte is non-zero).
    if (update[update.length - 1] !== 0) return false;
    const known = (this.#stateVectorMap ??= Y.decodeStateVector(this.#stateVector));
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      if (clock > (known.get(client) ?? 0)) return false;
    }
    return true;
  }

  /** Everything a client with state vector `sv` lacks, as one update (sync step 2). */
  missingFor(sv: Uint8Array): Uint8Array {
    if (this.#ydoc) return Y.encodeStateAsUpdate(this.#ydoc, sv);
    return isEmptyStateVector(sv) ? this.#state! : Y.diffUpdate(this.#state!, sv);
  }

  /**
   * Gives up the Y.Doc of a document nobody is editing, keeping its encoded state (never while
   * updates wait for storage: the queue's state vectors come from the Y.Doc).
   */
  dehydrate(): boolean {
    const ydoc = this.#ydoc;
    if (!ydoc || this.dirty || this.hasUnstored) return false;
    this.#state = Y.encodeStateAsUpdate(ydoc);
    this.#stateVector = Y.encodeStateVector(ydoc);
    this.#stateVectorMap = null;
    this.#ydoc = null;
    ydoc.destroy();
    return true;
  }

  get fullStateFrame(): Buffer | null {
    if (this.#fullStateFrame) this.#fullStateUsed = true;
    return this.#fullStateFrame;
  }

  set fullStateFrame(frame: Buffer | null) {
    this.#fullStateFrame = frame;
    if (frame && !this.#fullStateTimer) this.#armFullStateTimer();
  }

  #armFullStateTimer(): void {
    this.#fullStateTimer = setTimeout(() => {
      this.#fullStateTimer = null;
      if (this.#fullStateUsed && this.#fullStateFrame) {
        this.#fullStateUsed = false;
        this.#armFullStateTimer();
      } else {
        this.#fullStateFrame = null;
      }
    }, FULL_STATE_TTL_MS);
    this.#fullStateTimer.unref();
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
    this.awareness.doc.destroy();
    this.#ydoc?.destroy();
    this.#ydoc = null;
    this.#state = null;
  }
}

/** A server write waiting for the commit of its batch. */
export interface PendingWrite {
  resolve(): void;
  reject(error: Error): void;
}

/** The stored state passed the load-time checks but Yjs could not apply it. */
export class HydrationError extends Error {
  constructor(
    docName: string,
    override readonly cause: unknown,
  ) {
    super(`document ${docName} could not be built from its stored state`);
  }
}
