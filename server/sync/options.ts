import { MAX_MESSAGE_BYTES } from "../../shared/collab/protocol.ts";

/** Tunables of the sync server. Defaults suit production; tests shorten the timers. */
export interface SyncOptions {
  /** A document without connections stays loaded this long (a reload or a flaky network comes back quickly). */
  idleUnloadMs: number;
  /** A document nobody edited for this long gives up its Y.Doc and keeps only its encoded state. */
  dehydrateAfterMs: number;
  /** Compact a document's log into a snapshot once its tail exceeds this many bytes… */
  compactBytes: number;
  /** …or this many rows (load time grows with rows, not only bytes). */
  compactRows: number;
  /** Interval of WebSocket pings; a connection that did not answer the previous ping is terminated. */
  pingIntervalMs: number;
  /** A client whose unsent backlog exceeds this is closed (TOO_SLOW) instead of growing server memory. */
  maxBufferedBytes: number;
  /** Incoming frames above this size close the connection with 1009 before anything is applied. */
  maxMessageBytes: number;
  /** First retry delay after a failed commit (doubles up to 5 s; acknowledgements wait meanwhile). */
  commitRetryMs: number;
  /** How long close() keeps retrying a failing commit before giving up. */
  closeFlushTimeoutMs: number;
  /** The server's clock in ms (a new suggestion may not be dated more than 5 minutes ahead of it). */
  now: () => number;
  /** Errors that do not concern a single client (storage failures); defaults to console.error. */
  log: (message: string, error?: unknown) => void;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  idleUnloadMs: 30_000,
  dehydrateAfterMs: 30_000,
  compactBytes: 256 * 1024,
  compactRows: 500,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  commitRetryMs: 100,
  closeFlushTimeoutMs: 10_000,
  now: () => Date.now(),
  log: (message, error) => console.error(`[sync] ${message}`, error ?? ""),
};
