/** The plans on a tafel after creation: add one, change its title, period, status or version (tafel.manage). */
import { and, eq } from "drizzle-orm";
import { organisations, workspacePlans, workspaceParties } from "../../../db/schema/index.ts";
import { periodProblem } from "../../../shared/domain/parties.ts";
import { planProblem } from "../../../shared/domain/tafels.ts";
import type { AddPlanInput, UpdatePlanInput } from "../../../shared/schemas/tafel.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { requireTafelRow, tafelManager } from "./tafelRecords.ts";

export async function addPlan(
  ctx: ServiceContext,
  input: AddPlanInput & { workspaceId: string },
): Promise<{ planId: string }> {
  const { workspaceId } = input;
  const member = await tafelManager(ctx, workspaceId);
  const id = newId();
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    await requireTafelRow(tx, workspaceId);
    const [owner] = await tx
      .select({ kind: organisations.kind })
      .from(workspaceParties)
      .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
      .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, input.partyId)))
      .limit(1);
    const problem = planProblem(input, owner, "", "partyId");
    if (problem)
      throw new ApiError(
        "VALIDATION_FAILED",
        owner ? problem.message : "Deze partij zit niet aan deze tafel.",
        problem.field,
      );
    const existing = await tx
      .select({ position: workspacePlans.position })
      .from(workspacePlans)
      .where(eq(workspacePlans.workspaceId, workspaceId));
    const now = nowIso(t);
    const row = {
      id,
      workspaceId,
      kind: input.kind,
      organisationId: input.partyId,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: input.status ?? ("concept" as const),
      versionLabel: input.versionLabel ?? "",
      position: existing.reduce((m, r) => Math.max(m, r.position + 1), 0),
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(workspacePlans).values(row);
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.plan_added",
      entityType: "plan",
      entityId: id,
      actor: member,
      at: now,
      toStatus: row.status,
      data: {
        kind: row.kind,
        partyId: row.organisationId,
        title: row.title,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        versionLabel: row.versionLabel,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "workspace",
        entityId: id,
        type: "workspace.plan_added",
      }),
    );
  });
  return { planId: id };
}

export async function updatePlan(
  ctx: ServiceContext,
  input: UpdatePlanInput & { workspaceId: string; planId: string },
): Promise<void> {
  const { workspaceId, planId } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const [plan] = await tx
      .select()
      .from(workspacePlans)
      .where(and(eq(workspacePlans.id, planId), eq(workspacePlans.workspaceId, workspaceId)))
      .limit(1);
    if (!plan) throw notFound("Dit plan aan deze tafel");
    const next = {
      title: input.title ?? plan.title,
      periodStart: input.periodStart ?? plan.periodStart,
      periodEnd: input.periodEnd ?? plan.periodEnd,
      status: input.status ?? plan.status,
      versionLabel: input.versionLabel ?? plan.versionLabel,
    };
    const period = periodProblem(next.periodStart, next.periodEnd);
    if (period)
      throw new ApiError("VALIDATION_FAILED", period, input.periodEnd !== undefined ? "periodEnd" : "periodStart");
    const from = Object.fromEntries(
      Object.entries(next)
        .filter(([k, v]) => plan[k as keyof typeof next] !== v)
        .map(([k]) => [k, plan[k as keyof typeof next]]),
    );
    if (Object.keys(from).length === 0) return;
    const now = nowIso(t);
    await tx
      .update(workspacePlans)
      .set({ ...next, updatedAt: now })
      .where(eq(workspacePlans.id, planId));
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.plan_updated",
      entityType: "plan",
      entityId: planId,
      actor: member,
      at: now,
      fromStatus: plan.status,
      toStatus: next.status,
      data: { from, to: Object.fromEntries(Object.keys(from).map((k) => [k, next[k as keyof typeof next]])) },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "workspace",
        entityId: planId,
        type: "workspace.plan_updated",
      }),
    );
  });
}
