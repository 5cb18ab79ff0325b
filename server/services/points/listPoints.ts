import type { ListPointsQuery, PointSummary } from "../../../shared/schemas/points.ts";
import { ApiError } from "../../http/errors.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { loadAllPointStates, tafelParties } from "./pointState.ts";
import { toSummary } from "./presentPoint.ts";

/** The points of a tafel for one of its members, filtered by theme, status and gemeente (points whose scope includes it). */
export async function listPoints(
  ctx: ServiceContext,
  input: ListPointsQuery & { workspaceId: string },
): Promise<PointSummary[]> {
  await membershipOf(ctx, input.workspaceId);
  return pointSummaries(ctx, input.workspaceId, input);
}

/** The same list without an access check, for exports that checked their own capability. */
export async function pointSummaries(
  ctx: ServiceContext,
  workspaceId: string,
  query: ListPointsQuery,
): Promise<PointSummary[]> {
  const db = dbOf(ctx);
  if (query.gemeente !== undefined) {
    const parties = await tafelParties(db, workspaceId);
    if (!parties.some((p) => p.id === query.gemeente && p.kind === "gemeente")) {
      throw new ApiError("VALIDATION_FAILED", "gemeente: dit is geen gemeente van deze tafel.", "gemeente");
    }
  }
  const states = await loadAllPointStates(db, workspaceId);
  return states
    .filter((s) => query.theme === undefined || s.point.theme === query.theme)
    .filter((s) => query.status === undefined || s.point.status === query.status)
    .filter((s) => query.gemeente === undefined || s.parties.some((p) => p.id === query.gemeente))
    .map(toSummary);
}
