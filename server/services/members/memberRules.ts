import { and, eq, inArray } from "drizzle-orm";
import { signedIn } from "../membershipOf.ts";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { memberships, workspaceParties } from "../../../db/schema/index.ts";
import { can, requiresParty, ROLES, ROLE_LABELS, type Role } from "../../../shared/domain/roles.ts";
import type { MembershipContext } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import type { ServiceContext } from "../serviceContext.ts";

/** Roles that may manage members, from the one roles table (beheerder and secretaris, ADR 0011). */
export const MANAGER_ROLES: readonly Role[] = ROLES.filter((r) => can(r, "members.manage"));
const MANAGER_WORDS = MANAGER_ROLES.map((r) => ROLE_LABELS[r].toLowerCase()).join(" of ");

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
 * A tafel keeps at least one member who can manage its members, or nobody could invite, change
 * or remove anyone any more. `newRole` null: the member is removed.
 */
export async function assertKeepsAManager(
  db: Db | WriteTx,
  workspaceId: string,
  target: { id: string; role: Role },
  newRole: Role | null,
) {
  if (!can(target.role, "members.manage") || (newRole && can(newRole, "members.manage"))) return;
  const managers = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, [...MANAGER_ROLES])));
  if (managers.every((m) => m.id === target.id)) {
    throw new ApiError(
      "CONFLICT",
      `Dit is de laatste deelnemer die de deelnemers van deze tafel kan beheren (${MANAGER_WORDS}). Wijs eerst iemand anders die rol toe.`,
    );
  }
}
