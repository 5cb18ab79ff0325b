/**
 * `npm run bench:fuzz`: the protocol fuzz of server/sync/syncFuzz.test.ts, longer.
 *
 *   FUZZ_FRAMES=200000   frames to send (default 100,000)
 *   FUZZ_SEED=1234       seed (default: random, printed — rerun with it to reproduce)
 *   FUZZ_PARALLEL=12     attacker sockets at once
 *
 * Exits with 1 and lists the failures when the server misbehaved.
 */
import { runSyncFuzz } from "../server/sync/syncFuzz.ts";

const frames = Number(process.env.FUZZ_FRAMES ?? 100_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const parallel = process.env.FUZZ_PARALLEL ? Number(process.env.FUZZ_PARALLEL) : undefined;
if (!Number.isInteger(frames) || frames <= 0)
  throw new Error(`FUZZ_FRAMES: not a positive number: ${process.env.FUZZ_FRAMES}`);
if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED: not an integer: ${process.env.FUZZ_SEED}`);

const report = await runSyncFuzz({ frames, seed, parallel, log: (line) => console.log(line) });
console.log(
  `frames by kind: ${Object.entries(report.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}`,
);
if (report.failures.length > 0) {
  console.error(`FAILED (seed ${seed}):\n- ${report.failures.join("\n- ")}`);
  process.exit(1);
}
console.log(`OK (seed ${seed})`);
process.exit(0);
