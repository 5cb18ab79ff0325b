import { eq } from "drizzle-orm";
import { meetingAttendance, organisations } from "../../../db/schema/index.ts";
import { attendeeProblem } from "../../../shared/domain/attendance.ts";
import { meetingFrozenReason } from "../../../shared/domain/meetings.ts";
import { attendanceOf, type MeetingView, type SetAttendanceInput } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, invitedPartyIds, meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Replaces the attendance list of a meeting (secretaris). Each attendee represents an invited
 * party or none (chair, secretaris) and is aanwezig, afgemeld (perhaps with a vervanger) or
 * afwezig; a bestuurder present "namens" their party carries the mandate the meeting decision
 * rule reads. The whole list goes into the log, so the dossier can show who was there for whom.
 */
export async function setAttendance(
  ctx: ServiceContext,
  input: SetAttendanceInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris houdt de presentielijst bij.");
  const frozen = meetingFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (meeting.status === "geannuleerd") throw new ApiError("CONFLICT", "Deze vergadering is geannuleerd.");

  const invited = new Set((await invitedPartyIds(dbOf(ctx), [meeting.id])).get(meeting.id) ?? []);
  const kinds = new Map(
    (await dbOf(ctx).select({ id: organisations.id, kind: organisations.kind }).from(organisations)).map((o) => [
      o.id,
      o.kind,
    ]),
  );
  const rows = input.attendees.map((a, i) => {
    if (a.partyId !== null && !invited.has(a.partyId)) {
      throw new ApiError(
        "VALIDATION_FAILED",
        `Aanwezige ${i + 1} (${a.name}) vertegenwoordigt een partij die niet is uitgenodigd.`,
        `attendees.${i}.partyId`,
      );
    }
    const row = {
      partyId: a.partyId,
      name: a.name,
      capacity: a.capacity,
      attendance: attendanceOf(a),
      substitute: a.substitute ?? null,
      mandate: a.mandate ?? false,
    };
    const problem = attendeeProblem({ ...row, partyKind: a.partyId ? (kinds.get(a.partyId) ?? null) : null });
    if (problem) throw new ApiError("VALIDATION_FAILED", `${a.name}: ${problem}`, `attendees.${i}`);
    return row;
  });
  const seen = new Set<string>();
  input.attendees.forEach((a, i) => {
    const key = `${a.partyId ?? ""}|${a.name.toLowerCase()}`;
    if (seen.has(key))
      throw new ApiError("VALIDATION_FAILED", `${a.name} staat twee keer op de lijst.`, `attendees.${i}.name`);
    seen.add(key);
  });

  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    await bumpMeetingVersion(tx, meeting.id, input.expectedVersion, now);
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
    if (rows.length) {
      await tx.insert(meetingAttendance).values(
        rows.map((a, position) => ({
          id: newId(),
          meetingId: meeting.id,
          organisationId: a.partyId,
          name: a.name,
          capacity: a.capacity,
          present: a.attendance === "aanwezig",
          attendance: a.attendance,
          substitute: a.substitute,
          mandate: a.mandate,
          position,
        })),
      );
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.attendance_set",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      data: { attendees: rows },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.attendance_set",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}
