import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { memberships, organisations, users, workspaces } from "../../db/schema/index.ts";
import { can, type Capability } from "../../shared/domain/roles.ts";
import type { Caller, MembershipContext } from "../context.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";

/** The caller's membership at a tafel, read fresh on every call so revocation is immediate. */
export async function findMembership(db: Db, userId: string, workspaceId: string): Promise<MembershipContext | null> {
  const [row] = await db
    .select({
      membershipId: memberships.id,
      workspaceId: memberships.workspaceId,
      userId: memberships.userId,
      role: memberships.role,
      partyId: memberships.organisationId,
      partyName: organisations.name,
      partyKind: organisations.kind,
      title: memberships.title,
      userName: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/**
 * Resolves the caller's membership at a tafel or throws: 404 for a tafel that does not exist,
 * 403 for one the caller is not a member of, 403 when their role lacks `need`.
 *
 * `need` defaults to `content.read`, so every content path (points, meetings, documents, log,
 * exports, events) refuses the beheerder without having to remember it. Only the tafel overview
 * and the member paths ask for `workspace.read` or `members.manage` explicitly (ADR 0005).
 */
export async function requireMembership(
  db: Db,
  caller: Caller,
  workspaceId: string,
  need: Capability = "content.read",
): Promise<MembershipContext> {
  const membership = await findMembership(db, caller.userId, workspaceId);
  if (!membership) {
    const [exists] = await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .limit(1);
    if (!exists) throw notFound("Deze OOGO-tafel");
    throw forbidden("U bent geen deelnemer aan deze OOGO-tafel.");
  }
  if (!can(membership.role, need)) {
    throw forbidden(
      need === "content.read" ? "Met uw rol beheert u de deelnemers van deze tafel; de inhoud ziet u niet." : undefined,
    );
  }
  return membership;
}

/** Throws 403 unless the membership's role holds the capability. The only permission check services use. */
export function assertCan(membership: MembershipContext, capability: Capability, message?: string): void {
  if (!can(membership.role, capability)) throw forbidden(message);
}

/** For actions on behalf of a party: the member must have one. */
export function requireParty(membership: MembershipContext): { id: string; name: string } {
  if (!membership.partyId || !membership.partyName) {
    throw new ApiError("FORBIDDEN", "U handelt niet namens een partij aan deze tafel.");
  }
  return { id: membership.partyId, name: membership.partyName };
}
