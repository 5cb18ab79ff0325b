import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";

type PlanSource = NonNullable<BespreekpuntView["planSource"]>;

/** The plan page at that version, scrolled to the section (the anchor PlanPage gives every section). */
export const planSourceHref = (workspaceId: string, s: PlanSource) =>
  `/tafels/${encodeURIComponent(workspaceId)}/plan?versie=${encodeURIComponent(s.versionId)}${
    s.sectionId ? `#plan-${s.versionId}-${s.sectionId}` : ""
  }`;

/** "§2 Leerlingenvervoer", an unnumbered heading by its title, or the version when no section was cited. */
export function planSourceText(s: PlanSource): string {
  if (s.sectionNumber) return `${s.planTitle} §${s.sectionNumber}${s.sectionTitle ? ` ${s.sectionTitle}` : ""}`;
  if (s.sectionTitle) return `${s.planTitle}, ‘${s.sectionTitle}’`;
  return `${s.planTitle} (${s.versionLabel})`;
}

/** "Bron: <plan> §<nr> <titel>" for a bespreekpunt made from the plan: a link back to that passage. */
export function PlanSourceLink(props: { workspaceId: string; source: BespreekpuntView["planSource"] }) {
  return (
    <Show when={props.source}>
      {(s) => (
        <span class="oogo-bp__plan-source">
          Bron:{" "}
          <A class="utrecht-link" href={planSourceHref(props.workspaceId, s())}>
            {planSourceText(s())}
          </A>
        </span>
      )}
    </Show>
  );
}
