import { signoffs } from "../../../db/schema/index.ts";
import { SIGNABLE_STATUSES, statusLabel } from "../../../shared/domain/pointStatus.ts";
import { assertCan, requireParty } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError, forbidden } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import {
  isValidSignoff,
  loadPointState,
  pointAndMember,
  requirePoint,
  type LoggedEvent,
  type SignoffRow,
} from "./pointState.ts";
import {
  advanceVersion,
  assertExpectedVersion,
  publishOutcome,
  settleAutomatic,
  type PointChange,
} from "./pointStatusChange.ts";
import { assertTextCurrent, assertNoOpenSuggestions, readDurableText, saveTextVersion } from "./pointText.ts";
import { catchUpText } from "./refreshPointText.ts";

export interface SignOffCommand {
  pointId: string;
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
  ctx: ServiceContext,
  input: SignOffCommand,
): Promise<PointChange & { signoff: SignoffRow }> {
  const { member } = await pointAndMember(ctx, input.pointId);
  await catchUpText(ctx, input.pointId);
  return withTransaction(ctx, async (t) => {
    let point = await requirePoint(t.tx, input.pointId);
    assertCan(member, "point.signoff", "Alleen een bestuurder of wethouder ondertekent namens een partij.");
    const party = requireParty(member);
    const state = await loadPointState(t.tx, point);
    if (!state.parties.some((p) => p.id === party.id)) throw forbidden("Uw partij valt buiten de scope van dit punt.");
    // The text check comes first: a signer whose text changed (which may also have moved the
    // point out of a signable status) learns exactly that.
    const text = await readDurableText(t, point);
    assertNoOpenSuggestions(text, "ondertekening");
    if (input.textHash !== text.hash) {
      throw new ApiError(
        "TEXT_CHANGED",
        "De tekst is gewijzigd sinds u hem las: uw handtekening zou niet op deze tekst slaan. Lees de huidige tekst en onderteken opnieuw.",
      );
    }
    assertTextCurrent(point, text);
    if (!SIGNABLE_STATUSES.includes(point.status)) {
      throw new ApiError(
        "CONFLICT",
        `In de status ${statusLabel(point.status)} kan niet worden ondertekend; dat kan na ambtelijk akkoord, op de agenda, na akkoord in het overleg of bij een schikking.`,
      );
    }
    assertExpectedVersion(point, input.expectedVersion);
    if (state.signoffs.some((s) => s.organisationId === party.id && isValidSignoff(s, text.hash))) {
      throw new ApiError("CONFLICT", `${party.name} heeft deze tekst al ondertekend.`);
    }

    const row: SignoffRow = {
      id: newId(),
      pointId: point.id,
      organisationId: party.id,
      userId: member.userId,
      signerName: member.userName,
      signerTitle: member.title,
      textHash: text.hash,
      pointVersion: point.version,
      signedAt: nowIso(t),
    };
    await t.tx.insert(signoffs).values(row);
    await saveTextVersion(t, point.id, text);
    const events: LoggedEvent[] = [
      await appendEvent(t.tx, {
        workspaceId: point.workspaceId,
        type: "point.signed",
        entityType: "point",
        entityId: point.id,
        actor: member,
        textHash: text.hash,
        at: row.signedAt,
        data: {
          signoffId: row.id,
          partyId: party.id,
          signerTitle: member.title,
          pointVersion: point.version,
          status: point.status,
        },
      }),
    ];
    point = await advanceVersion(t, point);
    point = await settleAutomatic(t, point, text, "point.signed", events);
    // A valid signature protects the text (isPointTextLocked): open editors re-authorise and
    // become read-only, so nobody voids this signature by typing.
    const outcome = {
      point,
      events,
      textLockChanged: true,
      member,
      signoff: row,
    };
    publishOutcome(t, outcome);
    return outcome;
  });
}
