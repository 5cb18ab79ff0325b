import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../threads/tsWorker.ts";
import type { CompactionResult, StoredUpdate } from "./storage.ts";

export type WorkerRequest =
  | { id: number; op: "append"; entries: readonly StoredUpdate[] }
  | { id: number; op: "compact"; docName: string }
  | { id: number; op: "close" };

export type WorkerReply =
  { id: number; ok: true; result: CompactionResult | null | "ready" } | { id: number; ok: false; error: string };

const ENTRY = new URL("./updateLogWorker.ts", import.meta.url).href;

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve(result: CompactionResult | null): void;
  reject(error: Error): void;
}

/**
 * Client side of the writer thread. Spawned lazily; respawned after a crash (pending requests
 * are rejected — an append may or may not have committed, and the caller's retry is harmless
 * because applying a Yjs update twice changes nothing).
 */
export class UpdateLogThread {
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  constructor(private readonly url: string) {}

  /** Starts the thread ahead of the first write (boot takes a few hundred ms). */
  start(): Promise<void> {
    if (this.#ready) return this.#ready;
    const worker = startTsWorker(ENTRY, { data: { url: this.url } });
    this.#worker = worker;
    // Unreferenced while idle so an idle store never keeps the process alive; referenced while
    // a request is pending so a script awaiting a commit does not exit before the reply.
    worker.unref();
    this.#ready = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        if (this.#worker !== worker) return;
        this.#worker = null;
        this.#ready = null;
        reject(error);
        for (const pending of this.#pending.values()) pending.reject(error);
        this.#pending.clear();
      };
      worker.on("message", (reply: WorkerReply) => {
        if (reply.id === 0) return resolve();
        const pending = this.#pending.get(reply.id);
        if (!pending) return;
        this.#pending.delete(reply.id);
        if (this.#pending.size === 0) worker.unref();
        if (reply.ok) pending.resolve(reply.result === "ready" ? null : reply.result);
        else pending.reject(new Error(`update log: ${reply.error}`));
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`update log thread exited (${code})`)));
    });
    // A failed start is reported to the requests awaiting it; nobody else must see it unhandled.
    this.#ready.catch(() => undefined);
    return this.#ready;
  }

  append(entries: readonly StoredUpdate[]): Promise<void> {
    return this.#request({ op: "append", entries }).then(() => undefined);
  }

  compact(docName: string): Promise<CompactionResult | null> {
    return this.#request({ op: "compact", docName });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.#request({ op: "close" }).catch(() => undefined);
    this.#worker = null;
    this.#ready = null;
    await worker.terminate();
  }

  async #request(body: DistributiveOmit<WorkerRequest, "id">): Promise<CompactionResult | null> {
    await this.start();
    const worker = this.#worker!;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id } satisfies WorkerRequest);
    });
  }
}
