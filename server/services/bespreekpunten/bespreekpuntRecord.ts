/**
 * What every bespreekpunt verb shares: load a row with the actor's membership, present the list
 * with its coverage, and record a change (audit event + live event) inside the verb's transaction.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  agendaItems,
  bespreekpuntAgendaItems,
  bespreekpunten,
  bespreekpuntPoints,
  meetings,
  organisations,
  planVersions,
  points,
  workspacePlans,
} from "../../../db/schema/index.ts";
import { STANDARD_SETS } from "../../../shared/data/bespreekpuntenSet.ts";
import { coverageOf } from "../../../shared/domain/bespreekpunten.ts";
import type { PlanText } from "../../../shared/domain/planText.ts";
import type { BespreekpuntenList, BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { afterCommit, dbOf, type ServiceContext, type TxContext } from "../serviceContext.ts";

export type BespreekpuntRow = typeof bespreekpunten.$inferSelect;

export async function findBespreekpunt(db: DbOrTx, id: string): Promise<BespreekpuntRow | null> {
  const [row] = await db.select().from(bespreekpunten).where(eq(bespreekpunten.id, id)).limit(1);
  return row ?? null;
}

/** The row and the actor's membership at its tafel: 404 for an unknown id, 403 for a non-member. */
export async function bespreekpuntAndMember(
  ctx: ServiceContext,
  id: string,
): Promise<{ row: BespreekpuntRow; member: MembershipContext }> {
  const row = await findBespreekpunt(dbOf(ctx), id);
  if (!row) throw notFound("Dit bespreekpunt");
  return { row, member: await membershipOf(ctx, row.workspaceId) };
}

/** 409 when someone else changed it since the caller read it. */
export function assertVersion(row: BespreekpuntRow, expected: number): void {
  if (row.version !== expected)
    throw new ApiError(
      "VERSION_CONFLICT",
      "Iemand anders heeft dit bespreekpunt intussen gewijzigd. Ververs de pagina en probeer het opnieuw.",
    );
}

/** Appends the audit event and, after commit, tells the tafel's clients to refresh. */
export async function recordChange(
  t: TxContext,
  row: Pick<BespreekpuntRow, "id" | "workspaceId">,
  member: MembershipContext | null,
  type: string,
  at: string,
  extra: { fromStatus?: string | null; toStatus?: string | null; data?: Record<string, unknown> } = {},
): Promise<void> {
  await appendEvent(t.tx, {
    workspaceId: row.workspaceId,
    type,
    entityType: "bespreekpunt",
    entityId: row.id,
    actor: member,
    at,
    fromStatus: extra.fromStatus ?? null,
    toStatus: extra.toStatus ?? null,
    data: extra.data ?? {},
  });
  afterCommit(t, () =>
    t.deps.events.emit("workspace.changed", {
      workspaceId: row.workspaceId,
      entity: "bespreekpunt",
      entityId: row.id,
      type,
    }),
  );
}

/** The standard sets this tafel's plans call for: the leeswijzer for an ondersteuningsplan, the mirror for a jeugdplan. */
export async function setsOfTafel(db: DbOrTx, workspaceId: string) {
  const kinds = await db
    .select({ kind: workspacePlans.kind })
    .from(workspacePlans)
    .where(eq(workspacePlans.workspaceId, workspaceId));
  const have = new Set(kinds.map((k) => k.kind));
  // A tafel without a plan yet still discusses an ondersteuningsplan: that is what the OOGO is about.
  if (have.size === 0) have.add("ondersteuningsplan");
  return (["ondersteuningsplan", "jeugdplan"] as const).filter((k) => have.has(k)).map((k) => STANDARD_SETS[k]);
}

export async function presentList(ctx: ServiceContext, workspaceId: string): Promise<BespreekpuntenList> {
  const db = dbOf(ctx);
  const rows = await db
    .select({ b: bespreekpunten, leadPartyName: organisations.name })
    .from(bespreekpunten)
    .leftJoin(organisations, eq(organisations.id, bespreekpunten.leadPartyId))
    .where(eq(bespreekpunten.workspaceId, workspaceId))
    .orderBy(asc(bespreekpunten.position));
  const ids = rows.map((r) => r.b.id);
  const pointLinks =
    ids.length === 0
      ? []
      : await db
          .select({
            bespreekpuntId: bespreekpuntPoints.bespreekpuntId,
            id: points.id,
            title: points.title,
            status: points.status,
          })
          .from(bespreekpuntPoints)
          .innerJoin(points, eq(points.id, bespreekpuntPoints.pointId))
          .where(inArray(bespreekpuntPoints.bespreekpuntId, ids));
  const agendaLinks =
    ids.length === 0
      ? []
      : await db
          .select({
            bespreekpuntId: bespreekpuntAgendaItems.bespreekpuntId,
            id: agendaItems.id,
            meetingId: meetings.id,
            meetingTitle: meetings.title,
            meetingType: meetings.type,
            startsAt: meetings.startsAt,
          })
          .from(bespreekpuntAgendaItems)
          .innerJoin(agendaItems, eq(agendaItems.id, bespreekpuntAgendaItems.agendaItemId))
          .innerJoin(meetings, and(eq(meetings.id, agendaItems.meetingId)))
          .where(inArray(bespreekpuntAgendaItems.bespreekpuntId, ids))
          .orderBy(asc(meetings.startsAt));
  const sourceOf = await planSources(
    db,
    workspaceId,
    rows.map((r) => r.b),
  );
  const items: BespreekpuntView[] = rows.map(({ b, leadPartyName }) => ({
    id: b.id,
    standardKey: b.standardKey,
    source: b.source,
    group: b.group,
    title: b.title,
    question: b.question,
    askedBy: b.askedBy,
    leadPartyId: b.leadPartyId,
    leadPartyName: leadPartyName ?? null,
    theme: b.theme,
    status: b.status,
    planSectionId: b.planSectionId,
    planVersionId: b.planVersionId,
    planSource: sourceOf(b),
    version: b.version,
    updatedAt: b.updatedAt,
    points: pointLinks.filter((p) => p.bespreekpuntId === b.id).map(({ id, title, status }) => ({ id, title, status })),
    agendaItems: agendaLinks.filter((a) => a.bespreekpuntId === b.id).map(({ bespreekpuntId: _, ...a }) => a),
  }));
  const sources = [...new Set(rows.map((r) => r.b.source))].flatMap((source) => {
    const set = Object.values(STANDARD_SETS).find((s) => s.source === source);
    return set ? [{ source, citation: set.citation }] : [];
  });
  return { items, coverage: coverageOf(items.map((i) => i.status)), sources };
}

type PlanSource = BespreekpuntView["planSource"];

/**
 * The plan title, version label and section number/title behind each plan-linked bespreekpunt, so
 * the list can say "Bron: <plan> §3.2 <titel>". Each cited version's text is read once per list.
 */
async function planSources(
  db: DbOrTx,
  workspaceId: string,
  rows: Array<Pick<BespreekpuntRow, "planVersionId" | "planSectionId">>,
): Promise<(row: Pick<BespreekpuntRow, "planVersionId" | "planSectionId">) => PlanSource> {
  const versionIds = [...new Set(rows.flatMap((r) => (r.planVersionId ? [r.planVersionId] : [])))];
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .select({
            id: planVersions.id,
            label: planVersions.label,
            planText: planVersions.planText,
            planTitle: workspacePlans.title,
          })
          .from(planVersions)
          .innerJoin(workspacePlans, eq(workspacePlans.id, planVersions.planId))
          // Only this tafel's versions: a link never names another tafel's plan.
          .where(and(inArray(planVersions.id, versionIds), eq(planVersions.workspaceId, workspaceId)));
  const byId = new Map(
    versions.map((v) => [
      v.id,
      { ...v, sections: new Map((JSON.parse(v.planText) as PlanText).sections.map((s) => [s.id, s])) },
    ]),
  );
  return (row) => {
    const v = row.planVersionId ? byId.get(row.planVersionId) : undefined;
    if (!v) return null;
    const section = row.planSectionId ? v.sections.get(row.planSectionId) : undefined;
    return {
      planTitle: v.planTitle,
      versionId: v.id,
      versionLabel: v.label,
      sectionId: section?.id ?? null,
      sectionNumber: section ? section.number || null : null,
      sectionTitle: section ? section.title || null : null,
    };
  };
}
