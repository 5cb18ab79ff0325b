/**
 * The sync endpoint: the y-websocket protocol at `/sync/<documentName>` on the app's HTTP
 * server, with role enforcement and durable save acknowledgements (docs/sync-protocol.md).
 *
 * Layers: upgrade.ts (HTTP: route, cookie, authorizeDocument) → SyncCore (documents, sockets,
 * persistence; no HTTP, no SQL) → DocumentStore (storage.ts; libsqlStore.ts in production).
 */
import type { Server } from "node:http";
import type { AppDeps } from "../context.ts";
import { CLOSE_CODES } from "../../shared/collab/protocol.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { trustedOrigins } from "../http/origin.ts";
import { createContext } from "../services/serviceContext.ts";
import { recordSuggestionDecisions } from "../services/suggestions/suggestionDecisions.ts";
import { authorizeDocument } from "./authorizeDocument.ts";
import { DEFAULT_SYNC_OPTIONS, type SyncOptions } from "./options.ts";
import type { DocumentStore } from "./storage.ts";
import { SyncCore, type DocumentChange, type SyncStats } from "./SyncCore.ts";
import { parseDocumentName } from "../../shared/collab/protocol.ts";
import { createUpgradeHandler } from "./upgrade.ts";

export type { SyncOptions } from "./options.ts";
export type { SyncStats } from "./SyncCore.ts";
export type { DocumentStore } from "./storage.ts";

export interface SyncServer {
  /** Flushes pending writes, closes every socket (SERVER_SHUTDOWN) and unloads all documents. */
  close(): Promise<void>;
  /** Resolves when every update applied so far is committed. */
  flush(): Promise<void>;
  /** Counters for tests, benchmarks and health checks. */
  stats(): SyncStats;
  /** Whether a document is loaded in memory right now. */
  isLoaded(docName: string): boolean;
}

/**
 * The sync core for a store, made before the app so that verbs write documents through it
 * (`deps.documents.write`, see `writeThrough`) from the first request (and the demo seed) on.
 */
export function createSyncCore(deps: AppDeps, store: DocumentStore, options: Partial<SyncOptions> = {}): SyncCore {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...options };
  void store.open?.().catch((error) => opts.log("storage writer failed to start", error));
  return new SyncCore(
    store,
    opts,
    (docName) => deps.events.emit("document.stored", { docName }),
    // Suggestions accepted/rejected in the editor are logged as the socket's member (ADR 0016).
    (docName, workspaceId, userId, decisions) =>
      void recordSuggestionDecisions(createContext(deps), { docName, workspaceId, userId, decisions }).catch(
        (error: unknown) => opts.log(`logging suggestion decisions on ${docName} failed`, error),
      ),
  );
}

/** `DocumentReader.write` for the app's deps: the document's tafel comes from its name. */
export function writeThrough(core: SyncCore) {
  return (docName: string, change: DocumentChange): Promise<boolean> => {
    const parsed = parseDocumentName(docName);
    if (!parsed) return Promise.reject(new Error(`not a document name: ${docName}`));
    return core.write(docName, parsed.workspaceId, change);
  };
}

/**
 * Attaches the y-websocket sync endpoint (`/sync/<documentName>`) to the HTTP server, on `core`
 * when given (the one the app's verbs write through), else on a new one.
 */
export function attachSync(
  server: Server,
  deps: AppDeps,
  store: DocumentStore,
  options: Partial<SyncOptions> = {},
  core: SyncCore = createSyncCore(deps, store, options),
): SyncServer {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...options };

  const onUpgrade = createUpgradeHandler({
    core,
    authorize: (token, docName) => authorizeDocument(deps.database.db, token, docName),
    sessionCookie: SESSION_COOKIE,
    trustedOrigins: trustedOrigins(deps.config),
    maxMessageBytes: opts.maxMessageBytes,
    log: opts.log,
  });
  server.on("upgrade", onUpgrade);

  // Access is decided at connect; these events make affected sockets reconnect and re-decide.
  const unsubscribe = [
    deps.events.on("membership.changed", ({ workspaceId, userId }) =>
      core.revoke(
        (doc, connUser) => doc.workspaceId === workspaceId && connUser === userId,
        CLOSE_CODES.ACCESS_CHANGED,
      ),
    ),
    deps.events.on("session.ended", ({ sessionId }) =>
      core.revoke((_doc, _user, connSession) => connSession === sessionId, CLOSE_CODES.SESSION_ENDED),
    ),
    deps.events.on("document.accessChanged", ({ docName }) =>
      core.revoke((doc) => doc.name === docName, CLOSE_CODES.ACCESS_CHANGED),
    ),
  ];

  return {
    async close() {
      for (const off of unsubscribe) off();
      await core.close();
      server.off("upgrade", onUpgrade);
      await store.close?.();
    },
    flush: () => core.flush(),
    stats: () => core.stats(),
    isLoaded: (docName) => core.isLoaded(docName),
  };
}
