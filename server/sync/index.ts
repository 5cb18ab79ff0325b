import type { Server } from "node:http";
import type { AppDeps } from "../context.ts";
import type { DocumentStore } from "./storage.ts";

export interface SyncServer {
  /** Flushes pending writes and closes every socket. */
  close(): Promise<void>;
}

/**
 * Attaches the y-websocket sync endpoint (`/sync/<documentName>`) to the HTTP server.
 * PLACEHOLDER until the sync server lands: refuses every upgrade.
 */
export function attachSync(server: Server, _deps: AppDeps, _store: DocumentStore): SyncServer {
  server.on("upgrade", (_req, socket) => {
    socket.end("HTTP/1.1 503 Service Unavailable\r\n\r\n");
  });
  return { close: async () => {} };
}
