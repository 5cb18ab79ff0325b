import { writeTransaction } from "../../../db/writeLock.ts";
import { and, eq, isNull, isNotNull } from "drizzle-orm";
import { agendaItems, meetingParties, meetings } from "../../../db/schema/index.ts";
import { fixesTextVersion, meetingFrozenReason } from "../../../shared/domain/meetings.ts";
import type { MeetingView, UpdateMeetingInput } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertTafelParties, bumpMeetingVersion, findMeeting, invitedPartyIds, loadMeetingFor } from "./meetingRecord.ts";
import { catchUpPointText, movePointInTransaction, readPoint } from "./pointWorkflow.ts";
import { presentMeeting } from "./presentMeeting.ts";
import { onOtherFormalAgenda } from "./removeAgendaItem.ts";

/**
 * Changes a meeting's title, date, place, status or invited parties (secretaris). Refused once
 * the minutes are approved: the record is then part of what was approved. Cancelling a formal
 * OOGO releases the points it fixed: each point geagendeerd only for this meeting goes back to
 * ambtelijk akkoord through the points workflow, in the same transaction. A cancelled meeting
 * stays cancelled (plan a new one), so a released point is never silently re-fixed.
 */
export async function updateMeeting(deps: AppDeps, caller: Caller, meetingId: string, input: UpdateMeetingInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris wijzigt vergaderingen.");
  const frozen = meetingFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (meeting.status === "geannuleerd" && input.status !== undefined && input.status !== "geannuleerd") {
    throw new ApiError("CONFLICT", "Een geannuleerde vergadering kan niet opnieuw worden gepland. Plan een nieuwe vergadering.", "status");
  }
  const cancelling = input.status === "geannuleerd" && meeting.status !== "geannuleerd";
  const release: string[] = [];
  if (cancelling) {
    const [decided] = await db.select({ id: agendaItems.id }).from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.decision))).limit(1);
    if (decided) throw new ApiError("CONFLICT", "Er zijn al besluiten genomen in deze vergadering; zij kan niet meer worden geannuleerd.", "status");
    if (fixesTextVersion(meeting.type)) {
      const items = await db.select({ id: agendaItems.id, pointId: agendaItems.pointId }).from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meeting.id), isNull(agendaItems.decision), isNotNull(agendaItems.pointId)));
      for (const item of items) {
        if (!(await onOtherFormalAgenda(deps, meeting.workspaceId, item.pointId!, item.id))) release.push(item.pointId!);
      }
      for (const id of release) await catchUpPointText(deps, id);
    }
  }
  const invited = input.invitedPartyIds ? await assertTafelParties(db, meeting.workspaceId, input.invitedPartyIds, "invitedPartyIds") : undefined;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const set: Partial<typeof meetings.$inferInsert> = {};
  const startsAt = input.startsAt !== undefined ? new Date(input.startsAt).toISOString() : undefined;
  for (const [key, value] of [["title", input.title], ["startsAt", startsAt], ["place", input.place], ["status", input.status]] as const) {
    if (value !== undefined && value !== meeting[key]) {
      changes[key] = { from: meeting[key], to: value };
      (set as Record<string, unknown>)[key] = value;
    }
  }
  const before = (await invitedPartyIds(db, [meeting.id])).get(meeting.id) ?? [];
  if (invited && (invited.length !== before.length || invited.some((id) => !before.includes(id)))) {
    changes.invitedPartyIds = { from: before, to: invited };
  }

  if (Object.keys(changes).length === 0) {
    // Nothing to record: an idle save neither bumps the version nor writes to the log.
    if (input.expectedVersion !== undefined && input.expectedVersion !== meeting.version) {
      throw new ApiError("VERSION_CONFLICT", "Deze vergadering is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.");
    }
    return presentMeeting(deps, meeting);
  }

  const now = new Date().toISOString();
  const moves = await writeTransaction(deps.database, async (tx) => {
    const moved = [];
    for (const id of release) {
      const point = await readPoint(tx, id);
      if (point?.status !== "geagendeerd") continue;
      moved.push(await movePointInTransaction(tx, deps, actor, id, {
        to: "ambtelijk_akkoord", reason: `De vergadering "${meeting.title}" is geannuleerd; het punt gaat van de agenda.`, meetingId: meeting.id,
      }));
    }
    await bumpMeetingVersion(tx, meeting.id, input.expectedVersion, now);
    if (Object.keys(set).length) await tx.update(meetings).set(set).where(eq(meetings.id, meeting.id));
    if (changes.invitedPartyIds) {
      await tx.delete(meetingParties).where(eq(meetingParties.meetingId, meeting.id));
      await tx.insert(meetingParties).values(invited!.map((organisationId) => ({ meetingId: meeting.id, organisationId })));
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.changed", entityType: "meeting", entityId: meeting.id, actor, at: now,
      fromStatus: changes.status ? meeting.status : null, toStatus: changes.status ? input.status! : null,
      data: { changes, ...(moved.length ? { releasedPointIds: moved.map((m) => m.id) } : {}) },
    });
    return moved;
  });
  for (const m of moves) m.publish();
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.changed" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
