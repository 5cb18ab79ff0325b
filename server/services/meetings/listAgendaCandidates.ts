import { and, asc, eq, ne } from "drizzle-orm";
import { agendaItems, meetings, points } from "../../../db/schema/index.ts";
import { placementRefusal } from "../../../shared/domain/agendaBuilder.ts";
import { statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { AgendaCandidatesView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { meetingAndMember } from "./meetingRecord.ts";

/**
 * What the agenda builder offers (secretaris): the tafel's points that can be placed on this
 * meeting, the others with the reason why not (the same sentence the server refuses with), and
 * earlier meetings whose minutes wait for approval (a `notulen` item can approve them here).
 */
export async function listAgendaCandidates(
  ctx: ServiceContext,
  input: { meetingId: string },
): Promise<AgendaCandidatesView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const db = dbOf(ctx);
  const onAgenda = new Set(
    (await db.select({ pointId: agendaItems.pointId }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)))
      .map((r) => r.pointId)
      .filter(Boolean),
  );
  const rows = await db
    .select({ id: points.id, title: points.title, theme: points.theme, status: points.status })
    .from(points)
    .where(eq(points.workspaceId, meeting.workspaceId))
    .orderBy(asc(points.title));
  const out: AgendaCandidatesView = { placeable: [], notPlaceable: [], minutesToApprove: [] };
  for (const p of rows) {
    const view = { ...p, statusLabel: statusLabel(p.status) };
    const reason = onAgenda.has(p.id)
      ? "Staat al op de agenda van deze vergadering."
      : placementRefusal(meeting.type, p.status);
    if (reason) out.notPlaceable.push({ ...view, reason });
    else out.placeable.push(view);
  }
  out.minutesToApprove = (
    await db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(
        and(
          eq(meetings.workspaceId, meeting.workspaceId),
          ne(meetings.id, meeting.id),
          eq(meetings.minutesStatus, "ter_vaststelling"),
        ),
      )
      .orderBy(asc(meetings.startsAt))
  ).filter((m) => m.startsAt < meeting.startsAt);
  return out;
}
