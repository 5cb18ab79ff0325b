/**
 * Test helpers: every test file gets its own real libSQL database file in a temp folder,
 * migrated like production, optionally with the demo tafel. No mocks.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDb, type Database } from "../../db/client.ts";
import { createApp, type App } from "../app.ts";
import type { AppDeps } from "../context.ts";
import { EventBus } from "../events.ts";
import { stateToJson } from "../documents/prosemirror.ts";
import { LibsqlDocumentStore } from "../sync/libsqlStore.ts";
import { createSyncCore, writeThrough } from "../sync/index.ts";
import type { SyncCore } from "../sync/SyncCore.ts";
import { MailSender } from "../mail/sender.ts";
import { logTransport } from "../mail/transport.ts";
import { actingAsDemoMember, seedDemo, type DemoContext } from "../demo/seedDemo.ts";
import { DEMO_PASSWORD } from "../demo/demoAccounts.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { watchMilestones } from "../services/versions/watchMilestones.ts";
import { watchPointTexts, type PointTextWatcher } from "../services/points/watchPointTexts.ts";
import { createContext, type ServiceContext } from "../services/serviceContext.ts";

export function tempDatabaseUrl(prefix = "oogo-test-"): { url: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { url: `file:${join(dir, "test.db")}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated database in a temp folder (no demo). */
export async function createTestDatabase(): Promise<Database & { cleanup(): void }> {
  const tmp = tempDatabaseUrl();
  const database = await createDb(tmp.url);
  await migrateDb(database);
  return Object.assign(database, {
    cleanup: () => {
      database.close();
      tmp.cleanup();
    },
  });
}

export interface TestContext {
  deps: AppDeps;
  app: App;
  store: LibsqlDocumentStore;
  /** The sync core verbs write documents through (no sockets attached). */
  core: SyncCore;
  /** The context's own point-text watcher (server writes announce `document.stored` to it). */
  pointTexts: PointTextWatcher;
  demo: DemoContext;
  /** A service context acting as this demo member (call verbs directly: `createPoint(ctx.as(DEMO.swvTrekker), …)`). */
  as(email: string): ServiceContext;
  /** A service context acting as no one (system steps such as the text recompute). */
  system: ServiceContext;
  /** Logs in a (demo) user and returns the Cookie header value. */
  login(email: string, password?: string): Promise<string>;
  /** app.request with JSON body and an optional session cookie. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  cleanup(): void;
}

/** Deps as the server builds them: verbs write documents through a sync core (without sockets here). */
function testDeps(database: Database, store: LibsqlDocumentStore): { deps: AppDeps; core: SyncCore } {
  let core: SyncCore | null = null;
  const deps: AppDeps = {
    database,
    events: new EventBus(),
    config: { production: false, secureCookies: false, publicOrigin: "http://localhost", sessionTtlHours: 12 },
    documents: {
      readJson: async (name) => stateToJson(await store.load(name)),
      readState: (name) => store.load(name),
      write: (name, change) => writeThrough(core!)(name, change),
    },
  };
  core = createSyncCore(deps, store, { idleUnloadMs: 200 });
  return { deps, core };
}

type DemoIds = Pick<DemoContext, "workspaceId" | "parties" | "members">;
export interface DemoTemplate {
  path: string;
  ids: DemoIds;
}
/** Set by the unit project's global setup (server/testing/demoTemplateSetup.ts) for every test file. */
export const DEMO_TEMPLATE_ENV = "OOGO_TEST_DEMO_TEMPLATE";
let demoTemplate: Promise<DemoTemplate> | undefined;

/**
 * Seeds the demo tafel (~170 durable transactions: a school year of verbs, and a plan import) into
 * a template database; every test gets its own byte-for-byte copy. Seeded once per test run by the
 * global setup, or once per file when a file runs without it (a bench).
 */
export async function buildDemoTemplate(): Promise<DemoTemplate & { cleanup(): void }> {
  const tmp = tempDatabaseUrl("oogo-template-");
  const database = await createDb(tmp.url);
  await migrateDb(database);
  const store = new LibsqlDocumentStore(database);
  const { deps, core } = testDeps(database, store);
  const pointTexts = watchPointTexts(createContext(deps));
  const demo = await seedDemo(deps, store);
  pointTexts.stop();
  await core.close();
  // The demo's members joined by invitation; their mails go out as `npm start` without SMTP_URL
  // sends them (to the log), so a test's own sender finds only the test's mail due.
  const demoMail = new MailSender(createContext(deps), { transport: logTransport(() => undefined), from: "demo" });
  await demoMail.drain();
  await demoMail.stop();
  await store.close();
  // Fold the WAL into the main file so a plain file copy holds everything.
  await database.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  database.close();
  return {
    path: join(tmp.dir, "test.db"),
    ids: { workspaceId: demo.workspaceId, parties: demo.parties, members: demo.members },
    cleanup: () => tmp.cleanup(),
  };
}

function seededTemplate(): Promise<DemoTemplate> {
  demoTemplate ??= (async () => {
    const shared = process.env[DEMO_TEMPLATE_ENV];
    if (shared) return JSON.parse(shared) as DemoTemplate;
    const built = await buildDemoTemplate();
    process.once("exit", () => built.cleanup());
    return built;
  })();
  return demoTemplate;
}

/** A fresh database with the demo tafel and an in-process app (no network). */
export async function createTestContext(): Promise<TestContext> {
  const template = await seededTemplate();
  const tmp = tempDatabaseUrl();
  copyFileSync(template.path, join(tmp.dir, "test.db"));
  const database = await createDb(tmp.url);
  await migrateDb(database);
  const store = new LibsqlDocumentStore(database);
  const { deps, core } = testDeps(database, store);
  const pointTexts = watchPointTexts(createContext(deps));
  const milestones = watchMilestones(createContext(deps));
  const as = (email: string) => actingAsDemoMember(deps, template.ids.members, email);
  const demo: DemoContext = { deps, store, ...template.ids, as };
  const app = createApp(deps);

  const request: TestContext["request"] = (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    }
    return Promise.resolve(app.request(path, { method: init.method ?? (body ? "POST" : "GET"), headers, body }));
  };

  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await request("/api/auth/login", { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get("set-cookie") ?? "";
    const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie);
    if (!match) throw new Error("no session cookie");
    return `${SESSION_COOKIE}=${match[1]}`;
  };

  const cleanup = () => {
    pointTexts.stop();
    milestones.stop();
    void core
      .close()
      .then(() => store.close())
      .finally(() => {
        database.close();
        tmp.cleanup();
      });
  };
  return { deps, app, store, core, pointTexts, demo, as, system: createContext(deps), login, request, cleanup };
}

/** The demo e-mail addresses, for readable tests. */
export const DEMO = {
  swvTrekker: "swv.medewerker@demo.oogo.test",
  swvBestuurder: "swv.bestuurder@demo.oogo.test",
  groningenTrekker: "ambtenaar.groningen@demo.oogo.test",
  groningenWethouder: "wethouder.groningen@demo.oogo.test",
  tynaarloTrekker: "ambtenaar.tynaarlo@demo.oogo.test",
  tynaarloWethouder: "wethouder.tynaarlo@demo.oogo.test",
  secretaris: "secretaris@demo.oogo.test",
  waarnemer: "waarnemer@demo.oogo.test",
  beheerder: "beheerder@demo.oogo.test",
} as const;
