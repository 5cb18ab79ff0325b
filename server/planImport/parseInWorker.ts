/**
 * Runs the plan parser in its own worker thread with a memory ceiling and a deadline. mammoth
 * and pdf.js are large and read files from strangers; a thread of their own keeps the server's
 * event loop free while a 60-page plan is read, and contains whatever goes wrong: a parser that
 * throws, loops or runs out of memory ends only its thread, and the upload gets a Dutch error.
 */
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../threads/tsWorker.ts";
import type { PlanText } from "../../shared/domain/planText.ts";
import type { PlanScreening, ScreeningOptions, ScreeningThemeInput } from "../../shared/domain/screening/screenPlan.ts";
import type { PlanFileKind } from "./parsePlanFile.ts";
import { PlanFileProblem } from "./planFileProblem.ts";

export type ParserReply =
  | { ok: true; kind: PlanFileKind; text: PlanText; screening?: PlanScreening }
  | { ok: false; code: PlanFileProblem["code"]; message: string };

/** What the thread needs to screen a text besides the text: the tafel's themes and names. */
export interface ScreenJob {
  themes: ScreeningThemeInput[];
  options: ScreeningOptions;
}
export type ScreenReply = { ok: true; screening: PlanScreening } | { ok: false; message: string };

const ENTRY = new URL("./parserWorker.ts", import.meta.url).href;

export interface ParserLimits {
  /** Wall time for one file; a plan of 80 pages takes well under 3 s. */
  timeoutMs: number;
  /** V8 old-generation ceiling of the thread (a zip bomb or a balloon ends here, not in the server). */
  maxOldGenerationSizeMb: number;
  /** Worker module to run instead of the parser (tests use it to stand in for a parser that hangs or crashes). */
  entry?: string;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = { timeoutMs: 30_000, maxOldGenerationSizeMb: 512 };

const failed = (message: string) =>
  new PlanFileProblem(
    "PARSER_FAILED",
    `${message} Er is niets opgeslagen. Probeer het opnieuw of sla het plan opnieuw op als .docx of .pdf.`,
  );

function spawn(limits: ParserLimits): Worker {
  const worker = startTsWorker(limits.entry ?? ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
    // pdf.js warns on the console about odd fonts; that is not the server's log.
    stdout: true,
    stderr: true,
  });
  // An idle spare never keeps a process alive; a parse in progress has its deadline timer.
  worker.unref();
  return worker;
}

/**
 * Booting a thread (tsx, mammoth, pdf.js) takes 1–2 s, longer than reading a plan. So after the
 * first import one started thread waits as a spare for the next file. Each thread still reads
 * exactly one file and ends: a hostile file cannot leave anything behind for the next one.
 */
let spare: Worker | null = null;

function spareThread(): Worker {
  const worker = spawn(DEFAULT_PARSER_LIMITS);
  // A spare that fails while waiting is simply replaced at the next import.
  worker.on("error", () => undefined);
  worker.once("exit", () => {
    if (spare === worker) spare = null;
  });
  return worker;
}

function takeThread(limits: ParserLimits): Worker {
  if (limits !== DEFAULT_PARSER_LIMITS) return spawn(limits);
  const worker = spare ?? spareThread();
  spare = null;
  return worker;
}

/** The next spare starts once a file is read, so on two cores its boot does not slow that read. */
function restock(limits: ParserLimits): void {
  if (limits === DEFAULT_PARSER_LIMITS && !spare) spare = spareThread();
}

/**
 * Reads a file in a thread; with `screen`, the thread also screens the text it read (the reply's
 * `screening`, absent if the screening failed — the version is then screened on first read).
 */
export function parseInWorker(
  bytes: Uint8Array,
  limits: ParserLimits = DEFAULT_PARSER_LIMITS,
  screen?: ScreenJob,
): Promise<{ kind: PlanFileKind; text: PlanText; screening?: PlanScreening }> {
  return new Promise((resolve, reject) => {
    const worker = takeThread(limits);
    const copy = new Uint8Array(bytes); // transferred to the thread; the caller keeps its bytes
    worker.postMessage({ bytes: copy, screen }, [copy.buffer]);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      restock(limits);
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(failed("Het lezen van dit bestand duurde te lang en is afgebroken."))),
      limits.timeoutMs,
    );
    worker.on("message", (reply: ParserReply) =>
      finish(() =>
        reply.ok
          ? resolve({ kind: reply.kind, text: reply.text, screening: reply.screening })
          : reject(
              reply.code === "PARSER_FAILED"
                ? failed("Dit bestand kon niet worden gelezen.")
                : new PlanFileProblem(reply.code, reply.message),
            ),
      ),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          failed(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? "Het lezen van dit bestand vroeg te veel geheugen en is afgebroken."
              : "Het lezen van dit bestand is mislukt.",
          ),
        ),
      ),
    );
    worker.on("exit", () => finish(() => reject(failed("Het lezen van dit bestand is onverwacht gestopt."))));
  });
}

/**
 * Screens a stored text in a thread of its own (a version stored before the screening was, or by
 * an older algorithm): the same thread, limits and deadline as a parse, so the event loop stays free.
 */
export function screenInWorker(text: PlanText, job: ScreenJob): Promise<PlanScreening> {
  const limits = DEFAULT_PARSER_LIMITS;
  return new Promise((resolve, reject) => {
    const worker = takeThread(limits);
    worker.postMessage({ screenOnly: { ...job, text } });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      restock(limits);
      outcome();
    };
    const fail = (why: string) => new Error(`Screening mislukt: ${why}`);
    const timer = setTimeout(() => finish(() => reject(fail("te lang"))), limits.timeoutMs);
    worker.on("message", (reply: ScreenReply) =>
      finish(() => (reply.ok ? resolve(reply.screening) : reject(fail(reply.message)))),
    );
    worker.on("error", (error: Error) => finish(() => reject(fail(error.message))));
    worker.on("exit", () => finish(() => reject(fail("thread gestopt"))));
  });
}
