/** The "Bron:" of a bespreekpunt made from the plan: its words and where the link goes. */
import type { BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";

export type PlanSource = NonNullable<BespreekpuntView["planSource"]>;

/** The plan page at that version, scrolled to the section (the anchor PlanPage gives every section). */
export const planSourceHref = (workspaceId: string, s: PlanSource) =>
  `/tafels/${encodeURIComponent(workspaceId)}/plan?versie=${encodeURIComponent(s.versionId)}${
    s.sectionId ? `#plan-${s.versionId}-${s.sectionId}` : ""
  }`;

/** "<plan> §2 Leerlingenvervoer"; an unnumbered heading by its title; the version when no section was cited. */
export function planSourceText(s: PlanSource): string {
  if (s.sectionNumber) return `${s.planTitle} §${s.sectionNumber}${s.sectionTitle ? ` ${s.sectionTitle}` : ""}`;
  if (s.sectionTitle) return `${s.planTitle}, ‘${s.sectionTitle}’`;
  return `${s.planTitle} (${s.versionLabel})`;
}
