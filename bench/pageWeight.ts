/**
 * `npm run bench:weight`: what each page costs on the wire. Starts the built client (dist/, run
 * `npm run build` first) with the demo on a temp database, opens every main page in Debian's
 * Chromium and adds up the bytes Chromium's network events report as transferred (headers and
 * compressed bodies, CDP `Network.loadingFinished.encodedDataLength`; plus the sync socket's
 * frames). Each page gets a fresh browser context: "cold" is its first visit with an empty cache,
 * "warm" a second full load in the same context. Prints one table with the budgets of issue 15:
 * login ≤ 150 KB cold, spiegelparagraaf ≤ 350 KB cold, every page ≤ 20 KB warm.
 *
 *   WEIGHT_AS=email          the member to log in as (default: the secretaris, who sees every page)
 *   WEIGHT_SCREENSHOTS=dir   also save a screenshot of login, overview and spiegelparagraaf at
 *                            1366 and 390 px wide (to compare before/after a CSS change)
 *   WEIGHT_DETAIL=1          list every request of each cold visit
 *   CHROMIUM_PATH            default /usr/bin/chromium
 *
 * Exit code 1 when a budget is exceeded. Timing is not measured: bytes only.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../server/server.ts";
import { tempDatabaseUrl } from "../server/testing/testContext.ts";
import { DEMO_PASSWORD } from "../server/demo/demoAccounts.ts";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AS = process.env.WEIGHT_AS ?? "secretaris@demo.oogo.test";
const SHOTS = process.env.WEIGHT_SCREENSHOTS;
const DETAIL = process.env.WEIGHT_DETAIL === "1";
const KB = 1024;

interface Budget {
  cold?: number;
  warm: number;
}
interface PageSpec {
  name: string;
  path: string;
  loggedIn: boolean;
  budget: Budget;
}
interface Visit {
  http: number;
  ws: number;
  requests: number;
  fromCache: number;
  rows: Array<{ url: string; bytes: number; status: number; cached: boolean }>;
}

/** Collects transferred bytes for one page load through CDP's Network domain. */
class NetworkMeter {
  private open = new Map<string, { url: string; status: number; received: number; cached: boolean }>();
  private visit: Visit = { http: 0, ws: 0, requests: 0, fromCache: 0, rows: [] };
  private lastActivity = 0;
  private tick = 0;

  constructor(private cdp: CDPSession) {
    const bump = () => (this.lastActivity = ++this.tick);
    cdp.on("Network.requestWillBeSent", (e) => {
      this.open.set(e.requestId, { url: e.request.url, status: 0, received: 0, cached: false });
      this.visit.requests++;
      bump();
    });
    cdp.on("Network.requestServedFromCache", (e) => {
      const r = this.open.get(e.requestId);
      if (r) r.cached = true;
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = this.open.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.cached = true;
      r.received = e.response.encodedDataLength ?? 0;
    });
    cdp.on("Network.dataReceived", (e) => {
      const r = this.open.get(e.requestId);
      if (r) r.received += e.encodedDataLength;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = this.open.get(e.requestId);
      this.open.delete(e.requestId);
      if (!r) return;
      this.count(r, e.encodedDataLength);
      bump();
    });
    cdp.on("Network.loadingFailed", (e) => {
      this.open.delete(e.requestId);
      bump();
    });
    cdp.on("Network.webSocketFrameReceived", (e) => {
      // Binary frames (opcode 2) come base64-encoded.
      const data = e.response.payloadData;
      this.visit.ws += e.response.opcode === 2 ? Buffer.from(data, "base64").length : Buffer.byteLength(data);
      bump();
    });
  }

  private count(r: { url: string; status: number; cached: boolean }, bytes: number) {
    this.visit.http += bytes;
    if (r.cached) this.visit.fromCache++;
    this.visit.rows.push({ url: r.url, bytes, status: r.status, cached: r.cached });
  }

  reset() {
    this.open.clear();
    this.visit = { http: 0, ws: 0, requests: 0, fromCache: 0, rows: [] };
  }

  /** Waits until nothing happened on the network for `quietMs` (an open event stream does not count). */
  async settle(quietMs = 1000) {
    for (;;) {
      const before = this.lastActivity;
      await new Promise((r) => setTimeout(r, quietMs));
      if (this.lastActivity === before) return;
    }
  }

  /** The visit so far; still-open requests (the event stream) count with what they received. */
  result(): Visit {
    const v = { ...this.visit, rows: [...this.visit.rows] };
    for (const r of this.open.values()) {
      v.http += r.received;
      v.rows.push({ url: r.url + " (open)", bytes: r.received, status: r.status, cached: r.cached });
    }
    return v;
  }
}

async function main() {
  if (!existsSync("dist/index.html")) throw new Error("dist/ ontbreekt: voer eerst `npm run build` uit.");
  const db = tempDatabaseUrl("oogo-weight-");
  const server = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: db.url, demo: true, staticRoot: "dist" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
  });
  const base = server.url;
  try {
    const ids = await demoIds(base);
    const t = `/tafels/${ids.workspace}`;
    const pages: PageSpec[] = [
      { name: "Inloggen", path: "/inloggen", loggedIn: false, budget: { cold: 150 * KB, warm: 20 * KB } },
      { name: "Mijn OOGO-tafels", path: "/", loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Overzicht", path: t, loggedIn: true, budget: { warm: 20 * KB } },
      {
        name: "Spiegelparagraaf",
        path: `${t}/spiegelparagraaf`,
        loggedIn: true,
        budget: { cold: 350 * KB, warm: 20 * KB },
      },
      { name: "Overeenstemming", path: `${t}/overeenstemming`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Punt", path: `${t}/punten/${ids.point}`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Te ondertekenen", path: `${t}/te-ondertekenen`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Vergaderingen", path: `${t}/vergaderingen`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Vergadering", path: `${t}/vergaderingen/${ids.meeting}`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Procedure", path: `${t}/procedure`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Dossier", path: `${t}/dossier`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Deelnemers", path: `${t}/deelnemers`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Uitgaande e-mail", path: `${t}/uitgaande-email`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Tafel instellen", path: `${t}/instellen`, loggedIn: true, budget: { warm: 20 * KB } },
      { name: "Mijn account", path: "/account", loggedIn: true, budget: { warm: 20 * KB } },
    ];

    const results: Array<{ spec: PageSpec; cold: Visit; warm: Visit }> = [];
    for (const spec of pages) {
      const context = await browser.newContext({
        baseURL: base,
        locale: "nl-NL",
        viewport: { width: 1366, height: 900 },
      });
      try {
        if (spec.loggedIn) await login(context, base);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        const meter = new NetworkMeter(cdp);
        const cold = await load(page, meter, spec.path);
        await page.goto("about:blank");
        await meter.settle(300);
        const warm = await load(page, meter, spec.path);
        results.push({ spec, cold, warm });
        if (DETAIL) printDetail(spec.name, cold);
        if (SHOTS && ["Inloggen", "Overzicht", "Spiegelparagraaf"].includes(spec.name))
          await screenshots(page, spec, meter);
      } finally {
        await context.close();
      }
    }
    const over = printTable(results);
    process.exitCode = over ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
    db.cleanup();
  }
}

async function load(page: Page, meter: NetworkMeter, path: string): Promise<Visit> {
  meter.reset();
  await page.goto(path);
  await page.locator("h1").first().waitFor();
  await meter.settle();
  return meter.result();
}

async function login(context: BrowserContext, base: string) {
  const res = await context.request.post(`${base}/api/auth/login`, { data: { email: AS, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`Inloggen als ${AS} mislukt: ${res.status()}`);
}

/** The demo tafel and one point and meeting in it, read through the API. */
async function demoIds(base: string) {
  const context = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--headless", "--no-sandbox"] });
  try {
    const ctx = await context.newContext();
    await login(ctx, base);
    const get = async <T>(path: string) => (await (await ctx.request.get(`${base}${path}`)).json()) as T;
    const { workspaces } = await get<{ workspaces: Array<{ id: string }> }>("/api/workspaces");
    const workspace = workspaces[0]!.id;
    const { points } = await get<{ points: Array<{ id: string }> }>(`/api/workspaces/${workspace}/points`);
    const { meetings } = await get<{ meetings: Array<{ id: string }> }>(`/api/workspaces/${workspace}/meetings`);
    return { workspace, point: points[0]!.id, meeting: meetings[0]!.id };
  } finally {
    await context.close();
  }
}

async function screenshots(page: Page, spec: PageSpec, meter: NetworkMeter) {
  mkdirSync(SHOTS!, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await load(page, meter, spec.path);
    const file = join(SHOTS!, `${spec.name.toLowerCase().replace(/\W+/g, "-")}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

function printDetail(name: string, v: Visit) {
  console.log(`\n${name} (koud)`);
  for (const r of [...v.rows].sort((a, b) => b.bytes - a.bytes))
    console.log(
      `  ${kb(r.bytes).padStart(10)}  ${String(r.status).padStart(3)}${r.cached ? " cache" : "      "}  ${r.url}`,
    );
}

function printTable(results: Array<{ spec: PageSpec; cold: Visit; warm: Visit }>): boolean {
  let over = false;
  const lines = [
    "| page | cold: requests | cold: HTTP | cold: sync socket | cold total | warm: requests (from cache) | warm total | budget | within |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const { spec, cold, warm } of results) {
    const coldTotal = cold.http + cold.ws;
    const warmTotal = warm.http + warm.ws;
    const okCold = spec.budget.cold === undefined || coldTotal <= spec.budget.cold;
    const okWarm = warmTotal <= spec.budget.warm;
    if (!okCold || !okWarm) over = true;
    const budget = [spec.budget.cold && `cold ≤ ${spec.budget.cold / KB} KB`, `warm ≤ ${spec.budget.warm / KB} KB`]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `| ${spec.name} | ${cold.requests} | ${kb(cold.http)} | ${kb(cold.ws)} | ${kb(coldTotal)} | ${warm.requests} (${warm.fromCache}) | ${kb(warmTotal)} | ${budget} | ${okCold && okWarm ? "yes" : "**no**"} |`,
    );
  }
  console.log(lines.join("\n"));
  return over;
}

await main();
