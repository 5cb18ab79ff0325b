import { and, eq } from "drizzle-orm";
import { signedIn } from "../membershipOf.ts";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { memberships, organisations, workspaceParties } from "../../../db/schema/index.ts";
import { requiresParty, type Role } from "../../../shared/domain/roles.ts";
import { MANAGER_WORDS, memberChangeProblem, type MemberChange } from "../../../shared/domain/memberChanges.ts";
import type { MembershipContext } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import type { ServiceContext } from "../serviceContext.ts";

/** Roles that may manage members, from the one roles table (beheerder and secretaris, ADR 0011). */
export { MANAGER_ROLES } from "../../../shared/domain/memberChanges.ts";

/**
 * The acting member at this tafel, who must be allowed to manage its members: 401 without a
 * session, 404 for an unknown tafel, 403 for a non-member or a role without `members.manage`.
 * Members paths ask for `workspace.read`, not content: the beheerder sees no content (ADR 0005).
 */
export async function managerOf(ctx: ServiceContext, workspaceId: string, what: string): Promise<MembershipContext> {
  const member = await memberOf(ctx, workspaceId);
  assertCan(member, "members.manage", `Alleen een ${MANAGER_WORDS} van de tafel kan ${what}.`);
  return member;
}

/** The acting member at this tafel, for the overview paths (every role). */
export async function memberOf(ctx: ServiceContext, workspaceId: string): Promise<MembershipContext> {
  const actor = signedIn(ctx);
  // Memberships are read committed: the verbs that call this change other people's, never the actor's check.
  return requireMembership(ctx.deps.database.db, actor, workspaceId, "workspace.read");
}

/** A role acting for a party needs a party of this tafel; other roles may have one. */
export async function assertValidParty(
  db: Db | WriteTx,
  workspaceId: string,
  role: Role,
  partyId: string | null | undefined,
) {
  if (!partyId) {
    if (requiresParty(role))
      throw new ApiError("VALIDATION_FAILED", "Deze rol handelt namens een partij: kies de partij.", "partyId");
    return;
  }
  const [party] = await db
    .select({ id: workspaceParties.organisationId })
    .from(workspaceParties)
    .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, partyId)))
    .limit(1);
  if (!party) throw new ApiError("VALIDATION_FAILED", "Deze partij neemt niet deel aan deze tafel.", "partyId");
}

/**
 * Refuses (409, Dutch reason) a change that leaves an OOGO party without a trekker or a
 * bestuurder, or the tafel without anyone who can manage members (shared/domain/memberChanges).
 * Run inside the write transaction: two managers demoting each other cannot both succeed.
 */
export async function assertChangeKeepsSeats(db: Db | WriteTx, workspaceId: string, change: MemberChange) {
  const members = await db
    .select({ id: memberships.id, role: memberships.role, partyId: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  const parties = await db
    .select({
      id: workspaceParties.organisationId,
      name: organisations.name,
      kind: organisations.kind,
      leftAt: workspaceParties.leftAt,
    })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId));
  const problem = memberChangeProblem(
    members,
    parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, left: p.leftAt !== null })),
    change,
  );
  if (problem) throw new ApiError("CONFLICT", problem);
}
