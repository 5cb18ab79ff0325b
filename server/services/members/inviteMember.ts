import type { InviteMemberInput, InviteResult } from "../../../shared/schemas/workspace.ts";
import { ApiError } from "../../http/errors.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { createInvitations, takenAddresses } from "./createInvitations.ts";
import { presentOne } from "./invitationRecords.ts";
import { assertValidParty, managerOf } from "./memberRules.ts";

export interface InviteMemberCommand extends InviteMemberInput {
  workspaceId: string;
}

/**
 * Invites a person to ONE tafel in one role (ADR 0005). Nothing about accounts is read or
 * written here: the invitation holds the address and the name as typed, the membership is
 * created only when this invitation's link is accepted, and the answer looks the same whether
 * or not the address has an account. The link goes by mail to the address — in the same
 * transaction as the invitation — and never back to the inviter.
 */
export async function inviteMember(ctx: ServiceContext, input: InviteMemberCommand): Promise<InviteResult> {
  const { workspaceId } = input;
  const inviter = await managerOf(ctx, workspaceId, "deelnemers uitnodigen");
  return withTransaction(ctx, async (t) => {
    await assertValidParty(t.tx, workspaceId, input.role, input.partyId);
    const taken = (await takenAddresses(t.tx, workspaceId, [input.email], nowIso(t))).get(input.email);
    if (taken === "member") throw new ApiError("CONFLICT", "Deze persoon is al deelnemer aan deze tafel.", "email");
    if (taken === "invited") {
      throw new ApiError(
        "CONFLICT",
        "Voor dit e-mailadres staat al een uitnodiging open. Verstuur die opnieuw als de e-mail niet is aangekomen.",
        "email",
      );
    }
    const [id] = await createInvitations(t, inviter, workspaceId, [
      {
        email: input.email,
        name: input.name,
        role: input.role,
        partyId: input.partyId ?? null,
        title: input.title ?? null,
      },
    ]);
    return { invitation: await presentOne(t.tx, workspaceId, id!, t.clock.now()) };
  });
}
