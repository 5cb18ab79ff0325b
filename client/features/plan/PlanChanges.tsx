import { createResource, For, Match, Show, Switch } from "solid-js";
import { sectionLabel } from "../../../shared/domain/planText.ts";
import type { PlanVersionChanges } from "../../../shared/schemas/plans.ts";
import { planApi } from "../../api/plans.ts";
import { Loaded } from "../../ui/feedback.tsx";

type Change = PlanVersionChanges["changes"][number];

const STATUS_TEXT: Record<Change["status"], string> = {
  added: "nieuw",
  removed: "vervallen",
  changed: "gewijzigd",
  unchanged: "ongewijzigd",
};

const label = (c: Change) => sectionLabel(c) || "Tekst vóór het eerste hoofdstuk";

/** Per section what changed since the previous version: new, removed and reworded paragraphs, word by word. */
export function PlanChanges(props: { versionId: string }) {
  const [changes] = createResource(
    () => props.versionId,
    (id) => planApi.changes(id),
  );
  return (
    <Loaded when={changes} label="Wijzigingen berekenen…">
      {(c) => (
        <Show
          when={c().previous}
          fallback={<p class="utrecht-paragraph">Dit is de eerste versie; er is nog niets om mee te vergelijken.</p>}
        >
          {(prev) => {
            const changed = () => c().changes.filter((s) => s.status !== "unchanged");
            return (
              <div class="oogo-plan__changes">
                <p class="utrecht-paragraph">
                  Vergeleken met versie {prev().seq} ({prev().label}): {changed().length} van {c().changes.length}{" "}
                  onderdelen zijn nieuw, vervallen of gewijzigd. Toegevoegde woorden zijn{" "}
                  <ins class="oogo-plan__ins">onderstreept</ins>, verwijderde{" "}
                  <del class="oogo-plan__del">doorgehaald</del>.
                </p>
                <Show when={changed().length === 0}>
                  <p class="utrecht-paragraph">De tekst is niet veranderd.</p>
                </Show>
                <For each={changed()}>
                  {(s) => (
                    <section class={`oogo-plan__change oogo-plan__change--${s.status}`} aria-label={label(s)}>
                      <h3 class="utrecht-heading-4">
                        {label(s)} <span class="oogo-plan__badge">({STATUS_TEXT[s.status]})</span>
                      </h3>
                      <Show when={s.previousTitle}>{(old) => <p class="utrecht-paragraph">Eerder: {old()}</p>}</Show>
                      <For each={s.paragraphs.filter((p) => p.kind !== "unchanged")}>
                        {(p) => (
                          <Switch>
                            <Match when={p.kind === "added" && p}>
                              {(a) => (
                                <p class="utrecht-paragraph">
                                  <span class="oogo-visually-hidden">Nieuwe alinea: </span>
                                  <ins class="oogo-plan__ins">{a().text}</ins>
                                </p>
                              )}
                            </Match>
                            <Match when={p.kind === "removed" && p}>
                              {(r) => (
                                <p class="utrecht-paragraph">
                                  <span class="oogo-visually-hidden">Vervallen alinea: </span>
                                  <del class="oogo-plan__del">{r().text}</del>
                                </p>
                              )}
                            </Match>
                            <Match when={p.kind === "changed" && p}>
                              {(ch) => (
                                <p class="utrecht-paragraph">
                                  <span class="oogo-visually-hidden">Gewijzigde alinea: </span>
                                  <For each={ch().words}>
                                    {(w) =>
                                      w.op === "same" ? (
                                        w.text
                                      ) : w.op === "added" ? (
                                        <ins class="oogo-plan__ins">{w.text}</ins>
                                      ) : (
                                        <del class="oogo-plan__del">{w.text}</del>
                                      )
                                    }
                                  </For>
                                </p>
                              )}
                            </Match>
                          </Switch>
                        )}
                      </For>
                    </section>
                  )}
                </For>
              </div>
            );
          }}
        </Show>
      )}
    </Loaded>
  );
}
