/**
 * The parser thread: reads one uploaded file and posts back its PlanText or why it was refused.
 * One thread per file, ended afterwards, so whatever a hostile file does to mammoth or pdf.js
 * (loop, balloon, crash) ends with the thread; see parseInWorker.ts. The screening runs here too
 * (~90 ms for a 120 KB plan: too long for the server's event loop), right after the parse or on
 * its own for a version stored before the screening was.
 */
import { parentPort } from "node:worker_threads";
import type { PlanText } from "../../shared/domain/planText.ts";
import { screenPlan, type PlanScreening } from "../../shared/domain/screening/screenPlan.ts";
import { parsePlanFile } from "./parsePlanFile.ts";
import { PlanFileProblem } from "./planFileProblem.ts";
import type { ParserReply, ScreenJob, ScreenReply } from "./parseInWorker.ts";

// The thread starts ahead of need (a spare, see parseInWorker.ts) and waits here for its one job.
parentPort!.once(
  "message",
  (message: { bytes: Uint8Array; screen?: ScreenJob } | { screenOnly: ScreenJob & { text: PlanText } }) =>
    "screenOnly" in message ? screenOnly(message.screenOnly) : void parse(message.bytes, message.screen),
);

/** A screening that fails leaves the version unscreened; the next read screens it again. */
function screen(job: ScreenJob, text: PlanText): PlanScreening | undefined {
  try {
    return screenPlan(text, job.themes, job.options);
  } catch {
    return undefined;
  }
}

function screenOnly(job: ScreenJob & { text: PlanText }) {
  try {
    parentPort!.postMessage({
      ok: true,
      screening: screenPlan(job.text, job.themes, job.options),
    } satisfies ScreenReply);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: String(error) } satisfies ScreenReply);
  }
}

const parse = (bytes: Uint8Array, job: ScreenJob | undefined) =>
  parsePlanFile(bytes).then(
    (result) =>
      parentPort!.postMessage({
        ok: true,
        ...result,
        screening: job ? screen(job, result.text) : undefined,
      } satisfies ParserReply),
    (error: unknown) =>
      parentPort!.postMessage(
        (error instanceof PlanFileProblem
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: "PARSER_FAILED", message: String(error) }) satisfies ParserReply,
      ),
  );
