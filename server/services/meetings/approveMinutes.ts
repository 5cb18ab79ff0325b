import { writeTransaction } from "../../../db/writeLock.ts";
import { and, desc, eq, isNull } from "drizzle-orm";
import { meetings, minutesAmendments } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { meetingHasStarted } from "../../../shared/domain/meetings.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { ApproveMinutesInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { findMeeting, loadMeetingFor } from "./meetingRecord.ts";
import { blockLines, minutesChanges } from "./minutesDiff.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Approves (vaststellen) the minutes of a held meeting: the hash of the durable text is recorded,
 * the text is kept as approved, and the document locks for everyone (`document.accessChanged`
 * makes open editors re-authorise). Approving minutes that an amendment re-opened closes that
 * amendment and logs what changed from the previous approved version.
 */
export async function approveMinutes(deps: AppDeps, caller: Caller, meetingId: string, input: ApproveMinutesInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "minutes.approve", "Alleen de secretaris stelt notulen vast.");
  if (meeting.status === "geannuleerd") throw new ApiError("CONFLICT", "Deze vergadering is geannuleerd; er zijn geen notulen vast te stellen.");
  if (meeting.minutesStatus === "vastgesteld") throw new ApiError("CONFLICT", "Deze notulen zijn al vastgesteld. Wijzigen kan via een gelogde wijziging.");
  if (!meetingHasStarted(meeting.startsAt, new Date())) {
    throw new ApiError("CONFLICT", "Notulen kunnen pas worden vastgesteld vanaf het aanvangstijdstip van de vergadering.");
  }

  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  const json = await deps.documents.readJson(docName);
  if (blockLines(json).length === 0) throw new ApiError("CONFLICT", "De notulen zijn nog leeg.");
  const hash = textHash(json);
  if (input.textHash && input.textHash !== hash) {
    throw new ApiError("TEXT_CHANGED", "De notulen zijn gewijzigd sinds u ze las. Lees de huidige tekst en stel die vast.", "textHash");
  }

  const now = new Date().toISOString();
  const amending = meeting.minutesStatus === "in_wijziging";
  await writeTransaction(deps.database, async (tx) => {
    // Conditional on the state we read, so two approvals at once cannot both succeed.
    const updated = await tx.update(meetings).set({
      minutesStatus: "vastgesteld", minutesApprovedAt: now, minutesApprovedBy: actor.userId, minutesApprovedHash: hash,
      minutesApprovedJson: canonicalJson(json), status: meeting.status === "gepland" ? "gehouden" : meeting.status,
      version: meeting.version + 1, updatedAt: now,
    }).where(and(eq(meetings.id, meeting.id), eq(meetings.minutesStatus, meeting.minutesStatus), eq(meetings.version, meeting.version)))
      .returning({ id: meetings.id });
    if (updated.length === 0) throw new ApiError("VERSION_CONFLICT", "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.");

    if (!amending) {
      await appendEvent(tx, {
        workspaceId: meeting.workspaceId, type: "minutes.approved", entityType: "meeting", entityId: meeting.id, actor, at: now,
        fromStatus: "concept", toStatus: "vastgesteld", textHash: hash, data: { document: docName },
      });
      return;
    }
    const [open] = await tx.select().from(minutesAmendments)
      .where(and(eq(minutesAmendments.meetingId, meeting.id), isNull(minutesAmendments.closedAt)))
      .orderBy(desc(minutesAmendments.seq)).limit(1);
    const before = meeting.minutesApprovedJson ? JSON.parse(meeting.minutesApprovedJson) : null;
    const changes = minutesChanges(before, json);
    if (open) {
      await tx.update(minutesAmendments).set({
        closedAt: now, closedBy: actor.userId, closedByName: actor.userName, toHash: hash, changes: JSON.stringify(changes),
      }).where(eq(minutesAmendments.id, open.id));
    }
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "minutes.amended", entityType: "meeting", entityId: meeting.id, actor, at: now,
      fromStatus: "in_wijziging", toStatus: "vastgesteld", textHash: hash, reasoning: open?.reason ?? null,
      data: {
        document: docName, amendment: open?.seq ?? null, fromHash: meeting.minutesApprovedHash, toHash: hash,
        changed: meeting.minutesApprovedHash !== hash, removed: changes.removed, added: changes.added,
      },
    });
  });
  deps.events.emit("document.accessChanged", { docName });
  deps.events.emit("workspace.changed", {
    workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: amending ? "minutes.amended" : "minutes.approved",
  });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
