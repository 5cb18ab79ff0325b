import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { invitations } from "../../../db/schema/index.ts";
import { hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import type { InvitationRow } from "./invitationRecords.ts";

/**
 * The invitation a link's token names, if it still works at `now`. Used, withdrawn, replaced (by
 * a resend), expired and made-up tokens are all 404: nothing is told about other invitations.
 */
export async function usableInvitationByToken(db: Db | WriteTx, token: string, now: Date): Promise<InvitationRow> {
  const [inv] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!inv || inv.acceptedAt || inv.withdrawnAt) {
    throw new ApiError(
      "NOT_FOUND",
      "Deze uitnodiging is ongeldig, ingetrokken of al gebruikt. Is ze opnieuw verstuurd? Gebruik dan de link uit de nieuwste e-mail.",
      "token",
    );
  }
  if (Date.parse(inv.expiresAt) <= now.getTime()) {
    throw new ApiError(
      "NOT_FOUND",
      "Deze uitnodiging is verlopen. Vraag wie u uitnodigde om haar opnieuw te versturen.",
      "token",
    );
  }
  return inv;
}
