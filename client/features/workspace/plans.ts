import { PLAN_STATUS_LABELS, PLAN_TYPE_LABELS } from "../../../shared/domain/parties.ts";
import type { PlanView } from "../../../shared/schemas/workspace.ts";

/** "2023–2027" */
export const periodText = (p: PlanView) => `${p.period.start}–${p.period.end}`;

/** "Beleidsplan jeugd: titel (2025–2028)" — one line per plan on lists; the period only when the title lacks it. */
export const planLine = (p: PlanView) =>
  `${PLAN_TYPE_LABELS[p.kind]}: ${p.title}${p.title.includes(String(p.period.start)) && p.title.includes(String(p.period.end)) ? "" : ` (${periodText(p)})`}`;

export const planStatusText = (p: PlanView) =>
  `${PLAN_STATUS_LABELS[p.status]}${p.versionLabel ? `, versie ${p.versionLabel}` : ""}`;
