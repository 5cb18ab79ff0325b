import type { procedureSteps } from "../../../db/schema/index.ts";
import { daysLate, procedureStepState, PROCEDURE_STEP_STATE_LABELS } from "../../../shared/domain/meetings.ts";
import type { ProcedureStepView } from "../../../shared/schemas/meetings.ts";

/** A checklist step with its derived state (done / late / due / planned) as of `today`. */
export function presentStep(row: typeof procedureSteps.$inferSelect, today: string): ProcedureStepView {
  const step = { dueDate: row.dueDate, doneOn: row.doneAt };
  const state = procedureStepState(step, today);
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    dueDate: row.dueDate,
    doneOn: row.doneAt,
    note: row.note,
    meetingId: row.meetingId,
    state,
    stateLabel: PROCEDURE_STEP_STATE_LABELS[state],
    daysLate: daysLate(step, today),
    version: row.version,
  };
}
