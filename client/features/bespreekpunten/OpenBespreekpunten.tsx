import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { bespreekpuntenApi } from "../../api/bespreekpunten.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { BESPREEKPUNT_STATUS_LABELS, isOpen } from "../../../shared/domain/bespreekpunten.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { PlanSourceLink } from "./PlanSourceLink.tsx";

/**
 * On the page of a formal OOGO, for the secretaris: the bespreekpunten nobody has discussed yet,
 * so the agenda can still take them up or the tafel can decide they do not apply.
 */
export function OpenBespreekpunten() {
  const ws = useWorkspace();
  const [list] = createLiveResource(() => ws.id(), bespreekpuntenApi.list, {
    entities: ["bespreekpunt", "bespreekpunten"],
  });
  const open = () => (list()?.items ?? []).filter((i) => isOpen(i.status));
  return (
    <Show when={list()}>
      <section class="oogo-section" aria-labelledby="open-bp-heading">
        <h2 class="utrecht-heading-2" id="open-bp-heading">
          Nog niet besproken bespreekpunten
        </h2>
        <Show
          when={open().length > 0}
          fallback={<p class="utrecht-paragraph">Alle bespreekpunten van deze tafel zijn besproken.</p>}
        >
          <p class="utrecht-paragraph">
            {open().length} van {list()!.coverage.total} bespreekpunten zijn nog niet besproken. Zet ze op de agenda of
            leg vast dat ze niet van toepassing zijn.
          </p>
          <ul>
            <For each={open()}>
              {(i) => (
                <li>
                  {i.title} <span class="oogo-bp__asked">({BESPREEKPUNT_STATUS_LABELS[i.status].toLowerCase()})</span>
                  <Show when={i.planSource}>
                    {" · "}
                    <PlanSourceLink workspaceId={ws.id()} source={i.planSource} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <p class="utrecht-paragraph">
            <A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/bespreekpunten`}>
              Naar de bespreekpunten
            </A>
          </p>
        </Show>
      </section>
    </Show>
  );
}
