import type { ErrorCode } from "../../shared/errors.ts";

/** Why an uploaded plan file was refused: a stable API code and a Dutch message for the uploader. */
export class PlanFileProblem extends Error {
  constructor(
    readonly code: Extract<
      ErrorCode,
      "FILE_EMPTY" | "FILE_TYPE_UNSUPPORTED" | "FILE_ENCRYPTED" | "FILE_UNREADABLE" | "FILE_NO_TEXT" | "PARSER_FAILED"
    >,
    message: string,
  ) {
    super(message);
  }
}
