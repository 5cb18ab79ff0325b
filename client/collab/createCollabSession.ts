/**
 * One open collaborative document: Y.Doc + IndexedDB copy + y-websocket provider, with its
 * connection, save state and presence as Solid signals. Owns every listener and timer it
 * creates and releases them on cleanup.
 *
 * The client never seeds content: documents are created and seeded by the server. The client
 * only edits what it received (from the server or from its own IndexedDB copy), so reloads and
 * reconnects merge instead of duplicating.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as authProtocol from "y-protocols/auth";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import { batch, createEffect, createMemo, createSignal, onCleanup, type Accessor } from "solid-js";
import {
  CLOSE_CODES,
  MESSAGE_AUTH,
  MESSAGE_SAVE_ACK,
  SAVE_ACK_PARAM,
  type AwarenessUser,
} from "../../shared/collab/protocol.ts";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import { coversStateVector, mergeStateVectors, type StateVector } from "./stateVector.ts";
import { deriveSaveState, warnsBeforeUnload, type SaveState, type SaveStateInput } from "./saveState.ts";
import { localCopyName, rememberLocalCopy, trackUnsaved } from "./localCopies.ts";

/**
 * Root map a client writes a tiny marker into after a local change that only deleted text.
 * Deletions do not advance a Yjs state vector, so without a marker a state-vector ack could
 * never tell whether a deletion is durable. Servers and exports ignore this map.
 */
export const SAVE_MARKER_MAP = "saveMarkers";

export type CollabProblem =
  /** The server could not load the document; we retry with backoff. */
  | { kind: "loadFailed"; retryInSeconds: number }
  /** The member's access to this tafel was revoked. */
  | { kind: "accessRevoked" }
  /** The server refused an edit (y-protocols auth permission-denied): we are read-only. */
  | { kind: "permissionDenied"; reason: string }
  /** A change was larger than the server accepts. */
  | { kind: "tooBig" };

export interface PresenceEntry {
  clientId: number;
  name: string;
  partyName: string;
  color: string;
  self: boolean;
}

export interface CollabSessionOptions {
  documentName: string;
  /** Local copies are kept per user (shared computers). */
  userId: string;
  user: Accessor<AwarenessUser>;
  /** The page's verdict (role); the server may additionally deny edits. */
  readOnly: Accessor<boolean>;
  /** The server closed with ACCESS_CHANGED: re-fetch rights; resolve false when access was revoked. */
  reauthorize(): Promise<boolean>;
  /** The server closed with SESSION_ENDED: the user must log in again. */
  sessionEnded(): void;
  /** Repeated attempts failed before the socket opened (e.g. the upgrade was refused with 401/403). */
  connectFailing?(): void;
  /** Override for tests and other hosts. Default: same host, /sync. */
  serverUrl?: string;
}

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
  /** The document's content is known (from the server, or from this device's copy): safe to show. */
  ready: Accessor<boolean>;
  connected: Accessor<boolean>;
  /** The socket is down after having worked or after a failed attempt (not merely still connecting). */
  offline: Accessor<boolean>;
  /** True while we wait for fresh rights after ACCESS_CHANGED. */
  reauthorizing: Accessor<boolean>;
  /** Edits are not possible: the page's role verdict, the server's denial, or a pending re-check. */
  readOnly: Accessor<boolean>;
  saveState: Accessor<SaveState>;
  /** Local edits not yet durably stored by the server. */
  unsaved: Accessor<boolean>;
  problem: Accessor<CollabProblem | null>;
  presence: Accessor<PresenceEntry[]>;
}

export function syncServerUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync`;
}

const LOCAL_LOAD_TIMEOUT_MS = 3000;
const MARKER_DELAY_MS = 250;
const MAX_RETRY_SECONDS = 30;

/** Must be called inside a reactive owner (a component): cleanup is registered with onCleanup. */
export function createCollabSession(opts: CollabSessionOptions): CollabSession {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const provider = new WebsocketProvider(opts.serverUrl ?? syncServerUrl(), opts.documentName, doc, {
    connect: false,
    params: { [SAVE_ACK_PARAM]: "1" },
    shouldReconnect: (event) => onServerClose(event.code),
  });

  const [ready, setReady] = createSignal(false);
  const [connected, setConnected] = createSignal(false);
  const [everSynced, setEverSynced] = createSignal(false);
  const [attemptFailed, setAttemptFailed] = createSignal(false);
  const [covered, setCovered] = createSignal(true);
  const [problem, setProblem] = createSignal<CollabProblem | null>(null);
  const [reauthorizing, setReauthorizing] = createSignal(false);
  const [presence, setPresence] = createSignal<PresenceEntry[]>([]);
  let disposed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!disposed) fn();
    }, ms);
    timers.add(t);
  };

  // ---- save acknowledgement -------------------------------------------------------------
  let durable: StateVector = new Map();
  let markerPending = false;
  const recomputeCovered = () => {
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    setCovered(!markerPending && coversStateVector(durable, local));
  };
  provider.messageHandlers[MESSAGE_SAVE_ACK] = (_encoder, decoder) => {
    try {
      durable = mergeStateVectors(durable, Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    } catch {
      return; // a malformed ack proves nothing; keep the previous knowledge
    }
    recomputeCovered();
  };
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => setProblem({ kind: "permissionDenied", reason }));
  };

  let markerCounter = 0;
  const onAfterTransaction = (tr: Y.Transaction) => {
    // Only our own edits; remote and IndexedDB transactions are applied with local=false.
    if (!tr.local || tr.origin === SAVE_MARKER_MAP) return;
    const advanced = (tr.afterState.get(doc.clientID) ?? 0) !== (tr.beforeState.get(doc.clientID) ?? 0);
    if (advanced || tr.deleteSet.clients.size === 0 || markerPending) return;
    markerPending = true;
    later(MARKER_DELAY_MS, () => {
      doc.transact(() => doc.getMap<number>(SAVE_MARKER_MAP).set(String(doc.clientID), ++markerCounter), SAVE_MARKER_MAP);
      markerPending = false;
      recomputeCovered();
    });
  };
  doc.on("afterTransaction", onAfterTransaction);
  doc.on("update", recomputeCovered);

  // ---- connection -----------------------------------------------------------------------
  let failuresBeforeOpen = 0;
  let retrySeconds = 1;
  const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
    setConnected(status === "connected");
    if (status === "connected") failuresBeforeOpen = 0;
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    setAttemptFailed(true);
    if (event && !everSynced() && event.code === 1006 && ++failuresBeforeOpen % 3 === 0) opts.connectFailing?.();
  };
  const onSync = (synced: boolean) => {
    if (!synced) return;
    batch(() => {
      setEverSynced(true);
      setReady(true);
      retrySeconds = 1;
      const p = problem();
      if (p?.kind === "loadFailed" || p?.kind === "tooBig") setProblem(null);
    });
  };
  provider.on("status", onStatus);
  provider.on("connection-close", onConnectionClose);
  provider.on("sync", onSync);

  /** Decides, per close code, whether y-websocket may reconnect on its own. */
  function onServerClose(code: number): boolean {
    // Runs inside the provider's close handling: act asynchronously.
    switch (code) {
      case CLOSE_CODES.ACCESS_CHANGED:
        setReauthorizing(true);
        queueMicrotask(() => void reauthorize());
        return false;
      case CLOSE_CODES.SESSION_ENDED:
        queueMicrotask(() => opts.sessionEnded());
        return false;
      case CLOSE_CODES.LOAD_FAILED:
      case CLOSE_CODES.MESSAGE_TOO_BIG: {
        const seconds = retrySeconds;
        retrySeconds = Math.min(retrySeconds * 2, MAX_RETRY_SECONDS);
        setProblem(code === CLOSE_CODES.LOAD_FAILED ? { kind: "loadFailed", retryInSeconds: seconds } : { kind: "tooBig" });
        later(seconds * 1000, () => provider.connect());
        return false;
      }
      default:
        return !(code >= 4400 && code < 4500);
    }
  }

  async function reauthorize() {
    let stillMember = true;
    try {
      stillMember = await opts.reauthorize();
    } catch {
      // Could not ask (offline?): reconnect; the server decides again at upgrade.
    }
    if (disposed) return;
    batch(() => {
      setReauthorizing(false);
      if (problem()?.kind === "permissionDenied") setProblem(null); // the new socket decides anew
      if (!stillMember) setProblem({ kind: "accessRevoked" });
    });
    if (stillMember) provider.connect();
    else void persistence?.clearData(); // no rights to keep a copy of this text
  }

  // ---- presence -------------------------------------------------------------------------
  const awareness = provider.awareness;
  createEffect(() => awareness.setLocalStateField("user", opts.user()));
  const onAwarenessChange = () => setPresence(presenceFrom(awareness.getStates(), doc.clientID));
  awareness.on("change", onAwarenessChange);
  onAwarenessChange();

  // ---- local copy, then connect ---------------------------------------------------------
  let persistence: IndexeddbPersistence | null = null;
  const localName = localCopyName(opts.userId, opts.documentName);
  let started = false;
  const start = () => {
    if (started || disposed) return;
    started = true;
    // Content from this device is the document as last seen here: show it right away.
    if (fragment.length > 0) setReady(true);
    provider.connect();
  };
  try {
    persistence = new IndexeddbPersistence(localName, doc);
    rememberLocalCopy(localName);
    void persistence.whenSynced.then(start);
  } catch {
    persistence = null; // IndexedDB unavailable (private mode): online editing still works
  }
  later(persistence ? LOCAL_LOAD_TIMEOUT_MS : 0, start);

  const readOnly = createMemo(() => opts.readOnly() || reauthorizing() || problem()?.kind === "permissionDenied" || problem()?.kind === "accessRevoked");
  const saveInput = (): SaveStateInput => ({ readOnly: readOnly(), connected: connected(), everSynced: everSynced(), attemptFailed: attemptFailed(), covered: covered() });
  const saveState = createMemo(() => deriveSaveState(saveInput()));
  const unsaved = createMemo(() => warnsBeforeUnload(saveInput()));

  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!unsaved()) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers need a value to show the dialog
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  const untrack = trackUnsaved(opts.documentName, unsaved);

  onCleanup(() => {
    disposed = true;
    timers.forEach(clearTimeout);
    window.removeEventListener("beforeunload", onBeforeUnload);
    untrack();
    awareness.off("change", onAwarenessChange);
    provider.off("status", onStatus);
    provider.off("connection-close", onConnectionClose);
    provider.off("sync", onSync);
    doc.off("afterTransaction", onAfterTransaction);
    doc.off("update", recomputeCovered);
    provider.destroy(); // also tells the others we left (awareness null)
    void persistence?.destroy();
    doc.destroy();
  });

  const offline = () => !connected() && (everSynced() || attemptFailed());

  return { doc, provider, fragment, ready, connected, offline, reauthorizing, readOnly, saveState, unsaved, problem, presence };
}

const COLOR = /^#[0-9a-f]{6}$/i;
const text = (v: unknown, max: number) => (typeof v === "string" ? v.trim().slice(0, max) : "");

/** Remote awareness is untrusted input: keep only well-formed users, one entry per person. */
export function presenceFrom(states: Map<number, Record<string, unknown>>, selfId: number): PresenceEntry[] {
  const byPerson = new Map<string, PresenceEntry>();
  for (const [clientId, state] of states) {
    const user = state?.user as Partial<AwarenessUser> | undefined;
    const name = text(user?.name, 80);
    if (!name) continue;
    const entry: PresenceEntry = {
      clientId,
      name,
      partyName: text(user?.partyName, 120),
      color: typeof user?.color === "string" && COLOR.test(user.color) ? user.color : "#3d3d3d",
      self: clientId === selfId,
    };
    const key = `${entry.name}\u0000${entry.partyName}`;
    const seen = byPerson.get(key);
    if (!seen || entry.self) byPerson.set(key, { ...entry, self: entry.self || !!seen?.self });
  }
  return [...byPerson.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "nl"));
}
