import { and, eq } from "drizzle-orm";
import { writeTransaction } from "../../../db/writeLock.ts";
import { invitations } from "../../../db/schema/index.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";

/** Withdraws an open (or expired) invitation of this tafel: its link stops working at once. */
export async function withdrawInvitation(deps: AppDeps, caller: Caller, workspaceId: string, invitationId: string) {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId, "workspace.read");
  assertCan(actor, "members.manage", "Alleen een beheerder van de tafel kan uitnodigingen intrekken.");

  await writeTransaction(deps.database, async (tx) => {
    // Scoped to this tafel: another tafel's invitation id is simply not found here.
    const [inv] = await tx.select().from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId))).limit(1);
    if (!inv || inv.withdrawnAt) throw notFound("Deze uitnodiging");
    if (inv.acceptedAt) {
      throw new ApiError("CONFLICT", "Deze uitnodiging is al aangenomen. Verwijder de deelnemer als de toegang moet vervallen.");
    }
    const now = new Date().toISOString();
    await tx.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, inv.id));
    await appendEvent(tx, {
      workspaceId, type: "member.invitation_withdrawn", entityType: "invitation", entityId: inv.id, actor,
      fromStatus: inv.role, data: { email: inv.email, role: inv.role, partyId: inv.organisationId }, at: now,
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: invitationId, type: "member.invitation_withdrawn" });
}
