/**
 * Errors about what someone typed, and which field they belong to. The API answers a bad input
 * with `{error:{code,message,field?}}` (an ApiRequestError with `field`); a check the client makes
 * before asking the server throws the same shape, so forms show both in one way (see Field.tsx).
 */
import { ApiRequestError } from "../api/http.ts";

/** Several fields wrong at once (client-side checks only; the API names one field per answer). */
export class InvalidInput extends Error {
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(Object.values(fields).join(" "));
  }
}

/** A check the client makes before asking the server, shown like the server's own 400. */
export const inputError = (message: string, field?: string) =>
  new ApiRequestError(400, "VALIDATION_FAILED", message, field);

/** The API's validation message may start with the field's key ("title: …"): noise for a reader. */
function withoutKey(err: ApiRequestError): string {
  return err.field && err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
}

/** The message for one field in an action's error, or undefined when the error is not about that field. */
export function fieldError(err: unknown, field: string): string | undefined {
  if (err instanceof InvalidInput) return err.fields[field];
  if (err instanceof ApiRequestError && err.field === field) return withoutKey(err);
  return undefined;
}

/** Every message an error carries, for the error summary (one, or one per field). */
export function errorMessages(err: unknown): string[] {
  if (err instanceof InvalidInput) return Object.values(err.fields);
  if (err instanceof ApiRequestError) return [withoutKey(err)];
  return ["Er ging iets mis. Probeer het opnieuw."];
}
