import { and, count, eq, gt } from "drizzle-orm";
import { accountTokens, users } from "../../../db/schema/index.ts";
import type { PasswordResetInput } from "../../../shared/schemas/auth.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { passwordResetMail } from "../../mail/templates.ts";
import { withTransaction, type ServiceContext } from "../serviceContext.ts";
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken, passwordLinkUrl } from "./accountTokens.ts";

/** At most this many reset mails per account per hour, so nobody can flood someone's mailbox. */
export const RESET_MAILS_PER_HOUR = 3;

/**
 * "Wachtwoord vergeten": for a known address, queue a mail with a one-hour, one-use
 * `reset_password` link (`/wachtwoord#<token>`, the same page and endpoint as the first password).
 * The caller learns nothing: the route answers the same whether the address is known, unknown or
 * throttled. `sent` is for tests and the log only.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: PasswordResetInput): Promise<{ sent: boolean }> {
  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = t.clock.now();
    const [user] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
    if (!user) return { sent: false };
    // The tokens themselves are the count: each reset mail issued exactly one.
    const since = new Date(now.getTime() - 3600_000).toISOString();
    const [recent] = await tx
      .select({ n: count() })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.userId, user.id),
          eq(accountTokens.purpose, "reset_password"),
          gt(accountTokens.createdAt, since),
        ),
      );
    if ((recent?.n ?? 0) >= RESET_MAILS_PER_HOUR) return { sent: false };
    const token = await issueAccountToken(tx, user.id, "reset_password", now);
    const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS.reset_password);
    await enqueueMail(t, {
      workspaceId: null,
      kind: "password_reset",
      to: user.email,
      related: { type: "user", id: user.id },
      ...passwordResetMail({
        link: passwordLinkUrl(ctx.deps.config.publicOrigin, token),
        expiresAt,
        recipientName: user.name,
      }),
    });
    return { sent: true };
  });
}
