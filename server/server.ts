import { serve, type ServerType } from "@hono/node-server";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, migrateDb, type Database } from "../db/client.ts";
import { createApp } from "./app.ts";
import { serveClient } from "./http/static.ts";
import type { AppConfig, AppDeps } from "./context.ts";
import { EventBus } from "./events.ts";
import { stateToJson } from "./documents/prosemirror.ts";
import { LibsqlDocumentStore } from "./sync/libsqlStore.ts";
import type { DocumentStore } from "./sync/storage.ts";
import { attachSync, createSyncCore, writeThrough, type SyncOptions, type SyncServer } from "./sync/index.ts";
import type { SyncCore } from "./sync/SyncCore.ts";
import { isDatabaseEmpty, seedDemo } from "./demo/seedDemo.ts";
import { deviceCookieSecret } from "./auth/deviceCookie.ts";
import { watchMilestones } from "./services/versions/watchMilestones.ts";
import { watchPointTexts } from "./services/points/watchPointTexts.ts";
import { createContext } from "./services/serviceContext.ts";
import { resolveMailConfig } from "./mail/config.ts";
import { inProcessMail, type MailService } from "./mail/mailService.ts";
import { MailThread, threadCanOpen } from "./mail/mailThread.ts";
import { describeSmtpUrl } from "./mail/transport.ts";
import { NotificationEngine } from "./services/notifications/engine.ts";

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
  /** DEVICE_COOKIE_SECRET; unset → a key generated once and stored in the database. */
  deviceCookieSecret?: string;
  /** Sync server tunables (tests shorten idle-unload and compaction thresholds). */
  sync?: Partial<SyncOptions>;
  /** Outgoing mail. Without smtpUrl mail goes to the server log; production refuses to start without it. */
  mail?: { smtpUrl?: string; from?: string };
}

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  store: DocumentStore;
  sync: SyncServer;
  /** Sends the outbox and composes the daily overview, in the mail thread; stopped by close(). */
  mail: MailService;
  /** Turns the log into notices and mails, and runs the daily digest (issue 13). */
  notifications: NotificationEngine;
  /** True when this start created the demo tafel. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Wires database → app → HTTP server → sync endpoint. Used by main.ts and by integration tests (port 0). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const production = options.production ?? false;
  // Checked before anything opens: a production start without a mail server is refused.
  const mailConfig = resolveMailConfig(options.mail ?? {}, production);
  const database: Database = await createDb(options.databaseUrl, options.databaseAuthToken);
  await migrateDb(database);
  const store = new LibsqlDocumentStore(database);
  const config: AppConfig = {
    production,
    secureCookies: options.secureCookies ?? production,
    publicOrigin: options.publicOrigin ?? `http://localhost:${options.port}`,
    devOrigins: production ? [] : (options.devOrigins ?? []),
    sessionTtlHours: 12,
    deviceCookieSecret: options.deviceCookieSecret,
  };
  let core: SyncCore | null = null;
  const deps: AppDeps = {
    database,
    events: new EventBus(),
    config,
    documents: {
      readJson: async (name) => stateToJson(await store.load(name)),
      readState: (name) => store.load(name),
      write: (name, change) => writeThrough(core!)(name, change),
    },
  };
  // Before the seed and the app: verbs write documents through the same core the sockets use.
  core = createSyncCore(deps, store, options.sync);

  // Fails the start on a too-short DEVICE_COOKIE_SECRET instead of on the first login.
  await deviceCookieSecret(database, config).catch(async (error: unknown) => {
    await core.close();
    await store.close();
    database.close();
    throw error;
  });
  const pointTexts = watchPointTexts(createContext(deps));
  let seeded = false;
  if (options.demo && !production && (await isDatabaseEmpty(deps))) {
    await seedDemo(deps, store);
    seeded = true;
  }
  // After the seed: the demo's milestones are in its log; versions start with real use.
  const milestones = watchMilestones(createContext(deps));

  // Started after the demo seed; nudged by enqueueMail after each commit that queued mail.
  // Its own thread keeps SMTP, MIME and the overview's commits off the sync fan-out's event loop.
  const mailSettings = { config: mailConfig, concurrency: 4 };
  const mail: MailService = threadCanOpen(options.databaseUrl)
    ? new MailThread({
        databaseUrl: options.databaseUrl,
        databaseAuthToken: options.databaseAuthToken,
        appConfig: config,
        mail: mailSettings,
      })
    : inProcessMail(deps, mailSettings);
  deps.mail = mail;
  mail.start();
  if (mailConfig.smtpUrl)
    console.log(`E-mail gaat via ${describeSmtpUrl(mailConfig.smtpUrl)} (afzender ${mailConfig.from}).`);

  // After the mail sender: the engine queues mail. Its first run notices what the log holds after its cursor.
  const notifications = new NotificationEngine(createContext(deps), { digest: (_ctx, until) => mail.digest(until) });
  notifications.start();

  const app = createApp(deps);
  if (options.staticRoot && existsSync(options.staticRoot)) await serveClient(app, options.staticRoot);

  const server = await new Promise<ServerType>((resolveListen) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? "0.0.0.0" }, () =>
      resolveListen(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const sync = attachSync(server as Server, deps, store, options.sync, core);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    store,
    sync,
    mail,
    notifications,
    seeded,
    async close() {
      pointTexts.stop();
      milestones.stop();
      await notifications.stop();
      await mail.stop();
      await sync.close();
      await new Promise<void>((r) => server.close(() => r()));
      database.close();
    },
  };
}
