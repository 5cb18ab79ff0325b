/**
 * Summarises V8 .cpuprofile files (node --cpu-prof writes one per thread): self time per
 * function and per source area, optionally cut to a time window on the monotonic clock (µs,
 * the clock of the profile's startTime and of process.hrtime).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** "main" or "thread <n>" (from the file name CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile). */
  thread: string;
  /**
   * Sampled busy time in the window (idle and "(program)" excluded). The profiler samples the
   * thread's stack on a timer, so time blocked inside a native call (an fsync) counts too.
   */
  busyMs: number;
  windowMs: number;
  topFunctions: Array<{ name: string; where: string; selfMs: number; pct: number }>;
  byArea: Array<{ area: string; selfMs: number; pct: number }>;
}

/** node_modules package, repo folder, node internals, or a V8 pseudo-frame such as (garbage collector). */
function area(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native: syscalls, C++)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const m =
    /\/work\/[^/]+\/((?:server|shared|db|bench)\/.*)$/.exec(url) ?? /\/((?:server|shared|db|bench)\/.*)$/.exec(url);
  return m ? m[1]!.replace(/\?.*$/, "") : url.split("/").slice(-2).join("/");
}

export function summarizeCpuProfile(path: string, window?: [number, number], top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window[0] || t > window[1])) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  });
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)") continue;
    total += us;
    const file = n.callFrame.url.replace(/\?.*$/, "").split("/").slice(-2).join("/");
    const where = file ? `${file}:${n.callFrame.lineNumber + 1}` : "";
    const key = `${name}@${where}`;
    const entry = fn.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    fn.set(key, entry);
    const a = area(n.callFrame.url, name);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const pct = (us: number) => (total ? (us / total) * 100 : 0);
  const tid = basename(path).split(".")[4];
  return {
    thread: tid === "0" ? "main" : `thread ${tid}`,
    busyMs: total / 1000,
    windowMs: window ? (window[1] - window[0]) / 1000 : (profile.endTime - profile.startTime) / 1000,
    topFunctions: [...fn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, pct: pct(f.us) })),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([a, us]) => ({ area: a, selfMs: us / 1000, pct: pct(us) })),
  };
}
