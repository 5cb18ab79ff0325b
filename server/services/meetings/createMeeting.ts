import { writeTransaction } from "../../../db/writeLock.ts";
import { meetingParties, meetings } from "../../../db/schema/index.ts";
import { MEETING_TYPE_LABELS } from "../../../shared/domain/meetings.ts";
import type { CreateMeetingInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertTafelParties, findMeeting, tafelParties } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/** Plans a meeting of a tafel (secretaris). Without invited parties, every party is invited. */
export async function createMeeting(deps: AppDeps, caller: Caller, workspaceId: string, input: CreateMeetingInput): Promise<MeetingView> {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris plant vergaderingen.");
  const invited = input.invitedPartyIds
    ? await assertTafelParties(db, workspaceId, input.invitedPartyIds, "invitedPartyIds")
    : (await tafelParties(db, workspaceId)).map((p) => p.id);

  const id = newId();
  const now = new Date().toISOString();
  const startsAt = new Date(input.startsAt).toISOString();
  await writeTransaction(deps.database, async (tx) => {
    await tx.insert(meetings).values({
      id, workspaceId, type: input.type, title: input.title, startsAt, place: input.place,
      status: "gepland", minutesStatus: "concept", version: 1, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    if (invited.length) await tx.insert(meetingParties).values(invited.map((organisationId) => ({ meetingId: id, organisationId })));
    await appendEvent(tx, {
      workspaceId, type: "meeting.created", entityType: "meeting", entityId: id, actor, toStatus: "gepland", at: now,
      data: { meetingType: input.type, typeLabel: MEETING_TYPE_LABELS[input.type], title: input.title, startsAt, place: input.place, invitedPartyIds: invited },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "meeting", entityId: id, type: "meeting.created" });
  return presentMeeting(deps, (await findMeeting(db, id))!);
}
