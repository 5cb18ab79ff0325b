import { PLAN_STATUS_LABELS, PLAN_TYPE_LABELS } from "../../../shared/domain/parties.ts";
import type { PlanView } from "../../../shared/schemas/workspace.ts";

/** "2023–2027" */
export const periodText = (p: PlanView) => `${p.period.start}–${p.period.end}`;

/** "Ondersteuningsplan van SWV …: titel (2023–2027)" — one line per plan on lists. */
export const planLine = (p: PlanView) =>
  `${PLAN_TYPE_LABELS[p.kind]}${p.party ? ` van ${p.party.name}` : ""}: ${p.title} (${periodText(p)})`;

export const planStatusText = (p: PlanView) => `${PLAN_STATUS_LABELS[p.status]}${p.versionLabel ? `, versie ${p.versionLabel}` : ""}`;
