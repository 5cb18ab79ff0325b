import * as Y from "yjs";
import { encodeAwarenessUpdate } from "y-protocols/awareness";
import type { WebSocket } from "ws";
import { CLOSE_CODES } from "../../shared/collab/protocol.ts";
import { Connection, type ConnectionHost, type Grant } from "./Connection.ts";
import type { SuggestionDecision } from "./suggestionGuard.ts";
import { awarenessFrame, saveAckFrame, syncStep1Frame, updateFrame } from "./frames.ts";
import type { SyncOptions } from "./options.ts";
import { PersistQueue } from "./PersistQueue.ts";
import type { DocumentStore } from "./storage.ts";
import { HydrationError, SyncDocument } from "./SyncDocument.ts";
import { checkUpdate } from "./updateCheck.ts";

export interface SyncStats {
  documents: number;
  /** Loaded documents that hold a Y.Doc (being edited); the others keep only their encoded state. */
  hydrated: number;
  connections: number;
  loadsStarted: number;
  loadsFailed: number;
  unloads: number;
  commits: number;
  committedUpdates: number;
  failedCommits: number;
  compactions: number;
}

/** Decides whether an access change applies to a socket. */
export type AccessMatch = (doc: SyncDocument, userId: string, sessionId: string) => boolean;

/** The origin of server writes in a document's 'update' event (not a Connection: every socket receives them). */
export const SERVER_WRITE = Symbol("server write");

/** A change a server verb makes to a document; it runs on a copy of the current state. */
export type DocumentChange = (doc: Y.Doc) => void;

/** A server write the update check refused (a bug in the verb, never user input). */
export class ServerWriteRefused extends Error {}

/** Access changes remembered for upgrades that were authorised just before the change. */
const REVOCATION_MEMORY = 256;

/**
 * The sync core: the registry of loaded documents, their sockets, persistence and compaction.
 * Knows nothing of HTTP, cookies or the database schema — only of WebSockets, Yjs, the
 * DocumentStore interface and the opaque Grant the upgrade handler computed.
 */
export class SyncCore implements ConnectionHost {
  readonly #docs = new Map<string, SyncDocument>();
  readonly #loading = new Map<string, Promise<SyncDocument>>();
  readonly #persist: PersistQueue;
  readonly #compactions = new Set<Promise<void>>();
  readonly #pingTimer: NodeJS.Timeout;
  readonly #dehydrateTimer: NodeJS.Timeout;
  #closing = false;
  #epoch = 0;
  #revocations: Array<{ epoch: number; code: number; match: AccessMatch }> = [];
  #loadsStarted = 0;
  #loadsFailed = 0;
  #unloads = 0;
  #compactionCount = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: SyncOptions,
    /** Called after each commit that stored updates of a document (feeds `document.stored`). */
    private readonly stored: (docName: string) => void,
    /** Called when a member's update decided suggestions (accept/reject/withdraw), for the log. */
    private readonly decided?: (
      docName: string,
      workspaceId: string,
      userId: string,
      decisions: SuggestionDecision[],
    ) => void,
  ) {
    this.#persist = new PersistQueue(store, (doc) => this.#committed(doc), options.commitRetryMs, options.log);
    this.#pingTimer = setInterval(() => this.#pingAll(), options.pingIntervalMs);
    this.#pingTimer.unref();
    this.#dehydrateTimer = setInterval(() => this.#dehydrateIdle(), Math.max(250, options.dehydrateAfterMs / 2));
    this.#dehydrateTimer.unref();
  }

  get maxBufferedBytes(): number {
    return this.options.maxBufferedBytes;
  }

  /** ConnectionHost: the server's clock. */
  now(): number {
    return this.options.now();
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Current access epoch; an upgrade records it before authorising (see join). */
  get epoch(): number {
    return this.#epoch;
  }

  /**
   * The loaded document, loading it if needed. Concurrent first joins share one load. A load
   * that fails rejects every waiting join and is not cached: the next join tries again.
   */
  acquire(docName: string, workspaceId: string): Promise<SyncDocument> {
    const loaded = this.#docs.get(docName);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(docName);
    if (!loading) {
      loading = this.#load(docName, workspaceId).finally(() => this.#loading.delete(docName));
      this.#loading.set(docName, loading);
    }
    return loading;
  }

  async #load(docName: string, workspaceId: string): Promise<SyncDocument> {
    this.#loadsStarted++;
    try {
      const stored = await this.store.loadParts(docName);
      if (this.#closing) throw new Error("sync server is closing");
      const { parts } = stored;
      // Apply the parts to a throwaway Y.Doc: the strictest check that storage is readable (a
      // part Yjs rejects fails the load and the join), and the exact state vector. The document
      // then keeps only the encoded state (see SyncDocument); 1.5 ms each way for 144 KB.
      const scratch = new Y.Doc();
      let state: Uint8Array;
      let stateVector: Uint8Array;
      try {
        Y.transact(scratch, () => {
          for (const part of parts) Y.applyUpdate(scratch, part);
        });
        state = parts.length === 1 ? parts[0]! : Y.encodeStateAsUpdate(scratch);
        stateVector = Y.encodeStateVector(scratch);
      } finally {
        scratch.destroy();
      }
      const doc = new SyncDocument(docName, workspaceId, state, stateVector, {
        bytes: stored.logBytes,
        rows: stored.logRows,
      });
      this.#listen(doc);
      this.#docs.set(docName, doc);
      this.#maybeCompact(doc);
      return doc;
    } catch (error) {
      this.#loadsFailed++;
      throw error;
    }
  }

  /**
   * Listeners in their own function: closures share their function's scope, and listeners
   * created in #load would keep the stored parts alive as long as the document.
   */
  #listen(doc: SyncDocument): void {
    doc.onHydrate = (ydoc) =>
      ydoc.on("update", (update: Uint8Array, origin: unknown) => this.#onUpdate(doc, update, origin));
    doc.awareness.on("update", (changes: AwarenessChanges, origin: unknown) => this.#onAwareness(doc, changes, origin));
  }

  /**
   * The one way the server changes a document (restore a version, seed a point's text, append plan
   * sections): `change` runs on a copy of the current state, the resulting update passes the same
   * check as a client's, then enters the document exactly like a writer's update — broadcast to
   * every socket, queued in the same group commit. Resolves after that commit (acknowledged =
   * durable, as for the save ack), with whether anything changed. Loads (or rehydrates) the
   * document if needed. Authorisation and locks are the calling verb's job.
   */
  async write(docName: string, workspaceId: string, change: DocumentChange): Promise<boolean> {
    let doc: SyncDocument;
    do {
      if (this.#closing) throw new Error("sync server is closing");
      doc = await this.acquire(docName, workspaceId);
    } while (doc.unloaded);
    let ydoc: Y.Doc;
    try {
      ydoc = doc.ydoc;
    } catch (error) {
      if (error instanceof HydrationError) this.broken(doc, error);
      throw error;
    }
    // Built on a copy so that a change that throws, or an update the check refuses, never
    // touches the live document; synchronous from copy to apply, so nothing interleaves.
    const scratch = new Y.Doc();
    const updates: Uint8Array[] = [];
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(ydoc));
      scratch.on("update", (u: Uint8Array) => updates.push(u));
      Y.transact(scratch, () => change(scratch));
    } finally {
      scratch.destroy();
    }
    if (updates.length === 0) {
      this.#maybeIdle(doc);
      return false;
    }
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const refusal = checkUpdate(update);
    if (refusal) throw new ServerWriteRefused(`server write to ${docName} refused: ${refusal}`);
    const durable = new Promise<void>((resolve, reject) => {
      const before = doc.queued.length;
      Y.applyUpdate(ydoc, update, SERVER_WRITE);
      // The 'update' handler queued it synchronously; no new entry means it changed nothing here.
      if (doc.queued.length === before) return resolve();
      doc.queuedWrites.push({ resolve, reject });
    });
    this.#maybeIdle(doc);
    await durable;
    return true;
  }

  /**
   * ConnectionHost: the document's stored state passed the load checks but Yjs cannot build it.
   * Nothing was applied; every socket of it fails like a failed load, and the next join reloads.
   */
  broken(doc: SyncDocument, error: unknown): void {
    this.options.log(`document ${doc.name} cannot be built from storage; its sockets are closed`, error);
    for (const conn of doc.conns) conn.close(CLOSE_CODES.LOAD_FAILED, "laden mislukt");
    if (this.#docs.get(doc.name) === doc && !doc.hasUnstored) {
      this.#docs.delete(doc.name);
      doc.destroy();
    }
  }

  /**
   * Attaches an upgraded socket to a document the caller reserved (`doc.joining` was
   * incremented after acquire; this releases it). `epoch` is the access epoch from before the
   * upgrade was authorised: an access change since then that concerns this socket closes it at
   * once, so a revocation racing with a connect never leaves a socket with stale rights.
   */
  join(ws: WebSocket, doc: SyncDocument, grant: Grant, saveAck: boolean, epoch: number): Connection | null {
    doc.joining--;
    const refusal = this.#closing ? CLOSE_CODES.SERVER_SHUTDOWN : this.#revokedSince(epoch, doc, grant);
    if (refusal) {
      refuseSocket(ws, refusal);
      this.#maybeIdle(doc);
      return null;
    }
    const conn = new Connection(ws, doc, grant, saveAck, this);
    doc.conns.add(conn);
    if (doc.idleTimer) {
      clearTimeout(doc.idleTimer);
      doc.idleTimer = null;
    }
    // Ask writers for what they have that we lack (offline edits). Read-only sockets are not
    // asked: anything they would send is refused anyway.
    if (conn.writable) conn.send(syncStep1Frame(doc.stateVector()));
    const states = doc.awareness.getStates();
    if (states.size > 0) conn.send(awarenessFrame(encodeAwarenessUpdate(doc.awareness, Array.from(states.keys()))));
    return conn;
  }

  /** Releases a reservation whose socket never attached (client left during auth or load). */
  abandonJoin(doc: SyncDocument): void {
    doc.joining--;
    this.#maybeIdle(doc);
  }

  /** Closes every socket the access change concerns, and remembers it for upgrades in flight. */
  revoke(match: AccessMatch, code: number): void {
    this.#epoch++;
    this.#revocations.push({ epoch: this.#epoch, code, match });
    if (this.#revocations.length > REVOCATION_MEMORY)
      this.#revocations.splice(0, this.#revocations.length - REVOCATION_MEMORY);
    for (const doc of this.#docs.values()) {
      for (const conn of doc.conns) if (match(doc, conn.userId, conn.sessionId)) conn.close(code);
    }
  }

  #revokedSince(epoch: number, doc: SyncDocument, grant: Grant): number {
    if (epoch === this.#epoch) return 0;
    const oldest = this.#revocations[0];
    // Forgotten history: assume the worst; the client simply reconnects.
    if (!oldest || oldest.epoch > epoch + 1) return CLOSE_CODES.ACCESS_CHANGED;
    for (const r of this.#revocations) {
      if (r.epoch > epoch && r.match(doc, grant.userId, grant.sessionId)) return r.code;
    }
    return 0;
  }

  /** ConnectionHost: a message was refused; the connection closes. One line per refusal. */
  refused(conn: Connection, reason: string): void {
    this.options.log(`refused a message on ${conn.doc.name} from user ${conn.userId}: ${reason}`);
  }

  /** ConnectionHost: suggestions were accepted, rejected or withdrawn by this connection's member. */
  suggestionsDecided(conn: Connection, decisions: SuggestionDecision[]): void {
    this.decided?.(conn.doc.name, conn.doc.workspaceId, conn.userId, decisions);
  }

  /** ConnectionHost: a socket left its document. */
  detached(conn: Connection): void {
    this.#maybeIdle(conn.doc);
  }

  #onUpdate(doc: SyncDocument, update: Uint8Array, origin: unknown): void {
    doc.changedByApply = true;
    doc.suggestionWalk = null;
    doc.lastChange = Date.now();
    doc.fullStateFrame = null;
    if (doc.conns.size > 1 || !(origin instanceof Connection)) {
      doc.broadcast(updateFrame(update), origin instanceof Connection ? origin : null);
    }
    this.#persist.enqueue(doc, update);
  }

  #onAwareness(doc: SyncDocument, changes: AwarenessChanges, origin: unknown): void {
    const { added, updated, removed } = changes;
    if (origin instanceof Connection) {
      // The raw client message is forwarded by the connection; only track who owns which id.
      for (const id of added) own(doc, origin, id);
      for (const id of updated) own(doc, origin, id);
      for (const id of removed) if (doc.awarenessOwners.get(id) === origin) doc.awarenessOwners.delete(id);
      return;
    }
    // Server-side change: a socket left, or a silent client timed out.
    const changed = added.concat(updated, removed);
    if (changed.length > 0 && doc.conns.size > 0)
      doc.broadcast(awarenessFrame(encodeAwarenessUpdate(doc.awareness, changed)), null);
    for (const id of removed) {
      doc.awarenessOwners.delete(id);
      doc.awareness.meta.delete(id);
    }
  }

  #committed(doc: SyncDocument): void {
    doc.durableSv = doc.sealedSv!;
    doc.sealedSv = null;
    doc.logBytes += doc.sealedBytes;
    doc.logRows += doc.sealedRows;
    const waiters = doc.sealedWaiters;
    doc.sealedWaiters = [];
    for (const conn of waiters) {
      conn.inSealed = false;
      if (!conn.closed) conn.send(saveAckFrame(doc.durableSv, conn.sealedSeq));
    }
    if (doc.sealedWrites.length > 0) {
      const writes = doc.sealedWrites;
      doc.sealedWrites = [];
      for (const w of writes) w.resolve();
    }
    this.stored(doc.name);
    this.#maybeCompact(doc);
  }

  #maybeCompact(doc: SyncDocument): void {
    if (doc.compacting || this.#closing) return;
    if (doc.logBytes <= this.options.compactBytes && doc.logRows <= this.options.compactRows) return;
    doc.compacting = true;
    let again = false;
    const run = this.store
      .compact(doc.name)
      .then(
        (result) => {
          if (!result) {
            // Nothing left to fold: the counters drifted (e.g. rows folded by another compactor).
            doc.logRows = 0;
            doc.logBytes = 0;
            return;
          }
          this.#compactionCount++;
          doc.logRows = Math.max(0, doc.logRows - result.foldedRows);
          doc.logBytes = Math.max(0, doc.logBytes - result.foldedBytes);
          // Rows committed meanwhile may exceed the threshold already; don't wait for the next commit.
          again = true;
        },
        (error) => this.options.log(`compaction of ${doc.name} failed (the log stays complete)`, error),
      )
      .finally(() => {
        doc.compacting = false;
        this.#compactions.delete(run);
        if (again && !doc.unloaded) this.#maybeCompact(doc);
      });
    this.#compactions.add(run);
  }

  #maybeIdle(doc: SyncDocument): void {
    if (doc.unloaded || doc.idleTimer || doc.conns.size > 0 || doc.joining > 0) return;
    doc.idleTimer = setTimeout(() => this.#tryUnload(doc), this.options.idleUnloadMs);
    doc.idleTimer.unref();
  }

  /** Unloads an idle document once its updates are committed (never drops unsaved updates). */
  #tryUnload(doc: SyncDocument): void {
    doc.idleTimer = null;
    if (doc.unloaded || doc.conns.size > 0 || doc.joining > 0) return;
    if (doc.hasUnstored) {
      void this.#persist.flushed().then(() => {
        if (!doc.hasUnstored) this.#tryUnload(doc);
        else this.#maybeIdle(doc);
      });
      return;
    }
    this.#docs.delete(doc.name);
    doc.destroy();
    this.#unloads++;
  }

  /** Gives up the Y.Doc of documents nobody edited for a while (see SyncDocument). */
  #dehydrateIdle(): void {
    const before = Date.now() - this.options.dehydrateAfterMs;
    for (const doc of this.#docs.values()) {
      if (doc.hydrated && doc.lastChange < before) doc.dehydrate();
    }
  }

  #pingAll(): void {
    for (const doc of this.#docs.values()) {
      for (const conn of doc.conns) {
        if (!conn.alive) {
          conn.terminate();
          continue;
        }
        conn.alive = false;
        try {
          conn.ws.ping();
        } catch {
          conn.terminate();
        }
      }
    }
  }

  /** Resolves when everything applied so far is committed. */
  flush(): Promise<void> {
    return this.#persist.flushed();
  }

  /** Whether a document is loaded (for tests and health checks). */
  isLoaded(docName: string): boolean {
    return this.#docs.has(docName);
  }

  stats(): SyncStats {
    let connections = 0;
    let hydrated = 0;
    for (const doc of this.#docs.values()) {
      connections += doc.conns.size;
      if (doc.hydrated) hydrated++;
    }
    return {
      documents: this.#docs.size,
      hydrated,
      connections,
      loadsStarted: this.#loadsStarted,
      loadsFailed: this.#loadsFailed,
      unloads: this.#unloads,
      commits: this.#persist.commits,
      committedUpdates: this.#persist.committedUpdates,
      failedCommits: this.#persist.failedCommits,
      compactions: this.#compactionCount,
    };
  }

  /**
   * Flushes, then closes every socket (SERVER_SHUTDOWN), flushes what arrived meanwhile, waits
   * for running compactions and unloads everything.
   */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#pingTimer);
    clearInterval(this.#dehydrateTimer);
    const giveUp = setTimeout(() => this.#persist.giveUp(), this.options.closeFlushTimeoutMs);
    await this.#persist.flushed();
    const closed: Array<Promise<void>> = [];
    for (const doc of this.#docs.values()) {
      for (const conn of doc.conns) {
        const ws = conn.ws;
        closed.push(
          new Promise<void>((resolve) => {
            if (ws.readyState === 3) return resolve();
            ws.once("close", () => resolve());
            setTimeout(() => {
              ws.terminate();
              resolve();
            }, 1000).unref();
          }),
        );
        conn.close(CLOSE_CODES.SERVER_SHUTDOWN, "server stopt");
      }
    }
    await Promise.all(closed);
    await this.#persist.flushed();
    clearTimeout(giveUp);
    await Promise.all(this.#compactions);
    await Promise.allSettled(this.#loading.values());
    for (const doc of this.#docs.values()) {
      if (doc.hasUnstored) this.options.log(`closing ${doc.name} with unsaved updates (storage unavailable)`);
      for (const w of [...doc.sealedWrites, ...doc.queuedWrites]) w.reject(new Error("not stored: the server stopped"));
      doc.destroy();
    }
    this.#docs.clear();
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Closes a socket that never joined (an unhandled 'error' on it would crash the process). */
export function refuseSocket(ws: WebSocket, code: number, reason = ""): void {
  ws.on("error", () => undefined);
  ws.close(code, reason);
}

function own(doc: SyncDocument, conn: Connection, id: number): void {
  doc.awarenessOwners.set(id, conn);
}
