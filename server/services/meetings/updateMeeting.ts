import { writeTransaction } from "../../../db/writeLock.ts";
import { eq } from "drizzle-orm";
import { meetingParties, meetings } from "../../../db/schema/index.ts";
import { meetingFrozenReason } from "../../../shared/domain/meetings.ts";
import type { MeetingView, UpdateMeetingInput } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertTafelParties, bumpMeetingVersion, findMeeting, invitedPartyIds, loadMeetingFor } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Changes a meeting's title, date, place, status or invited parties (secretaris). Refused once
 * the minutes are approved: the record is then part of what was approved.
 */
export async function updateMeeting(deps: AppDeps, caller: Caller, meetingId: string, input: UpdateMeetingInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris wijzigt vergaderingen.");
  const frozen = meetingFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (input.status === "geannuleerd" && meeting.status !== "geannuleerd") {
    const decided = (await presentMeeting(deps, meeting)).agenda.some((a) => a.decision);
    if (decided) throw new ApiError("CONFLICT", "Er zijn al besluiten genomen in deze vergadering; zij kan niet meer worden geannuleerd.", "status");
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
  await writeTransaction(deps.database, async (tx) => {
    await bumpMeetingVersion(tx, meeting.id, input.expectedVersion, now);
    if (Object.keys(set).length) await tx.update(meetings).set(set).where(eq(meetings.id, meeting.id));
    if (changes.invitedPartyIds) {
      await tx.delete(meetingParties).where(eq(meetingParties.meetingId, meeting.id));
      await tx.insert(meetingParties).values(invited!.map((organisationId) => ({ meetingId: meeting.id, organisationId })));
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.changed", entityType: "meeting", entityId: meeting.id, actor, at: now,
      fromStatus: changes.status ? meeting.status : null, toStatus: changes.status ? input.status! : null,
      data: { changes },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.changed" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
