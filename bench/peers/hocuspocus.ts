/**
 * Hocuspocus 3.x as its users run it: `new Server(...)` with a persistence extension, default
 * debounce (2 s, max 10 s) for onStoreDocument. The extension stores the whole document state
 * in libSQL, like @hocuspocus/extension-database does (which is not installed here).
 */
import { Server, type Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { runChild } from "./childHarness.ts";
import { blob, openPeerDatabase } from "./peerDatabase.ts";

runChild(async (dbPath) => {
  const db = await openPeerDatabase(dbPath, [
    "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL)",
  ]);
  const upsert = (name: string, state: Uint8Array) =>
    db.execute({
      sql: `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      args: [name, state, new Date().toISOString()],
    });

  const persistence: Extension = {
    extensionName: "LibsqlPersistence",
    async onLoadDocument({ documentName, document }) {
      const { rows } = await db.execute({ sql: "SELECT state FROM documents WHERE name = ?", args: [documentName] });
      if (rows[0]) Y.applyUpdate(document, blob(rows[0].state));
    },
    async onStoreDocument({ documentName, document }) {
      await upsert(documentName, Y.encodeStateAsUpdate(document));
    },
  };

  // Defaults for everything that matters (debounce, maxDebounce, timeout, unloadImmediately).
  const server = new Server({
    port: 0,
    address: "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    extensions: [persistence],
  });
  await server.listen();
  return {
    port: server.address.port,
    prepareDocs: (keys) => Promise.resolve(keys.map((k) => `bench-${k}`)),
    seed: async (name, update) => void (await upsert(name, update)),
    loadedDocuments: () => server.hocuspocus.getDocumentsCount(),
    async close() {
      await server.destroy();
      db.close();
    },
  };
});
