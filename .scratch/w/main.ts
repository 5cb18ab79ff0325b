import { Worker } from "node:worker_threads";
const BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(require("node:worker_threads").workerData.entry, require("node:url").pathToFileURL(process.cwd() + "/").href))`;
export function spawn(): Promise<unknown> {
  const w = new Worker(BOOT, { eval: true, workerData: { entry: new URL("./work.ts", import.meta.url).href } });
  return new Promise((res, rej) => { w.once("message", (m) => { res(m); w.terminate(); }); w.once("error", rej); });
}
