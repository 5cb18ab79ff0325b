import { pointStances } from "../../../db/schema/index.ts";
import { writeTransaction } from "../../../db/writeLock.ts";
import { checkStance, effectiveStance, type Stance } from "../../../shared/domain/stances.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import {
  advanceVersion, assertActorAtPoint, assertExpectedVersion, assertTextCurrent, loadPointState, publishOutcome, readDurableText,
  requirePoint, saveTextVersion, settleAutomatic, type AuditRow, type PointOutcome,
} from "./pointRecords.ts";
import { refreshPointText } from "./refreshPointText.ts";

export interface RecordStanceCommand {
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
export async function recordStance(deps: AppDeps, actor: MembershipContext, pointId: string, input: RecordStanceCommand): Promise<PointOutcome> {
  await refreshPointText(deps, pointId);
  const outcome = await writeTransaction(deps.database, async (tx) => {
    let point = await requirePoint(tx, pointId);
    assertActorAtPoint(actor, point);
    const state = await loadPointState(tx, point);
    const reasoning = (input.reasoning ?? "").trim();
    const check = checkStance({
      role: actor.role, actorPartyId: actor.partyId, partiesInScope: state.parties.map((p) => p.id),
      status: point.status, stance: input.stance, reasoning,
    });
    if (!check.ok) throw new ApiError(check.code, check.reason, check.field);
    const stance = input.stance as Stance;
    const partyId = actor.partyId!;

    const text = await readDurableText(deps, point);
    if (input.textHash !== undefined && input.textHash !== text.hash) {
      throw new ApiError("TEXT_CHANGED", "De tekst is gewijzigd sinds u hem las. Lees de nieuwe tekst en geef dan uw standpunt.");
    }
    assertTextCurrent(point, text);
    assertExpectedVersion(point, input.expectedVersion);

    const previousRow = state.stances.find((s) => s.organisationId === partyId);
    const previous = effectiveStance(previousRow, point.textHash);
    const recordedAt = new Date().toISOString();
    const values = { stance, reasoning, textHash: text.hash, recordedBy: actor.userId, recordedAt };
    await tx.insert(pointStances).values({ pointId: point.id, organisationId: partyId, ...values })
      .onConflictDoUpdate({ target: [pointStances.pointId, pointStances.organisationId], set: values });
    await saveTextVersion(tx, point.id, text);
    const events: AuditRow[] = [await appendEvent(tx, {
      workspaceId: point.workspaceId, type: "point.stance_recorded", entityType: "point", entityId: point.id, actor,
      reasoning: reasoning || null, textHash: text.hash, at: recordedAt,
      data: { partyId, stance, previousStance: previous },
    }) as AuditRow];
    point = await advanceVersion(tx, point);
    point = await settleAutomatic(tx, point, text, "point.stance_recorded", events);
    return { point, events, textLockChanged: false };
  });
  publishOutcome(deps, outcome);
  return outcome;
}
