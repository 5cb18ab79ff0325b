/**
 * The reference y-websocket server (@y/websocket-server 0.1.1): its own `server.js`, line for
 * line (ws from its own dependency, `setupWSConnection` on every upgrade), with a libSQL
 * persistence installed through `setPersistence` instead of the LevelDB one. The LevelDB path
 * only runs when YPERSISTENCE is set; the parent removes it from our environment and we check.
 *
 * The persistence mirrors y-leveldb: every update is appended to a log as it happens (here
 * coalesced per event-loop tick into one transaction), the log is folded into one row when a
 * document with more than 500 rows is loaded, nothing waits for the write before replying.
 */
import http from "node:http";
import { createRequire } from "node:module";
import type { Duplex } from "node:stream";
import * as Y from "yjs";
import { docs, getPersistence, setPersistence, setupWSConnection } from "@y/websocket-server/utils";
import { runChild } from "./childHarness.ts";
import { blob, openPeerDatabase } from "./peerDatabase.ts";

const requireHere = createRequire(import.meta.url);
type Ws6Socket = Parameters<typeof setupWSConnection>[0];
/** What this file uses of ws 6's server (@types/ws describes our 8.x). */
interface Ws6Server {
  on(event: "connection", listener: typeof setupWSConnection): void;
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, done: (ws: Ws6Socket) => void): void;
  emit(event: "connection", ws: Ws6Socket, request: http.IncomingMessage): boolean;
}
// The `ws` the reference server itself depends on (6.x), not our 8.x.
const WebSocket = createRequire(requireHere.resolve("@y/websocket-server/package.json"))("ws") as {
  Server: new (options: { noServer: true }) => Ws6Server;
};

const PREFERRED_TRIM_SIZE = 500; // y-leveldb's threshold
const LOADED = Symbol("loaded-from-libsql");

runChild(async (dbPath) => {
  if (process.env.YPERSISTENCE !== undefined || getPersistence() !== null) {
    throw new Error("y-websocket would persist to LevelDB (YPERSISTENCE set): refusing, the comparison is libSQL");
  }
  const db = await openPeerDatabase(dbPath, [
    "CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS updates_name ON updates (name, id)",
  ]);

  let queue: Array<{ name: string; data: Uint8Array }> = [];
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    const batch = queue;
    queue = [];
    if (batch.length) {
      await db.batch(
        batch.map((u) => ({ sql: "INSERT INTO updates (name, data) VALUES (?, ?)", args: [u.name, u.data] })),
        "write",
      );
    }
  };
  const schedule = () => {
    if (flushing) return;
    flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(flush)
      .catch((error) => console.error("y-websocket libSQL persistence:", error))
      .finally(() => {
        flushing = null;
        if (queue.length) schedule();
      });
  };
  const storeUpdate = (name: string, data: Uint8Array) => {
    queue.push({ name, data });
    schedule();
  };

  const bindFromLibsql = async (docName: string, ydoc: Y.Doc) => {
    // Listen before reading: what arrives while the log loads must be stored too.
    ydoc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== LOADED) storeUpdate(docName, update);
    });
    const { rows } = await db.execute({
      sql: "SELECT id, data FROM updates WHERE name = ? ORDER BY id",
      args: [docName],
    });
    if (rows.length === 0) return;
    const merged = Y.mergeUpdates(rows.map((r) => blob(r.data)));
    Y.applyUpdate(ydoc, merged, LOADED);
    if (rows.length > PREFERRED_TRIM_SIZE) {
      const upTo = Number(rows.at(-1)!.id);
      await db.batch(
        [
          { sql: "INSERT INTO updates (name, data) VALUES (?, ?)", args: [docName, merged] },
          { sql: "DELETE FROM updates WHERE name = ? AND id <= ?", args: [docName, upTo] },
        ],
        "write",
      );
    }
  };

  setPersistence({
    provider: db,
    // y-websocket ignores what bindState returns, as it does for its own LevelDB binding: a
    // failed load stays an unhandled rejection (and ends this child), as it would there.
    bindState: (docName: string, ydoc: Y.Doc) => void bindFromLibsql(docName, ydoc),
    writeState: async () => {
      while (flushing) await flushing;
    },
  });

  // From here on: @y/websocket-server/src/server.js.
  const wss = new WebSocket.Server({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/plain" });
    response.end("okay");
  });
  wss.on("connection", setupWSConnection);
  server.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as { port: number }).port,
    prepareDocs: (keys) => Promise.resolve(keys.map((k) => `bench-${k}`)),
    seed: async (name, update) =>
      void (await db.execute({ sql: "INSERT INTO updates (name, data) VALUES (?, ?)", args: [name, update] })),
    loadedDocuments: () => docs.size,
    async close() {
      while (flushing) await flushing;
      server.close();
      db.close();
    },
  };
});
