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
import { SaveTracker, updateBearingKind } from "./saveTracker.ts";
import { deriveSaveState, warnsBeforeUnload, type SaveState, type SaveStateInput } from "./saveState.ts";
import { syncServerUrl } from "../api/streams.ts";
import { localCopyName, rememberLocalCopy, trackUnsaved } from "./localCopies.ts";
import { presenceFrom, type PresenceEntry } from "./presence.ts";

export type { PresenceEntry } from "./presence.ts";

export type CollabProblem =
  /** The server could not load the document; we retry with backoff. */
  | { kind: "loadFailed"; retryInSeconds: number }
  /** The member's access to this tafel was revoked. */
  | { kind: "accessRevoked" }
  /** The server refused an edit (y-protocols auth permission-denied): we are read-only. */
  | { kind: "permissionDenied"; reason: string }
  /** A change was larger than the server accepts. */
  | { kind: "tooBig" };

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

const LOCAL_LOAD_TIMEOUT_MS = 3000;
const MAX_RETRY_SECONDS = 30;

/** Must be called inside a reactive owner (a component): cleanup is registered with onCleanup. */
export function createCollabSession(opts: CollabSessionOptions): CollabSession {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const tracker = new SaveTracker();
  /** Counts the update-bearing frames each socket sends, to match the ack's message counter. */
  class CountingWebSocket extends WebSocket {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      if (data instanceof Uint8Array && this === provider.ws) {
        const kind = updateBearingKind(data);
        if (kind) tracker.sent(kind === "step2");
      }
    }
  }
  const provider = new WebsocketProvider(opts.serverUrl ?? syncServerUrl(), opts.documentName, doc, {
    connect: false,
    params: { [SAVE_ACK_PARAM]: "1" },
    WebSocketPolyfill: CountingWebSocket,
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
  /** Access revoked or session ended: stay disconnected until the editor is mounted again. */
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!disposed) fn();
    }, ms);
    timers.add(t);
  };

  // ---- save acknowledgement -------------------------------------------------------------
  const recomputeCovered = () => setCovered(tracker.covered);
  provider.messageHandlers[MESSAGE_SAVE_ACK] = (_encoder, decoder) => {
    try {
      const durable = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      const durableMessages = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : undefined;
      tracker.ack(durable, durableMessages);
    } catch {
      return; // a malformed ack proves nothing; keep the previous knowledge
    }
    recomputeCovered();
  };
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => setProblem({ kind: "permissionDenied", reason }));
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // The provider applies server (and other tabs') content with itself as origin.
    if (origin !== provider) {
      // The provider sends a local update right away only under this same condition.
      const willBeSent = provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN && origin !== persistence;
      tracker.localUpdate(update, willBeSent);
    }
    recomputeCovered();
  };
  doc.on("update", onUpdate);

  // ---- connection -----------------------------------------------------------------------
  let failuresBeforeOpen = 0;
  let retrySeconds = 1;
  const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
    setConnected(status === "connected");
    if (status === "connected") failuresBeforeOpen = 0;
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    tracker.socketClosed();
    recomputeCovered();
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
        stopped = true;
        queueMicrotask(() => opts.sessionEnded());
        return false;
      case CLOSE_CODES.LOAD_FAILED:
      case CLOSE_CODES.MESSAGE_TOO_BIG: {
        const seconds = retrySeconds;
        retrySeconds = Math.min(retrySeconds * 2, MAX_RETRY_SECONDS);
        setProblem(
          code === CLOSE_CODES.LOAD_FAILED ? { kind: "loadFailed", retryInSeconds: seconds } : { kind: "tooBig" },
        );
        later(seconds * 1000, () => !stopped && provider.connect());
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
    else {
      stopped = true;
      void persistence?.clearData(); // no rights to keep a copy of this text
    }
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

  const readOnly = createMemo(
    () =>
      opts.readOnly() ||
      reauthorizing() ||
      problem()?.kind === "permissionDenied" ||
      problem()?.kind === "accessRevoked",
  );
  const saveInput = (): SaveStateInput => ({
    readOnly: readOnly(),
    connected: connected(),
    everSynced: everSynced(),
    attemptFailed: attemptFailed(),
    covered: covered(),
  });
  const saveState = createMemo(() => deriveSaveState(saveInput()));
  const unsaved = createMemo(() => warnsBeforeUnload(saveInput()));

  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!unsaved()) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers need a value to show the dialog
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  // A dead network can leave a socket half-open for up to 30 s: trust the browser's verdict.
  const onOffline = () => provider.disconnect();
  const onOnline = () => {
    if (started && !stopped && !reauthorizing()) provider.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  const untrack = trackUnsaved(opts.documentName, () => unsaved());

  onCleanup(() => {
    disposed = true;
    timers.forEach(clearTimeout);
    window.removeEventListener("beforeunload", onBeforeUnload);
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    untrack();
    awareness.off("change", onAwarenessChange);
    provider.off("status", onStatus);
    provider.off("connection-close", onConnectionClose);
    provider.off("sync", onSync);
    doc.off("update", onUpdate);
    provider.destroy(); // also tells the others we left (awareness null)
    void persistence?.destroy();
    doc.destroy();
  });

  const offline = () => !connected() && (everSynced() || attemptFailed());

  return {
    doc,
    provider,
    fragment,
    ready,
    connected,
    offline,
    reauthorizing,
    readOnly,
    saveState,
    unsaved,
    problem,
    presence,
  };
}
