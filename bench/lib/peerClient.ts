/**
 * Raw-protocol benchmark clients for three servers: ours and the reference y-websocket server
 * speak plain y-websocket frames; Hocuspocus prefixes every frame with the document name
 * (lib0 varString) and waits for an auth message (type 2, sub-type 0 = token) before it
 * handles anything else for that document (see @hocuspocus/server ClientConnection).
 *
 * No Y.Doc is needed on the receiving side: observers read just the header of each update to
 * find which benchmark edit it carries, so the load generator stays cheap per delivery.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";

export type Framing = "plain" | "hocuspocus";

/** How a server tells a writer its edit "arrived". Only `saveAck` means durably stored. */
export type AckKind = "saveAck" | "syncStatus" | "syncStep2";

export interface Target {
  kind: "ours" | "hocuspocus" | "y-websocket";
  label: string;
  framing: Framing;
  ack: AckKind;
  port: number;
  /** Headers sent with the upgrade (our session cookie). */
  headers: Record<string, string>;
  /**
   * True when the server finishes loading a document before it answers sync step 1.
   * The reference server answers from memory at once and delivers the stored state as an
   * update when its persistence has read it.
   */
  loadsBeforeReply: boolean;
  url(docName: string, opts?: { saveAck?: boolean }): string;
}

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
const HP_SYNC_REPLY = 4;
const HP_CLOSE = 7;
const HP_SYNC_STATUS = 8;
export const MSG_SAVE_ACK = 100;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

export interface ClientEvents {
  /** Sync step 2 or update from the server (payload is a Yjs update; a view, copy to keep). */
  onUpdate?(payload: Uint8Array, step2: boolean, at: number): void;
  /** Our type-100 save acknowledgement (payload: encoded state vector of the durable state). */
  onSaveAck?(stateVector: Uint8Array, at: number): void;
  /** Hocuspocus' SyncStatus message after it applied an update (not a durability signal). */
  onSyncStatus?(applied: boolean, at: number): void;
  onPermissionDenied?(reason: string): void;
  onClose?(code: number, reason: string): void;
}

export interface ClientOptions {
  saveAck?: boolean;
  events?: ClientEvents;
  /** Local state for the handshake; observers have none. */
  doc?: Y.Doc;
  /** ms to wait for the upgrade and the first sync step 2. */
  timeoutMs?: number;
}

/**
 * One WebSocket to one document. `connect()` resolves after the upgrade, the handshake
 * (auth for Hocuspocus) and the server's first sync step 2.
 */
export class PeerClient {
  ws!: WebSocket;
  private prefix: Uint8Array;
  private synced!: Promise<number>;
  private resolveSynced!: (at: number) => void;
  private rejectSynced!: (error: Error) => void;
  isSynced = false;
  closed = false;
  /** performance.now() when connect() began, and when the first step 2 arrived. */
  startedAt = 0;
  syncedAt = 0;

  constructor(
    readonly target: Target,
    readonly docName: string,
    readonly options: ClientOptions = {},
  ) {
    if (target.framing === "hocuspocus") {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, docName);
      this.prefix = encoding.toUint8Array(e);
    } else {
      this.prefix = new Uint8Array(0);
    }
  }

  connect(): Promise<number> {
    this.startedAt = performance.now();
    this.synced = new Promise<number>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const timer = setTimeout(
      () =>
        this.rejectSynced(new Error(`${this.target.kind}: no sync step 2 for ${this.docName} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    this.synced.finally(() => clearTimeout(timer)).catch(() => undefined);

    const ws = new WebSocket(this.target.url(this.docName, { saveAck: this.options.saveAck }), {
      headers: this.target.headers,
      // Like a browser: offer compression, let the server decide.
      perMessageDeflate: true,
    });
    this.ws = ws;
    ws.binaryType = "nodebuffer";
    ws.on("unexpected-response", (_req, res) => {
      this.rejectSynced(
        new Error(`${this.target.kind}: upgrade refused with HTTP ${res.statusCode} for ${this.docName}`),
      );
      res.resume();
    });
    ws.on("error", (error) => this.rejectSynced(error));
    ws.on("close", (code, reason) => {
      this.closed = true;
      this.rejectSynced(new Error(`${this.target.kind}: closed (${code} ${reason.toString()}) before sync`));
      this.options.events?.onClose?.(code, reason.toString());
    });
    ws.on("open", () => {
      if (this.target.framing === "hocuspocus") {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MSG_AUTH);
        encoding.writeVarUint(e, 0); // AuthMessageType.Token
        encoding.writeVarString(e, "bench");
        this.send(encoding.toUint8Array(e));
      }
      this.sendStep1();
    });
    ws.on("message", (data: Buffer) => this.receive(data));
    return this.synced;
  }

  /** Wraps a y-websocket message body in this server's framing and sends it. */
  send(body: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.prefix.length === 0) {
      this.ws.send(body);
      return;
    }
    const framed = new Uint8Array(this.prefix.length + body.length);
    framed.set(this.prefix, 0);
    framed.set(body, this.prefix.length);
    this.ws.send(framed);
  }

  sendStep1(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, this.options.doc ? Y.encodeStateVector(this.options.doc) : EMPTY_STATE_VECTOR);
    this.send(encoding.toUint8Array(e));
  }

  sendUpdate(update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
    this.send(encoding.toUint8Array(e));
  }

  private receive(data: Buffer): void {
    const at = performance.now();
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (this.target.framing === "hocuspocus") {
      const nameLength = decoding.readVarUint(decoder);
      decoder.pos += nameLength;
    }
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MSG_SYNC:
      case HP_SYNC_REPLY: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SYNC_STEP1) {
          // Answer like a client: what we have that the server lacks.
          const e = encoding.createEncoder();
          encoding.writeVarUint(e, MSG_SYNC);
          encoding.writeVarUint(e, SYNC_STEP2);
          encoding.writeVarUint8Array(
            e,
            this.options.doc ? Y.encodeStateAsUpdate(this.options.doc, payload) : EMPTY_UPDATE,
          );
          this.send(encoding.toUint8Array(e));
          return;
        }
        const step2 = sub === SYNC_STEP2;
        this.options.events?.onUpdate?.(payload, step2, at);
        if (step2 && !this.isSynced) {
          this.isSynced = true;
          this.syncedAt = at;
          this.resolveSynced(at);
        }
        return;
      }
      case MSG_SAVE_ACK:
        this.options.events?.onSaveAck?.(decoding.readVarUint8Array(decoder), at);
        return;
      case HP_SYNC_STATUS:
        if (this.target.framing === "hocuspocus")
          this.options.events?.onSyncStatus?.(decoding.readVarUint(decoder) === 1, at);
        return;
      case MSG_AUTH: {
        const sub = decoding.readVarUint(decoder);
        // y-protocols/auth: 0 = permission denied. Hocuspocus: 1 = denied, 2 = authenticated.
        const denied = this.target.framing === "hocuspocus" ? sub === 1 : sub === 0;
        if (denied) {
          const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : "";
          this.options.events?.onPermissionDenied?.(reason);
          this.rejectSynced(new Error(`${this.target.kind}: permission denied (${reason}) for ${this.docName}`));
        }
        return;
      }
      case HP_CLOSE:
      case MSG_AWARENESS:
      default:
        return;
    }
  }

  close(): Promise<void> {
    if (this.closed || this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once("close", () => resolve());
      this.ws.close();
      // A server under load may not answer the close handshake promptly.
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2000).unref();
    });
  }
}

/** Header of a v1 update: first struct group's client and clock, and how many structs/groups. */
export function updateHeader(
  update: Uint8Array,
): { groups: number; structs: number; client: number; clock: number } | null {
  const d = decoding.createDecoder(update);
  const groups = decoding.readVarUint(d);
  if (groups === 0) return null;
  const structs = decoding.readVarUint(d);
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return { groups, structs, client, clock };
}

/** Connects many clients, `concurrency` at a time; rejects on the first failure. */
export async function connectAll(clients: PeerClient[], concurrency = 50): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const client = clients[next++]!;
      await client.connect();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clients.length) }, worker));
}

export async function closeAll(clients: PeerClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()));
}
