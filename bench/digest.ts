/**
 * `npm run bench:digest` (issue 13): the daily digest for 2,000 members over 200 tafels, composed
 * inside our server process and handed to a real SMTP server on loopback, while the sync bench's
 * fan-out (100 observers × 50 updates/s on one document) runs against the same process.
 * Reports the digest time (composed; every mail accepted by SMTP) and the fan-out latency p99
 * without the digest (before and after) and while it runs. Target: digest within 60 s, fan-out
 * p99 at most 20 % worse.
 *
 * The server child is pinned to core 0 as in `npm run bench`; this load generator to core 1; the
 * SMTP server (its own child) is not pinned — on two cores it shares with the load generator.
 *
 *   BENCH_MEMBERS=2000 BENCH_TAFELS=200 BENCH_NOTICES=3   size of the digest
 *   BENCH_OBSERVERS=100 BENCH_RATE=50                    the fan-out point
 *   BENCH_ROUNDS=3                                       quiet windows and a digest, alternated
 */
import { fork } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { smallDocumentUpdate } from "./lib/fixtureDocument.ts";
import { summarize, type Summary } from "./lib/percentiles.ts";
import { FanoutSession, type FanoutPoint } from "./lib/scenarios.ts";
import { startTarget } from "./lib/targets.ts";
import { buildChildren, hasTaskset, pinSelf, REPO, ServerChild, TMP } from "./peers/spawnServer.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const TAFELS = Number(process.env.BENCH_TAFELS ?? 200);
const NOTICES = Number(process.env.BENCH_NOTICES ?? 3);
const OBSERVERS = Number(process.env.BENCH_OBSERVERS ?? 100);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const WINDOW_MS = 2000;
const DRAIN_MS = 1500;
const QUIET_WINDOWS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const log = (msg: string) => process.stderr.write(`[digest] ${msg}\n`);
mkdirSync(TMP, { recursive: true });
const pinned = process.env.BENCH_PIN !== "0" && hasTaskset() && pinSelf(1);

const sink = fork(resolve(REPO, "bench/peers/smtpSink.ts"), [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const { port: smtpPort } = await new Promise<{ port: number }>((r) => sink.once("message", (m) => r(m as never)));
// Read by bench/peers/ours.ts: the server's own mail sender goes to this SMTP server.
process.env.BENCH_SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;

await buildChildren(["ours"]);
// BENCH_PROFILE_DIR=dir: the server runs from source with a CPU profile written there on exit.
const profileDir = process.env.BENCH_PROFILE_DIR;
const child = new ServerChild("ours", {
  core: pinned ? 0 : null,
  logName: "ours-digest",
  ...(profileDir ? { fromSource: true, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
});
const dbPath = resolve(TMP, `digest-${Date.now()}.db`);
const { target } = await startTarget(child, "ours", dbPath);
const [doc] = await child.rpc<string[]>("prepareDocs", { keys: ["fanout"] });
await child.rpc("seed", { docs: [{ name: doc!, update: smallDocumentUpdate("Digest.") }] });

const session = new FanoutSession(target, child, doc!);
await session.open();
await session.grow(OBSERVERS);
log(`${OBSERVERS} observers joined; warming up`);
await session.measure(RATE, WINDOW_MS, DRAIN_MS);

interface Phase {
  windows: FanoutPoint[];
  latencies: number[];
}
const measureWindow = async (phase: Phase) => {
  const point = await session.measure(RATE, WINDOW_MS, DRAIN_MS);
  phase.windows.push(point);
  phase.latencies.push(...session.lastLatencies());
};
/** Asks the SMTP server to answer once it holds `expect` mails in all (0: at once). */
const sinkCount = (expect: number) => {
  const reply = new Promise<{ count: number; unique: number }>((r) => sink.once("message", (m) => r(m as never)));
  sink.send({ expect });
  return reply;
};

interface RoundOutcome {
  people: number;
  notices: number;
  composeMs: number;
  deliveredMs: number;
  received: number;
  unique: number;
  windowP99: number[];
}
// Rounds alternate quiet windows and a digest, so a slow minute of the machine falls on both sides.
const quiet: Phase = { windows: [], latencies: [] };
const during: Phase = { windows: [], latencies: [] };
const rounds: RoundOutcome[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < QUIET_WINDOWS; i++) await measureWindow(quiet);
  log(
    `round ${round + 1}/${ROUNDS}: seeding ${MEMBERS} members over ${TAFELS} tafels, ${NOTICES} notices each (not measured)`,
  );
  await child.rpc("seedDigest", { round, tafels: TAFELS, members: MEMBERS, noticesEach: NOTICES }, 600_000);
  // The demo's own invitation mails and earlier rounds arrived at this SMTP server too: count from here.
  const before = await sinkCount(0);
  const accepted = sinkCount(before.count + MEMBERS).then((r) => ({
    count: r.count - before.count,
    unique: r.unique - before.unique,
  }));
  log(`round ${round + 1}/${ROUNDS}: digest starts; fan-out windows run until it has been handed to SMTP`);
  const firstWindow = during.windows.length;
  let finished = false;
  const digest = child
    .rpc<{ people: number; notices: number; composeMs: number; deliveredMs: number }>("runDigest", {}, 600_000)
    .finally(() => (finished = true));
  while (!finished) await measureWindow(during);
  const outcome = await digest;
  const received = await accepted;
  rounds.push({
    ...outcome,
    received: received.count,
    unique: received.unique,
    windowP99: during.windows.slice(firstWindow).map((w) => w.latencyMs.p99 ?? NaN),
  });
}
for (let i = 0; i < QUIET_WINDOWS; i++) await measureWindow(quiet);

const quietSummary = summarize(quiet.latencies);
const busy = summarize(during.latencies);
const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const range = (values: number[], digits = 1) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const line = (label: string, s: Summary, windows: FanoutPoint[]) =>
  `  ${label.padEnd(26)} p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms  (${windows.length} vensters, ${s.n} afleveringen, in time ${(
    (100 * windows.reduce((a, w) => a + w.delivered, 0)) /
    Math.max(
      1,
      windows.reduce((a, w) => a + w.expected, 0),
    )
  ).toFixed(1)}%)`;

console.log(
  `Dagelijks overzicht tijdens fan-out — ${ROUNDS} rondes van ${rounds[0]!.people} leden, ${TAFELS} tafels, ${rounds[0]!.notices} meldingen; fan-out ${OBSERVERS} × ${RATE}/s (${pinned ? "server op core 0, load generator op core 1" : "niet gepind"})`,
);
console.log(`  overzicht samengesteld en in de wachtrij: ${range(rounds.map((r) => r.composeMs / 1000))} s per ronde`);
console.log(
  `  laatste mail door SMTP geaccepteerd:      ${range(rounds.map((r) => r.deliveredMs / 1000))} s per ronde  (doel < 60 s; SMTP ontving ${rounds.map((r) => `${r.received} (${r.unique} unieke Message-IDs)`).join(", ")})`,
);
console.log(line("fan-out zonder overzicht", quietSummary, quiet.windows));
console.log(line("fan-out tijdens overzicht", busy, during.windows));
for (const [i, r] of rounds.entries())
  console.log(
    `  ronde ${i + 1}: p99 per venster van ${WINDOW_MS / 1000} s: ${r.windowP99.map((v) => v.toFixed(1)).join(" · ")} ms (het eerste venster bevat het samenstellen)`,
  );
if (quietSummary.p99 && busy.p99)
  console.log(`  p99 tijdens / zonder: ${(busy.p99 / quietSummary.p99).toFixed(2)}× (doel ≤ 1.20×)`);
console.log(`  load average (1 min) ${loadavg()[0]!.toFixed(2)} op ${cpus().length} cores`);

await child.rpc("exit").catch(() => undefined);
sink.send({ stop: true });
rmSync(dbPath, { force: true });
for (const suffix of ["-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
// The demo's own members may have a digest waiting too (first round): at least everyone seeded.
const short = rounds.filter((r) => r.people < MEMBERS || r.unique < MEMBERS);
if (short.length) {
  console.error(
    `FOUT: ${short.map((r) => `${r.people} overzichten, ${r.unique} unieke mails`).join("; ")} voor ${MEMBERS} leden.`,
  );
  process.exitCode = 1;
}
process.exit();
