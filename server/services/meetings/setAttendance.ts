import { writeTransaction } from "../../../db/writeLock.ts";
import { eq } from "drizzle-orm";
import { meetingAttendance } from "../../../db/schema/index.ts";
import { meetingFrozenReason } from "../../../shared/domain/meetings.ts";
import type { MeetingView, SetAttendanceInput } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { bumpMeetingVersion, findMeeting, invitedPartyIds, loadMeetingFor } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Replaces the attendance list of a meeting (secretaris). Each attendee represents an invited
 * party or none (chair, secretaris). The whole list goes into the log, so the dossier can show
 * who was there for whom.
 */
export async function setAttendance(deps: AppDeps, caller: Caller, meetingId: string, input: SetAttendanceInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris houdt de presentielijst bij.");
  const frozen = meetingFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (meeting.status === "geannuleerd") throw new ApiError("CONFLICT", "Deze vergadering is geannuleerd.");

  const invited = new Set((await invitedPartyIds(db, [meeting.id])).get(meeting.id) ?? []);
  input.attendees.forEach((a, i) => {
    if (a.partyId !== null && !invited.has(a.partyId)) {
      throw new ApiError("VALIDATION_FAILED", `Aanwezige ${i + 1} (${a.name}) vertegenwoordigt een partij die niet is uitgenodigd.`, `attendees.${i}.partyId`);
    }
  });
  const seen = new Set<string>();
  input.attendees.forEach((a, i) => {
    const key = `${a.partyId ?? ""}|${a.name.toLowerCase()}`;
    if (seen.has(key)) throw new ApiError("VALIDATION_FAILED", `${a.name} staat twee keer op de lijst.`, `attendees.${i}.name`);
    seen.add(key);
  });

  const now = new Date().toISOString();
  await writeTransaction(deps.database, async (tx) => {
    await bumpMeetingVersion(tx, meeting.id, input.expectedVersion, now);
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
    if (input.attendees.length) {
      await tx.insert(meetingAttendance).values(input.attendees.map((a, position) => ({
        id: newId(), meetingId: meeting.id, organisationId: a.partyId, name: a.name, capacity: a.capacity, present: a.present, position,
      })));
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.attendance_set", entityType: "meeting", entityId: meeting.id, actor, at: now,
      data: { attendees: input.attendees.map((a) => ({ partyId: a.partyId, name: a.name, capacity: a.capacity, present: a.present })) },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.attendance_set" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
