import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { agendaItems, meetings } from "../../../db/schema/index.ts";
import { agendaFrozenReason, fixesTextVersion } from "../../../shared/domain/meetings.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { loadPoint } from "../points/pointState.ts";
import { catchUpText } from "../points/refreshPointText.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Takes an undecided item off the agenda (secretaris). A point that was geagendeerd only for
 * this formal meeting goes back to ambtelijk akkoord through the points workflow's own verb,
 * inside this verb's transaction, which unlocks its text again.
 */
export async function removeAgendaItem(
  ctx: ServiceContext,
  input: { meetingId: string; itemId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  const db = dbOf(ctx);
  const [item] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meeting.id)))
    .limit(1);
  if (!item) throw notFound("Dit agendapunt");
  if (item.decision)
    throw new ApiError("CONFLICT", "Over dit agendapunt is al besloten; het kan niet meer van de agenda.");

  const revert =
    !!item.pointId &&
    fixesTextVersion(meeting.type) &&
    !(await onOtherFormalAgenda(db, meeting.workspaceId, item.pointId, item.id));
  if (revert) await catchUpText(ctx, item.pointId!);

  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const point = item.pointId ? await loadPoint(t.tx, item.pointId) : null;
    if (point && revert && point.status === "geagendeerd") {
      await transitionPoint(t, {
        pointId: point.id,
        to: "ambtelijk_akkoord",
        reason: `Van de agenda van "${meeting.title}" gehaald.`,
        meetingId: meeting.id,
      });
    }
    await bumpMeetingVersion(t.tx, meeting.id, undefined, now);
    await t.tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    // Keep positions dense so the next item lands at the end.
    const rest = await t.tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position));
    for (const [position, r] of rest.entries())
      await t.tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, r.id));
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.agenda_item_removed",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      textHash: item.textHash,
      data: { agendaItemId: item.id, title: item.title, pointId: item.pointId },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.agenda_item_removed",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(db, meeting.id))!);
}

/** Whether the point is still pending (undecided or held over) on another formal OOGO's agenda. */
export async function onOtherFormalAgenda(
  db: DbOrTx,
  workspaceId: string,
  pointId: string,
  exceptItemId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(meetings.workspaceId, workspaceId),
        eq(meetings.type, "formeel_oogo"),
        ne(meetings.status, "geannuleerd"),
        eq(agendaItems.pointId, pointId),
        ne(agendaItems.id, exceptItemId),
        or(isNull(agendaItems.decision), inArray(agendaItems.decision, ["aangehouden"])),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
