import { and, asc, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import type { PointEventView } from "../../../shared/schemas/points.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { pointAndMember, type PointRow } from "./pointState.ts";
import { toEventView } from "./presentPoint.ts";

/** The point's events from the tafel's log, oldest first (the timeline on the point page), for a member of its tafel. */
export async function listPointHistory(ctx: ServiceContext, input: { pointId: string }): Promise<PointEventView[]> {
  const { point } = await pointAndMember(ctx, input.pointId);
  return pointEvents(dbOf(ctx), point);
}

/** The same timeline without an access check (the dossier). */
export async function pointEvents(db: DbOrTx, point: Pick<PointRow, "id" | "workspaceId">): Promise<PointEventView[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, point.workspaceId),
        eq(auditEvents.entityType, "point"),
        eq(auditEvents.entityId, point.id),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  return rows.map(toEventView);
}
