import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import type { Socket } from "node:net";
import type { WebSocket } from "ws";
import {
  CLOSE_CODES,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  type AwarenessUser,
} from "../../shared/collab/protocol.ts";
import {
  PERMISSION_DENIED_FRAME,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  awarenessFrame,
  framePayload,
  saveAckFrame,
  syncStep2Frame,
} from "./frames.ts";
import { isEmptyStateVector, type SyncDocument } from "./SyncDocument.ts";
import type { SuggestionAuthor } from "../../shared/editor/suggestions.ts";
import {
  decisionsBetween,
  forgedSuggestion,
  suggestOnlyViolation,
  suggestionIdsIn,
  walkSuggestions,
  type SuggestionDecision,
} from "./suggestionGuard.ts";
import { checkStateVector, checkUpdate, type UpdateFacts } from "./updateCheck.ts";

/** What the upgrade decided about a socket; the core only compares these values. */
export interface Grant {
  access: "write" | "read";
  userId: string;
  sessionId: string;
  workspaceId: string;
  /** Who this is, as the server knows it: replaces the `user` of every awareness state it publishes. */
  user: AwarenessUser;
  /** The identity every suggestion mark this socket sets must carry (ADR 0016). */
  author: SuggestionAuthor;
  /** "Alleen voorstellen": every update must leave the text with suggestions reverted unchanged. */
  suggestOnly: boolean;
}

/** What a connection needs from the core (kept narrow so Connection stays a protocol handler). */
export interface ConnectionHost {
  readonly maxBufferedBytes: number;
  /** The server's clock (ms since epoch): a new suggestion may not be dated far ahead of it. */
  now(): number;
  detached(conn: Connection): void;
  /** A message was refused (the connection is closed with MALFORMED_MESSAGE); for the log. */
  refused(conn: Connection, reason: string): void;
  /** The document's stored state cannot be built into a Y.Doc. */
  broken(doc: SyncDocument, error: unknown): void;
  /** This connection's update accepted, rejected or withdrew suggestions (for the log). */
  suggestionsDecided(conn: Connection, decisions: SuggestionDecision[]): void;
}

/** Message events of every socket share these functions (no closures per connection). */
const CONN = Symbol("syncConnection");
type TaggedSocket = WebSocket & { [CONN]?: Connection };

function onMessage(this: TaggedSocket, data: Buffer) {
  this[CONN]?.receive(data);
}
function onPong(this: TaggedSocket) {
  const conn = this[CONN];
  if (conn) conn.alive = true;
}
function onClose(this: TaggedSocket) {
  this[CONN]?.detach();
}
/** ws reports protocol errors (oversize frame → 1009, bad framing) here and then closes. */
function onError() {
  // Nothing to add: the listener only keeps ws from throwing the error as unhandled.
}

const SEND_OPTIONS = { binary: true, compress: false } as const;

/**
 * The TCP socket under a ws WebSocket, for writing pre-framed bytes (frames.ts). Safe because
 * permessage-deflate is off: ws's Sender then never queues, so its own writes (pings, close)
 * and ours reach the socket in call order. Falls back to ws.send if ws ever hides the socket.
 */
function socketOf(ws: WebSocket): Socket | null {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  return socket && typeof socket.write === "function" ? socket : null;
}
/**
 * Writes within one event-loop turn are held (cork) and flushed together right after it
 * (setImmediate), so several messages for one socket in the same turn — a keystroke's update
 * and caret, several typists, or a backlog after a busy moment — leave in one syscall instead of
 * one each. On loopback the kernel's send path is most of the cost of a delivery (≈10 of 14 µs
 * measured), so this is where a saturated server wins back time; an idle one adds no latency
 * beyond the rest of the current turn.
 */
const corked: Socket[] = [];
let flushScheduled = false;
function flushCorked(): void {
  flushScheduled = false;
  for (const socket of corked) socket.uncork();
  corked.length = 0;
}

/** What checkUpdate saw in the update being handled (reused: handling is synchronous). */
const facts: UpdateFacts = { formats: false, deletes: false };

/** One decoder reused for every incoming frame: handling is synchronous and never re-entrant. */
const decoder = decoding.createDecoder<ArrayBufferLike>(new Uint8Array(0));

/**
 * One client socket on one document: speaks y-websocket (sync, awareness, query-awareness, auth)
 * plus the save acknowledgement. Kept small (target ≤ 4 KB heap per idle connection with ws):
 * a handful of scalar fields, shared handler functions, awareness ids only when published.
 */
export class Connection {
  alive = true;
  closed = false;
  /** Read-only members get one permission-denied answer per connection, not one per keystroke. */
  deniedSent = false;
  /** Update-bearing messages (sync step 2 / update) accepted from this connection. */
  received = 0;
  /** `received` at the moment this connection's latest batch was sealed. */
  sealedSeq = 0;
  inQueued = false;
  inSealed = false;
  /**
   * The awareness client id of this socket: the first one it announces (y-websocket announces
   * its document's clientID right after connecting). Entries for other ids are dropped.
   */
  awarenessId: number | null = null;
  readonly writable: boolean;
  readonly socket: Socket | null;
  readonly userId: string;
  readonly sessionId: string;
  readonly user: AwarenessUser;
  readonly author: SuggestionAuthor;
  readonly suggestOnly: boolean;

  constructor(
    readonly ws: WebSocket,
    readonly doc: SyncDocument,
    grant: Grant,
    readonly saveAck: boolean,
    private readonly host: ConnectionHost,
  ) {
    this.writable = grant.access === "write";
    this.userId = grant.userId;
    this.sessionId = grant.sessionId;
    this.user = grant.user;
    this.author = grant.author;
    this.suggestOnly = grant.suggestOnly;
    this.socket = socketOf(ws);
    const tagged = ws as TaggedSocket;
    tagged[CONN] = this;
    ws.on("message", onMessage);
    ws.on("pong", onPong);
    ws.on("close", onClose);
    ws.on("error", onError);
  }

  /** Writes a complete frame (frames.ts); closes the connection when its backlog grows too big. */
  send(frame: Buffer): void {
    const ws = this.ws;
    if (this.closed || ws.readyState !== 1) return;
    const socket = this.socket;
    if (socket) {
      if (!socket.writableCorked) {
        socket.cork();
        corked.push(socket);
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flushCorked);
        }
      }
      socket.write(frame);
      if (socket.writableLength > this.host.maxBufferedBytes) this.close(CLOSE_CODES.TOO_SLOW, "te traag");
    } else {
      ws.send(framePayload(frame), SEND_OPTIONS);
      if (ws.bufferedAmount > this.host.maxBufferedBytes) this.close(CLOSE_CODES.TOO_SLOW, "te traag");
    }
  }

  /** Closes with an application code; the socket leaves the document at once. */
  close(code: number, reason = ""): void {
    if (this.closed) return;
    this.detach();
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    // A client that stopped reading never completes the closing handshake; don't wait ws's 30 s.
    setTimeout(() => this.ws.terminate(), 5000).unref();
  }

  terminate(): void {
    this.detach();
    this.ws.terminate();
  }

  /** Leaves the document (idempotent): awareness of this socket is removed for everyone else. */
  detach(): void {
    if (this.closed) return;
    this.closed = true;
    const doc = this.doc;
    doc.conns.delete(this);
    const id = this.awarenessId;
    // Only if this socket still owns it: after a quick reconnect the same client id may already
    // be published through the new socket.
    if (id !== null && doc.awarenessOwners.get(id) === this) {
      doc.awarenessOwners.delete(id);
      doc.removeAwareness([id]);
    }
    this.host.detached(this);
  }

  /**
   * Handles one message whole or refuses it whole: every part is decoded and checked before
   * anything is applied, stored or forwarded; a refused message closes the socket with
   * MALFORMED_MESSAGE and changes nothing (docs/sync-protocol.md).
   */
  receive(data: Buffer): void {
    if (this.closed) return;
    this.alive = true;
    decoder.arr = data;
    decoder.pos = 0;
    try {
      switch (readVarUint(decoder)) {
        case MESSAGE_SYNC:
          this.#sync();
          break;
        case MESSAGE_AWARENESS:
          this.#awareness(readPayload(decoder));
          break;
        case MESSAGE_QUERY_AWARENESS: {
          expectEnd(decoder);
          const awareness = this.doc.awareness;
          this.send(awarenessFrame(encodeAwarenessUpdate(awareness, Array.from(awareness.getStates().keys()))));
          break;
        }
        case MESSAGE_AUTH:
          // Clients have nothing to say in the auth sub-protocol; ignore like y-websocket does.
          break;
        default:
          throw new Refusal("unknown message type");
      }
    } catch (error) {
      this.host.refused(
        this,
        error instanceof Refusal
          ? error.message
          : `unexpected: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.close(CLOSE_CODES.MALFORMED_MESSAGE, "ongeldig bericht");
    } finally {
      decoder.arr = EMPTY;
    }
  }

  #sync(): void {
    const doc = this.doc;
    const type = readVarUint(decoder);
    if (type === SYNC_STEP1) {
      const sv = readPayload(decoder);
      const fault = checkStateVector(sv);
      if (fault) throw new Refusal(`state vector: ${fault}`);
      if (isEmptyStateVector(sv)) this.send((doc.fullStateFrame ??= syncStep2Frame(doc.missingFor(sv))));
      else this.send(syncStep2Frame(doc.missingFor(sv)));
      return;
    }
    if (type !== SYNC_STEP2 && type !== SYNC_UPDATE) throw new Refusal("unknown sync message");
    const update = readPayload(decoder);
    facts.formats = false;
    facts.deletes = false;
    const fault = checkUpdate(update, facts);
    if (fault) throw new Refusal(`update: ${fault}`);
    if (!this.writable) {
      // Dropped: never applied, stored or broadcast.
      if (!this.deniedSent) {
        this.deniedSent = true;
        this.send(PERMISSION_DENIED_FRAME);
      }
      return;
    }
    if (doc.addsNothing(update)) {
      this.received++;
      if (this.saveAck) this.#afterApply(false);
      return;
    }
    let ydoc: Y.Doc;
    try {
      ydoc = doc.ydoc;
    } catch (error) {
      this.host.broken(doc, error);
      return;
    }
    const before = this.#checkSuggestions(ydoc, update);
    this.received++;
    doc.changedByApply = false;
    // checkUpdate admits only updates Yjs applies completely. Should Yjs throw anyway, whatever it
    // integrated is still stored and broadcast from the document's 'update' event (emitted in a
    // finally), and the throw closes this connection as a refusal that is logged as unexpected.
    Y.applyUpdate(ydoc, update, this);
    this.#afterSuggestions(ydoc, update, before);
    if (this.saveAck) this.#afterApply(doc.changedByApply);
  }

  /**
   * Suggestions (ADR 0016), before the update is applied: refuses new marks in another's name or
   * dated ahead of the server's clock and, for "alleen voorstellen", anything but a suggestion.
   * Returns the open suggestions before the update when it may decide some (it removes formatting
   * or deletes), else null.
   */
  #checkSuggestions(ydoc: Y.Doc, update: Uint8Array): ReturnType<typeof walkSuggestions> | null {
    const doc = this.doc;
    if (facts.formats) {
      doc.suggestionIds ??= new Set([...walkSuggestions(ydoc).byKey.values()].map((s) => s.id));
      const forged = forgedSuggestion(update, this.author, doc.suggestionIds, this.host.now());
      if (forged) throw new Refusal(forged);
    }
    if (this.suggestOnly) {
      const violation = suggestOnlyViolation(ydoc, update, this.author);
      if (violation) throw new Refusal(violation);
    }
    if (!(facts.formats || facts.deletes) || doc.openSuggestions === false) return null;
    const before = (doc.suggestionWalk ??= walkSuggestions(ydoc));
    doc.openSuggestions = before.byKey.size > 0;
    return doc.openSuggestions ? before : null;
  }

  #afterSuggestions(ydoc: Y.Doc, update: Uint8Array, before: ReturnType<typeof walkSuggestions> | null): void {
    const doc = this.doc;
    if (facts.formats) {
      const ids = suggestionIdsIn(update);
      for (const id of ids) doc.suggestionIds?.add(id);
      if (ids.length > 0) doc.openSuggestions = null; // may have opened one: read again when needed
    }
    if (!before) return;
    const after = walkSuggestions(ydoc);
    doc.suggestionWalk = after;
    doc.openSuggestions = after.byKey.size > 0;
    const decisions = decisionsBetween(before, after, this.userId);
    if (decisions.length > 0) this.host.suggestionsDecided(this, decisions);
  }

  /**
   * Presence: only this socket's own client id, and always with the identity the server knows
   * for it (name, party, colour) in place of whatever `user` the client claims.
   */
  #awareness(payload: Uint8Array): void {
    const entries = readAwarenessUpdate(payload);
    const doc = this.doc;
    const kept: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (this.awarenessId === null) {
        const owner = doc.awarenessOwners.get(entry.clientId);
        // A client id in use by someone else's socket is never taken over (the same person's
        // stale socket after a quick reconnect may be).
        if (owner && owner !== this && owner.userId !== this.userId) continue;
        this.awarenessId = entry.clientId;
      }
      if (entry.clientId !== this.awarenessId) continue;
      if (entry.state !== null) {
        if (typeof entry.state !== "object" || Array.isArray(entry.state)) continue;
        entry.state = { ...(entry.state as Record<string, unknown>), user: this.user };
      }
      kept.push(entry);
    }
    if (kept.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, JSON.stringify(entry.state));
    }
    const update = encoding.toUint8Array(encoder);
    applyAwarenessUpdate(doc.awareness, update, this);
    // One buffer for all subscribers. The sender gets it too: y-websocket clients count it as a
    // sign of life.
    doc.broadcast(awarenessFrame(update), null);
  }

  /** Arranges the save acknowledgement that covers the message just handled. */
  #afterApply(changed: boolean): void {
    const doc = this.doc;
    if (changed) {
      if (!this.inQueued) {
        this.inQueued = true;
        doc.queuedWaiters.push(this);
      }
    } else if (this.inQueued) {
      // The pending batch's acknowledgement will cover this message too.
    } else if (this.inSealed) {
      // Nothing to store; the batch in flight holds everything before it.
      this.sealedSeq = this.received;
    } else {
      this.send(saveAckFrame(doc.durableSv, this.received));
    }
  }
}

const EMPTY = new Uint8Array(0);

/** A message refused by a check of ours (the reason is logged; the client sees MALFORMED_MESSAGE). */
class Refusal extends Error {}

function readVarUint(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) throw new Refusal("truncated");
  try {
    return decoding.readVarUint(d);
  } catch {
    throw new Refusal("truncated or oversized number");
  }
}

function expectEnd(d: decoding.Decoder): void {
  if (d.pos !== d.arr.length) throw new Refusal("trailing bytes");
}

/**
 * The message's varUint8Array payload, which must end the message. Bounds are checked here:
 * lib0 does not, and a frame shares its ArrayBuffer with other data.
 */
function readPayload(d: decoding.Decoder): Uint8Array {
  const length = readVarUint(d);
  if (length !== d.arr.length - d.pos)
    throw new Refusal(length > d.arr.length - d.pos ? "truncated" : "trailing bytes");
  return decoding.readUint8Array(d, length);
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** Decodes a whole awareness update (y-protocols/awareness) or refuses it. */
function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const count = readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(d);
    const clock = readVarUint(d);
    const length = readVarUint(d);
    if (length > d.arr.length - d.pos) throw new Refusal("awareness: truncated");
    const json = decoding.readUint8Array(d, length);
    let state: unknown;
    try {
      state = JSON.parse(textDecoder.decode(json));
    } catch {
      throw new Refusal("awareness: invalid JSON");
    }
    if (clientId > 0xffff_ffff) throw new Refusal("awareness: client id out of range");
    entries.push({ clientId, clock, state });
  }
  expectEnd(d);
  return entries;
}

const textDecoder = new TextDecoder();
