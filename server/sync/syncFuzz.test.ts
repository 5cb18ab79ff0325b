/**
 * 20,000 random and mutated frames of every y-websocket message type against one server while
 * honest clients edit (server/sync/syncFuzz.ts). Fixed seed, printed; `npm run bench:fuzz` runs
 * longer with FUZZ_FRAMES / FUZZ_SEED. About 60 s of CPU on the dev machine (most of it in the
 * reconnects that refusals cost the attacker), hence the generous timeout on a shared machine.
 */
import { expect, test } from "vitest";
import { runSyncFuzz } from "./syncFuzz.ts";

const SEED = 0x0a60_2024;

test("the server handles 20,000 hostile frames whole; honest clients, new joiners and storage agree", async () => {
  const report = await runSyncFuzz({ frames: 20_000, seed: SEED, log: (line) => console.log(line) });
  expect(report.failures).toEqual([]);
  // Both outcomes occurred, for every kind of frame.
  expect(report.refused).toBeGreaterThan(1000);
  expect(report.handled).toBeGreaterThan(1000);
  for (const kind of [
    "valid update",
    "mutated update",
    "hostile update",
    "sync step 1",
    "awareness",
    "query awareness",
    "auth",
    "unknown type",
    "truncated or overlong varint",
    "envelope: length or trailing bytes",
    "random bytes",
  ]) {
    expect(report.byKind[kind], kind).toBeGreaterThan(100);
  }
}, 300_000);
