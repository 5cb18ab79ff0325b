/**
 * The one place the meetings feature touches overeenstemmingspunten. Reads go to the points
 * table; every status change goes through the points workflow's own verb
 * (`transitionPointInTransaction`), which is the authority on which move is allowed for whom,
 * and runs inside the meeting verb's transaction so the point step and the meeting change
 * commit together or not at all.
 */
import { eq } from "drizzle-orm";
import type { WriteTx } from "../../../db/writeLock.ts";
import { points } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { PointStatus } from "../../../shared/domain/pointStatus.ts";
import { canonicalJson, textHash } from "../../../shared/domain/textHash.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { ApiError } from "../../http/errors.ts";
import { refreshPointText } from "../points/refreshPointText.ts";
import { transitionPointInTransaction } from "../points/transitionPoint.ts";

export interface PointSnapshot {
  id: string;
  workspaceId: string;
  title: string;
  theme: string;
  status: PointStatus;
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

/**
 * Lets the points workflow catch up with a text change that reached storage but not yet the
 * point's cached hash (its own transaction), so the move below binds to the current text.
 */
export async function catchUpPointText(deps: AppDeps, pointId: string): Promise<void> {
  await refreshPointText(deps, pointId);
}

export interface MoveInput {
  to: string;
  reason: string;
  expectedVersion?: number;
  meetingId: string;
}

/**
 * Moves a point inside the caller's write transaction on behalf of a meeting. Throws the
 * workflow's 403/409 unchanged (rolling back the caller's transaction); call `publish()` after
 * the commit.
 */
export async function movePointInTransaction(tx: WriteTx, deps: AppDeps, actor: MembershipContext, pointId: string, input: MoveInput) {
  return transitionPointInTransaction(tx, deps, actor, pointId, input);
}
