/**
 * `npm run bench:invite`: 500 invitations from one CSV through the real HTTP server
 * (startServer on loopback, the demo tafel, logged in as its beheerder) —
 * POST /api/workspaces/:id/invitations/bulk — and sent by the server's own outbox sender to a
 * real SMTP server on loopback (smtp-server in a child process, pinned to core 0 when taskset
 * exists; this process — the app — on core 1). Reports the request's duration, the time until the
 * SMTP server accepted the last mail, and this process's event-loop delay (p50/p99/max,
 * perf_hooks.monitorEventLoopDelay) while the request ran and while the mails went out.
 *
 *   BENCH_INVITES=n   how many people in the CSV (default 500)
 *   BENCH_OUT=path    also write the numbers as JSON
 */
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../server/server.ts";
import { tempDatabaseUrl } from "../server/testing/testContext.ts";
import { DEMO_PASSWORD } from "../server/demo/demoAccounts.ts";
import { hasTaskset, pinSelf } from "./peers/spawnServer.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const INVITES = Number(process.env.BENCH_INVITES ?? 500);

const pinned = process.env.BENCH_PIN !== "0" && hasTaskset() && pinSelf(1);
const child = fork(resolve(HERE, "peers/smtpSink.ts"), [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
if (pinned && child.pid) {
  const { spawnSync } = await import("node:child_process");
  spawnSync("taskset", ["-a", "-p", "-c", "0", String(child.pid)], { stdio: "ignore" });
}
const nextMessage = <T>() => new Promise<T>((r) => child.once("message", (m) => r(m as T)));
const { port: smtpPort } = await nextMessage<{ port: number }>();

const db = tempDatabaseUrl("oogo-bench-invite-");
const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  databaseUrl: db.url,
  demo: true,
  publicOrigin: "https://oogo.example.nl",
  mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: "OOGO Werkruimte <noreply@oogo.example.nl>" },
});
const base = server.url.replace("localhost", "127.0.0.1");

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return res;
}
const login = await call("/api/auth/login", { body: { email: "beheerder@demo.oogo.test", password: DEMO_PASSWORD } });
const cookie = /oogo_sessie=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
if (!cookie) throw new Error(`Inloggen mislukt: ${login.status}`);
const { workspaces } = (await (await call("/api/workspaces", { cookie })).json()) as {
  workspaces: Array<{ id: string }>;
};
const workspaceId = workspaces[0]!.id;

/** Realistic lines: long Dutch names, municipal addresses, a function; parties by code and by name. */
const parties = ["GM0014", "Gemeente Tynaarlo", "VO 20.01"];
const roles = ["Ambtelijk trekker", "Ambtenaar (werkgroep)", "wethouder"];
const csv = [
  "naam;e-mail;partij;rol;functie",
  ...Array.from(
    { length: INVITES },
    (_, i) =>
      `Anna-Maria de Vries-van den Berg ${i};anna-maria.devries-vandenberg.${i}@gemeente-tynaarlo.example.nl;${parties[i % 3]};${roles[i % 3]};beleidsmedewerker onderwijs en jeugd`,
  ),
].join("\r\n");
const bodyBytes = Buffer.byteLength(JSON.stringify({ csv }));

// Warm-up: one invitation first, as a running server has sent before (nodemailer's lazy modules, the pool).
const warm = nextMessage<{ count: number }>();
child.send({ expect: 1 });
await call(`/api/workspaces/${workspaceId}/members`, {
  cookie,
  body: { email: "opwarmen@gemeente.example.nl", name: "Opwarmen", role: "waarnemer" },
});
await warm;

const RESOLUTION = 10;
const delayOf = (h: ReturnType<typeof monitorEventLoopDelay>) => {
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION) * 10) / 10);
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
};
const baseline = monitorEventLoopDelay({ resolution: RESOLUTION });
baseline.enable();
await new Promise((r) => setTimeout(r, 2000));
baseline.disable();

const accepted = nextMessage<{ count: number; unique: number }>();
child.send({ expect: INVITES + 1 });
const duringRequest = monitorEventLoopDelay({ resolution: RESOLUTION });
const whileSending = monitorEventLoopDelay({ resolution: RESOLUTION });
const t0 = performance.now();
duringRequest.enable();
const res = await call(`/api/workspaces/${workspaceId}/invitations/bulk`, { cookie, body: { csv } });
const tAnswered = performance.now();
duringRequest.disable();
whileSending.enable();
if (res.status !== 201) throw new Error(`Bulk mislukt: ${res.status} ${await res.text()}`);
const { invitations } = (await res.json()) as { invitations: unknown[] };
const received = await accepted;
const tAccepted = performance.now();
await server.mail.drain();
const tMarked = performance.now();
whileSending.disable();

const result = {
  invitations: INVITES,
  invited: invitations.length,
  pinned,
  requestBodyBytes: bodyBytes,
  requestMs: Math.round(tAnswered - t0),
  lastAcceptedMs: Math.round(tAccepted - t0),
  allMarkedSentMs: Math.round(tMarked - t0),
  receivedBySmtp: received.count - 1,
  uniqueMessageIds: received.unique - 1,
  eventLoopDelayDuringRequestMs: duringRequest.count > 0 ? delayOf(duringRequest) : null,
  eventLoopDelayWhileSendingMs: delayOf(whileSending),
  eventLoopDelayIdleBaselineMs: delayOf(baseline),
  loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
};

const fmt = (d: { p50: number; p99: number; max: number } | null) =>
  d ? `p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms` : "geen meting";
console.log(
  `Bulk-uitnodiging bench — ${INVITES} mensen uit één CSV via POST …/invitations/bulk, SMTP op loopback (${pinned ? "gepind: smtp core 0, app core 1" : "niet gepind"})`,
);
console.log(
  `  verzoek: ${Math.round(bodyBytes / 1024)} kB JSON; antwoord 201 na          ${result.requestMs} ms (${result.invited} uitnodigingen, log en wachtrij in één transactie)`,
);
console.log(
  `  verzoek → laatste mail geaccepteerd:     ${result.lastAcceptedMs} ms  (${result.receivedBySmtp} ontvangen, ${result.uniqueMessageIds} unieke Message-IDs)`,
);
console.log(`  verzoek → alle ${INVITES} als verstuurd vastgelegd: ${result.allMarkedSentMs} ms`);
console.log(`  event-loop delay tijdens het verzoek:    ${fmt(result.eventLoopDelayDuringRequestMs)}`);
console.log(
  `  event-loop delay tijdens verzenden:      ${fmt(result.eventLoopDelayWhileSendingMs)} (doel p99 < 50 ms)`,
);
console.log(
  `  event-loop delay stil (2 s vooraf):      ${fmt(result.eventLoopDelayIdleBaselineMs)} — ruis van de machine; load ${result.loadAverage1m} op ${cpus().length} cores`,
);
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2) + "\n");

child.send({ stop: true });
await server.close();
db.cleanup();
if (received.unique !== INVITES + 1 || result.invited !== INVITES) {
  console.error("FOUT: niet elke uitnodiging precies één keer verstuurd.");
  process.exitCode = 1;
}
