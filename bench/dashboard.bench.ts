/**
 * `npm run bench:dashboard`: GET /api/workspaces/:id/dashboard for the demo tafel's wethouder and
 * secretaris, through the real app (in process) on a libSQL file with the demo's school year.
 * Target (issue 13): p99 under 50 ms over 200 calls. `BENCH_N` sets the number of calls.
 */
import { processNotifications } from "../server/services/notifications/processNotifications.ts";
import { createTestContext, DEMO } from "../server/testing/testContext.ts";
import { summarize } from "./lib/percentiles.ts";

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = 20;
const ctx = await createTestContext();
await processNotifications(ctx.system); // the inbox count is part of the answer
const dashboardPath = `/api/workspaces/${ctx.demo.workspaceId}/dashboard`;

// The board (an existing read of the same points) as a yardstick for the machine's load at the time.
for (const [who, path] of [
  [DEMO.groningenWethouder, dashboardPath],
  [DEMO.secretaris, dashboardPath],
  [DEMO.groningenWethouder, `/api/workspaces/${ctx.demo.workspaceId}/board`],
] as const) {
  const cookie = await ctx.login(who);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const start = performance.now();
    const res = await ctx.request(path, { cookie });
    await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    if (i >= WARMUP) times.push(ms);
  }
  const s = summarize(Float64Array.from(times));
  console.log(
    `${path.split("/").at(-1)} ${who}: n=${s.n} p50=${s.p50?.toFixed(1)} ms p99=${s.p99?.toFixed(1)} ms max=${s.max?.toFixed(1)} ms`,
  );
}
ctx.cleanup();
