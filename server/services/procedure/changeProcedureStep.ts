import { and, asc, eq } from "drizzle-orm";
import { meetings, procedureSteps } from "../../../db/schema/index.ts";
import { todayInNl } from "../../../shared/domain/dates.ts";
import type { ChangeProcedureStepInput, ProcedureStepView } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { presentStep } from "./presentStep.ts";

type StepRow = typeof procedureSteps.$inferSelect;
const FIELDS = ["title", "dueDate", "doneOn", "note", "meetingId"] as const;
const column = { title: "title", dueDate: "dueDate", doneOn: "doneAt", note: "note", meetingId: "meetingId" } as const;

/**
 * Changes a checklist step (secretaris): its title, due date, note, linked meeting, place in the
 * list, or marks it done on a date (null re-opens it). Every change is logged with from → to.
 */
export async function changeProcedureStep(
  ctx: ServiceContext,
  input: ChangeProcedureStepInput & { workspaceId: string; stepId: string },
): Promise<ProcedureStepView> {
  const { workspaceId, stepId } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "procedure.manage", "Alleen de secretaris houdt de procedure bij.");
  const db = dbOf(ctx);
  const [step] = await db
    .select()
    .from(procedureSteps)
    .where(and(eq(procedureSteps.id, stepId), eq(procedureSteps.workspaceId, workspaceId)))
    .limit(1);
  if (!step) throw notFound("Deze processtap");
  const today = todayInNl(ctx.clock.now());
  if (input.doneOn && input.doneOn > today)
    throw new ApiError("VALIDATION_FAILED", "Een stap kan niet in de toekomst gedaan zijn.", "doneOn");
  if (input.meetingId) {
    const [m] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.workspaceId, workspaceId)))
      .limit(1);
    if (!m) throw new ApiError("VALIDATION_FAILED", "Deze vergadering hoort niet bij deze OOGO-tafel.", "meetingId");
  }

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const set: Partial<StepRow> = {};
  for (const field of FIELDS) {
    const value = input[field];
    const current = step[column[field]];
    if (value !== undefined && value !== current) {
      changes[field] = { from: current, to: value };
      (set as Record<string, unknown>)[column[field]] = value;
    }
  }
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    const where =
      input.expectedVersion === undefined
        ? eq(procedureSteps.id, step.id)
        : and(eq(procedureSteps.id, step.id), eq(procedureSteps.version, input.expectedVersion));
    const [current] = await tx.select({ version: procedureSteps.version }).from(procedureSteps).where(where).limit(1);
    if (!current)
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze stap is intussen door iemand anders gewijzigd. Laad de procedure opnieuw.",
      );
    if (input.position !== undefined) {
      const ordered = await tx
        .select({ id: procedureSteps.id })
        .from(procedureSteps)
        .where(eq(procedureSteps.workspaceId, workspaceId))
        .orderBy(asc(procedureSteps.position));
      const ids = ordered.map((r) => r.id).filter((id) => id !== step.id);
      const target = Math.min(input.position, ids.length);
      if (ordered.findIndex((r) => r.id === step.id) !== target) {
        changes.position = { from: step.position, to: target };
        ids.splice(target, 0, step.id);
        for (const [position, id] of ids.entries())
          await tx.update(procedureSteps).set({ position }).where(eq(procedureSteps.id, id));
      }
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(procedureSteps)
      .set({ ...set, version: current.version + 1, updatedAt: now })
      .where(eq(procedureSteps.id, step.id));
    const done = changes.doneOn ? (input.doneOn ? "gedaan" : "heropend") : null;
    await appendEvent(tx, {
      workspaceId,
      type:
        done === "gedaan"
          ? "procedure.step_done"
          : done === "heropend"
            ? "procedure.step_reopened"
            : "procedure.step_changed",
      entityType: "procedure_step",
      entityId: step.id,
      actor: member,
      at: now,
      fromStatus: done ? (step.doneAt ? "gedaan" : "open") : null,
      toStatus: done ? (input.doneOn ? "gedaan" : "open") : null,
      data: { title: input.title ?? step.title, changes },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "procedure",
        entityId: step.id,
        type: "procedure.step_changed",
      }),
    );
  });
  const [row] = await db.select().from(procedureSteps).where(eq(procedureSteps.id, step.id)).limit(1);
  return presentStep(row!, today);
}
