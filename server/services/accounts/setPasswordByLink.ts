import { eq } from "drizzle-orm";
import { accountTokens, sessions, users } from "../../../db/schema/index.ts";
import type { PasswordLinkInput } from "../../../shared/schemas/auth.ts";
import { hashPassword } from "../../auth/password.ts";
import { ApiError } from "../../http/errors.ts";
import { afterCommit, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { findUsableToken } from "./accountTokens.ts";

/**
 * Sets an account's password through a one-time link (`set_password` or `reset_password`). The
 * link is used up, and every session of the account ends (its sockets close, as on logout): whoever
 * was logged in before is not necessarily the owner. The route then starts a fresh session.
 */
export async function setPasswordByLink(ctx: ServiceContext, input: PasswordLinkInput): Promise<{ userId: string }> {
  // argon2 is slow: hash before taking the write lock.
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = t.clock.now();
    const row = await findUsableToken(tx, input.token, now);
    if (!row)
      throw new ApiError("NOT_FOUND", "Deze link is ongeldig, verlopen of al gebruikt. Vraag een nieuwe aan.", "token");
    await tx.update(accountTokens).set({ usedAt: now.toISOString() }).where(eq(accountTokens.id, row.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, row.userId)).returning({ id: sessions.id });
    afterCommit(t, () => {
      for (const s of ended) ctx.deps.events.emit("session.ended", { sessionId: s.id, userId: row.userId });
    });
    return { userId: row.userId };
  });
}
