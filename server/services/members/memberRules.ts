import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { memberships, workspaceParties } from "../../../db/schema/index.ts";
import { requiresParty, type Role } from "../../../shared/domain/roles.ts";
import { ApiError } from "../../http/errors.ts";

/** A role acting for a party needs a party of this tafel; other roles may have one. */
export async function assertValidParty(db: Db, workspaceId: string, role: Role, partyId: string | null | undefined) {
  if (!partyId) {
    if (requiresParty(role)) throw new ApiError("VALIDATION_FAILED", "Deze rol handelt namens een partij: kies de partij.", "partyId");
    return;
  }
  const [party] = await db
    .select({ id: workspaceParties.organisationId })
    .from(workspaceParties)
    .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, partyId)))
    .limit(1);
  if (!party) throw new ApiError("VALIDATION_FAILED", "Deze partij neemt niet deel aan deze tafel.", "partyId");
}

/** A tafel must keep at least one beheerder, or nobody could manage it any more. */
export async function assertNotLastBeheerder(db: Db, workspaceId: string, membershipId: string) {
  const admins = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "beheerder")));
  if (admins.length === 1 && admins[0]!.id === membershipId) {
    throw new ApiError("CONFLICT", "Dit is de laatste beheerder van de tafel; wijs eerst een andere beheerder aan.");
  }
}
