import { eq, sql } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import type { AppDeps } from "../../context.ts";

/** The stored text versions of a point (every hash an event referred to), in the order they were stored (insertion order). */
export async function listTextVersions(deps: AppDeps, pointId: string): Promise<Array<{ textHash: string; createdAt: string }>> {
  return deps.database.db.select({ textHash: pointTextVersions.textHash, createdAt: pointTextVersions.createdAt })
    .from(pointTextVersions).where(eq(pointTextVersions.pointId, pointId)).orderBy(sql`rowid`);
}
