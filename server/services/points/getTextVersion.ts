import { and, eq } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import type { TextVersionView } from "../../../shared/schemas/points.ts";
import type { AppDeps } from "../../context.ts";
import { notFound } from "../../http/errors.ts";

/**
 * One stored text of a point by its hash, e.g. the text an earlier signature was given on, so
 * the sign-off panel can show what changed since.
 */
export async function getTextVersion(deps: AppDeps, pointId: string, hash: string): Promise<TextVersionView> {
  const [row] = await deps.database.db.select().from(pointTextVersions)
    .where(and(eq(pointTextVersions.pointId, pointId), eq(pointTextVersions.textHash, hash))).limit(1);
  if (!row) throw notFound("Deze tekstversie");
  return { textHash: row.textHash, createdAt: row.createdAt, json: JSON.parse(row.json) as unknown };
}
