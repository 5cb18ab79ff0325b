import { meetingParties, meetings } from "../../../db/schema/index.ts";
import { MEETING_TYPE_LABELS } from "../../../shared/domain/meetings.ts";
import type { CreateMeetingInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import { defaultMeetingEnd, meetingEndProblem } from "../../../shared/domain/meetingTimes.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { newId } from "../../auth/tokens.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { assertTafelParties, findMeeting, tafelParties } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/** Plans a meeting of a tafel (secretaris). Without invited parties, every party is invited. */
export async function createMeeting(
  ctx: ServiceContext,
  input: CreateMeetingInput & { workspaceId: string },
): Promise<MeetingView> {
  const { workspaceId } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "meeting.manage", "Alleen de secretaris plant vergaderingen.");
  const db = dbOf(ctx);
  const invited = input.invitedPartyIds
    ? await assertTafelParties(db, workspaceId, input.invitedPartyIds, "invitedPartyIds")
    : (await tafelParties(db, workspaceId)).map((p) => p.id);

  const id = newId();
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = input.endsAt ? new Date(input.endsAt).toISOString() : defaultMeetingEnd(startsAt);
  const endProblem = meetingEndProblem(startsAt, endsAt);
  if (endProblem) throw new ApiError("VALIDATION_FAILED", endProblem, "endsAt");
  const place = input.place ?? "";
  const onlineUrl = input.onlineUrl ?? null;
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    await t.tx.insert(meetings).values({
      id,
      workspaceId,
      type: input.type,
      title: input.title,
      startsAt,
      endsAt,
      place,
      onlineUrl,
      status: "gepland",
      minutesStatus: "concept",
      version: 1,
      createdBy: member.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (invited.length)
      await t.tx.insert(meetingParties).values(invited.map((organisationId) => ({ meetingId: id, organisationId })));
    await appendEvent(t.tx, {
      workspaceId,
      type: "meeting.created",
      entityType: "meeting",
      entityId: id,
      actor: member,
      toStatus: "gepland",
      at: now,
      data: {
        meetingType: input.type,
        typeLabel: MEETING_TYPE_LABELS[input.type],
        title: input.title,
        startsAt,
        endsAt,
        place,
        onlineUrl,
        invitedPartyIds: invited,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "meeting",
        entityId: id,
        type: "meeting.created",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), id))!);
}
