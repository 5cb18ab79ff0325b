/**
 * Typed JSON for tests. A route test states the shape it expects (a view type from
 * shared/schemas) instead of reading `any`; like a typed fetch client this does not check that
 * shape at run time: the assertions that follow do. A refusal's `{ error }` is read through
 * `apiError`/`Reply.error`, which fail the test when the body is no error at all.
 */
import type { ApiErrorBody } from "../../shared/errors.ts";

export type ApiErrorDetail = ApiErrorBody["error"];

/** The JSON body of a response, as `T`. Reads a clone, so a test may read a response again. */
export async function json<T>(res: Response): Promise<T> {
  return (await res.clone().json()) as T;
}

/** The `{ code, message, field? }` of a refused request. */
export async function apiError(res: Response): Promise<ApiErrorDetail> {
  return errorIn(res.status, await json<unknown>(res));
}

/** A response read once: its status, its body as `T`, and the error when it was refused. */
export interface Reply<T> {
  status: number;
  body: T;
  readonly error: ApiErrorDetail;
}

export async function reply<T>(res: Response): Promise<Reply<T>> {
  const body = await json<T>(res);
  return {
    status: res.status,
    body,
    get error() {
      return errorIn(res.status, body);
    },
  };
}

function errorIn(status: number, body: unknown): ApiErrorDetail {
  if (typeof body === "object" && body !== null && "error" in body) return (body as ApiErrorBody).error;
  throw new Error(`expected an error body, got ${status}: ${JSON.stringify(body)}`);
}

/** The JSON `data` column of an audit event row. */
export function eventData<T = Record<string, unknown>>(row: { data: string }): T {
  return JSON.parse(row.data) as T;
}
