/** Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per source area. */
import { readFileSync } from "node:fs";

interface CpuNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: CpuNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary {
  totalMs: number;
  topFunctions: Array<{ name: string; where: string; selfMs: number; pct: number }>;
  byArea: Array<{ area: string; selfMs: number; pct: number }>;
}

/** node_modules package, repo folder, or a V8 pseudo-frame such as (garbage collector). */
function area(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const m = /\/(server|shared|db|bench)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]!.split("/").slice(0, -1).join("/") || m[2]}` : url.split("/").slice(-2).join("/");
}

export function summarizeCpuProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)") continue;
    total += us;
    const file = n.callFrame.url.split("/").slice(-2).join("/");
    const where = file ? `${file}:${n.callFrame.lineNumber + 1}` : "";
    const key = `${name}@${where}`;
    const entry = fn.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    fn.set(key, entry);
    const a = area(n.callFrame.url, name);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const pct = (us: number) => (total ? (us / total) * 100 : 0);
  return {
    totalMs: total / 1000,
    topFunctions: [...fn.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, pct: pct(f.us) })),
    byArea: [...areas].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([a, us]) => ({ area: a, selfMs: us / 1000, pct: pct(us) })),
  };
}
