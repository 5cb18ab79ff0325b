/**
 * Building blocks the point verbs share: loading a point with its scope, stances and sign-offs,
 * the version check-and-increment, logged status changes, automatic steps and text versions.
 * Not verbs themselves; only files in this folder use them.
 */
import { and, asc, eq } from "drizzle-orm";
import type { WriteTx } from "../../../db/writeLock.ts";
import {
  auditEvents, organisations, points, pointScope, pointStances, pointTextVersions, signoffs, workspaceParties,
} from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import {
  automaticTransition, isTextLocked, type PointFacts, type PointStatus,
} from "../../../shared/domain/pointStatus.ts";
import { effectiveStance } from "../../../shared/domain/stances.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { ApiError, forbidden, notFound } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";

export type PointRow = typeof points.$inferSelect;
export type StanceRow = typeof pointStances.$inferSelect;
export type SignoffRow = typeof signoffs.$inferSelect;
export type AuditRow = typeof auditEvents.$inferSelect;

export interface ScopeParty {
  id: string;
  name: string;
  kind: "swv" | "gemeente";
}

/** The durable text of a point: canonical ProseMirror JSON and its hash. */
export interface DurableText {
  hash: string;
  json: string;
}

export const pointDocumentName = (point: { id: string; workspaceId: string }) => documentNames.point(point.workspaceId, point.id);

export async function loadPoint(db: DbOrTx, pointId: string): Promise<PointRow | null> {
  const [row] = await db.select().from(points).where(eq(points.id, pointId)).limit(1);
  return row ?? null;
}

export async function requirePoint(db: DbOrTx, pointId: string): Promise<PointRow> {
  const point = await loadPoint(db, pointId);
  if (!point) throw notFound("Dit overeenstemmingspunt");
  return point;
}

/** A member of one tafel may never act on a point of another. */
export function assertActorAtPoint(actor: MembershipContext, point: PointRow): void {
  if (actor.workspaceId !== point.workspaceId) throw forbidden("U bent geen deelnemer aan de OOGO-tafel van dit punt.");
}

/** Reads the point's text from the durable Yjs state (never from a cache or a client). */
export async function readDurableText(deps: AppDeps, point: { id: string; workspaceId: string }): Promise<DurableText> {
  const json = await deps.documents.readJson(pointDocumentName(point));
  return { hash: textHash(json), json: canonicalJson(json) };
}

/**
 * Refuses to act while the cached hash lags the durable text: a verb must never bind a stance,
 * signature or lock to a text the parties have not seen. (The text watcher or the verb's own
 * refresh brings the cache up to date first; this is the guard for the window in between.)
 */
export function assertTextCurrent(point: PointRow, text: DurableText): void {
  if (text.hash !== point.textHash) {
    throw new ApiError("TEXT_CHANGED", "De tekst is zojuist gewijzigd. Lees de nieuwe tekst en probeer het opnieuw.");
  }
}

/** Ids of the gemeenten named in the scope; empty means all gemeenten. */
export async function scopeGemeenteIds(db: DbOrTx, pointId: string): Promise<string[]> {
  const rows = await db.select({ id: pointScope.organisationId }).from(pointScope).where(eq(pointScope.pointId, pointId));
  return rows.map((r) => r.id);
}

/** The tafel's parties in their fixed order. */
export async function tafelParties(db: DbOrTx, workspaceId: string): Promise<ScopeParty[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
}

/** SWVs are always in scope; gemeenten are the scope rows, or all gemeenten when there are none. */
export function resolveScope(parties: readonly ScopeParty[], gemeenteIds: readonly string[]): ScopeParty[] {
  return parties.filter((p) => p.kind === "swv" || gemeenteIds.length === 0 || gemeenteIds.includes(p.id));
}

export interface PointState {
  point: PointRow;
  gemeenteIds: string[];
  parties: ScopeParty[];
  stances: StanceRow[];
  signoffs: SignoffRow[];
  facts: PointFacts;
}

/** Everything the workflow rules need about a point, evaluated on its cached (current) text hash. */
export async function loadPointState(db: DbOrTx, point: PointRow): Promise<PointState> {
  const [all, gemeenteIds, stanceRows, signoffRows] = [
    await tafelParties(db, point.workspaceId),
    await scopeGemeenteIds(db, point.id),
    await db.select().from(pointStances).where(eq(pointStances.pointId, point.id)),
    await db.select().from(signoffs).where(eq(signoffs.pointId, point.id)).orderBy(asc(signoffs.signedAt), asc(signoffs.id)),
  ];
  const parties = resolveScope(all, gemeenteIds);
  return { point, gemeenteIds, parties, stances: stanceRows, signoffs: signoffRows, facts: factsOf(point, parties, stanceRows, signoffRows) };
}

/** Stores the exact text behind a hash an event refers to (once per point and hash). */
export async function saveTextVersion(tx: DbOrTx, pointId: string, text: DurableText): Promise<void> {
  await tx.insert(pointTextVersions)
    .values({ pointId, textHash: text.hash, json: text.json, createdAt: new Date().toISOString() })
    .onConflictDoNothing();
}

/**
 * The optimistic-concurrency gate: applies `patch` and increments the version only if the row
 * still has the version this request read. Inside a write transaction no other writer can slip
 * in, and the WHERE makes a second request with the same expectation fail even so.
 */
export async function advanceVersion(tx: WriteTx, point: PointRow, patch: Partial<Pick<PointRow, "status" | "textHash" | "title" | "termMonths" | "sectionKey">> = {}): Promise<PointRow> {
  const updatedAt = new Date().toISOString();
  const result = await tx.update(points)
    .set({ ...patch, version: point.version + 1, updatedAt })
    .where(and(eq(points.id, point.id), eq(points.version, point.version)));
  if (result.rowsAffected !== 1) throw versionConflict();
  return { ...point, ...patch, version: point.version + 1, updatedAt };
}

export const versionConflict = () =>
  new ApiError("VERSION_CONFLICT", "Iemand anders heeft dit punt net gewijzigd. Laad het punt opnieuw en probeer het nog eens.");

/** Throws VERSION_CONFLICT when the caller's expected version is stale. */
export function assertExpectedVersion(point: PointRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== point.version) throw versionConflict();
}

export interface StatusChangeOptions {
  reason: string;
  text: DurableText;
  /** Extra event data, e.g. { meetingId } or { automatic: true, trigger }. */
  data?: Record<string, unknown>;
}

/** Moves the status (cache) and logs the move in the same transaction. */
export async function changeStatus(
  tx: WriteTx, point: PointRow, to: PointStatus, actor: MembershipContext | null, options: StatusChangeOptions, events: AuditRow[],
): Promise<PointRow> {
  await saveTextVersion(tx, point.id, options.text);
  events.push(await appendEvent(tx, {
    workspaceId: point.workspaceId, type: "point.status_changed", entityType: "point", entityId: point.id, actor,
    fromStatus: point.status, toStatus: to, reasoning: options.reason, textHash: options.text.hash,
    data: { ...(options.data ?? {}), textLocked: isTextLocked(to) },
  }) as AuditRow);
  return advanceVersion(tx, point, { status: to });
}

const AUTOMATIC_REASONS: Partial<Record<PointStatus, string>> = {
  ambtelijk_akkoord: "Automatisch: alle partijen in de scope zijn ambtelijk akkoord met de huidige tekst.",
  in_bespreking: "Automatisch: niet langer alle partijen in de scope zijn ambtelijk akkoord met de huidige tekst.",
  overeenstemming: "Automatisch: alle partijen in de scope hebben de huidige tekst ondertekend.",
};

/**
 * Takes the steps the rules take by themselves (ambtelijk akkoord after the last akkoord,
 * overeenstemming after the last signature, back to bespreking when an akkoord is withdrawn),
 * each as its own logged system event. `cause` names the change that triggered them.
 */
export async function settleAutomatic(tx: WriteTx, point: PointRow, text: DurableText, cause: string, events: AuditRow[]): Promise<PointRow> {
  for (let i = 0; i < 4; i++) {
    const state = await loadPointState(tx, point);
    const next = automaticTransition(point.status, state.facts);
    if (!next) return point;
    point = await changeStatus(tx, point, next, null, {
      reason: AUTOMATIC_REASONS[next] ?? "Automatische stap.", text, data: { automatic: true, trigger: cause },
    }, events);
  }
  return point;
}

export interface PointOutcome {
  point: PointRow;
  /** The log entries this change appended, in order. */
  events: AuditRow[];
  /** The text went from editable to locked or back: open editors must re-authorise. */
  textLockChanged: boolean;
}

/** After the commit: tell open clients of the tafel (SSE) and, if the lock flipped, the sync server. */
export function publishOutcome(deps: AppDeps, outcome: PointOutcome): void {
  const { point } = outcome;
  for (const event of outcome.events) {
    deps.events.emit("workspace.changed", { workspaceId: point.workspaceId, entity: "point", entityId: point.id, type: event.type });
  }
  if (outcome.textLockChanged) deps.events.emit("document.accessChanged", { docName: pointDocumentName(point) });
}

/** Parses the JSON text of an audit event's data column (always canonical JSON of an object). */
export function eventData(row: { data: string }): Record<string, unknown> {
  try {
    const value = JSON.parse(row.data) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Plain text → a ProseMirror document: blank lines separate paragraphs; empty → one empty paragraph. */
export function plainTextToDoc(text: string | undefined): unknown {
  const paragraphs = (text ?? "").replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return { type: "doc", content: [{ type: "paragraph" }] };
  return { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p.replace(/\s*\n\s*/g, " ") }] })) };
}

/** The state of every point of a tafel in four queries (lists, the board, "te ondertekenen"). */
export async function loadAllPointStates(db: DbOrTx, workspaceId: string): Promise<PointState[]> {
  const rows = await db.select().from(points).where(eq(points.workspaceId, workspaceId)).orderBy(asc(points.theme), asc(points.createdAt), asc(points.id));
  if (rows.length === 0) return [];
  const all = await tafelParties(db, workspaceId);
  const scopeRows = await db.select({ pointId: pointScope.pointId, id: pointScope.organisationId }).from(pointScope)
    .innerJoin(points, eq(points.id, pointScope.pointId)).where(eq(points.workspaceId, workspaceId));
  const stanceRows = await db.select({ s: pointStances }).from(pointStances)
    .innerJoin(points, eq(points.id, pointStances.pointId)).where(eq(points.workspaceId, workspaceId));
  const signoffRows = await db.select({ s: signoffs }).from(signoffs)
    .innerJoin(points, eq(points.id, signoffs.pointId)).where(eq(points.workspaceId, workspaceId))
    .orderBy(asc(signoffs.signedAt), asc(signoffs.id));
  return rows.map((point) => {
    const gemeenteIds = scopeRows.filter((r) => r.pointId === point.id).map((r) => r.id);
    const parties = resolveScope(all, gemeenteIds);
    const stances = stanceRows.filter((r) => r.s.pointId === point.id).map((r) => r.s);
    const signed = signoffRows.filter((r) => r.s.pointId === point.id).map((r) => r.s);
    return { point, gemeenteIds, parties, stances, signoffs: signed, facts: factsOf(point, parties, stances, signed) };
  });
}

function factsOf(point: PointRow, parties: readonly ScopeParty[], stances: readonly StanceRow[], signed: readonly SignoffRow[]): PointFacts {
  return {
    parties: parties.map((p) => ({
      partyId: p.id,
      name: p.name,
      kind: p.kind,
      stance: effectiveStance(stances.find((s) => s.organisationId === p.id), point.textHash),
      signed: signed.some((s) => s.organisationId === p.id && s.textHash === point.textHash),
    })),
  };
}
