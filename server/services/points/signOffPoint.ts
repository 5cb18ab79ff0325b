import { signoffs } from "../../../db/schema/index.ts";
import { writeTransaction } from "../../../db/writeLock.ts";
import { isTextLocked, SIGNABLE_STATUSES, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { assertCan, requireParty } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError, forbidden } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import {
  advanceVersion, assertActorAtPoint, assertExpectedVersion, assertTextCurrent, loadPointState, publishOutcome, readDurableText,
  requirePoint, saveTextVersion, settleAutomatic, type AuditRow, type PointOutcome, type SignoffRow,
} from "./pointRecords.ts";
import { refreshPointText } from "./refreshPointText.ts";

export interface SignOffCommand {
  /** The hash of the text the bestuurder read and signs. */
  textHash: string;
  expectedVersion?: number;
}

/**
 * A bestuurder or wethouder signs the point for their party, bound to one exact text. The hash
 * is compared with the durable text recomputed inside the write transaction (not the cache, not
 * the client): while the transaction holds the write lock no edit can be stored, so the
 * signature binds to exactly what is on disk. When it is the last missing signature the point
 * reaches overeenstemming by itself (logged). The row is never changed afterwards (trigger).
 */
export async function signOffPoint(
  deps: AppDeps, actor: MembershipContext, pointId: string, input: SignOffCommand,
): Promise<PointOutcome & { signoff: SignoffRow }> {
  await refreshPointText(deps, pointId);
  const outcome = await writeTransaction(deps.database, async (tx) => {
    let point = await requirePoint(tx, pointId);
    assertActorAtPoint(actor, point);
    assertCan(actor, "point.signoff", "Alleen een bestuurder of wethouder ondertekent namens een partij.");
    const party = requireParty(actor);
    const state = await loadPointState(tx, point);
    if (!state.parties.some((p) => p.id === party.id)) throw forbidden("Uw partij valt buiten de scope van dit punt.");
    // The text check comes first: a signer whose text changed (which may also have moved the
    // point out of a signable status) learns exactly that.
    const text = await readDurableText(deps, point);
    if (input.textHash !== text.hash) {
      throw new ApiError("TEXT_CHANGED", "De tekst is gewijzigd sinds u hem las: uw handtekening zou niet op deze tekst slaan. Lees de huidige tekst en onderteken opnieuw.");
    }
    assertTextCurrent(point, text);
    if (!SIGNABLE_STATUSES.includes(point.status)) {
      throw new ApiError("CONFLICT", `In de status ${statusLabel(point.status)} kan niet worden ondertekend; dat kan na ambtelijk akkoord, op de agenda of bij een schikking.`);
    }
    assertExpectedVersion(point, input.expectedVersion);
    if (state.signoffs.some((s) => s.organisationId === party.id && s.textHash === text.hash)) {
      throw new ApiError("CONFLICT", `${party.name} heeft deze tekst al ondertekend.`);
    }

    const row: SignoffRow = {
      id: newId(), pointId: point.id, organisationId: party.id, userId: actor.userId, signerName: actor.userName,
      signerTitle: actor.title, textHash: text.hash, pointVersion: point.version, signedAt: new Date().toISOString(),
    };
    await tx.insert(signoffs).values(row);
    await saveTextVersion(tx, point.id, text);
    const events: AuditRow[] = [await appendEvent(tx, {
      workspaceId: point.workspaceId, type: "point.signed", entityType: "point", entityId: point.id, actor,
      textHash: text.hash, at: row.signedAt,
      data: { signoffId: row.id, partyId: party.id, signerTitle: actor.title, pointVersion: point.version, status: point.status },
    }) as AuditRow];
    const lockedBefore = isTextLocked(point.status);
    point = await advanceVersion(tx, point);
    point = await settleAutomatic(tx, point, text, "point.signed", events);
    // Signing on the agenda can complete the agreement, which lifts the agenda lock.
    return { point, events, textLockChanged: lockedBefore !== isTextLocked(point.status), signoff: row };
  });
  publishOutcome(deps, outcome);
  return outcome;
}
