import { createClient } from "@libsql/client";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
async function main() {
const dir = mkdtempSync(join(tmpdir(), "fs-"));
const c = createClient({ url: `file:${join(dir, "t.db")}` });
await c.execute("PRAGMA journal_mode = WAL");
await c.execute("create table t (id integer primary key autoincrement, d text, b blob, c text)");
// measure how much of the commit blocks the thread
let blocked = 0; const N = 300; const times: number[] = [];
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  let ticks = 0; let stop = false;
  const spin = () => { if (!stop) { ticks++; setImmediate(spin); } };
  setImmediate(spin);
  await c.batch([{ sql: "insert into t (d,b,c) values (?,?,?)", args: ["doc", new Uint8Array(40), "x"] }], "write");
  stop = true;
  times.push(performance.now() - t0);
  blocked += ticks;
}
times.sort((a, b) => a - b);
console.log("batch p50", times[N/2], "p99", times[Math.floor(N*0.99)], "avg immediates during commit", blocked / N);
}
main();
