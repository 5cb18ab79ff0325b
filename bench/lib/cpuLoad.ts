/**
 * Per-core busy time from /proc/stat, to see how much of a core went to processes that are not
 * part of the benchmark (this machine is shared): busy% of the server core minus the server's
 * own CPU% is load we did not cause. Returns null where /proc/stat does not exist.
 */
import { readFileSync } from "node:fs";

export type CoreTimes = Array<{ busy: number; total: number }>;

export function readCoreTimes(): CoreTimes | null {
  try {
    return readFileSync("/proc/stat", "utf8")
      .split("\n")
      .filter((l) => /^cpu\d+ /.test(l))
      .map((l) => {
        const [user, nice, system, idle, iowait, irq, softirq, steal] = l.trim().split(/\s+/).slice(1).map(Number);
        const busy = user! + nice! + system! + irq! + softirq! + (steal ?? 0);
        return { busy, total: busy + idle! + iowait! };
      });
  } catch {
    return null;
  }
}

/** Busy percentage per core between two readings. */
export function busyPct(a: CoreTimes | null, b: CoreTimes | null): number[] | null {
  if (!a || b?.length !== a.length) return null;
  return a.map((x, i) => {
    const dt = b[i]!.total - x.total;
    return dt > 0 ? ((b[i]!.busy - x.busy) / dt) * 100 : 0;
  });
}
