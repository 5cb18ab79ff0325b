import { asc, count, eq, inArray } from "drizzle-orm";
import { agendaItems, meetings } from "../../../db/schema/index.ts";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { presentSummary } from "./presentMeeting.ts";

/** The meetings of a tafel in date order; every member may read them. */
export async function listMeetings(ctx: ServiceContext, input: { workspaceId: string }): Promise<MeetingSummary[]> {
  const { workspaceId } = input;
  await membershipOf(ctx, workspaceId);
  const db = dbOf(ctx);
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.workspaceId, workspaceId))
    .orderBy(asc(meetings.startsAt), asc(meetings.createdAt));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ meetingId: agendaItems.meetingId, n: count() })
    .from(agendaItems)
    .where(
      inArray(
        agendaItems.meetingId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(agendaItems.meetingId);
  const byMeeting = new Map(counts.map((c) => [c.meetingId, c.n]));
  return rows.map((m) => presentSummary(m, byMeeting.get(m.id) ?? 0));
}
