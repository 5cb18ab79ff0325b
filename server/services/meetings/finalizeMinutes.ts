import { and, desc, eq, isNull } from "drizzle-orm";
import { meetings, minutesAmendments } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type TxContext } from "../serviceContext.ts";
import type { MeetingRow } from "./meetingRecord.ts";
import { minutesChanges } from "./minutesDiff.ts";

/** Who approved: the parties (their trekkers, the last one closing) or a later meeting (its secretaris records it). */
export interface MinutesApprover {
  userId: string;
  userName: string;
  via: "partijen" | "vergadering";
  /** The meeting that approved them, for `via: "vergadering"`. */
  inMeetingId?: string;
}

/**
 * Fixes (vaststellen) minutes that were put to the parties, inside the caller's transaction: the
 * hash of the text under review is recorded, the text is kept as approved, and the document stays
 * locked (`document.accessChanged` makes open editors re-authorise). Minutes that an amendment
 * re-opened close that amendment and log what changed from the previous approved version. Not a
 * verb of its own: the secretaris never approves alone (issue 13) — `agreeMinutes` calls it when
 * the last party agrees, `decideAgendaItem` when a later meeting approves the minutes.
 */
export async function finalizeMinutes(
  ctx: TxContext,
  meeting: MeetingRow,
  approver: MinutesApprover,
  actor: MembershipContext,
): Promise<void> {
  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  const json = await ctx.deps.documents.readJson(docName);
  const hash = textHash(json);
  if (meeting.minutesReviewHash !== hash)
    throw new ApiError("TEXT_CHANGED", "De notulen zijn gewijzigd sinds ze ter vaststelling werden voorgelegd.");
  const previous = await openAmendment(ctx.tx, meeting.id);
  const amending = previous !== null || meeting.minutesApprovedHash !== null;
  const member = actor;
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
        minutesApprovedBy: approver.userId,
        minutesApprovedHash: hash,
        minutesApprovedJson: canonicalJson(json),
        minutesReviewHash: null,
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
        fromStatus: "ter_vaststelling",
        toStatus: "vastgesteld",
        textHash: hash,
        data: { document: docName, via: approver.via, inMeetingId: approver.inMeetingId ?? null },
      });
      return;
    }
    const open = previous;
    const before: unknown = meeting.minutesApprovedJson ? JSON.parse(meeting.minutesApprovedJson) : null;
    const changes = minutesChanges(before, json);
    if (open) {
      await t.tx
        .update(minutesAmendments)
        .set({
          closedAt: now,
          closedBy: approver.userId,
          closedByName: approver.userName,
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
      fromStatus: "ter_vaststelling",
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
        via: approver.via,
        inMeetingId: approver.inMeetingId ?? null,
      },
    });
  });
}

/** The amendment that re-opened these minutes and is not closed yet, or null. */
export async function openAmendment(db: DbOrTx, meetingId: string) {
  const [open] = await db
    .select()
    .from(minutesAmendments)
    .where(and(eq(minutesAmendments.meetingId, meetingId), isNull(minutesAmendments.closedAt)))
    .orderBy(desc(minutesAmendments.seq))
    .limit(1);
  return open ?? null;
}
