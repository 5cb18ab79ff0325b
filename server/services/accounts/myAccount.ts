/**
 * "Mijn account": the signed-in person's own name, functie, password and sessions. Every verb
 * acts on `ctx.actor` only — there is no account id in the input to get wrong.
 */
import { signedIn } from "../membershipOf.ts";
import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "../../../db/schema/index.ts";
import type { AccountView, ChangePasswordInput, UpdateAccountInput } from "../../../shared/schemas/auth.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import type { Caller } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { afterCommit, dbOf, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";

function actorOf(ctx: ServiceContext): Caller {
  return signedIn(ctx);
}

const view = (u: typeof users.$inferSelect): AccountView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  functie: u.functie,
});

export async function getAccount(ctx: ServiceContext): Promise<AccountView> {
  const actor = actorOf(ctx);
  const [user] = await dbOf(ctx).select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw new ApiError("UNAUTHENTICATED", "U bent niet ingelogd.");
  return view(user);
}

export async function updateAccount(ctx: ServiceContext, input: UpdateAccountInput): Promise<AccountView> {
  const actor = actorOf(ctx);
  return withTransaction(ctx, async ({ tx }) => {
    const [user] = await tx
      .update(users)
      .set({ name: input.name, functie: input.functie || null })
      .where(eq(users.id, actor.userId))
      .returning();
    if (!user) throw new ApiError("UNAUTHENTICATED", "U bent niet ingelogd.");
    return view(user);
  });
}

/** Ends sessions of the actor (all, or all but `keep`); their sockets and event streams close after the commit. */
async function endSessions(t: TxContext, userId: string, keep: string | null) {
  const ended = await t.tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  afterCommit(t, () => {
    for (const s of ended) t.deps.events.emit("session.ended", { sessionId: s.id, userId });
  });
  return ended.length;
}

/**
 * A new password, proven by the current one. Every other session ends (a stolen cookie stops
 * working); this one stays. A wrong current password: 400 naming `currentPassword`, nothing changed.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: ChangePasswordInput,
): Promise<{ endedSessions: number }> {
  const actor = actorOf(ctx);
  const [user] = await dbOf(ctx).select().from(users).where(eq(users.id, actor.userId)).limit(1);
  // argon2 is slow: verify and hash before taking the write lock.
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ApiError("VALIDATION_FAILED", "Het huidige wachtwoord klopt niet.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return withTransaction(ctx, async (t) => {
    await t.tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    return { endedSessions: await endSessions(t, actor.userId, actor.sessionId) };
  });
}

/** "Overal uitloggen": every session of the account ends, this one included. */
export async function signOutEverywhere(ctx: ServiceContext): Promise<{ endedSessions: number }> {
  const actor = actorOf(ctx);
  return withTransaction(ctx, async (t) => ({ endedSessions: await endSessions(t, actor.userId, null) }));
}
