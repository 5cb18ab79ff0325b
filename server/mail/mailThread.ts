/**
 * The server's mail work in a thread of its own: the outbox sender (claims, SMTP, outcomes) and
 * the daily overview's composition, each with its own database connection.
 *
 * Why a thread: the local libSQL driver runs statements synchronously, every commit waits for its
 * fsync, and nodemailer builds each MIME message on the calling thread. On the main thread the
 * daily overview for 2,000 people held the sync fan-out up (p99 5 → 25–29 ms); here it holds up
 * nobody but itself (bench/digest.ts, docs/notifications.md). The thread's write transactions are
 * short and never wait on the event loop, so the main thread's own writes wait milliseconds at most.
 *
 * Nothing is kept in the thread that the database does not also hold: a thread that dies is
 * started again, and what it had claimed is sent when the claim's lease runs out (docs/mail.md).
 */
import type { Worker } from "node:worker_threads";
import type { MailTransportKind } from "../../shared/domain/mail.ts";
import type { AppConfig } from "../context.ts";
import type { DigestOutcome } from "../services/notifications/sendDigests.ts";
import { startTsWorker } from "../threads/tsWorker.ts";
import type { MailService, MailSettings } from "./mailService.ts";

/** What the thread needs to open the database and send as the server would (structured-cloned). */
export interface MailThreadSettings {
  databaseUrl: string;
  databaseAuthToken?: string;
  appConfig: AppConfig;
  mail: MailSettings;
  /** The thread's niceness (0–19; Linux), so it gives way to the main thread on a busy core. */
  nice?: number;
}

export type MailRequest =
  | { id: number; op: "nudge" }
  | { id: number; op: "drain" }
  | { id: number; op: "digest"; until: string }
  | { id: number; op: "stop" };

export type MailReply =
  { id: number; ok: true; result: DigestOutcome | null } | { id: number; ok: false; error: string };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const ENTRY = new URL("./mailWorker.ts", import.meta.url).href;
/** Requests without an answer (nudges) carry this id; the thread's reply to them is ignored. */
const NO_REPLY = -1;

/** True when a second connection, in another thread, reaches the same database (not `:memory:`). */
export function threadCanOpen(databaseUrl: string): boolean {
  return !databaseUrl.includes(":memory:") && databaseUrl !== "file:";
}

interface Pending {
  resolve(result: DigestOutcome | null): void;
  reject(error: Error): void;
}

export class MailThread implements MailService {
  readonly transportKind: MailTransportKind;
  #worker: Worker | null = null;
  #nextId = 1;
  #stopping = false;
  #stopped: Promise<void> | undefined;
  #restartTimer: NodeJS.Timeout | null = null;
  readonly #pending = new Map<number, Pending>();

  constructor(
    private readonly settings: MailThreadSettings,
    private readonly options: { restartDelayMs?: number; log?: (line: string) => void } = {},
  ) {
    this.transportKind = settings.mail.config.smtpUrl ? "smtp" : "log";
  }

  start(): void {
    if (!this.#worker && !this.#stopping) this.#spawn();
  }

  nudge(): void {
    if (this.#stopping) return;
    this.start();
    this.#worker?.postMessage({ id: NO_REPLY, op: "nudge" } satisfies MailRequest);
  }

  async drain(): Promise<void> {
    await this.#request({ op: "drain" });
  }

  async digest(until: Date): Promise<DigestOutcome> {
    return (await this.#request({ op: "digest", until: until.toISOString() }))!;
  }

  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stopping = true;
      if (this.#restartTimer) clearTimeout(this.#restartTimer);
      const worker = this.#worker;
      if (!worker) return;
      await this.#send(worker, { op: "stop" }).catch(() => undefined);
      this.#worker = null;
      await worker.terminate();
    })();
    return this.#stopped;
  }

  /** Ends the thread as a crash would; it is started again (tests of the recovery). */
  async terminate(): Promise<void> {
    await this.#worker?.terminate();
  }

  #spawn(): void {
    const worker = startTsWorker(ENTRY, { data: { ...this.settings } });
    this.#worker = worker;
    // Unreferenced while idle so the thread never keeps a finished process alive; referenced
    // while a request waits so a script awaiting drain() does not exit before the answer.
    worker.unref();
    const log = this.options.log ?? ((line: string) => console.error(line));
    const ended = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      const error = new Error(`De mailthread is gestopt: ${why}`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      if (this.#stopping) return;
      log(`[mail] ${error.message}; hij wordt opnieuw gestart.`);
      this.#restartTimer = setTimeout(() => {
        this.#restartTimer = null;
        this.start();
      }, this.options.restartDelayMs ?? 1000);
      this.#restartTimer.unref();
    };
    worker.on("message", (reply: MailReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(reply.error));
    });
    worker.on("error", (error) => ended(error.message));
    worker.on("exit", (code) => ended(`code ${code}`));
  }

  #request(body: DistributiveOmit<MailRequest, "id">): Promise<DigestOutcome | null> {
    if (this.#stopping) return Promise.reject(new Error("De mailthread is gestopt."));
    this.start();
    return this.#send(this.#worker!, body);
  }

  #send(worker: Worker, body: DistributiveOmit<MailRequest, "id">): Promise<DigestOutcome | null> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id } satisfies MailRequest);
    });
  }
}
