/**
 * Our sync server alone, the figures issue 3 asks for:
 *   node --import tsx bench/syncServer.bench.ts
 *
 * - update fan-out latency p50/p99 with 100 and 500 observers (one writer at 50 and 200 edits/s);
 * - edit → save-acknowledgement (type 100, durable) latency p50/p99;
 * - heap per idle connection, per idle loaded document, after unload, per ~120 KB document;
 * - cold load of the ~120 KB fixture document (the Zuid-Limburg ondersteuningsplan converted to
 *   our editor schema), p50/p99.
 *
 * The server runs as a child process (bench/peers, pinned to core 0 when `taskset` exists) and
 * the load generator here (core 1), with the raw-protocol clients of bench/lib — the same pieces
 * `npm run bench` uses to compare with Hocuspocus and the reference server.
 * SYNC_BENCH_QUICK=1 runs a shorter version.
 */
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../server/demo/demoAccounts.ts";
import { loadFixtureDocument, smallDocumentUpdate } from "./lib/fixtureDocument.ts";
import type { Target } from "./lib/peerClient.ts";
import type { Summary } from "./lib/percentiles.ts";
import { coldLoadRun, fanoutSweep, heapRun, saveAckRun } from "./lib/scenarios.ts";
import { buildChildren, pinSelf, ServerChild, TMP } from "./peers/spawnServer.ts";

const QUICK = process.env.SYNC_BENCH_QUICK === "1";
const CONFIG = {
  observerCounts: [100, 500],
  rates: [50, 200],
  durationMs: QUICK ? 2000 : 4000,
  ackEdits: QUICK ? 100 : 300,
  coldLoads: QUICK ? 8 : 30,
  heapConnections: QUICK ? 200 : 500,
  heapDocs: QUICK ? 50 : 200,
};

const log = (msg: string) => process.stderr.write(`[sync-bench] ${msg}\n`);
const ms = (v: number | null | undefined) => (v === null || v === undefined ? "–" : v.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const line = (label: string, s: Summary) =>
  `${label.padEnd(44)} p50 ${ms(s.p50).padStart(7)} ms   p99 ${ms(s.p99).padStart(7)} ms   (n=${s.n})`;

async function main() {
  const fixture = loadFixtureDocument();
  if ("missing" in fixture) throw new Error(fixture.missing);
  await buildChildren(["ours"]);
  const pinned = pinSelf(1);
  const dbPath = resolve(TMP, `sync-bench-${Date.now()}.db`);
  const child = new ServerChild("ours", { core: 0, logName: "sync-bench" });
  const out: string[] = [];
  try {
    const started = await child.go(dbPath);
    const base = `http://127.0.0.1:${started.port}`;
    const editor = DEMO_ACCOUNTS.find((a) => a.role === "trekker")!;
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: editor.email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login failed: HTTP ${res.status}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const target: Target = {
      kind: "ours",
      label: "OOGO sync",
      framing: "plain",
      ack: "saveAck",
      port: started.port,
      headers: { Cookie: cookie },
      loadsBeforeReply: true,
      url: (name, o) =>
        `ws://127.0.0.1:${started.port}/sync/${encodeURIComponent(name)}${o?.saveAck ? "?saveAck=1" : ""}`,
    };

    const keys = [
      "fanout",
      "saveack",
      "heapconn",
      ...range(50, "warm"),
      ...range(CONFIG.heapDocs, "doc"),
      ...range(2, "big"),
      ...range(CONFIG.coldLoads, "cold"),
    ];
    const names = await child.rpc<string[]>("prepareDocs", { keys });
    const name = new Map(keys.map((k, i) => [k, names[i]!]));
    const n = (ks: string[]) => ks.map((k) => name.get(k)!);
    const small = smallDocumentUpdate("Benchmarktekst voor de spiegelparagraaf.");
    await seed(
      child,
      n(["fanout", "saveack", "heapconn", ...range(50, "warm"), ...range(CONFIG.heapDocs, "doc")]),
      small,
    );
    await seed(child, n([...range(2, "big"), ...range(CONFIG.coldLoads, "cold")]), fixture.update);
    const big = { update: fixture.update, stateVector: fixture.stateVector };
    log(
      `fixture: ${fixture.characters} characters, ${fixture.blocks} blocks, Yjs update ${kb(fixture.update.length)}; load generator pinned: ${pinned}`,
    );

    log("cold loads…");
    const cold = await coldLoadRun(target, n(range(CONFIG.coldLoads, "cold")), big);
    log("heap…");
    const heap = await heapRun(
      target,
      child,
      {
        conn: name.get("heapconn")!,
        warm: n(range(50, "warm")),
        docs: n(range(CONFIG.heapDocs, "doc")),
        big: n(range(2, "big")),
      },
      { connections: CONFIG.heapConnections, docsPerRound: CONFIG.heapDocs, unloadWaitMs: 60_000, big },
    );
    log("save acknowledgements…");
    const ack = await saveAckRun(target, name.get("saveack")!, CONFIG.ackEdits, 50);
    log("fan-out…");
    const fanout = await fanoutSweep(target, child, name.get("fanout")!, {
      observerCounts: CONFIG.observerCounts,
      rates: CONFIG.rates,
      durationMs: CONFIG.durationMs,
      drainMs: 2000,
      serverCore: 0,
      onPoint: (p) => log(`  ${p.observers} × ${p.rate}/s: p50 ${ms(p.latencyMs.p50)} p99 ${ms(p.latencyMs.p99)} ms`),
    });

    out.push(
      `OOGO sync server — ${new Date().toISOString()}${QUICK ? " (quick run)" : ""}, ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    for (const p of fanout) {
      out.push(
        line(`fan-out ${p.observers} observers × ${p.rate} edits/s`, p.latencyMs) +
          `   delivered ${p.delivered}/${p.expected}, ${ms(p.serverCpuUsPerDelivery)} µs CPU/delivery, server ${p.serverCpuPct.toFixed(0)} % CPU,` +
          ` load generator ${p.loadgenCpuPct.toFixed(0)} % CPU, other processes on the server core ${p.otherLoadOnServerCorePct === null ? "?" : p.otherLoadOnServerCorePct.toFixed(0)} %`,
      );
    }
    out.push(
      line("edit → save ack (type 100, durable)", ack.latencyMs) +
        `   unacknowledged ${ack.unacknowledged}/${ack.edits}`,
    );
    out.push(line(`cold load ${kb(fixture.update.length)} document`, cold));
    out.push(
      `${"heap per idle connection".padEnd(44)} ${kb(heap.perConnectionBytes)} (${heap.connections} connections)`,
    );
    out.push(`${"heap per idle loaded document".padEnd(44)} ${kb(heap.perIdleDocumentBytes)}`);
    out.push(
      `${"heap per document after unload".padEnd(44)} ${kb(heap.perDocumentAfterUnloadBytes)} (unloaded within ${(heap.unloadWaitedMs / 1000).toFixed(1)} s)`,
    );
    out.push(
      `${"heap per loaded ~120 KB document".padEnd(44)} ${kb(heap.perBigDocumentBytes)} (+ its encoded state, ${kb(fixture.update.length)}, outside the JS heap until edited)`,
    );
    console.log(out.join("\n"));
  } finally {
    await child.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  }
}

function range(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

async function seed(child: ServerChild, names: string[], update: Uint8Array) {
  for (let i = 0; i < names.length; i += 8)
    await child.rpc("seed", { docs: names.slice(i, i + 8).map((docName) => ({ name: docName, update })) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
