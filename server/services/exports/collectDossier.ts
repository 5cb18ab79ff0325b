import type { AttendanceState } from "../../../shared/domain/attendance.ts";
/**
 * Everything the dossier says, read once and ordered deterministically: the tafel, the agreed
 * procedure (text and steps), the disputed points with their full histories (from the points
 * workflow's dossier helper), the agreed points, every meeting with attendance, agenda,
 * decisions and approved minutes, and the log checkpoint. No clock is read here. A building block
 * of buildDossier, which checks access (`dossier.build`) before it calls this.
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import {
  agendaItems,
  auditEvents,
  meetingAttendance,
  meetingParties,
  meetings,
  minutesAmendments,
  procedureSteps,
  users,
} from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { isAgreed, type DossierRoute } from "../../../shared/domain/dossier.ts";
import type { MeetingStatus, MeetingType, MinutesStatus } from "../../../shared/domain/meetings.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import { describePoint } from "../points/getPointDetail.ts";
import { listPointEventsForDossier, type PointDossier } from "../points/listPointEventsForDossier.ts";
import { pointSummaries } from "../points/listPoints.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { logCheckpoint, type LogCheckpoint } from "./logCheckpoint.ts";
import { loadTafelContext, themeRank, type TafelContext } from "./tafelContext.ts";

export interface DossierMeeting {
  id: string;
  type: MeetingType;
  title: string;
  startsAt: string;
  place: string;
  status: MeetingStatus;
  invited: string[];
  attendance: Array<{
    partyId: string | null;
    name: string;
    capacity: string;
    present: boolean;
    attendance: AttendanceState;
    substitute: string | null;
    mandate: boolean;
  }>;
  agenda: Array<{
    position: number;
    title: string;
    pointId: string | null;
    textHash: string | null;
    decision: string | null;
    decisionNote: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
    statusBefore: string | null;
    statusAfter: string | null;
  }>;
  minutes: {
    status: MinutesStatus;
    approvedAt: string | null;
    approvedBy: string | null;
    hash: string | null;
    json: unknown;
  };
  amendments: Array<{
    seq: number;
    reason: string;
    openedBy: string;
    openedAt: string;
    fromHash: string;
    closedAt: string | null;
    toHash: string | null;
  }>;
}

export interface DossierData {
  tafel: TafelContext;
  route: DossierRoute;
  procedure: { json: unknown; hash: string; steps: Array<typeof procedureSteps.$inferSelect> };
  disputed: PointDossier[];
  agreed: PointDetail[];
  meetings: DossierMeeting[];
  /** Minutes approvals and amendments from the log (who, when, which hash). */
  minutesEvents: Array<{
    seq: number;
    at: string;
    type: string;
    meetingId: string;
    actorName: string;
    textHash: string | null;
    reasoning: string | null;
  }>;
  checkpoint: LogCheckpoint;
}

export interface CollectDossierInput {
  workspaceId: string;
  pointIds: readonly string[];
  route: DossierRoute;
}

export async function collectDossier(ctx: ServiceContext, input: CollectDossierInput): Promise<DossierData> {
  const { workspaceId, pointIds, route } = input;
  const db = dbOf(ctx);
  const tafel = await loadTafelContext(ctx, { workspaceId });
  const checkpoint = await logCheckpoint(ctx, { workspaceId });

  const procedureJson = await ctx.deps.documents.readJson(documentNames.procedure(workspaceId));
  const steps = await db
    .select()
    .from(procedureSteps)
    .where(eq(procedureSteps.workspaceId, workspaceId))
    .orderBy(asc(procedureSteps.position), asc(procedureSteps.id));

  const disputed: PointDossier[] = [];
  for (const id of pointIds) disputed.push(await listPointEventsForDossier(ctx, { pointId: id }));
  disputed.sort(
    (a, b) =>
      themeRank(tafel, a.point.theme) - themeRank(tafel, b.point.theme) ||
      cmp(a.point.title, b.point.title) ||
      cmp(a.point.id, b.point.id),
  );

  const summaries = await pointSummaries(ctx, workspaceId, {});
  const agreed: PointDetail[] = [];
  for (const s of summaries.filter((p) => isAgreed(p.status) && !pointIds.includes(p.id)))
    agreed.push(await describePoint(ctx, s.id, null));
  agreed.sort(
    (a, b) => themeRank(tafel, a.theme) - themeRank(tafel, b.theme) || cmp(a.title, b.title) || cmp(a.id, b.id),
  );

  return {
    tafel,
    route,
    procedure: { json: procedureJson, hash: textHash(procedureJson), steps },
    disputed,
    agreed,
    meetings: await collectMeetings(ctx, workspaceId),
    minutesEvents: (
      await db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.workspaceId, workspaceId),
            inArray(auditEvents.type, ["minutes.approved", "minutes.amended", "minutes.amendment_opened"]),
            lte(auditEvents.seq, checkpoint.seq),
          ),
        )
        .orderBy(asc(auditEvents.seq))
    ).map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      meetingId: e.entityId,
      actorName: e.actorName,
      textHash: e.textHash,
      reasoning: e.reasoning,
    })),
    checkpoint,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function collectMeetings(ctx: ServiceContext, workspaceId: string): Promise<DossierMeeting[]> {
  const db = dbOf(ctx);
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.workspaceId, workspaceId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const invited = await db.select().from(meetingParties).where(inArray(meetingParties.meetingId, ids));
  const attendance = await db
    .select()
    .from(meetingAttendance)
    .where(inArray(meetingAttendance.meetingId, ids))
    .orderBy(asc(meetingAttendance.position));
  const agenda = await db
    .select()
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, ids))
    .orderBy(asc(agendaItems.position));
  const userIds = [
    ...new Set(
      [...agenda.map((a) => a.decidedBy), ...rows.map((m) => m.minutesApprovedBy)].filter((id): id is string => !!id),
    ),
  ];
  const names = new Map(
    userIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  const amendments = await db
    .select()
    .from(minutesAmendments)
    .where(inArray(minutesAmendments.meetingId, ids))
    .orderBy(asc(minutesAmendments.seq));
  return rows.map((m) => ({
    id: m.id,
    type: m.type,
    title: m.title,
    startsAt: m.startsAt,
    place: m.place,
    status: m.status,
    invited: invited.filter((i) => i.meetingId === m.id).map((i) => i.organisationId),
    attendance: attendance
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({
        partyId: a.organisationId,
        name: a.name,
        capacity: a.capacity,
        present: a.attendance === "aanwezig",
        attendance: a.attendance,
        substitute: a.substitute,
        mandate: a.mandate,
      })),
    agenda: agenda
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({
        position: a.position,
        title: a.title,
        pointId: a.pointId,
        textHash: a.textHash,
        decision: a.decision,
        decisionNote: a.decisionNote,
        decidedAt: a.decidedAt,
        decidedBy: a.decidedBy ? (names.get(a.decidedBy) ?? "Onbekend") : null,
        statusBefore: a.pointStatusBefore,
        statusAfter: a.pointStatusAfter,
      })),
    minutes: {
      status: m.minutesStatus,
      approvedAt: m.minutesApprovedAt,
      approvedBy: m.minutesApprovedBy ? (names.get(m.minutesApprovedBy) ?? "Onbekend") : null,
      hash: m.minutesApprovedHash,
      json: m.minutesApprovedJson ? (JSON.parse(m.minutesApprovedJson) as unknown) : null,
    },
    amendments: amendments
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({
        seq: a.seq,
        reason: a.reason,
        openedBy: a.openedByName,
        openedAt: a.openedAt,
        fromHash: a.fromHash,
        closedAt: a.closedAt,
        toHash: a.toHash,
      })),
  }));
}
