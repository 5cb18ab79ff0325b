import { and, desc, eq, isNull } from "drizzle-orm";
import { meetings, minutesAmendments } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { meetingHasStarted } from "../../../shared/domain/meetings.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { ApproveMinutesInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { findMeeting, meetingAndMember } from "./meetingRecord.ts";
import { blockLines, minutesChanges } from "./minutesDiff.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Approves (vaststellen) the minutes of a held meeting: the hash of the durable text is recorded,
 * the text is kept as approved, and the document locks for everyone (`document.accessChanged`
 * makes open editors re-authorise). Approving minutes that an amendment re-opened closes that
 * amendment and logs what changed from the previous approved version.
 */
export async function approveMinutes(
  ctx: ServiceContext,
  input: ApproveMinutesInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "minutes.approve", "Alleen de secretaris stelt notulen vast.");
  if (meeting.status === "geannuleerd")
    throw new ApiError("CONFLICT", "Deze vergadering is geannuleerd; er zijn geen notulen vast te stellen.");
  if (meeting.minutesStatus === "vastgesteld")
    throw new ApiError("CONFLICT", "Deze notulen zijn al vastgesteld. Wijzigen kan via een gelogde wijziging.");
  if (!meetingHasStarted(meeting.startsAt, ctx.clock.now())) {
    throw new ApiError(
      "CONFLICT",
      "Notulen kunnen pas worden vastgesteld vanaf het aanvangstijdstip van de vergadering.",
    );
  }

  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  const json = await ctx.deps.documents.readJson(docName);
  if (blockLines(json).length === 0) throw new ApiError("CONFLICT", "De notulen zijn nog leeg.");
  const hash = textHash(json);
  if (input.textHash && input.textHash !== hash) {
    throw new ApiError(
      "TEXT_CHANGED",
      "De notulen zijn gewijzigd sinds u ze las. Lees de huidige tekst en stel die vast.",
      "textHash",
    );
  }

  const amending = meeting.minutesStatus === "in_wijziging";
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    afterCommit(t, () => {
      ctx.deps.events.emit("document.accessChanged", { docName });
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: amending ? "minutes.amended" : "minutes.approved",
      });
    });
    // Conditional on the state we read, so two approvals at once cannot both succeed.
    const updated = await t.tx
      .update(meetings)
      .set({
        minutesStatus: "vastgesteld",
        minutesApprovedAt: now,
        minutesApprovedBy: member.userId,
        minutesApprovedHash: hash,
        minutesApprovedJson: canonicalJson(json),
        status: meeting.status === "gepland" ? "gehouden" : meeting.status,
        version: meeting.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(meetings.id, meeting.id),
          eq(meetings.minutesStatus, meeting.minutesStatus),
          eq(meetings.version, meeting.version),
        ),
      )
      .returning({ id: meetings.id });
    if (updated.length === 0)
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.",
      );

    if (!amending) {
      await appendEvent(t.tx, {
        workspaceId: meeting.workspaceId,
        type: "minutes.approved",
        entityType: "meeting",
        entityId: meeting.id,
        actor: member,
        at: now,
        fromStatus: "concept",
        toStatus: "vastgesteld",
        textHash: hash,
        data: { document: docName },
      });
      return;
    }
    const [open] = await t.tx
      .select()
      .from(minutesAmendments)
      .where(and(eq(minutesAmendments.meetingId, meeting.id), isNull(minutesAmendments.closedAt)))
      .orderBy(desc(minutesAmendments.seq))
      .limit(1);
    const before: unknown = meeting.minutesApprovedJson ? JSON.parse(meeting.minutesApprovedJson) : null;
    const changes = minutesChanges(before, json);
    if (open) {
      await t.tx
        .update(minutesAmendments)
        .set({
          closedAt: now,
          closedBy: member.userId,
          closedByName: member.userName,
          toHash: hash,
          changes: JSON.stringify(changes),
        })
        .where(eq(minutesAmendments.id, open.id));
    }
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "minutes.amended",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: "in_wijziging",
      toStatus: "vastgesteld",
      textHash: hash,
      reasoning: open?.reason ?? null,
      data: {
        document: docName,
        amendment: open?.seq ?? null,
        fromHash: meeting.minutesApprovedHash,
        toHash: hash,
        changed: meeting.minutesApprovedHash !== hash,
        removed: changes.removed,
        added: changes.added,
      },
    });
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}
