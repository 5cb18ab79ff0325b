import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";
import { planSourceHref, planSourceText } from "./planSource.ts";

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
