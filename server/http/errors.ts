import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from "../../shared/errors.ts";

/**
 * The one error type services throw. Routes never build error JSON by hand: the app's
 * error handler turns an ApiError into `{ error: { code, message, field? } }` with the
 * status that belongs to the code.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code];
  }
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const notFound = (what = "De gevraagde gegevens") => new ApiError("NOT_FOUND", `${what} bestaat niet.`);
export const forbidden = (message = "U heeft geen rechten voor deze handeling.") => new ApiError("FORBIDDEN", message);

export function errorResponse(c: Context, err: ApiError) {
  return c.json(err.toBody(), err.status);
}

/** Maps anything thrown in a handler to the JSON error contract. */
export function handleError(err: unknown, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    if (err.status === 400 && /JSON/i.test(err.message)) {
      return errorResponse(c, new ApiError("INVALID_JSON", "De inhoud van het verzoek is geen geldige JSON."));
    }
    if (err.status === 403)
      return errorResponse(c, new ApiError("CSRF_REJECTED", "Verzoek geweigerd: het komt niet van deze site."));
    if (err.status === 413) return errorResponse(c, new ApiError("PAYLOAD_TOO_LARGE", "Het verzoek is te groot."));
    return c.json(
      { error: { code: err.status >= 500 ? "INTERNAL" : "VALIDATION_FAILED", message: err.message } },
      err.status,
    );
  }
  console.error("[api] unexpected error", err);
  return errorResponse(c, new ApiError("INTERNAL", "Er ging iets mis op de server. Probeer het opnieuw."));
}
