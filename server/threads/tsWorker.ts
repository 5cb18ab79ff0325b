/**
 * Starts a worker thread whose entry is a TypeScript module, as every thread of this server is.
 * Node 20 applies no `--import tsx` loader to a worker's entry, so a tiny CommonJS bootstrap
 * imports tsx's API and loads the entry through it (works under `node --import tsx`, vitest and
 * the bench's bundled server alike). The entry reads its settings from `workerData`.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";
import { createRequire } from "node:module";

const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
import(pathToFileURL(workerData.tsxApi).href)
  .then((api) => api.tsImport(workerData.entry, workerData.entry));
`;
// The ESM build of tsx's API (its CommonJS build mis-resolves its own loader when used this way).
const TSX_API = createRequire(import.meta.url)
  .resolve("tsx/esm/api")
  .replace(/\.cjs$/, ".mjs");

export interface TsWorkerOptions extends Omit<WorkerOptions, "eval" | "workerData"> {
  /** Settings for the entry, merged into `workerData` (structured-cloned: plain data only). */
  data?: Record<string, unknown>;
}

export function startTsWorker(entry: URL | string, options: TsWorkerOptions = {}): Worker {
  const { data, ...rest } = options;
  return new Worker(BOOTSTRAP, {
    ...rest,
    eval: true,
    workerData: { ...data, tsxApi: TSX_API, entry: String(entry) },
  });
}
