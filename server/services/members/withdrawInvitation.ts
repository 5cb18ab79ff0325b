import { and, eq } from "drizzle-orm";
import { invitations } from "../../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import type { InvitationCommand } from "./resendInvitation.ts";
import { managerOf } from "./memberRules.ts";

/** Withdraws an open (or expired) invitation of this tafel: its link stops working at once. */
export async function withdrawInvitation(ctx: ServiceContext, input: InvitationCommand): Promise<void> {
  const { workspaceId, invitationId } = input;
  const actor = await managerOf(ctx, workspaceId, "uitnodigingen intrekken");
  await withTransaction(ctx, async (t) => {
    // Scoped to this tafel: another tafel's invitation id is simply not found here.
    const [inv] = await t.tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId)))
      .limit(1);
    if (!inv || inv.withdrawnAt) throw notFound("Deze uitnodiging");
    if (inv.acceptedAt) {
      throw new ApiError(
        "CONFLICT",
        "Deze uitnodiging is al aangenomen. Verwijder de deelnemer als de toegang moet vervallen.",
      );
    }
    const now = nowIso(t);
    await t.tx.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, inv.id));
    await appendEvent(t.tx, {
      workspaceId,
      type: "member.invitation_withdrawn",
      entityType: "invitation",
      entityId: inv.id,
      actor,
      fromStatus: inv.role,
      data: { email: inv.email, role: inv.role, partyId: inv.organisationId },
      at: now,
    });
    afterCommit(t, () =>
      t.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "members",
        entityId: invitationId,
        type: "member.invitation_withdrawn",
      }),
    );
  });
}
