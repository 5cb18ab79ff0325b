import { signoffVoids } from "../../../db/schema/index.ts";
import { checkReopen } from "../../../shared/domain/pointStatus.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import type { MembershipContext } from "../../context.ts";
import { nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import {
  isValidSignoff,
  loadPointState,
  pointAndMember,
  requirePoint,
  type LoggedEvent,
  type PointRow,
  type PointState,
} from "./pointState.ts";
import {
  advanceVersion,
  assertExpectedVersion,
  changeStatus,
  publishOutcome,
  type PointChange,
} from "./pointStatusChange.ts";
import { assertTextCurrent, readDurableText } from "./pointText.ts";
import { catchUpText } from "./refreshPointText.ts";

/** The audit event "Heropenen" appends; it lists the voided signatures (the notices to signers and trekkers read it). */
export const POINT_REOPENED = "point.reopened";

/**
 * Voids the valid signatures on the point's current text and appends the `point.reopened` event
 * listing them (also when there are none: the meeting's agreement itself is undone). Used by
 * "Heropenen" and by "Herzien", which reopens an agreement for revision.
 */
export async function voidSignatures(
  t: TxContext,
  point: PointRow,
  state: PointState,
  member: MembershipContext,
  reason: string,
  textHash: string,
): Promise<LoggedEvent> {
  const now = nowIso(t);
  const valid = state.signoffs.filter((s) => isValidSignoff(s, point.textHash));
  if (valid.length > 0) {
    await t.tx
      .insert(signoffVoids)
      .values(
        valid.map((s) => ({ signoffId: s.id, pointId: point.id, reason, voidedBy: member.userId, voidedAt: now })),
      );
  }
  const partyName = (id: string) => state.parties.find((p) => p.id === id)?.name ?? "";
  return appendEvent(t.tx, {
    workspaceId: point.workspaceId,
    type: POINT_REOPENED,
    entityType: "point",
    entityId: point.id,
    actor: member,
    at: now,
    reasoning: reason,
    textHash,
    data: {
      status: point.status,
      voidedSignoffs: valid.map((s) => ({
        signoffId: s.id,
        partyId: s.organisationId,
        partyName: partyName(s.organisationId),
        userId: s.userId,
        signerName: s.signerName,
        signedAt: s.signedAt,
      })),
    },
  });
}

export interface ReopenCommand {
  pointId: string;
  reason: string;
  expectedVersion: number;
}

/**
 * "Heropenen" (issue 13): a trekker of a party in scope or the secretaris voids the valid
 * signatures on the point's current text, with a reason, so the text can change again. One
 * `point.reopened` event lists every voided signature (id, party, signer) and the reason; the
 * point goes back to bespreking (a logged status step) unless it is there already. Nobody else
 * voids a signature: typing into a signed text is refused by the sync server.
 *
 * No automatic steps afterwards: the stances on the unchanged text still stand, but the point
 * stays in bespreking until the text is changed or someone acts — that is what "heropenen" asks.
 */
export async function reopenPoint(ctx: ServiceContext, input: ReopenCommand): Promise<PointChange> {
  const { member } = await pointAndMember(ctx, input.pointId);
  await catchUpText(ctx, input.pointId);
  return withTransaction(ctx, async (t) => {
    let point = await requirePoint(t.tx, input.pointId);
    assertExpectedVersion(point, input.expectedVersion);
    const state = await loadPointState(t.tx, point);
    const valid = state.signoffs.filter((s) => isValidSignoff(s, point.textHash));
    const check = checkReopen({
      status: point.status,
      actor: { role: member.role, partyId: member.partyId, partyKind: member.partyKind },
      facts: state.facts,
      validSignatures: valid.length,
    });
    if (!check.ok) throw new ApiError(check.code, check.reason);
    const text = await readDurableText(t, point);
    assertTextCurrent(point, text);

    const events: LoggedEvent[] = [await voidSignatures(t, point, state, member, input.reason, text.hash)];
    point =
      point.status === "in_bespreking"
        ? await advanceVersion(t, point)
        : await changeStatus(
            t,
            point,
            "in_bespreking",
            member,
            { reason: `Heropend: ${input.reason}`, text, data: { trigger: POINT_REOPENED } },
            events,
          );
    // The text is writable again: open editors re-authorise.
    const outcome = { point, events, textLockChanged: true, member };
    publishOutcome(t, outcome);
    return outcome;
  });
}
