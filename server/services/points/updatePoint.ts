import { eq } from "drizzle-orm";
import { pointScope } from "../../../db/schema/index.ts";
import { DETAILS_EDITABLE_STATUSES, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { UpdatePointInput } from "../../../shared/schemas/points.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { assertThemeOfTafel, normaliseScope } from "./pointInputRules.ts";
import { pointAndMember, requirePoint, scopeGemeenteIds, type LoggedEvent } from "./pointState.ts";
import {
  advanceVersion,
  assertExpectedVersion,
  publishOutcome,
  settleAutomatic,
  type PointChange,
} from "./pointStatusChange.ts";
import { assertTextCurrent, readDurableText } from "./pointText.ts";
import { catchUpText } from "./refreshPointText.ts";

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes title, scope, term or section link of a point that is not yet agreed. A scope change
 * changes who must agree, so the automatic steps are re-evaluated (a new gemeente without a
 * stance sends an ambtelijk akkoord back to bespreking).
 */
export async function updatePoint(
  ctx: ServiceContext,
  input: UpdatePointInput & { pointId: string },
): Promise<PointChange> {
  const { member } = await pointAndMember(ctx, input.pointId);
  await catchUpText(ctx, input.pointId);
  return withTransaction(ctx, async (t) => {
    let point = await requirePoint(t.tx, input.pointId);
    assertCan(
      member,
      "point.manage",
      "Alleen de ambtelijke werkgroep en de secretaris wijzigen titel en scope van een punt.",
    );
    if (!DETAILS_EDITABLE_STATUSES.includes(point.status)) {
      throw new ApiError("CONFLICT", `In de status ${statusLabel(point.status)} liggen titel, scope en looptijd vast.`);
    }
    assertExpectedVersion(point, input.expectedVersion);
    const text = await readDurableText(t, point);
    assertTextCurrent(point, text);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.title !== undefined && input.title !== point.title)
      changes.title = { from: point.title, to: input.title };
    if (input.termMonths !== undefined && input.termMonths !== point.termMonths)
      changes.termMonths = { from: point.termMonths, to: input.termMonths };
    if (input.sectionKey !== undefined && input.sectionKey !== point.sectionKey) {
      if (input.sectionKey !== null) await assertThemeOfTafel(t.tx, point.workspaceId, input.sectionKey, "sectionKey");
      changes.sectionKey = { from: point.sectionKey, to: input.sectionKey };
    }
    if (input.scope !== undefined) {
      const before = await scopeGemeenteIds(t.tx, point.id);
      const after = await normaliseScope(t.tx, point.workspaceId, input.scope);
      if (!sameSet(before, after)) {
        changes.scope = { from: before, to: after };
        await t.tx.delete(pointScope).where(eq(pointScope.pointId, point.id));
        if (after.length > 0)
          await t.tx.insert(pointScope).values(after.map((organisationId) => ({ pointId: point.id, organisationId })));
      }
    }
    const events: LoggedEvent[] = [];
    if (Object.keys(changes).length === 0) return { point, events, textLockChanged: false, member };

    events.push(
      await appendEvent(t.tx, {
        workspaceId: point.workspaceId,
        type: "point.updated",
        entityType: "point",
        entityId: point.id,
        actor: member,
        at: nowIso(t),
        textHash: point.textHash,
        data: { changes },
      }),
    );
    point = await advanceVersion(t, point, {
      ...(changes.title ? { title: input.title } : {}),
      ...(changes.termMonths ? { termMonths: input.termMonths ?? null } : {}),
      ...(changes.sectionKey ? { sectionKey: input.sectionKey ?? null } : {}),
    });
    point = await settleAutomatic(t, point, text, "point.updated", events);
    const outcome = { point, events, textLockChanged: false, member };
    publishOutcome(t, outcome);
    return outcome;
  });
}
