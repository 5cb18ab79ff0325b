import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { createContext, type ServiceContext } from "../services/serviceContext.ts";

/** The service context for one request: the app's dependencies, acting as the signed-in caller. */
export function verbContext(c: Context<AppEnv>): ServiceContext {
  return createContext(c.var.deps, { actor: c.var.caller });
}
