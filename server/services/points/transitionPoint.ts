import { and, eq } from "drizzle-orm";
import { meetings } from "../../../db/schema/index.ts";
import { writeTransaction, type WriteTx } from "../../../db/writeLock.ts";
import { checkTransition, isTextLocked, type PointStatus } from "../../../shared/domain/pointStatus.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import {
  assertActorAtPoint, assertExpectedVersion, assertTextCurrent, changeStatus, loadPointState, publishOutcome, readDurableText,
  requirePoint, saveTextVersion, settleAutomatic, type AuditRow, type DurableText, type PointOutcome, type PointRow,
} from "./pointRecords.ts";
import { refreshPointText } from "./refreshPointText.ts";

export interface TransitionCommand {
  to: string;
  /** Why (for a meeting: the decision as minuted). Required, 3–4000 characters. */
  reason: string;
  /** The version the caller saw; stale → 409 VERSION_CONFLICT. Always sent by the UI. */
  expectedVersion?: number;
  /** The meeting whose decision this is; stored in the event so the dossier can cite it. */
  meetingId?: string;
}

export interface TransitionResult extends PointOutcome {
  id: string;
  fromStatus: PointStatus;
  /** Status after the step and any automatic steps it triggered. */
  status: PointStatus;
  version: number;
  /** The text hash the step bound to (for geagendeerd: the locked text). */
  textHash: string;
}

/**
 * Agenda lock: the text version a meeting discusses is fixed. Stores the exact text and returns
 * the event data that records it; the status change to `geagendeerd` (a TEXT_LOCKED status)
 * makes the sync server refuse writes once `document.accessChanged` fires after the commit.
 */
export async function lockPointText(tx: WriteTx, point: PointRow, text: DurableText): Promise<Record<string, unknown>> {
  await saveTextVersion(tx, point.id, text);
  return { lockedTextHash: text.hash };
}

/**
 * The transition inside a caller's write transaction, for a verb that must commit a point step
 * together with its own change (e.g. an agenda decision). Call it inside
 * `writeTransaction(deps.database, (tx) => …)` and call `publish()` after the commit.
 * Unlike transitionPoint it does not first catch up with a pending text change: a text that
 * changed since the last recompute is refused with TEXT_CHANGED.
 */
export async function transitionPointInTransaction(
  tx: WriteTx, deps: AppDeps, actor: MembershipContext, pointId: string, input: TransitionCommand,
): Promise<TransitionResult & { publish(): void }> {
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason.length < 3 || reason.length > 4000) {
    throw new ApiError("VALIDATION_FAILED", "reason: geef een reden van 3 tot 4000 tekens.", "reason");
  }
  let point = await requirePoint(tx, pointId);
  assertActorAtPoint(actor, point);
  // A stale version first: whoever acted on an old view of the point must reload, whatever
  // the new state would say about their step.
  assertExpectedVersion(point, input.expectedVersion);
  const from = point.status;
  const state = await loadPointState(tx, point);
  const check = checkTransition({
    from, to: input.to, actor: { role: actor.role, partyId: actor.partyId, partyKind: actor.partyKind }, facts: state.facts,
  });
  if (!check.ok) throw new ApiError(check.code, check.reason);
  const to = input.to as PointStatus;
  const text = await readDurableText(deps, point);
  assertTextCurrent(point, text);
  if (input.meetingId !== undefined) {
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.workspaceId, point.workspaceId))).limit(1);
    if (!meeting) throw new ApiError("VALIDATION_FAILED", "meetingId: dit overleg bestaat niet aan deze tafel.", "meetingId");
  }

  const events: AuditRow[] = [];
  const lock = to === "geagendeerd" ? await lockPointText(tx, point, text) : {};
  point = await changeStatus(tx, point, to, actor, {
    reason, text, data: { ...lock, ...(input.meetingId ? { meetingId: input.meetingId } : {}) },
  }, events);
  point = await settleAutomatic(tx, point, text, "point.status_changed", events);
  const outcome: PointOutcome = { point, events, textLockChanged: isTextLocked(from) !== isTextLocked(point.status) };
  return {
    ...outcome, id: point.id, fromStatus: from, status: point.status, version: point.version, textHash: text.hash,
    publish: () => publishOutcome(deps, outcome),
  };
}

/**
 * Moves a point to `to` on behalf of `actor` (a member of the point's tafel), after checking the
 * transition table: 403 when the role or party may never take the step, 409 ILLEGAL_TRANSITION
 * with the reason when the step does not exist or its condition fails, 409 VERSION_CONFLICT for a
 * stale expectedVersion, 409 TEXT_CHANGED when the text changed under the request. The step and
 * any automatic follow-up are logged in the same transaction and then published.
 */
export async function transitionPoint(deps: AppDeps, actor: MembershipContext, pointId: string, input: TransitionCommand): Promise<TransitionResult> {
  await refreshPointText(deps, pointId);
  const result = await writeTransaction(deps.database, (tx) => transitionPointInTransaction(tx, deps, actor, pointId, input));
  result.publish();
  const { publish: _publish, ...rest } = result;
  return rest;
}
