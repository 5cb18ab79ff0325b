/**
 * Writer thread for the update log of a local libSQL file.
 *
 * Why a thread: the local libSQL driver runs statements synchronously, so a commit with
 * synchronous=FULL blocks the calling thread for the fsync (0.7 ms median, 2–3 ms p99 measured on
 * the dev machine). On the main thread that stalls every socket's fan-out once per group commit.
 * Here it stalls nobody, and the thread's own connection keeps its busy-wait on the SQLite write
 * lock (held briefly by REST transactions) off the event loop too.
 *
 * Requests are handled strictly one after another, so appends and compactions never overlap
 * within this connection and acknowledgements leave in commit order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createClient } from "@libsql/client";
import { appendUpdates, compactDocument } from "./updateLogSql.ts";
import type { WorkerReply, WorkerRequest } from "./updateLogThread.ts";

const { url } = workerData as { url: string };
const client = createClient({ url, timeout: 5000 });
const port = parentPort!;

let chain: Promise<void> = Promise.resolve();

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    switch (request.op) {
      case "append":
        await appendUpdates(client, request.entries);
        return { id: request.id, ok: true, result: null };
      case "compact":
        return { id: request.id, ok: true, result: await compactDocument(client, request.docName) };
      case "close":
        client.close();
        return { id: request.id, ok: true, result: null };
    }
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

port.on("message", (request: WorkerRequest) => {
  chain = chain.then(async () => port.postMessage(await handle(request)));
});
port.postMessage({ id: 0, ok: true, result: "ready" } satisfies WorkerReply);
