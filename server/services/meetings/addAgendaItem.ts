import { writeTransaction } from "../../../db/writeLock.ts";
import { and, eq, max } from "drizzle-orm";
import { agendaItems } from "../../../db/schema/index.ts";
import { agendaFrozenReason, fixesTextVersion, formatDateTimeNl, MEETING_TYPE_LABELS } from "../../../shared/domain/meetings.ts";
import type { AddAgendaItemInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { bumpMeetingVersion, findMeeting, loadMeetingFor } from "./meetingRecord.ts";
import { catchUpPointText, movePointInTransaction, readPoint, readPointText, requireTafelPoint } from "./pointWorkflow.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Adds an item to a meeting's agenda (secretaris). An item about an overeenstemmingspunt keeps
 * the exact text put before the meeting. On a formal OOGO that version is fixed: the point must
 * be ambtelijk akkoord and moves to `geagendeerd` (its text locks) through the points workflow,
 * in the same transaction as the agenda item — a refused move leaves the agenda unchanged.
 */
export async function addAgendaItem(deps: AppDeps, caller: Caller, meetingId: string, input: AddAgendaItemInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);

  const requested = input.pointId ? await requireTafelPoint(db, meeting.workspaceId, input.pointId, "pointId") : null;
  const fixes = !!requested && fixesTextVersion(meeting.type);
  if (requested) {
    const [dup] = await db.select({ id: agendaItems.id }).from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.pointId, requested.id))).limit(1);
    if (dup) throw new ApiError("CONFLICT", "Dit punt staat al op de agenda van deze vergadering.", "pointId");
    await catchUpPointText(deps, requested.id);
  }

  const id = newId();
  const now = new Date().toISOString();
  const moved = await writeTransaction(deps.database, async (tx) => {
    const point = requested ? (await readPoint(tx, requested.id))! : null;
    let move: Awaited<ReturnType<typeof movePointInTransaction>> | null = null;
    if (point && fixes) {
      if (point.status === "ambtelijk_akkoord") {
        move = await movePointInTransaction(tx, deps, actor, point.id, {
          to: "geagendeerd",
          reason: `Geagendeerd voor ${MEETING_TYPE_LABELS[meeting.type].toLowerCase()} "${meeting.title}" van ${formatDateTimeNl(meeting.startsAt)}; de tekst ligt vast.`,
          meetingId: meeting.id,
        });
      } else if (point.status !== "geagendeerd") {
        throw new ApiError("ILLEGAL_TRANSITION",
          "Alleen een punt waarover ambtelijk akkoord is, kan op de agenda van een formeel OOGO. Dit punt heeft die status nog niet.", "pointId");
      }
    }
    // The workflow refuses to move a point whose cached hash lags its text, so this is the locked version.
    const text = point ? await readPointText(deps, point) : null;
    if (point && fixes && text && text.hash !== (move?.textHash ?? point.textHash)) {
      throw new ApiError("TEXT_CHANGED", "De tekst van dit punt is zojuist gewijzigd. Probeer het opnieuw.");
    }
    const title = input.title ?? point!.title;
    await bumpMeetingVersion(tx, meeting.id, undefined, now);
    const [last] = await tx.select({ max: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id));
    await tx.insert(agendaItems).values({
      id, meetingId: meeting.id, position: (last?.max ?? -1) + 1, title, pointId: point?.id ?? null,
      textHash: text?.hash ?? null, textJson: text?.json ?? null, createdAt: now,
    });
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.agenda_item_added", entityType: "meeting", entityId: meeting.id, actor, at: now,
      textHash: text?.hash ?? null,
      data: { agendaItemId: id, title, pointId: point?.id ?? null, textFixed: fixes },
    });
    return move;
  });
  moved?.publish();
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.agenda_item_added" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
