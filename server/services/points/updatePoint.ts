import { eq } from "drizzle-orm";
import { pointScope } from "../../../db/schema/index.ts";
import { writeTransaction } from "../../../db/writeLock.ts";
import { DETAILS_EDITABLE_STATUSES, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { UpdatePointInput } from "../../../shared/schemas/points.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertThemeOfTafel, normaliseScope } from "./pointInputRules.ts";
import {
  advanceVersion, assertActorAtPoint, assertExpectedVersion, assertTextCurrent, publishOutcome, readDurableText, requirePoint,
  scopeGemeenteIds, settleAutomatic, type AuditRow, type PointOutcome,
} from "./pointRecords.ts";
import { refreshPointText } from "./refreshPointText.ts";

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes title, scope, term or section link of a point that is not yet agreed. A scope change
 * changes who must agree, so the automatic steps are re-evaluated (a new gemeente without a
 * stance sends an ambtelijk akkoord back to bespreking).
 */
export async function updatePoint(deps: AppDeps, actor: MembershipContext, pointId: string, input: UpdatePointInput): Promise<PointOutcome> {
  await refreshPointText(deps, pointId);
  const outcome = await writeTransaction(deps.database, async (tx) => {
    let point = await requirePoint(tx, pointId);
    assertActorAtPoint(actor, point);
    assertCan(actor, "point.manage", "Alleen de ambtelijke werkgroep en de secretaris wijzigen titel en scope van een punt.");
    if (!DETAILS_EDITABLE_STATUSES.includes(point.status)) {
      throw new ApiError("CONFLICT", `In de status ${statusLabel(point.status)} liggen titel, scope en looptijd vast.`);
    }
    assertExpectedVersion(point, input.expectedVersion);
    const text = await readDurableText(deps, point);
    assertTextCurrent(point, text);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.title !== undefined && input.title !== point.title) changes.title = { from: point.title, to: input.title };
    if (input.termMonths !== undefined && input.termMonths !== point.termMonths) changes.termMonths = { from: point.termMonths, to: input.termMonths };
    if (input.sectionKey !== undefined && input.sectionKey !== point.sectionKey) {
      if (input.sectionKey !== null) await assertThemeOfTafel(tx, point.workspaceId, input.sectionKey, "sectionKey");
      changes.sectionKey = { from: point.sectionKey, to: input.sectionKey };
    }
    if (input.scope !== undefined) {
      const before = await scopeGemeenteIds(tx, point.id);
      const after = await normaliseScope(tx, point.workspaceId, input.scope);
      if (!sameSet(before, after)) {
        changes.scope = { from: before, to: after };
        await tx.delete(pointScope).where(eq(pointScope.pointId, point.id));
        if (after.length > 0) await tx.insert(pointScope).values(after.map((organisationId) => ({ pointId: point.id, organisationId })));
      }
    }
    const events: AuditRow[] = [];
    if (Object.keys(changes).length === 0) return { point, events, textLockChanged: false };

    events.push(await appendEvent(tx, {
      workspaceId: point.workspaceId, type: "point.updated", entityType: "point", entityId: point.id, actor,
      textHash: point.textHash, data: { changes },
    }) as AuditRow);
    point = await advanceVersion(tx, point, {
      ...(changes.title ? { title: input.title } : {}),
      ...(changes.termMonths ? { termMonths: input.termMonths ?? null } : {}),
      ...(changes.sectionKey ? { sectionKey: input.sectionKey ?? null } : {}),
    });
    point = await settleAutomatic(tx, point, text, "point.updated", events);
    return { point, events, textLockChanged: false };
  });
  publishOutcome(deps, outcome);
  return outcome;
}
