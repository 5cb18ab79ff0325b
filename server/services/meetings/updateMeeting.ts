import { and, eq, isNull, isNotNull } from "drizzle-orm";
import { agendaItems, meetingParties, meetings } from "../../../db/schema/index.ts";
import { fixesTextVersion, meetingFrozenReason } from "../../../shared/domain/meetings.ts";
import type { MeetingView, UpdateMeetingInput } from "../../../shared/schemas/meetings.ts";
import { meetingEndProblem } from "../../../shared/domain/meetingTimes.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { loadPoint } from "../points/pointState.ts";
import { catchUpText } from "../points/refreshPointText.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import {
  assertTafelParties,
  bumpMeetingVersion,
  findMeeting,
  invitedPartyIds,
  meetingAndMember,
} from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";
import { onOtherFormalAgenda } from "./removeAgendaItem.ts";
import { sendConvocationChange } from "./convocation.ts";

/**
 * Changes a meeting's title, date, place, status or invited parties (secretaris). Refused once
 * the minutes are approved: the record is then part of what was approved. Cancelling a formal
 * OOGO releases the points it fixed: each point geagendeerd only for this meeting goes back to
 * ambtelijk akkoord through the points workflow's own verb, in the same transaction. A cancelled meeting
 * stays cancelled (plan a new one), so a released point is never silently re-fixed.
 */
export async function updateMeeting(
  ctx: ServiceContext,
  input: UpdateMeetingInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  const db = dbOf(ctx);
  assertCan(member, "meeting.manage", "Alleen de secretaris wijzigt vergaderingen.");
  const frozen = meetingFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (meeting.status === "geannuleerd" && input.status !== undefined && input.status !== "geannuleerd") {
    throw new ApiError(
      "CONFLICT",
      "Een geannuleerde vergadering kan niet opnieuw worden gepland. Plan een nieuwe vergadering.",
      "status",
    );
  }
  const cancelling = input.status === "geannuleerd" && meeting.status !== "geannuleerd";
  const release: string[] = [];
  if (cancelling) {
    const [decided] = await db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.decision)))
      .limit(1);
    if (decided)
      throw new ApiError(
        "CONFLICT",
        "Er zijn al besluiten genomen in deze vergadering; zij kan niet meer worden geannuleerd.",
        "status",
      );
    if (fixesTextVersion(meeting.type)) {
      const items = await db
        .select({ id: agendaItems.id, pointId: agendaItems.pointId })
        .from(agendaItems)
        .where(
          and(eq(agendaItems.meetingId, meeting.id), isNull(agendaItems.decision), isNotNull(agendaItems.pointId)),
        );
      for (const item of items) {
        if (!(await onOtherFormalAgenda(db, meeting.workspaceId, item.pointId!, item.id))) release.push(item.pointId!);
      }
      for (const id of release) await catchUpText(ctx, id);
    }
  }
  const invited = input.invitedPartyIds
    ? await assertTafelParties(db, meeting.workspaceId, input.invitedPartyIds, "invitedPartyIds")
    : undefined;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const set: Partial<typeof meetings.$inferInsert> = {};
  const startsAt = input.startsAt !== undefined ? new Date(input.startsAt).toISOString() : undefined;
  // Moving the start without an end keeps the meeting's length.
  const endsAt =
    input.endsAt !== undefined
      ? new Date(input.endsAt).toISOString()
      : startsAt !== undefined
        ? new Date(
            new Date(startsAt).getTime() + (new Date(meeting.endsAt).getTime() - new Date(meeting.startsAt).getTime()),
          ).toISOString()
        : undefined;
  const endProblem = meetingEndProblem(startsAt ?? meeting.startsAt, endsAt ?? meeting.endsAt);
  if (endProblem) throw new ApiError("VALIDATION_FAILED", endProblem, "endsAt");
  const place = input.place ?? meeting.place;
  const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl : meeting.onlineUrl;
  if (!place && !onlineUrl)
    throw new ApiError("VALIDATION_FAILED", "Geef een plaats of een link naar de online vergadering op", "place");
  for (const [key, value] of [
    ["title", input.title],
    ["startsAt", startsAt],
    ["endsAt", endsAt],
    ["place", input.place],
    ["onlineUrl", input.onlineUrl],
    ["status", input.status],
  ] as const) {
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
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze vergadering is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.",
      );
    }
    return presentMeeting(ctx, meeting);
  }

  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    const moved = [];
    for (const id of release) {
      const point = await loadPoint(tx, id);
      if (point?.status !== "geagendeerd") continue;
      moved.push(
        await transitionPoint(t, {
          pointId: id,
          to: "ambtelijk_akkoord",
          reason: `De vergadering "${meeting.title}" is geannuleerd; het punt gaat van de agenda.`,
          meetingId: meeting.id,
        }),
      );
    }
    await bumpMeetingVersion(tx, meeting.id, input.expectedVersion, now);
    if (Object.keys(set).length) await tx.update(meetings).set(set).where(eq(meetings.id, meeting.id));
    if (changes.invitedPartyIds) {
      await tx.delete(meetingParties).where(eq(meetingParties.meetingId, meeting.id));
      await tx
        .insert(meetingParties)
        .values(invited!.map((organisationId) => ({ meetingId: meeting.id, organisationId })));
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.changed",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: changes.status ? meeting.status : null,
      toStatus: changes.status ? input.status! : null,
      data: { changes, ...(moved.length ? { releasedPointIds: moved.map((m) => m.id) } : {}) },
    });
    // A convocatie already sent is followed by an update (or a cancellation) to everyone invited.
    if (meeting.convocationSequence !== null) await sendConvocationChange(t, meeting.id, member, Object.keys(changes));
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.changed",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(db, meeting.id))!);
}
