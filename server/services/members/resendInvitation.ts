import { and, eq } from "drizzle-orm";
import { invitations } from "../../../db/schema/index.ts";
import type { InvitationView } from "../../../shared/schemas/workspace.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { renewInvitation, takenAddresses } from "./createInvitations.ts";
import { findUsableInvitation, presentOne } from "./invitationRecords.ts";
import { managerOf } from "./memberRules.ts";

export interface InvitationCommand {
  workspaceId: string;
  invitationId: string;
}

/**
 * Sends an invitation again — after a lost mail, a wrong spam filter or an expired link: a new
 * link (the old one stops working at once), 14 days from now, and a new mail. Logged as
 * `member.invitation_resent`.
 */
export async function resendInvitation(ctx: ServiceContext, input: InvitationCommand): Promise<InvitationView> {
  const inviter = await managerOf(ctx, input.workspaceId, "uitnodigingen opnieuw versturen");
  return withTransaction(ctx, async (t) => {
    // Scoped to this tafel: another tafel's invitation id is simply not found here.
    const [row] = await t.tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId)))
      .limit(1);
    if (!row || row.withdrawnAt) throw notFound("Deze uitnodiging");
    if (row.acceptedAt) throw new ApiError("CONFLICT", "Deze uitnodiging is al aangenomen; de persoon is deelnemer.");
    const now = nowIso(t);
    if ((await takenAddresses(t.tx, input.workspaceId, [row.email], now)).get(row.email) === "member") {
      throw new ApiError("CONFLICT", "Deze persoon is inmiddels deelnemer aan deze tafel. Trek de uitnodiging in.");
    }
    // An expired invitation may have been followed by a new one for the same address: two working links would confuse.
    if (await findUsableInvitation(t.tx, input.workspaceId, row.email, now, row.id)) {
      throw new ApiError(
        "CONFLICT",
        "Voor dit e-mailadres staat al een andere uitnodiging open. Verstuur die opnieuw, of trek haar eerst in.",
      );
    }
    await renewInvitation(t, inviter, row);
    return presentOne(t.tx, input.workspaceId, row.id, t.clock.now());
  });
}
