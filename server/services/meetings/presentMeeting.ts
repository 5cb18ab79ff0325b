import { mandateLabel } from "../../../shared/domain/attendance.ts";
import { asc, eq, inArray } from "drizzle-orm";
import {
  agendaItems,
  meetingAttendance,
  meetingParties,
  meetings,
  minutesAmendments,
  organisations,
  points,
  users,
  workspaceParties,
} from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import {
  AGENDA_DECISION_LABELS,
  MEETING_TYPE_LABELS,
  agendaFrozenReason,
  meetingFrozenReason,
} from "../../../shared/domain/meetings.ts";
import { decisionsForKind, minutesDecisionWarnings } from "../../../shared/domain/agendaBuilder.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import type { AgendaItemView, AmendmentView, MeetingSummary, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import type { MeetingRow } from "./meetingRecord.ts";
import { agendaSignature } from "./agendaSignature.ts";
import { minutesReviewState } from "./minutesReview.ts";

export function presentSummary(meeting: MeetingRow, agendaCount: number): MeetingSummary {
  return {
    id: meeting.id,
    type: meeting.type,
    typeLabel: MEETING_TYPE_LABELS[meeting.type],
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    convocation:
      meeting.convenedAt !== null && meeting.convocationSequence !== null
        ? {
            sentAt: meeting.convenedAt,
            sequence: meeting.convocationSequence,
            cancelled: meeting.status === "geannuleerd",
          }
        : null,
    status: meeting.status,
    minutesStatus: meeting.minutesStatus,
    version: meeting.version,
    agendaCount,
  };
}

/** The full meeting as the API shows it, read fresh (including the minutes' current hash). */
export async function presentMeeting(ctx: ServiceContext, meeting: MeetingRow): Promise<MeetingView> {
  const db = dbOf(ctx);
  const invited = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(meetingParties)
    .innerJoin(organisations, eq(organisations.id, meetingParties.organisationId))
    .where(eq(meetingParties.meetingId, meeting.id));
  const order = await partyOrder(db, meeting.workspaceId);
  invited.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));

  const attendance = await db
    .select({ row: meetingAttendance, partyName: organisations.name, partyKind: organisations.kind })
    .from(meetingAttendance)
    .leftJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .where(eq(meetingAttendance.meetingId, meeting.id))
    .orderBy(asc(meetingAttendance.position));

  const agenda = await listAgenda(db, meeting.id);
  const amendments = await db
    .select()
    .from(minutesAmendments)
    .where(eq(minutesAmendments.meetingId, meeting.id))
    .orderBy(asc(minutesAmendments.seq));
  const approver = meeting.minutesApprovedBy
    ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, meeting.minutesApprovedBy)).limit(1))[0]
        ?.name ?? "Onbekend")
    : null;
  const minutesDocument = documentNames.minutes(meeting.workspaceId, meeting.id);
  const minutesJson = await ctx.deps.documents.readJson(minutesDocument);

  return {
    ...presentSummary(meeting, agenda.length),
    workspaceId: meeting.workspaceId,
    // Unknown (null) for meetings convened before the agenda was remembered: not claimed changed.
    agendaChangedSinceConvocation:
      meeting.convocationAgenda !== null &&
      meeting.status === "gepland" &&
      meeting.convocationAgenda !== (await agendaSignature(db, meeting.id)),
    invitedParties: invited,
    attendance: attendance.map(({ row, partyName, partyKind }) => ({
      id: row.id,
      party: row.organisationId ? { id: row.organisationId, name: partyName ?? "" } : null,
      name: row.name,
      capacity: row.capacity,
      present: row.attendance === "aanwezig",
      attendance: row.attendance,
      substitute: row.substitute,
      mandate: row.mandate,
      mandateLabel: row.mandate && partyKind ? mandateLabel({ name: partyName ?? "", kind: partyKind }) : null,
    })),
    agenda,
    minutesDocument,
    minutesHash: textHash(minutesJson),
    minutesApproval:
      meeting.minutesApprovedAt && meeting.minutesApprovedHash
        ? {
            approvedAt: meeting.minutesApprovedAt,
            approvedBy: approver ?? "Onbekend",
            textHash: meeting.minutesApprovedHash,
          }
        : null,
    minutesReview: await minutesReviewState(db, meeting),
    // Checked only while the text can still change or is before the parties; approved minutes are what they are.
    minutesWarnings:
      meeting.minutesStatus === "vastgesteld"
        ? []
        : minutesDecisionWarnings(minutesJson, agenda, AGENDA_DECISION_LABELS),
    amendments: amendments.map(presentAmendment),
    agendaFrozenReason: agendaFrozenReason(meeting),
    recordFrozenReason: meetingFrozenReason(meeting),
  };
}

export function presentAmendment(a: typeof minutesAmendments.$inferSelect): AmendmentView {
  return {
    id: a.id,
    seq: a.seq,
    reason: a.reason,
    openedBy: a.openedByName,
    openedAt: a.openedAt,
    fromHash: a.fromHash,
    closedBy: a.closedByName,
    closedAt: a.closedAt,
    toHash: a.toHash,
    changes: a.changes ? (JSON.parse(a.changes) as AmendmentView["changes"]) : null,
  };
}

export async function listAgenda(db: DbOrTx, meetingId: string): Promise<AgendaItemView[]> {
  const rows = await db
    .select({ item: agendaItems, deciderName: users.name })
    .from(agendaItems)
    .leftJoin(users, eq(users.id, agendaItems.decidedBy))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const pointIds = rows.map((r) => r.item.pointId).filter((id): id is string => !!id);
  const pointRows = pointIds.length
    ? await db
        .select({
          id: points.id,
          title: points.title,
          theme: points.theme,
          status: points.status,
          version: points.version,
          textHash: points.textHash,
        })
        .from(points)
        .where(inArray(points.id, pointIds))
    : [];
  const byId = new Map(pointRows.map((p) => [p.id, p]));
  const earlierIds = rows.map((r) => r.item.minutesOfMeetingId).filter((id): id is string => !!id);
  const earlier = new Map(
    (earlierIds.length
      ? await db
          .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
          .from(meetings)
          .where(inArray(meetings.id, earlierIds))
      : []
    ).map((m) => [m.id, m]),
  );
  return rows.map(({ item, deciderName }) => {
    const point = item.pointId ? (byId.get(item.pointId) ?? null) : null;
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      kind: item.kind,
      minutesOf: item.minutesOfMeetingId ? (earlier.get(item.minutesOfMeetingId) ?? null) : null,
      allowedDecisions: [...decisionsForKind(item.kind)],
      point,
      textHash: item.textHash,
      textChangedSince: !!(point && item.textHash && point.textHash !== item.textHash),
      decision: item.decision,
      decisionNote: item.decisionNote,
      decidedAt: item.decidedAt,
      decidedBy: item.decidedBy ? (deciderName ?? "Onbekend") : null,
      pointStatusBefore: item.pointStatusBefore,
      pointStatusAfter: item.pointStatusAfter,
    };
  });
}

async function partyOrder(db: DbOrTx, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db.select().from(workspaceParties).where(eq(workspaceParties.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.organisationId, r.position]));
}
