import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { writeTransaction } from "../../../db/writeLock.ts";
import { invitations, users } from "../../../db/schema/index.ts";
import type { AcceptInvitationInput } from "../../../shared/schemas/auth.ts";
import { hashPassword } from "../../auth/password.ts";
import { hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";

/** Sets the password of an invited user; the link works once and expires. Returns the user id. */
export async function acceptInvitation(database: Database, input: AcceptInvitationInput): Promise<string> {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(database, async (tx) => {
    const [inv] = await tx.select().from(invitations)
      .where(and(eq(invitations.id, hashToken(input.token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now))).limit(1);
    if (!inv) throw new ApiError("NOT_FOUND", "Deze uitnodiging is ongeldig, al gebruikt of verlopen.", "token");
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, inv.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, inv.userId));
    return inv.userId;
  });
}
