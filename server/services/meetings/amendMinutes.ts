import { writeTransaction } from "../../../db/writeLock.ts";
import { and, eq, max } from "drizzle-orm";
import { meetings, minutesAmendments } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { AmendMinutesInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { findMeeting, loadMeetingFor } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Opens a logged amendment of approved minutes (secretaris): the reason is logged with the hash
 * of the approved text, the document unlocks for the editors, and the next approval closes the
 * amendment with the new hash and the lines that changed. Nothing about approved minutes
 * changes without these two events.
 */
export async function amendMinutes(deps: AppDeps, caller: Caller, meetingId: string, input: AmendMinutesInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "minutes.approve", "Alleen de secretaris kan vastgestelde notulen wijzigen.");
  if (meeting.minutesStatus === "in_wijziging") throw new ApiError("CONFLICT", "Er loopt al een wijziging van deze notulen; stel die eerst opnieuw vast.");
  if (meeting.minutesStatus !== "vastgesteld" || !meeting.minutesApprovedHash) {
    throw new ApiError("CONFLICT", "Deze notulen zijn nog niet vastgesteld; ze kunnen gewoon worden bewerkt.");
  }

  const now = new Date().toISOString();
  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  await writeTransaction(deps.database, async (tx) => {
    const updated = await tx.update(meetings).set({ minutesStatus: "in_wijziging", version: meeting.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.minutesStatus, "vastgesteld"), eq(meetings.version, meeting.version)))
      .returning({ id: meetings.id });
    if (updated.length === 0) throw new ApiError("VERSION_CONFLICT", "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.");
    const [last] = await tx.select({ seq: max(minutesAmendments.seq) }).from(minutesAmendments).where(eq(minutesAmendments.meetingId, meeting.id));
    const seq = (last?.seq ?? 0) + 1;
    await tx.insert(minutesAmendments).values({
      id: newId(), meetingId: meeting.id, seq, reason: input.reason, openedBy: actor.userId, openedByName: actor.userName,
      openedAt: now, fromHash: meeting.minutesApprovedHash!,
    });
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "minutes.amendment_opened", entityType: "meeting", entityId: meeting.id, actor, at: now,
      fromStatus: "vastgesteld", toStatus: "in_wijziging", reasoning: input.reason, textHash: meeting.minutesApprovedHash,
      data: { document: docName, amendment: seq },
    });
  });
  deps.events.emit("document.accessChanged", { docName });
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "minutes.amendment_opened" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
