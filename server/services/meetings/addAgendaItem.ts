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
import { movePoint, readPointText, requireTafelPoint } from "./pointWorkflow.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Adds an item to a meeting's agenda (secretaris). An item about an overeenstemmingspunt keeps
 * the exact text put before the meeting. On a formal OOGO that version is fixed: the point must
 * be ambtelijk akkoord and moves to `geagendeerd` (its text locks) through the points workflow,
 * before the item is stored — a refused move leaves the agenda unchanged.
 */
export async function addAgendaItem(deps: AppDeps, caller: Caller, meetingId: string, input: AddAgendaItemInput): Promise<MeetingView> {
  const { db } = deps.database;
  const { meeting, actor } = await loadMeetingFor(db, caller, meetingId);
  assertCan(actor, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);

  let point = input.pointId ? await requireTafelPoint(db, meeting.workspaceId, input.pointId, "pointId") : null;
  if (point) {
    const [dup] = await db.select({ id: agendaItems.id }).from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.pointId, point.id))).limit(1);
    if (dup) throw new ApiError("CONFLICT", "Dit punt staat al op de agenda van deze vergadering.", "pointId");
    if (fixesTextVersion(meeting.type)) {
      if (point.status === "ambtelijk_akkoord") {
        await movePoint(deps, actor, point.id, {
          to: "geagendeerd",
          reason: `Geagendeerd voor ${MEETING_TYPE_LABELS[meeting.type].toLowerCase()} "${meeting.title}" van ${formatDateTimeNl(meeting.startsAt)}; de tekst ligt vast.`,
          meetingId: meeting.id,
        });
      } else if (point.status !== "geagendeerd") {
        throw new ApiError("ILLEGAL_TRANSITION",
          "Alleen een punt waarover ambtelijk akkoord is, kan op de agenda van een formeel OOGO. Dit punt heeft die status nog niet.", "pointId");
      }
    }
  }
  // Read after a move: once geagendeerd the text is locked, so this is the version that stays.
  const text = point ? await readPointText(deps, point) : null;

  const id = newId();
  const now = new Date().toISOString();
  const title = input.title ?? point!.title;
  await db.transaction(async (tx) => {
    await bumpMeetingVersion(tx, meeting.id, undefined, now);
    const [last] = await tx.select({ max: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id));
    await tx.insert(agendaItems).values({
      id, meetingId: meeting.id, position: (last?.max ?? -1) + 1, title, pointId: point?.id ?? null,
      textHash: text?.hash ?? null, textJson: text?.json ?? null, createdAt: now,
    });
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId, type: "meeting.agenda_item_added", entityType: "meeting", entityId: meeting.id, actor, at: now,
      textHash: text?.hash ?? null,
      data: { agendaItemId: id, title, pointId: point?.id ?? null, textFixed: !!point && fixesTextVersion(meeting.type) },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "meeting", entityId: meeting.id, type: "meeting.agenda_item_added" });
  if (point) deps.events.emit("workspace.changed", { workspaceId: meeting.workspaceId, entity: "point", entityId: point.id, type: "meeting.agenda_item_added" });
  return presentMeeting(deps, (await findMeeting(db, meeting.id))!);
}
