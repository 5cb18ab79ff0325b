/**
 * Inviting whoever runs a new tafel, inside the tafel verb's transaction.
 *
 * This is the logic of server/services/members/inviteMember.ts (same row, same `member.invited`
 * event, same link), written out because that verb asks for a `members.manage` membership of the
 * tafel — which the applicatiebeheerder, who is no member, does not hold — and runs its own
 * transaction. MERGER: once inviteMember takes a ctx and an explicit actor, call it here.
 */
import { invitations } from "../../../db/schema/index.ts";
import { INVITATION_DAYS } from "../../../shared/domain/invitations.ts";
import type { Role } from "../../../shared/domain/roles.ts";
import { hashToken, newId, newToken } from "../../auth/tokens.ts";
import { appendEvent, type EventActor } from "../audit/appendEvent.ts";
import { nowIso, type TxContext } from "../serviceContext.ts";

export interface Appointment {
  role: Role;
  name: string;
  email: string;
  title?: string | null;
  organisationId?: string | null;
}

/** Creates the invitation and logs it; returns the one-time link (passed on until e-mail goes out). */
export async function inviteInTransaction(t: TxContext, workspaceId: string, actor: EventActor, a: Appointment): Promise<string> {
  const token = newToken();
  const now = nowIso(t);
  const id = newId();
  const expiresAt = new Date(t.clock.now().getTime() + INVITATION_DAYS * 86400_000).toISOString();
  await t.tx.insert(invitations).values({
    id, tokenHash: hashToken(token), workspaceId, email: a.email, name: a.name, role: a.role,
    organisationId: a.organisationId ?? null, title: a.title ?? null, createdAt: now, expiresAt,
  });
  await appendEvent(t.tx, {
    workspaceId, type: "member.invited", entityType: "invitation", entityId: id, actor, toStatus: a.role, at: now,
    data: { email: a.email, name: a.name, role: a.role, partyId: a.organisationId ?? null, expiresAt },
  });
  return `${t.deps.config.publicOrigin}/uitnodiging#${token}`;
}
