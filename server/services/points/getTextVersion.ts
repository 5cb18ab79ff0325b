import { and, eq } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import type { TextVersionView } from "../../../shared/schemas/points.ts";
import { notFound } from "../../http/errors.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { pointAndMember } from "./pointState.ts";

/**
 * One stored text of a point by its hash, e.g. the text an earlier signature was given on, so
 * the sign-off panel can show what changed since. For members of the point's tafel.
 */
export async function getTextVersion(
  ctx: ServiceContext,
  input: { pointId: string; hash: string },
): Promise<TextVersionView> {
  const { point } = await pointAndMember(ctx, input.pointId);
  const [row] = await dbOf(ctx)
    .select()
    .from(pointTextVersions)
    .where(and(eq(pointTextVersions.pointId, point.id), eq(pointTextVersions.textHash, input.hash)))
    .limit(1);
  if (!row) throw notFound("Deze tekstversie");
  return { textHash: row.textHash, createdAt: row.createdAt, json: JSON.parse(row.json) as unknown };
}
