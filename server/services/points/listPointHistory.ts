import { and, asc, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import type { PointEventView } from "../../../shared/schemas/points.ts";
import type { AppDeps } from "../../context.ts";
import type { PointRow } from "./pointRecords.ts";
import { toEventView } from "./presentPoint.ts";

/** The point's events from the tafel's log, oldest first (the timeline on the point page). */
export async function listPointHistory(deps: AppDeps, point: Pick<PointRow, "id" | "workspaceId">): Promise<PointEventView[]> {
  const rows = await deps.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, point.workspaceId), eq(auditEvents.entityType, "point"), eq(auditEvents.entityId, point.id)))
    .orderBy(asc(auditEvents.seq));
  return rows.map(toEventView);
}
