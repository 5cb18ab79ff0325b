import { and, eq } from "drizzle-orm";
import { planVersions } from "../../../db/schema/index.ts";
import type { MembershipContext } from "../../context.ts";
import { notFound } from "../../http/errors.ts";
import { membershipOf } from "../membershipOf.ts";
import type { PlanVersionRow } from "../plans/planRecords.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

/**
 * A version of a plan of THIS tafel (content.read): another tafel's version id answers 404 here,
 * exactly like an unknown one, so a member of one tafel learns nothing about another's plans.
 */
export async function versionOfTafel(
  ctx: ServiceContext,
  workspaceId: string,
  planVersionId: string,
): Promise<{ version: PlanVersionRow; member: MembershipContext }> {
  const member = await membershipOf(ctx, workspaceId);
  const [version] = await dbOf(ctx)
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.id, planVersionId), eq(planVersions.workspaceId, workspaceId)))
    .limit(1);
  if (!version) throw notFound("Deze versie van het plan");
  return { version, member };
}
