import { and, eq } from "drizzle-orm";
import { meetings } from "../../../db/schema/index.ts";
import { checkTransition, isTextLocked, type PointStatus } from "../../../shared/domain/pointStatus.ts";
import { ApiError } from "../../http/errors.ts";
import { withTransaction, type ServiceContext } from "../serviceContext.ts";
import { loadPointState, pointAndMember, requirePoint, type LoggedEvent } from "./pointState.ts";
import {
  assertExpectedVersion,
  changeStatus,
  publishOutcome,
  settleAutomatic,
  type PointChange,
} from "./pointStatusChange.ts";
import { assertTextCurrent, readDurableText } from "./pointText.ts";
import { catchUpText } from "./refreshPointText.ts";
import { voidSignatures } from "./reopenPoint.ts";

export interface TransitionCommand {
  pointId: string;
  to: PointStatus;
  /** Why (for a meeting: the decision as minuted). Required, 3–4000 characters. */
  reason: string;
  /** The version the caller saw; stale → 409 VERSION_CONFLICT. Always sent by the UI. */
  expectedVersion?: number;
  /** The meeting whose decision this is; stored in the event so the dossier can cite it. */
  meetingId?: string;
  /**
   * A formal OOGO's decision only (never from a request body): the parties represented there by
   * an attending bestuurder, which the meeting decision rule reads (requireRepresented).
   */
  representedPartyIds?: readonly string[];
}

export interface TransitionResult extends PointChange {
  id: string;
  fromStatus: PointStatus;
  /** Status after the step and any automatic steps it triggered. */
  status: PointStatus;
  version: number;
  /** The text hash the step bound to (for geagendeerd: the locked text). */
  textHash: string;
}

/**
 * Moves a point to `to` on behalf of the actor, a member of the point's tafel (404 for an unknown
 * point, then 403 for a non-member), after checking the transition table: 403 when the role or
 * party may never take the step, 409 ILLEGAL_TRANSITION with the reason when the step does not
 * exist or its condition fails, 409 VERSION_CONFLICT for a stale expectedVersion, 409
 * TEXT_CHANGED when the text changed under the request. The step and any automatic follow-up
 * are logged in the same transaction and published after the commit.
 *
 * Composes: a meeting verb calls it inside its own transaction, and the point step and the
 * meeting change commit or roll back together. Agenda lock: moving to `geagendeerd` stores the
 * exact text the meeting discusses; that status locks the text, and the sync server refuses
 * writes once `document.accessChanged` fires after the commit.
 */
export async function transitionPoint(ctx: ServiceContext, input: TransitionCommand): Promise<TransitionResult> {
  const { member } = await pointAndMember(ctx, input.pointId);
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason.length < 3 || reason.length > 4000) {
    throw new ApiError("VALIDATION_FAILED", "reason: geef een reden van 3 tot 4000 tekens.", "reason");
  }
  await catchUpText(ctx, input.pointId);
  return withTransaction(ctx, async (t) => {
    let point = await requirePoint(t.tx, input.pointId);
    // A stale version first: whoever acted on an old view of the point must reload, whatever
    // the new state would say about their step.
    assertExpectedVersion(point, input.expectedVersion);
    const from = point.status;
    const state = await loadPointState(t.tx, point);
    const check = checkTransition({
      from,
      to: input.to,
      actor: { role: member.role, partyId: member.partyId, partyKind: member.partyKind },
      facts: input.representedPartyIds
        ? { ...state.facts, representedPartyIds: input.representedPartyIds }
        : state.facts,
    });
    if (!check.ok) throw new ApiError(check.code, check.reason);
    const text = await readDurableText(t, point);
    assertTextCurrent(point, text);
    if (input.meetingId !== undefined) {
      const [meeting] = await t.tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.id, input.meetingId), eq(meetings.workspaceId, point.workspaceId)))
        .limit(1);
      if (!meeting)
        throw new ApiError("VALIDATION_FAILED", "meetingId: dit overleg bestaat niet aan deze tafel.", "meetingId");
    }

    const events: LoggedEvent[] = [];
    // Herzien reopens an agreement for revision: its signatures stop protecting the text (logged).
    if (input.to === "herzien") events.push(await voidSignatures(t, point, state, member, reason, text.hash));
    // changeStatus stores the exact text the step binds to; for geagendeerd that is the locked text.
    const lock = input.to === "geagendeerd" ? { lockedTextHash: text.hash } : {};
    point = await changeStatus(
      t,
      point,
      input.to,
      member,
      {
        reason,
        text,
        data: {
          ...lock,
          ...(input.meetingId ? { meetingId: input.meetingId } : {}),
          ...(input.representedPartyIds ? { representedPartyIds: [...input.representedPartyIds] } : {}),
        },
      },
      events,
    );
    point = await settleAutomatic(t, point, text, "point.status_changed", events);
    const outcome = {
      point,
      events,
      // Herzien lifts both the status lock and the signatures' protection.
      textLockChanged: input.to === "herzien" || isTextLocked(from) !== isTextLocked(point.status),
      member,
    };
    publishOutcome(t, outcome);
    return {
      ...outcome,
      id: point.id,
      fromStatus: from,
      status: point.status,
      version: point.version,
      textHash: text.hash,
    };
  });
}
