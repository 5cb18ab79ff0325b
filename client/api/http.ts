/**
 * The only place that knows how to talk HTTP to the server. Every call returns parsed JSON or
 * throws an ApiRequestError carrying the server's stable code and Dutch message.
 */
import { isApiErrorBody, type ErrorCode } from "../../shared/errors.ts";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Listeners for 401s, so the app can send the user to the login page from anywhere. */
const unauthenticatedListeners = new Set<() => void>();
export const onUnauthenticated = (fn: () => void) => {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
};

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, "NETWORK", "Geen verbinding met de server. Controleer uw internetverbinding.");
  }
  const isJson = res.headers.get("content-type")?.includes("application/json");
  const data: unknown = isJson ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith("/api/auth/") && path !== "/api/me")
      unauthenticatedListeners.forEach((fn) => fn());
    if (isApiErrorBody(data))
      throw new ApiRequestError(res.status, data.error.code, data.error.message, data.error.field);
    throw new ApiRequestError(res.status, "INTERNAL", `De server antwoordde met fout ${res.status}.`);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** Downloads a file produced by a POST or GET (dossier, oplegger) and hands it to the browser. */
export async function download(
  method: "GET" | "POST",
  path: string,
  body: unknown,
  fallbackName: string,
): Promise<void> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => null);
    if (isApiErrorBody(data))
      throw new ApiRequestError(res.status, data.error.code, data.error.message, data.error.field);
    throw new ApiRequestError(res.status, "INTERNAL", `Downloaden mislukt (fout ${res.status}).`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
