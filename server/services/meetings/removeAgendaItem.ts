import { writeTransaction } from "../../../db/writeLock.ts";
import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { agendaItems, meetings } from "../../../db/schema/index.ts";
import { agendaFrozenReason, fixesTextVersion } from "../../../shared/domain/meetings.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { bumpMeetingVersion, findMeeting, loadMeetingFor } from "./meetingRecord.ts";
import { catchUpPointText, movePointInTransaction, readPoint } from "./pointWorkflow.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Takes an undecided item off the agenda (secretaris). A point that was geagendeerd only for
 * this formal meeting goes back to ambtelijk akkoord through the points workflow, which unlocks
 * its text again.
 */
export async function removeAgendaItem(deps: AppDeps, caller: Caller, meetingId: string, itemId: string): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  const [item] = await db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id))).limit(1);
  if (!item) throw notFound("Dit agendapunt");
  if (item.decision) throw new ApiError("CONFLICT", "Over dit agendapunt is al besloten; het kan niet meer van de agenda.");

  const revert = !!item.pointId && fixesTextVersion(meeting.type)
    && !(await onOtherFormalAgenda(deps, meeting.workspaceId, item.pointId, item.id));
  if (revert) await catchUpPointText(deps, item.pointId!);

  const now = new Date().toISOString();
  const moved = await writeTransaction(deps.database, async (tx) => {
    const point = item.pointId ? await readPoint(tx, item.pointId) : null;
    const move = point && revert && point.status === "geagendeerd"
      ? await movePointInTransaction(tx, deps, actor, point.id, {
        to: "ambtelijk_akkoord", reason: `Van de agenda van "${meeting.title}" gehaald.`, meetingId: meeting.id,
      })
      : null;
    await bumpMeetingVersion(tx, meeting.id, undefined, now);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    // Keep positions dense so the next item lands at the end.
    const rest = await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
    for (const [position, r] of rest.entries()) await tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, r.id));
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.agenda_item_removed", entityType: "meeting", entityId: meeting.id, actor, at: now,
      textHash: item.textHash, data: { agendaItemId: item.id, title: item.title, pointId: item.pointId },
    });
    return move;
  });
  moved?.publish();
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.agenda_item_removed" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}

/** Whether the point is still pending (undecided or held over) on another formal OOGO's agenda. */
export async function onOtherFormalAgenda(deps: AppDeps, workspaceId: string, pointId: string, exceptItemId: string): Promise<boolean> {
  const rows = await deps.database.db.select({ id: agendaItems.id }).from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(
      eq(meetings.workspaceId, workspaceId), eq(meetings.type, "formeel_oogo"), ne(meetings.status, "geannuleerd"),
      eq(agendaItems.pointId, pointId), ne(agendaItems.id, exceptItemId),
      or(isNull(agendaItems.decision), inArray(agendaItems.decision, ["aangehouden"])),
    )).limit(1);
  return rows.length > 0;
}
