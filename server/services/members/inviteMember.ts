import { eq } from "drizzle-orm";
import { writeTransaction } from "../../../db/writeLock.ts";
import { invitations, memberships, users } from "../../../db/schema/index.ts";
import type { InviteMemberInput, MemberView } from "../../../shared/schemas/workspace.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { hashToken, newId, newToken } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertValidParty } from "./memberRules.ts";
import { listMembers } from "./listMembers.ts";

const INVITATION_DAYS = 14;

/**
 * Adds a member to a tafel. A person without an account gets one without a password and a
 * one-time link to choose it; the beheerder passes the link on (this product sends no mail).
 */
export async function inviteMember(deps: AppDeps, caller: Caller, workspaceId: string, input: InviteMemberInput) {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId);
  assertCan(actor, "members.manage", "Alleen een beheerder van de tafel kan deelnemers uitnodigen.");
  await assertValidParty(db, workspaceId, input.role, input.partyId);

  const now = new Date().toISOString();
  let inviteToken: string | null = null;
  const membershipId = newId();
  await writeTransaction(deps.database, async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
    if (!user) {
      [user] = await tx.insert(users).values({ id: newId(), email: input.email, name: input.name, passwordHash: null, createdAt: now }).returning();
    }
    const already = await tx.query.memberships.findFirst({ where: (m, { and, eq }) => and(eq(m.userId, user!.id), eq(m.workspaceId, workspaceId)) });
    if (already) throw new ApiError("CONFLICT", "Deze persoon is al deelnemer aan deze tafel.", "email");
    await tx.insert(memberships).values({
      id: membershipId, workspaceId, userId: user!.id, organisationId: input.partyId ?? null, role: input.role,
      title: input.title ?? null, createdAt: now, updatedAt: now,
    });
    if (user!.passwordHash === null) {
      inviteToken = newToken();
      await tx.insert(invitations).values({
        id: hashToken(inviteToken), userId: user!.id, workspaceId, createdAt: now,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000).toISOString(),
      });
    }
    await appendEvent(tx, {
      workspaceId, type: "member.invited", entityType: "membership", entityId: membershipId, actor,
      data: { userId: user!.id, email: input.email, role: input.role, partyId: input.partyId ?? null }, at: now,
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: membershipId, type: "member.invited" });
  const member = (await listMembers(db, caller, workspaceId)).find((m) => m.id === membershipId) as MemberView;
  return {
    member,
    invitationUrl: inviteToken ? `${deps.config.publicOrigin}/uitnodiging#${inviteToken}` : null,
  };
}
