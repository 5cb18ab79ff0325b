import { and, eq, isNull } from "drizzle-orm";
import { invitations, organisations, users, workspaces } from "../../../db/schema/index.ts";
import type { InvitationGreeting, OpenInvitationInput } from "../../../shared/schemas/invitations.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { usableInvitationByToken } from "./invitationByToken.ts";

/**
 * The invitation page opened a link: records the first opening (the state "geopend" the inviter
 * sees) and tells the page whom to greet — the tafel, who invites, in which role and for which
 * party. Anyone holding the link may ask; it says nothing about accounts. Not in the tafel's log:
 * opening changes nothing at the tafel, and the person is not a member yet.
 */
export async function openInvitation(ctx: ServiceContext, input: OpenInvitationInput): Promise<InvitationGreeting> {
  const inv = await usableInvitationByToken(ctx.deps.database.db, input.token, ctx.clock.now());
  if (!inv.openedAt) {
    await withTransaction(ctx, async (t) => {
      // Only the first opening counts; a link that was replaced meanwhile is not marked.
      await t.tx
        .update(invitations)
        .set({ openedAt: nowIso(t) })
        .where(and(eq(invitations.id, inv.id), eq(invitations.tokenHash, inv.tokenHash), isNull(invitations.openedAt)));
      afterCommit(t, () =>
        t.deps.events.emit("workspace.changed", {
          workspaceId: inv.workspaceId,
          entity: "members",
          entityId: inv.id,
          type: "member.invitation_opened",
        }),
      );
    });
  }
  const { db } = ctx.deps.database;
  const [tafel] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, inv.workspaceId))
    .limit(1);
  const [inviter] = inv.invitedBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, inv.invitedBy)).limit(1)
    : [];
  const [party] = inv.organisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, inv.organisationId))
        .limit(1)
    : [];
  return {
    tafelName: tafel?.name ?? "",
    inviterName: inviter?.name ?? null,
    role: inv.role,
    partyName: party?.name ?? null,
    name: inv.name,
    expiresAt: inv.expiresAt,
  };
}
