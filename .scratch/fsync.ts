import { createClient } from "@libsql/client";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const dir = mkdtempSync(join(tmpdir(), "fs-"));
const c = createClient({ url: `file:${join(dir, "t.db")}` });
await c.execute("PRAGMA journal_mode = WAL");
console.log((await c.execute("PRAGMA synchronous")).rows);
await c.execute("create table t (id integer primary key autoincrement, d text, b blob, c text)");
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  let sync = 0;
  const p = c.batch([{ sql: "insert into t (d,b,c) values (?,?,?)", args: ["doc", new Uint8Array(40), "x"] }], "write");
  const t1 = performance.now();
  await p;
  times.push(performance.now() - t0);
  if (i < 3) console.log("sync part", t1 - t0);
}
times.sort((a, b) => a - b);
console.log("p50", times[150], "p99", times[297]);
const t2: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  await c.execute({ sql: "insert into t (d,b,c) values (?,?,?)", args: ["doc", new Uint8Array(40), "x"] });
  t2.push(performance.now() - t0);
}
t2.sort((a, b) => a - b);
console.log("execute p50", t2[150], "p99", t2[297]);
