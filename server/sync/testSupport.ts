/**
 * Helpers for the sync integration tests: real HTTP login, real y-websocket providers in Node
 * (with the session cookie on the upgrade request) and raw sockets for protocol abuse.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import { MESSAGE_SAVE_ACK } from "../../shared/collab/protocol.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { DEMO_PASSWORD } from "../demo/demoAccounts.ts";

/** Logs in over HTTP and returns the Cookie header value. */
export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "");
  if (!match) throw new Error("no session cookie");
  return `${SESSION_COOKIE}=${match[1]}`;
}

/** Polls until `check` returns a truthy value (never a fixed sleep); fails with `what`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface SaveAck {
  stateVector: Map<number, number>;
  /** The trailing count of durable update messages of this connection. */
  durableMessages: number | null;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Message types of every frame received, in order. */
  received: number[];
  /** How many sync step 2 messages arrived (answers to this client's step 1). */
  step2s: { count: number };
  acks: SaveAck[];
  denied: string[];
  closeCodes: number[];
  destroy(): void;
}

/** A real WebsocketProvider (y-websocket) with the cookie header and recorders for what arrives. */
export function openClient(
  baseUrl: string,
  docName: string,
  opts: { cookie?: string; saveAck?: boolean; doc?: Y.Doc } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const received: number[] = [];
  const step2s = { count: 0 };
  const headers = opts.cookie ? { cookie: opts.cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on("message", (data: Buffer | ArrayBuffer) => {
        const bytes = new Uint8Array(data as ArrayBuffer);
        received.push(bytes[0]!);
        if (bytes[0] === 0 && bytes[1] === 1) step2s.count++;
      });
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/sync`, docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    params: opts.saveAck ? { saveAck: "1" } : {},
    // Same-process providers would otherwise sync through BroadcastChannel, around the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
  const acks: SaveAck[] = [];
  const denied: string[] = [];
  const closeCodes: number[] = [];
  provider.messageHandlers[MESSAGE_SAVE_ACK] = (_encoder, decoder) => {
    const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    acks.push({ stateVector, durableMessages: decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null });
  };
  provider.messageHandlers[2] = (_encoder, decoder, p) => {
    authProtocol.readAuthMessage(decoder, p.doc, (_doc: unknown, reason: string) => denied.push(reason));
  };
  provider.on("connection-close", (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    received,
    step2s,
    acks,
    denied,
    closeCodes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * A server round trip on the client's socket: a sync step 1 is answered (step 2) only after
 * everything the client sent before it was handled, and nothing else produces a step 2.
 */
export async function roundTrip(c: TestClient): Promise<void> {
  const before = c.step2s.count;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, c.doc);
  c.provider.ws!.send(encoding.toUint8Array(encoder));
  await waitFor(() => c.step2s.count > before, "round trip (sync step 2)");
}

/** True when `ack` covers every clock of `doc`'s own client id. */
export function ackCovers(ack: SaveAck | undefined, doc: Y.Doc): boolean {
  if (!ack) return false;
  const own = Y.getState(doc.store, doc.clientID);
  return (ack.stateVector.get(doc.clientID) ?? 0) >= own;
}

/** Result of a raw WebSocket attempt: the HTTP status of a refused upgrade, or the open socket. */
export function rawConnect(
  url: string,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    ws.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.on("open", () => resolve({ status: 101, ws }));
    ws.on("error", (error) => reject(error));
  });
}

/** Resolves with the close code once the socket closes. */
export function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve(-1);
    ws.once("close", (code) => resolve(code));
  });
}

/** Appends a paragraph to a live Y.Doc's prose, as an editor typing a new paragraph would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

/** A sync frame carrying `update` ([0, subtype, varUint8Array(update)]); subtype 2 = update, 1 = step 2. */
export function updateMessage(update: Uint8Array, subtype: 1 | 2 = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness frame ([1, varUint8Array(update)]) with the given states. */
export function awarenessMessage(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** Resolves with the next binary message of a raw socket whose first byte is `type`. */
export function nextMessage(ws: WebSocket, type: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== type) return;
      ws.off("message", onMessage);
      resolve(new Uint8Array(data));
    };
    ws.on("message", onMessage);
  });
}
