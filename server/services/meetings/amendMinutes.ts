import { and, eq, max } from "drizzle-orm";
import { meetings, minutesAmendments } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { AmendMinutesInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { findMeeting, meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Opens a logged amendment of approved minutes (secretaris): the reason is logged with the hash
 * of the approved text, the document unlocks for the editors, and the next approval closes the
 * amendment with the new hash and the lines that changed. Nothing about approved minutes
 * changes without these two events.
 */
export async function amendMinutes(
  ctx: ServiceContext,
  input: AmendMinutesInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "minutes.approve", "Alleen de secretaris kan vastgestelde notulen wijzigen.");
  if (meeting.minutesStatus === "in_wijziging")
    throw new ApiError("CONFLICT", "Er loopt al een wijziging van deze notulen; stel die eerst opnieuw vast.");
  if (meeting.minutesStatus !== "vastgesteld" || !meeting.minutesApprovedHash) {
    throw new ApiError("CONFLICT", "Deze notulen zijn nog niet vastgesteld; ze kunnen gewoon worden bewerkt.");
  }
  const approvedHash = meeting.minutesApprovedHash;

  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const updated = await t.tx
      .update(meetings)
      .set({ minutesStatus: "in_wijziging", version: meeting.version + 1, updatedAt: now })
      .where(
        and(
          eq(meetings.id, meeting.id),
          eq(meetings.minutesStatus, "vastgesteld"),
          eq(meetings.version, meeting.version),
        ),
      )
      .returning({ id: meetings.id });
    if (updated.length === 0)
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.",
      );
    const [last] = await t.tx
      .select({ seq: max(minutesAmendments.seq) })
      .from(minutesAmendments)
      .where(eq(minutesAmendments.meetingId, meeting.id));
    const seq = (last?.seq ?? 0) + 1;
    await t.tx.insert(minutesAmendments).values({
      id: newId(),
      meetingId: meeting.id,
      seq,
      reason: input.reason,
      openedBy: member.userId,
      openedByName: member.userName,
      openedAt: now,
      fromHash: approvedHash,
    });
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "minutes.amendment_opened",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: "vastgesteld",
      toStatus: "in_wijziging",
      reasoning: input.reason,
      textHash: approvedHash,
      data: { document: docName, amendment: seq },
    });
    afterCommit(t, () => {
      ctx.deps.events.emit("document.accessChanged", { docName });
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "minutes.amendment_opened",
      });
    });
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}
