/**
 * The parser thread: reads one uploaded file and posts back its PlanText or why it was refused.
 * One thread per file, ended afterwards, so whatever a hostile file does to mammoth or pdf.js
 * (loop, balloon, crash) ends with the thread; see parseInWorker.ts.
 */
import { parentPort } from "node:worker_threads";
import { parsePlanFile } from "./parsePlanFile.ts";
import { PlanFileProblem } from "./planFileProblem.ts";
import type { ParserReply } from "./parseInWorker.ts";

// The thread starts ahead of need (a spare, see parseInWorker.ts) and waits here for its one file.
parentPort!.once("message", ({ bytes }: { bytes: Uint8Array }) => void parse(bytes));

const parse = (bytes: Uint8Array) =>
  parsePlanFile(bytes).then(
    (result) => parentPort!.postMessage({ ok: true, ...result } satisfies ParserReply),
    (error: unknown) =>
      parentPort!.postMessage(
        (error instanceof PlanFileProblem
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: "PARSER_FAILED", message: String(error) }) satisfies ParserReply,
      ),
  );
