import type { Db } from "../../../db/client.ts";
import type { Caller, MembershipContext } from "../../context.ts";
import { requireMembership } from "../../auth/access.ts";
import { requirePoint, type PointRow } from "./pointRecords.ts";

/**
 * Resolves a point id from a URL against the caller: 404 when the point does not exist, 403 when
 * the caller is not a member of the point's tafel. Membership is read fresh (revocation is
 * immediate).
 */
export async function requirePointMember(db: Db, caller: Caller, pointId: string): Promise<{ point: PointRow; membership: MembershipContext }> {
  const point = await requirePoint(db, pointId);
  const membership = await requireMembership(db, caller, point.workspaceId);
  return { point, membership };
}
