/**
 * Stable API error codes. Every error response is
 * `{ "error": { "code": ErrorCode, "message": string, "field"?: string } }`.
 * Codes never change meaning; messages are Dutch and may be shown to users.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  TEXT_CHANGED: 409,
  /** Minutes say something other than the recorded decisions; repeat with acceptWarnings to go on. */
  MINUTES_DECISION_MISMATCH: 409,
  // Suggestions (issue 12): a point whose text still carries proposals gets no stance or signature.
  SUGGESTIONS_OPEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  // Plan import (issue 14): why an uploaded plan file was refused.
  FILE_EMPTY: 422,
  FILE_TYPE_UNSUPPORTED: 415,
  FILE_ENCRYPTED: 422,
  FILE_UNREADABLE: 422,
  FILE_NO_TEXT: 422,
  PARSER_FAILED: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ApiErrorBody).error?.code === "string"
  );
}
