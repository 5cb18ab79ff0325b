import { and, eq } from "drizzle-orm";
import { writeTransaction } from "../../../db/writeLock.ts";
import { invitations, memberships, organisations, users } from "../../../db/schema/index.ts";
import { INVITATION_DAYS } from "../../../shared/domain/invitations.ts";
import type { InviteMemberInput, InviteResult } from "../../../shared/schemas/workspace.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { hashToken, newId, newToken } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertValidParty } from "./memberRules.ts";
import { findUsableInvitation, presentInvitation, type InvitationRow } from "./invitationRecords.ts";

/**
 * Invites a person to ONE tafel in one role (ADR 0005). Nothing about accounts is read or
 * written here: the invitation holds the address and the name as typed, the membership is
 * created only when this invitation's link is accepted, and the answer looks the same whether
 * or not the address has an account. Until the product sends e-mail the beheerder passes the
 * link on; it grants this tafel's membership and nothing else.
 */
export async function inviteMember(deps: AppDeps, caller: Caller, workspaceId: string, input: InviteMemberInput): Promise<InviteResult> {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId, "workspace.read");
  assertCan(actor, "members.manage", "Alleen een beheerder van de tafel kan deelnemers uitnodigen.");
  await assertValidParty(db, workspaceId, input.role, input.partyId);

  const token = newToken();
  const nowDate = new Date();
  const now = nowDate.toISOString();
  const row: InvitationRow = {
    id: newId(), tokenHash: hashToken(token), workspaceId, email: input.email, name: input.name, role: input.role,
    organisationId: input.partyId ?? null, title: input.title ?? null, createdAt: now,
    expiresAt: new Date(nowDate.getTime() + INVITATION_DAYS * 86400_000).toISOString(),
    acceptedAt: null, acceptedBy: null, withdrawnAt: null,
  };
  await writeTransaction(deps.database, async (tx) => {
    // Membership of THIS tafel is in the member list the beheerder already sees: saying so reveals nothing new.
    const [member] = await tx.select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, input.email))).limit(1);
    if (member) throw new ApiError("CONFLICT", "Deze persoon is al deelnemer aan deze tafel.", "email");
    if (await findUsableInvitation(tx, workspaceId, input.email, now)) {
      throw new ApiError("CONFLICT", "Voor dit e-mailadres staat al een uitnodiging open. Trek die eerst in als u een nieuwe link nodig hebt.", "email");
    }
    await tx.insert(invitations).values(row);
    await appendEvent(tx, {
      workspaceId, type: "member.invited", entityType: "invitation", entityId: row.id, actor, toStatus: input.role,
      data: { email: input.email, name: input.name, role: input.role, partyId: row.organisationId, expiresAt: row.expiresAt }, at: now,
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: row.id, type: "member.invited" });

  const [party] = row.organisationId
    ? await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, row.organisationId)).limit(1)
    : [];
  return { invitation: presentInvitation(row, party ?? null, nowDate), invitationUrl: `${deps.config.publicOrigin}/uitnodiging#${token}` };
}
