import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { ErrorBody } from "../../shared/schemas/common.ts";
import { ApiError } from "./errors.ts";

/**
 * Validation failures become `VALIDATION_FAILED` naming the first offending field, in the same
 * JSON error shape as every other error. Nothing has been changed when this fires.
 */
export const validationHook: Hook<unknown, AppEnv, string, void> = (result) => {
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path?.length ? issue.path.join(".") : undefined;
    const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Ongeldige invoer";
    throw new ApiError("VALIDATION_FAILED", message, field);
  }
};

/** A sub-app for one resource; mounted by createApp. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** Standard error responses for OpenAPI documents. */
const errorContent = { "application/json": { schema: ErrorBody } };
export const errorResponses = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429>) =>
  Object.fromEntries(statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s], content: errorContent }]));

const ERROR_DESCRIPTIONS = {
  400: "Ongeldige invoer (VALIDATION_FAILED / INVALID_JSON)",
  401: "Niet ingelogd (UNAUTHENTICATED)",
  403: "Geen rechten (FORBIDDEN)",
  404: "Bestaat niet (NOT_FOUND)",
  409: "Conflict met de huidige toestand",
  413: "Verzoek te groot (PAYLOAD_TOO_LARGE)",
  429: "Te veel pogingen (RATE_LIMITED)",
} as const;

export const jsonBody = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
export const jsonResponse = <T>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});
