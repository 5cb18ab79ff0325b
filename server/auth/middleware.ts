import { createMiddleware } from "hono/factory";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { resolveSession, SESSION_COOKIE } from "./sessions.ts";

/** Rejects requests without a valid session (401) and puts the caller on the context. */
export const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
  const caller = await resolveSession(c.var.deps.database.db, getCookie(c, SESSION_COOKIE));
  if (!caller) throw new ApiError("UNAUTHENTICATED", "U bent niet ingelogd.");
  c.set("caller", caller);
  await next();
});
