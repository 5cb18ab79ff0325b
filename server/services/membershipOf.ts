/**
 * How a verb learns what the acting person may do at a tafel: their membership, read fresh from
 * `ctx.actor` (revocation is immediate). Each verb calls this once, for the tafel of the thing it
 * acts on, and then asks `assertCan` — authorisation lives in the verb, not in the route.
 */
import type { Caller, MembershipContext } from "../context.ts";
import { requireMembership } from "../auth/access.ts";
import { ApiError } from "../http/errors.ts";
import type { ServiceContext } from "./serviceContext.ts";

/** 401 without an actor, 404 for an unknown tafel, 403 for someone who is not a member of it. */
export async function membershipOf(ctx: ServiceContext, workspaceId: string): Promise<MembershipContext> {
  const actor = signedIn(ctx);
  // Memberships are never written by the verbs that call this, so the committed state is the
  // right one to read, also from inside a transaction.
  return requireMembership(ctx.deps.database.db, actor, workspaceId);
}

/** The signed-in person acting in `ctx`, or 401. */
export function signedIn(ctx: ServiceContext): Caller {
  if (!ctx.actor) throw new ApiError("UNAUTHENTICATED", "U bent niet ingelogd.");
  return ctx.actor;
}
