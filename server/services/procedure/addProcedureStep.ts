import { and, asc, eq } from "drizzle-orm";
import { procedureSteps } from "../../../db/schema/index.ts";
import { todayInNl } from "../../../shared/domain/dates.ts";
import type { AddProcedureStepInput, ProcedureStepView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { presentStep } from "./presentStep.ts";

/** Adds a step to the procedure checklist (secretaris), at the end or at a given place. */
export async function addProcedureStep(
  ctx: ServiceContext,
  input: AddProcedureStepInput & { workspaceId: string },
): Promise<ProcedureStepView> {
  const { workspaceId } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "procedure.manage", "Alleen de secretaris houdt de procedure bij.");
  const id = newId();
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    const existing = await tx
      .select({ id: procedureSteps.id })
      .from(procedureSteps)
      .where(eq(procedureSteps.workspaceId, workspaceId))
      .orderBy(asc(procedureSteps.position));
    const position = Math.min(input.position ?? existing.length, existing.length);
    // Shift the steps from `position` on, so positions stay dense and unique.
    for (let i = existing.length - 1; i >= position; i--) {
      await tx
        .update(procedureSteps)
        .set({ position: i + 1 })
        .where(and(eq(procedureSteps.id, existing[i]!.id)));
    }
    await tx.insert(procedureSteps).values({
      id,
      workspaceId,
      position,
      title: input.title,
      dueDate: input.dueDate ?? null,
      doneAt: null,
      note: input.note ?? "",
      meetingId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await appendEvent(tx, {
      workspaceId,
      type: "procedure.step_added",
      entityType: "procedure_step",
      entityId: id,
      actor: member,
      at: now,
      data: { title: input.title, dueDate: input.dueDate ?? null, position, note: input.note ?? "" },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "procedure",
        entityId: id,
        type: "procedure.step_added",
      }),
    );
  });
  const [row] = await dbOf(ctx).select().from(procedureSteps).where(eq(procedureSteps.id, id)).limit(1);
  return presentStep(row!, todayInNl(ctx.clock.now()));
}
