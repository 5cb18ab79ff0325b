import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { invitations, organisations } from "../../../db/schema/index.ts";
import { invitationState } from "../../../shared/domain/invitations.ts";
import type { InvitationView } from "../../../shared/schemas/workspace.ts";
import type { OrganisationKind } from "../../../shared/domain/parties.ts";

export type InvitationRow = typeof invitations.$inferSelect;
type Party = { id: string; name: string; kind: OrganisationKind } | null;

/** Only fields the beheerder typed: the view never depends on whether the address has an account. */
export function presentInvitation(row: InvitationRow, party: Party, now = new Date()): InvitationView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    party,
    title: row.title,
    state: invitationState(row.expiresAt, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/** Not accepted and not withdrawn (expired ones included: the beheerder sees them as "verlopen"). */
export const isOpen = (row: InvitationRow) => row.acceptedAt === null && row.withdrawnAt === null;

/** The open invitations of a tafel, newest first. */
export async function listOpenInvitations(db: Db, workspaceId: string, now = new Date()): Promise<InvitationView[]> {
  const rows = await db
    .select({ inv: invitations, party: organisations })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt)))
    .orderBy(asc(invitations.name), asc(invitations.createdAt));
  return rows.map(({ inv, party }) => presentInvitation(inv, party ? { id: party.id, name: party.name, kind: party.kind } : null, now));
}

/** An invitation of this tafel for this address that still works (so a second one would be confusing). */
export async function findUsableInvitation(tx: WriteTx, workspaceId: string, email: string, now: string) {
  const [row] = await tx.select({ id: invitations.id }).from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email),
      isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt), gt(invitations.expiresAt, now)))
    .limit(1);
  return row ?? null;
}
