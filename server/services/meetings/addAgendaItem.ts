import { and, eq, max } from "drizzle-orm";
import { agendaItems } from "../../../db/schema/index.ts";
import { agendaFrozenReason, fixesTextVersion, MEETING_TYPE_LABELS } from "../../../shared/domain/meetings.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import type { AddAgendaItemInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import { FIXED_ITEM_TITLES, placementRefusal, type AgendaItemKind } from "../../../shared/domain/agendaBuilder.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { loadPoint } from "../points/pointState.ts";
import { readDurableText } from "../points/pointText.ts";
import { catchUpText } from "../points/refreshPointText.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, meetingAndMember, requireTafelPoint } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/**
 * Adds an item to a meeting's agenda (secretaris). An item about an overeenstemmingspunt keeps
 * the exact text put before the meeting. On a formal OOGO that version is fixed: the point must
 * be ambtelijk akkoord and moves to `geagendeerd` (its text locks) through the points workflow's
 * own verb, inside this verb's transaction — a refused move leaves the agenda unchanged.
 */
export async function addAgendaItem(
  ctx: ServiceContext,
  input: AddAgendaItemInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);

  const db = dbOf(ctx);
  const kind: AgendaItemKind = input.kind ?? (input.pointId ? "punt" : "overig");
  const requested = input.pointId ? await requireTafelPoint(db, meeting.workspaceId, input.pointId, "pointId") : null;
  if (requested) {
    // The agenda builder lists the same sentence next to a point it does not offer.
    const refusal = placementRefusal(meeting.type, requested.status);
    if (refusal) throw new ApiError("ILLEGAL_TRANSITION", refusal, "pointId");
  }
  let minutesOf: string | null = null;
  if (kind === "notulen") {
    const earlier = await findMeeting(db, input.minutesOfMeetingId!);
    if (
      earlier?.workspaceId !== meeting.workspaceId ||
      earlier.id === meeting.id ||
      earlier.startsAt >= meeting.startsAt
    )
      throw new ApiError(
        "VALIDATION_FAILED",
        "Kies een eerdere vergadering van deze tafel waarvan de notulen worden vastgesteld.",
        "minutesOfMeetingId",
      );
    if (earlier.minutesStatus !== "ter_vaststelling")
      throw new ApiError(
        "CONFLICT",
        "De notulen van die vergadering liggen niet ter vaststelling; leg ze eerst voor aan de partijen.",
        "minutesOfMeetingId",
      );
    minutesOf = earlier.id;
  }
  const fixes = !!requested && fixesTextVersion(meeting.type);
  if (requested) {
    const [dup] = await db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.pointId, requested.id)))
      .limit(1);
    if (dup) throw new ApiError("CONFLICT", "Dit punt staat al op de agenda van deze vergadering.", "pointId");
    // A pending text change is applied (and committed) first, so the version put on the agenda is the current one.
    await catchUpText(ctx, requested.id);
  }

  const id = newId();
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const point = requested ? (await loadPoint(t.tx, requested.id))! : null;
    let move: Awaited<ReturnType<typeof transitionPoint>> | null = null;
    if (point && fixes) {
      if (point.status === "ambtelijk_akkoord") {
        move = await transitionPoint(t, {
          pointId: point.id,
          to: "geagendeerd",
          reason: `Geagendeerd voor ${MEETING_TYPE_LABELS[meeting.type].toLowerCase()} "${meeting.title}" van ${formatDateTime(meeting.startsAt)}; de tekst ligt vast.`,
          meetingId: meeting.id,
        });
      } else if (point.status !== "geagendeerd") {
        throw new ApiError(
          "ILLEGAL_TRANSITION",
          "Alleen een punt waarover ambtelijk akkoord is, kan op de agenda van een formeel OOGO. Dit punt heeft die status nog niet.",
          "pointId",
        );
      }
    }
    // The workflow refuses to move a point whose cached hash lags its text, so this is the locked version.
    const text = point ? await readDurableText(t, point) : null;
    if (point && fixes && text && text.hash !== (move?.textHash ?? point.textHash)) {
      throw new ApiError("TEXT_CHANGED", "De tekst van dit punt is zojuist gewijzigd. Probeer het opnieuw.");
    }
    const title =
      input.title ??
      point?.title ??
      (kind === "notulen"
        ? `Notulen vorige vergadering`
        : kind !== "punt" && kind !== "overig"
          ? FIXED_ITEM_TITLES[kind]
          : "Agendapunt");
    await bumpMeetingVersion(t.tx, meeting.id, undefined, now);
    const [last] = await t.tx
      .select({ max: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id));
    await t.tx.insert(agendaItems).values({
      id,
      meetingId: meeting.id,
      position: (last?.max ?? -1) + 1,
      title,
      kind,
      minutesOfMeetingId: minutesOf,
      pointId: point?.id ?? null,
      textHash: text?.hash ?? null,
      textJson: text?.json ?? null,
      createdAt: now,
    });
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.agenda_item_added",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      textHash: text?.hash ?? null,
      data: {
        agendaItemId: id,
        title,
        kind,
        pointId: point?.id ?? null,
        textFixed: fixes,
        minutesOfMeetingId: minutesOf,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.agenda_item_added",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(db, meeting.id))!);
}
