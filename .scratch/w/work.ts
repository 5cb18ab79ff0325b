import { parentPort } from "node:worker_threads";
import { createClient } from "@libsql/client";
const x: number = 42;
parentPort!.postMessage({ x, hasClient: typeof createClient });
