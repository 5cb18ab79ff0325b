import { asc, eq } from "drizzle-orm";
import { procedureSteps } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { todayInNl } from "../../../shared/domain/meetings.ts";
import type { ProcedureView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { requireMembership } from "../../auth/access.ts";
import { presentStep } from "./presentStep.ts";

/** The agreed procedure of a tafel: its co-edited text and its checklist, with what is due and late today. */
export async function listProcedure(deps: AppDeps, caller: Caller, workspaceId: string, now = new Date()): Promise<ProcedureView> {
  const { db } = deps.database;
  await requireMembership(db, caller, workspaceId);
  const today = todayInNl(now);
  const rows = await db.select().from(procedureSteps).where(eq(procedureSteps.workspaceId, workspaceId)).orderBy(asc(procedureSteps.position));
  return { document: documentNames.procedure(workspaceId), today, steps: rows.map((r) => presentStep(r, today)) };
}
