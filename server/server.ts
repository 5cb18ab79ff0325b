import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { createDb, migrateDb, type Database } from "../db/client.ts";
import { createApp } from "./app.ts";
import type { AppConfig, AppDeps } from "./context.ts";
import { EventBus } from "./events.ts";
import { stateToJson } from "./documents/prosemirror.ts";
import { LibsqlDocumentStore } from "./sync/libsqlStore.ts";
import type { DocumentStore } from "./sync/storage.ts";
import { attachSync, type SyncOptions, type SyncServer } from "./sync/index.ts";
import { isDatabaseEmpty, seedDemo } from "./demo/seedDemo.ts";
import { watchPointTexts } from "./services/points/watchPointTexts.ts";

export interface StartOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  databaseAuthToken?: string;
  production?: boolean;
  /** Create the demo tafel when the database is empty (never in production). */
  demo?: boolean;
  /** Folder with the built client (vite build); omitted → API and sync only. */
  staticRoot?: string;
  publicOrigin?: string;
  /** Origins of dev servers that proxy to this one (never used in production). */
  devOrigins?: string[];
  secureCookies?: boolean;
  /** Sync server tunables (tests shorten idle-unload and compaction thresholds). */
  sync?: Partial<SyncOptions>;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  store: DocumentStore;
  sync: SyncServer;
  /** True when this start created the demo tafel. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Wires database → app → HTTP server → sync endpoint. Used by main.ts and by integration tests (port 0). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database: Database = await createDb(options.databaseUrl, options.databaseAuthToken);
  await migrateDb(database);
  const store = new LibsqlDocumentStore(database);
  const production = options.production ?? false;
  const config: AppConfig = {
    production,
    secureCookies: options.secureCookies ?? production,
    publicOrigin: options.publicOrigin ?? `http://localhost:${options.port}`,
    devOrigins: production ? [] : (options.devOrigins ?? []),
    sessionTtlHours: 12,
  };
  const deps: AppDeps = {
    database,
    events: new EventBus(),
    config,
    documents: { readJson: async (name) => stateToJson(await store.load(name)), append: (name, updates) => store.append(name, updates) },
  };

  const pointTexts = watchPointTexts(deps);
  let seeded = false;
  if (options.demo && !production && (await isDatabaseEmpty(deps))) {
    await seedDemo(deps, store);
    seeded = true;
  }

  const app = createApp(deps);
  if (options.staticRoot && existsSync(options.staticRoot)) {
    const root = resolve(options.staticRoot);
    const indexHtml = await readFile(resolve(root, "index.html"), "utf8");
    app.use("/assets/*", serveStatic({ root }));
    app.get("/favicon.svg", serveStatic({ root }));
    // Client-side routes: every other GET outside /api and /sync gets the app shell.
    app.get("*", (c, next) => (c.req.path.startsWith("/api/") || c.req.path.startsWith("/sync/") ? next() : c.html(indexHtml)));
  }

  const server = await new Promise<ServerType>((resolveListen) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? "0.0.0.0" }, () => resolveListen(s));
  });
  const port = (server.address() as AddressInfo).port;
  const sync = attachSync(server as Server, deps, store, options.sync);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    store,
    sync,
    seeded,
    async close() {
      pointTexts.stop();
      await sync.close();
      await new Promise<void>((r) => server.close(() => r()));
      database.close();
    },
  };
}
