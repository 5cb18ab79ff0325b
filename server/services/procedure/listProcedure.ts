import { asc, eq } from "drizzle-orm";
import { procedureSteps } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { todayInNl } from "../../../shared/domain/dates.ts";
import type { ProcedureView } from "../../../shared/schemas/meetings.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { presentStep } from "./presentStep.ts";

/** The agreed procedure of a tafel: its co-edited text and its checklist, with what is due and late today (the clock's today). */
export async function listProcedure(ctx: ServiceContext, input: { workspaceId: string }): Promise<ProcedureView> {
  const { workspaceId } = input;
  await membershipOf(ctx, workspaceId);
  const today = todayInNl(ctx.clock.now());
  const rows = await dbOf(ctx)
    .select()
    .from(procedureSteps)
    .where(eq(procedureSteps.workspaceId, workspaceId))
    .orderBy(asc(procedureSteps.position));
  return { document: documentNames.procedure(workspaceId), today, steps: rows.map((r) => presentStep(r, today)) };
}
