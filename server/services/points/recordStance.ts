import { pointStances } from "../../../db/schema/index.ts";
import { checkStance, effectiveStance, isStance } from "../../../shared/domain/stances.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { loadPointState, pointAndMember, requirePoint, type LoggedEvent } from "./pointState.ts";
import {
  advanceVersion,
  assertExpectedVersion,
  publishOutcome,
  settleAutomatic,
  type PointChange,
} from "./pointStatusChange.ts";
import { assertTextCurrent, assertNoOpenSuggestions, readDurableText, saveTextVersion } from "./pointText.ts";
import { catchUpText } from "./refreshPointText.ts";

export interface RecordStanceCommand {
  pointId: string;
  stance: string;
  reasoning?: string;
  expectedVersion?: number;
  /** The text the trekker read; refused when the durable text differs. */
  textHash?: string;
}

/**
 * Records the stance of the actor's own party on the CURRENT durable text. The row in
 * point_stances is a cache of the latest stance; the history is the log. When this was the last
 * akkoord the point becomes ambtelijk akkoord by itself (a separate, logged system step); when
 * an akkoord is withdrawn it goes back to bespreking.
 */
export async function recordStance(ctx: ServiceContext, input: RecordStanceCommand): Promise<PointChange> {
  const { member } = await pointAndMember(ctx, input.pointId);
  await catchUpText(ctx, input.pointId);
  return withTransaction(ctx, async (t) => {
    let point = await requirePoint(t.tx, input.pointId);
    const state = await loadPointState(t.tx, point);
    const reasoning = (input.reasoning ?? "").trim();
    const check = checkStance({
      role: member.role,
      actorPartyId: member.partyId,
      partiesInScope: state.parties.map((p) => p.id),
      status: point.status,
      stance: input.stance,
      reasoning,
    });
    if (!check.ok) throw new ApiError(check.code, check.reason, check.field);
    const stance = input.stance;
    // checkStance accepted it, so this only narrows the type.
    if (!isStance(stance) || !member.partyId) throw new ApiError("VALIDATION_FAILED", "Onbekend standpunt.", "stance");
    const partyId = member.partyId;

    const text = await readDurableText(t, point);
    assertNoOpenSuggestions(text, "standpunt");
    if (input.textHash !== undefined && input.textHash !== text.hash) {
      throw new ApiError(
        "TEXT_CHANGED",
        "De tekst is gewijzigd sinds u hem las. Lees de nieuwe tekst en geef dan uw standpunt.",
      );
    }
    assertTextCurrent(point, text);
    assertExpectedVersion(point, input.expectedVersion);

    const previous = effectiveStance(
      state.stances.find((s) => s.organisationId === partyId),
      point.textHash,
    );
    const recordedAt = nowIso(t);
    const values = { stance, reasoning, textHash: text.hash, recordedBy: member.userId, recordedAt };
    await t.tx
      .insert(pointStances)
      .values({ pointId: point.id, organisationId: partyId, ...values })
      .onConflictDoUpdate({ target: [pointStances.pointId, pointStances.organisationId], set: values });
    await saveTextVersion(t, point.id, text);
    const events: LoggedEvent[] = [
      await appendEvent(t.tx, {
        workspaceId: point.workspaceId,
        type: "point.stance_recorded",
        entityType: "point",
        entityId: point.id,
        actor: member,
        reasoning: reasoning || null,
        textHash: text.hash,
        at: recordedAt,
        data: { partyId, stance, previousStance: previous },
      }),
    ];
    point = await advanceVersion(t, point);
    point = await settleAutomatic(t, point, text, "point.stance_recorded", events);
    const outcome = { point, events, textLockChanged: false, member };
    publishOutcome(t, outcome);
    return outcome;
  });
}
