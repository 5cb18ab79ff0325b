/**
 * Loading a point with what the workflow rules need: its row, the parties in its scope, their
 * stances and sign-offs, and the facts the status table reads. Plain reads on a handle (the
 * database or the verb's transaction); no verbs here.
 */
import { asc, eq } from "drizzle-orm";
import {
  auditEvents,
  organisations,
  points,
  pointScope,
  pointStances,
  signoffs,
  signoffVoids,
  workspaceParties,
} from "../../../db/schema/index.ts";
import type { PointFacts } from "../../../shared/domain/pointStatus.ts";
import { effectiveStance } from "../../../shared/domain/stances.ts";
import { isSigningParty, type PartyKind } from "../../../shared/domain/parties.ts";
import type { MembershipContext } from "../../context.ts";
import { notFound } from "../../http/errors.ts";
import type { appendEvent, DbOrTx } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

export type PointRow = typeof points.$inferSelect;
export type StanceRow = typeof pointStances.$inferSelect;
export type SignoffRow = typeof signoffs.$inferSelect;
/** A sign-off as loaded: with the moment "Heropenen" voided it, or null while it stands. */
export type SignoffRecord = SignoffRow & { voidedAt: string | null };

/** A signature counts for `textHash` when it was given on exactly that text and not voided. */
export const isValidSignoff = (s: SignoffRecord, textHash: string): boolean =>
  s.textHash === textHash && s.voidedAt === null;

const signoffColumns = { s: signoffs, voidedAt: signoffVoids.voidedAt };
const toRecord = (r: { s: SignoffRow; voidedAt: string | null }): SignoffRecord => ({ ...r.s, voidedAt: r.voidedAt });
export type AuditRow = typeof auditEvents.$inferSelect;
/** A log entry a verb just appended (what is published after the commit). */
export type LoggedEvent = Awaited<ReturnType<typeof appendEvent>>;

export interface ScopeParty {
  id: string;
  name: string;
  kind: PartyKind;
}

export interface PointState {
  point: PointRow;
  gemeenteIds: string[];
  parties: ScopeParty[];
  stances: StanceRow[];
  signoffs: SignoffRecord[];
  facts: PointFacts;
}

export async function loadPoint(db: DbOrTx, pointId: string): Promise<PointRow | null> {
  const [row] = await db.select().from(points).where(eq(points.id, pointId)).limit(1);
  return row ?? null;
}

export async function requirePoint(db: DbOrTx, pointId: string): Promise<PointRow> {
  const point = await loadPoint(db, pointId);
  if (!point) throw notFound("Dit overeenstemmingspunt");
  return point;
}

/**
 * The point and the actor's membership at its tafel: 404 for an unknown point before 403 for
 * someone who is not a member of the point's tafel. A member of one tafel thus never acts on a
 * point of another.
 */
export async function pointAndMember(
  ctx: ServiceContext,
  pointId: string,
): Promise<{ point: PointRow; member: MembershipContext }> {
  const point = await requirePoint(dbOf(ctx), pointId);
  return { point, member: await membershipOf(ctx, point.workspaceId) };
}

/** Ids of the gemeenten named in the scope; empty means all gemeenten. */
export async function scopeGemeenteIds(db: DbOrTx, pointId: string): Promise<string[]> {
  const rows = await db
    .select({ id: pointScope.organisationId })
    .from(pointScope)
    .where(eq(pointScope.pointId, pointId));
  return rows.map((r) => r.id);
}

/**
 * The tafel's signing parties (SWVs and gemeenten) in their fixed order. Other participants
 * (`overig`) are never in a point's scope: they hold no stance and never sign (ADR 0010).
 */
export async function tafelParties(db: DbOrTx, workspaceId: string): Promise<ScopeParty[]> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
  return rows.flatMap((r) => (isSigningParty(r.kind) ? [{ id: r.id, name: r.name, kind: r.kind }] : []));
}

/** SWVs are always in scope; gemeenten are the scope rows, or all gemeenten when there are none. */
function resolveScope(parties: readonly ScopeParty[], gemeenteIds: readonly string[]): ScopeParty[] {
  return parties.filter((p) => p.kind === "swv" || gemeenteIds.length === 0 || gemeenteIds.includes(p.id));
}

/** Everything the workflow rules need about a point, evaluated on its cached (current) text hash. */
export async function loadPointState(db: DbOrTx, point: PointRow): Promise<PointState> {
  const [all, gemeenteIds, stanceRows, signoffRows] = [
    await tafelParties(db, point.workspaceId),
    await scopeGemeenteIds(db, point.id),
    await db.select().from(pointStances).where(eq(pointStances.pointId, point.id)),
    (
      await db
        .select(signoffColumns)
        .from(signoffs)
        .leftJoin(signoffVoids, eq(signoffVoids.signoffId, signoffs.id))
        .where(eq(signoffs.pointId, point.id))
        .orderBy(asc(signoffs.signedAt), asc(signoffs.id))
    ).map(toRecord),
  ];
  const parties = resolveScope(all, gemeenteIds);
  return {
    point,
    gemeenteIds,
    parties,
    stances: stanceRows,
    signoffs: signoffRows,
    facts: factsOf(point, parties, stanceRows, signoffRows),
  };
}

/** The state of every point of a tafel in four queries (lists, the board, "te ondertekenen"). */
export async function loadAllPointStates(db: DbOrTx, workspaceId: string): Promise<PointState[]> {
  const rows = await db
    .select()
    .from(points)
    .where(eq(points.workspaceId, workspaceId))
    .orderBy(asc(points.theme), asc(points.createdAt), asc(points.id));
  if (rows.length === 0) return [];
  const all = await tafelParties(db, workspaceId);
  const scopeRows = await db
    .select({ pointId: pointScope.pointId, id: pointScope.organisationId })
    .from(pointScope)
    .innerJoin(points, eq(points.id, pointScope.pointId))
    .where(eq(points.workspaceId, workspaceId));
  const stanceRows = await db
    .select({ s: pointStances })
    .from(pointStances)
    .innerJoin(points, eq(points.id, pointStances.pointId))
    .where(eq(points.workspaceId, workspaceId));
  const signoffRows = (
    await db
      .select(signoffColumns)
      .from(signoffs)
      .innerJoin(points, eq(points.id, signoffs.pointId))
      .leftJoin(signoffVoids, eq(signoffVoids.signoffId, signoffs.id))
      .where(eq(points.workspaceId, workspaceId))
      .orderBy(asc(signoffs.signedAt), asc(signoffs.id))
  ).map(toRecord);
  return rows.map((point) => {
    const gemeenteIds = scopeRows.filter((r) => r.pointId === point.id).map((r) => r.id);
    const parties = resolveScope(all, gemeenteIds);
    const stances = stanceRows.filter((r) => r.s.pointId === point.id).map((r) => r.s);
    const signed = signoffRows.filter((r) => r.pointId === point.id);
    return { point, gemeenteIds, parties, stances, signoffs: signed, facts: factsOf(point, parties, stances, signed) };
  });
}

function factsOf(
  point: PointRow,
  parties: readonly ScopeParty[],
  stances: readonly StanceRow[],
  signed: readonly SignoffRecord[],
): PointFacts {
  return {
    parties: parties.map((p) => ({
      partyId: p.id,
      name: p.name,
      kind: p.kind,
      stance: effectiveStance(
        stances.find((s) => s.organisationId === p.id),
        point.textHash,
      ),
      signed: signed.some((s) => s.organisationId === p.id && isValidSignoff(s, point.textHash)),
    })),
  };
}
