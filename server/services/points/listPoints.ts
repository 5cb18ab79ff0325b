import type { ListPointsQuery, PointSummary } from "../../../shared/schemas/points.ts";
import type { AppDeps } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { loadAllPointStates, tafelParties } from "./pointRecords.ts";
import { toSummary } from "./presentPoint.ts";

/** The points of a tafel, filtered by theme, status and gemeente (points whose scope includes it). */
export async function listPoints(deps: AppDeps, workspaceId: string, query: ListPointsQuery): Promise<PointSummary[]> {
  const { db } = deps.database;
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
