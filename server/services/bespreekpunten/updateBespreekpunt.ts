import { and, eq, inArray } from "drizzle-orm";
import { bespreekpunten, bespreekpuntPoints, points } from "../../../db/schema/index.ts";
import { statusProblem } from "../../../shared/domain/bespreekpunten.ts";
import type { BespreekpuntView, UpdateBespreekpuntInput } from "../../../shared/schemas/bespreekpunten.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { assertThemeOfTafel } from "../points/pointInputRules.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import {
  assertVersion,
  bespreekpuntAndMember,
  findBespreekpunt,
  presentList,
  recordChange,
} from "./bespreekpuntRecord.ts";
import { assertLeadParty } from "./bespreekpuntRules.ts";

/**
 * Changes a bespreekpunt: status, title, question, lead, theme, plan passage, linked points
 * (bespreekpunt.manage). One audit event lists exactly what changed, from and to.
 */
export async function updateBespreekpunt(
  ctx: ServiceContext,
  input: UpdateBespreekpuntInput & { id: string },
): Promise<BespreekpuntView> {
  const { row: before, member } = await bespreekpuntAndMember(ctx, input.id);
  assertCan(
    member,
    "bespreekpunt.manage",
    "Alleen de ambtelijke werkgroep en de secretaris werken bespreekpunten bij.",
  );
  const { workspaceId } = before;
  await withTransaction(ctx, async (t) => {
    const row = (await findBespreekpunt(t.tx, input.id))!;
    assertVersion(row, input.expectedVersion);
    const now = nowIso(t);
    if (input.theme) await assertThemeOfTafel(t.tx, workspaceId, input.theme, "theme");
    if (input.leadPartyId) await assertLeadParty(t.tx, workspaceId, input.leadPartyId);

    const currentPoints = (
      await t.tx
        .select({ pointId: bespreekpuntPoints.pointId })
        .from(bespreekpuntPoints)
        .where(eq(bespreekpuntPoints.bespreekpuntId, row.id))
    ).map((r) => r.pointId);
    let pointIds = currentPoints;
    if (input.pointIds) {
      const known =
        input.pointIds.length === 0
          ? []
          : await t.tx
              .select({ id: points.id })
              .from(points)
              .where(and(eq(points.workspaceId, workspaceId), inArray(points.id, input.pointIds)));
      if (known.length !== input.pointIds.length)
        throw new ApiError("VALIDATION_FAILED", "Een gekoppeld punt bestaat niet aan deze OOGO-tafel.", "pointIds");
      pointIds = input.pointIds;
    }
    const status = input.status ?? row.status;
    const problem = statusProblem(status, pointIds.length);
    if (problem) throw new ApiError("ILLEGAL_TRANSITION", problem, "status");

    const next = {
      status,
      title: input.title ?? row.title,
      question: input.question ?? row.question,
      leadPartyId: input.leadPartyId === undefined ? row.leadPartyId : input.leadPartyId,
      theme: input.theme === undefined ? row.theme : input.theme,
      planSectionId: input.planSectionId === undefined ? row.planSectionId : input.planSectionId,
    };
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as Array<keyof typeof next>)
      if (next[key] !== row[key]) changed[key] = { from: row[key], to: next[key] };
    const pointsChanged =
      input.pointIds !== undefined &&
      (pointIds.length !== currentPoints.length || pointIds.some((p) => !currentPoints.includes(p)));
    if (pointsChanged) changed.pointIds = { from: currentPoints, to: pointIds };
    if (Object.keys(changed).length === 0) return;

    await t.tx
      .update(bespreekpunten)
      .set({ ...next, version: row.version + 1, updatedAt: now })
      .where(eq(bespreekpunten.id, row.id));
    if (pointsChanged) {
      await t.tx.delete(bespreekpuntPoints).where(eq(bespreekpuntPoints.bespreekpuntId, row.id));
      if (pointIds.length > 0)
        await t.tx.insert(bespreekpuntPoints).values(pointIds.map((pointId) => ({ bespreekpuntId: row.id, pointId })));
    }
    await recordChange(t, row, member, "bespreekpunt.updated", now, {
      fromStatus: changed.status ? row.status : null,
      toStatus: changed.status ? status : null,
      data: { changed },
    });
  });
  return (await presentList(ctx, workspaceId)).items.find((i) => i.id === input.id)!;
}
