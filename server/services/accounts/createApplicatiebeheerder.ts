import { and, eq } from "drizzle-orm";
import { instanceRoles, users } from "../../../db/schema/index.ts";
import { CreateAdminInput } from "../../../shared/schemas/auth.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { issueAccountToken, passwordLinkUrl } from "./accountTokens.ts";

export interface CreatedAdmin {
  userId: string;
  /** True when the account is new; an existing account only gets the instance role. */
  created: boolean;
  /** One-time link to choose a password; null for an existing account that already has one. */
  link: string | null;
}

/**
 * Makes an account applicatiebeheerder of this instance (`npm run admin -- create`, ADR 0010).
 * A new account has no password: the printed one-time link sets it. An existing account (e.g. a
 * member of a tafel) keeps its password and only gains the role. A second run for someone who is
 * already applicatiebeheerder is refused (409) and changes nothing.
 */
export async function createApplicatiebeheerder(ctx: ServiceContext, raw: unknown): Promise<CreatedAdmin> {
  const parsed = CreateAdminInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError("VALIDATION_FAILED", issue.message, issue.path.join("."));
  }
  const input = parsed.data;
  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    let [user] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
    if (user) {
      const [held] = await tx
        .select()
        .from(instanceRoles)
        .where(and(eq(instanceRoles.userId, user.id), eq(instanceRoles.role, "applicatiebeheerder")))
        .limit(1);
      if (held)
        throw new ApiError(
          "CONFLICT",
          `${input.email} is al applicatiebeheerder van deze installatie; er is niets gewijzigd.`,
          "email",
        );
    }
    const created = !user;
    if (!user)
      [user] = await tx
        .insert(users)
        .values({ id: newId(), email: input.email, name: input.name, passwordHash: null, createdAt: now })
        .returning();
    const account = user!;
    await tx.insert(instanceRoles).values({ userId: account.id, role: "applicatiebeheerder", grantedAt: now });
    const link = account.passwordHash
      ? null
      : passwordLinkUrl(
          ctx.deps.config.publicOrigin,
          await issueAccountToken(tx, account.id, "set_password", t.clock.now()),
        );
    return { userId: account.id, created, link };
  });
}
