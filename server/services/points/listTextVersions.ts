import { eq, sql } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { pointAndMember } from "./pointState.ts";

/** The stored text versions of a point (every hash an event referred to), in the order they were stored (insertion order). */
export async function listTextVersions(
  ctx: ServiceContext,
  input: { pointId: string },
): Promise<Array<{ textHash: string; createdAt: string }>> {
  const { point } = await pointAndMember(ctx, input.pointId);
  return dbOf(ctx)
    .select({ textHash: pointTextVersions.textHash, createdAt: pointTextVersions.createdAt })
    .from(pointTextVersions)
    .where(eq(pointTextVersions.pointId, point.id))
    .orderBy(sql`rowid`);
}
