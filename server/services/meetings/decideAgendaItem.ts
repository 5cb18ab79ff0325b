import { and, eq, isNull } from "drizzle-orm";
import { agendaItems, meetingAttendance, meetings } from "../../../db/schema/index.ts";
import { representedPartyIds } from "../../../shared/domain/attendance.ts";
import {
  AGENDA_DECISION_LABELS,
  agendaFrozenReason,
  decisionRequiresStatus,
  decisionTargetStatus,
  fixesTextVersion,
  meetingHasStarted,
} from "../../../shared/domain/meetings.ts";
import { statusLabel, type PointStatus } from "../../../shared/domain/pointStatus.ts";
import type { DecisionInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { loadPoint } from "../points/pointState.ts";
import { readDurableText } from "../points/pointText.ts";
import { catchUpText } from "../points/refreshPointText.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";
import { decisionRefusedForKind } from "../../../shared/domain/agendaBuilder.ts";
import { approveMinutesInMeeting } from "./approveMinutesInMeeting.ts";

/**
 * Records what a meeting decided about an agenda item (secretaris). For a point the decision is
 * carried out by the points workflow's own verb (`transitionPoint`, a status event that cites
 * this meeting) inside this verb's transaction, so a refused move (403/409 from the workflow)
 * records nothing and a recorded decision always has its status event. On a formal OOGO the
 * point's text must still be the version put on the agenda.
 */
export async function decideAgendaItem(
  ctx: ServiceContext,
  input: DecisionInput & { meetingId: string; itemId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris legt besluiten vast.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  if (!meetingHasStarted(meeting.startsAt, ctx.clock.now())) {
    throw new ApiError(
      "CONFLICT",
      "Een besluit kan pas worden vastgelegd vanaf het aanvangstijdstip van de vergadering.",
    );
  }
  const db = dbOf(ctx);
  const [item] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meeting.id)))
    .limit(1);
  if (!item) throw notFound("Dit agendapunt");
  if (item.decision) throw new ApiError("CONFLICT", "Over dit agendapunt is al besloten.");
  const kindRefusal = decisionRefusedForKind(item.kind, input.decision);
  if (kindRefusal) throw new ApiError("VALIDATION_FAILED", kindRefusal, "decision");
  if (item.pointId) await catchUpText(ctx, item.pointId);

  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    let statusBefore: PointStatus | null = null;
    let statusAfter: PointStatus | null = null;
    if (item.pointId) {
      const point = await loadPoint(t.tx, item.pointId);
      if (!point) throw notFound("Het overeenstemmingspunt van dit agendapunt");
      if (input.expectedVersion !== undefined && input.expectedVersion !== point.version) {
        throw new ApiError(
          "VERSION_CONFLICT",
          "Dit punt is intussen gewijzigd. Laad de vergadering opnieuw en kijk het besluit na.",
          "expectedVersion",
        );
      }
      if (fixesTextVersion(meeting.type) && item.textHash && (await readDurableText(t, point)).hash !== item.textHash) {
        throw new ApiError(
          "TEXT_CHANGED",
          "De tekst van dit punt is gewijzigd sinds het op de agenda kwam; een besluit over de besproken versie kan niet meer worden vastgelegd.",
        );
      }
      const required = decisionRequiresStatus(input.decision);
      if (required && !required.includes(point.status)) {
        throw new ApiError(
          "ILLEGAL_TRANSITION",
          `Dit besluit past niet bij een punt met status ${statusLabel(point.status)}; leg eerst vast dat er geen overeenstemming is.`,
          "decision",
        );
      }
      statusBefore = point.status;
      statusAfter = point.status;
      const target = decisionTargetStatus(input.decision, meeting.type, point.status);
      if (target && target !== point.status) {
        // The meeting decision rule reads who was there for whom: the attendance as recorded now.
        const represented =
          target === "akkoord_in_overleg"
            ? representedPartyIds(
                await t.tx
                  .select({
                    partyId: meetingAttendance.organisationId,
                    attendance: meetingAttendance.attendance,
                    mandate: meetingAttendance.mandate,
                  })
                  .from(meetingAttendance)
                  .where(eq(meetingAttendance.meetingId, meeting.id)),
              )
            : undefined;
        const move = await transitionPoint(t, {
          pointId: point.id,
          to: target,
          reason: `${AGENDA_DECISION_LABELS[input.decision]} in "${meeting.title}": ${input.note}`,
          expectedVersion: point.version,
          meetingId: meeting.id,
          ...(represented ? { representedPartyIds: represented } : {}),
        });
        statusAfter = move.status;
      }
    }
    if (input.decision === "notulen_vastgesteld") await approveMinutesInMeeting(t, item, meeting, member);
    const updated = await t.tx
      .update(agendaItems)
      .set({
        decision: input.decision,
        decisionNote: input.note,
        decidedAt: now,
        decidedBy: member.userId,
        pointStatusBefore: statusBefore,
        pointStatusAfter: statusAfter,
      })
      .where(and(eq(agendaItems.id, item.id), isNull(agendaItems.decision)))
      .returning({ id: agendaItems.id });
    if (updated.length === 0) throw new ApiError("CONFLICT", "Over dit agendapunt is intussen al besloten.");
    await bumpMeetingVersion(t.tx, meeting.id, undefined, now);
    if (meeting.status === "gepland")
      await t.tx.update(meetings).set({ status: "gehouden" }).where(eq(meetings.id, meeting.id));
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.decision_recorded",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: statusBefore,
      toStatus: statusAfter,
      reasoning: input.note,
      textHash: item.textHash,
      data: { agendaItemId: item.id, title: item.title, pointId: item.pointId, decision: input.decision },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.decision_recorded",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(db, meeting.id))!);
}
