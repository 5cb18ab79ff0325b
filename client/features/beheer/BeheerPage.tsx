import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { beheerApi } from "../../api/tafels.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import { TAFEL_LEVEL_LABELS } from "../../../shared/domain/parties.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { planLine } from "../workspace/plans.ts";
import "./beheer.css";

const STATE_LABELS = { lid: "", uitgenodigd: " (uitgenodigd)", verlopen: " (uitnodiging verlopen)" } as const;

/**
 * The applicatiebeheerder's page: the tafels of this installation and who runs each. No content
 * and no member lists (ADR 0010) — the same as the API gives.
 */
export default function BeheerPage() {
  const [tafels] = createResource(beheerApi.tafels);
  return (
    <>
      <PageTitle lead="De OOGO-tafels van deze installatie en wie ze leidt. Als applicatiebeheerder richt u tafels in; de inhoud ziet u niet.">
        Beheer
      </PageTitle>
      <p class="utrecht-paragraph">
        <A
          href="/beheer/nieuwe-tafel"
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          Nieuwe OOGO-tafel
        </A>
      </p>
      <Loaded when={tafels} label="Tafels laden…">
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<p class="utrecht-paragraph">Er zijn nog geen tafels. Begin met “Nieuwe OOGO-tafel”.</p>}
          >
            <ul class="oogo-card-list">
              <For each={list()}>
                {(t) => (
                  <li class="oogo-card">
                    <h2 class="utrecht-heading-2">{t.name}</h2>
                    <dl class="oogo-facts oogo-facts--stacked">
                      <div>
                        <dt>Niveau</dt>
                        <dd>{TAFEL_LEVEL_LABELS[t.level]}</dd>
                      </div>
                      <div>
                        <dt>{t.plans.length === 1 ? "Plan" : "Plannen"}</dt>
                        <dd>
                          <For each={t.plans}>{(p) => <span class="oogo-block">{planLine(p)}</span>}</For>
                        </dd>
                      </div>
                      <div>
                        <dt>Geleid door</dt>
                        <dd>
                          <Show when={t.runBy.length > 0} fallback="Nog niemand">
                            <For each={t.runBy}>
                              {(r) => (
                                <span class="oogo-block">
                                  {r.name}, {ROLE_LABELS[r.role].toLowerCase()}
                                  {STATE_LABELS[r.state]}
                                </span>
                              )}
                            </For>
                          </Show>
                        </dd>
                      </div>
                      <div>
                        <dt>Aangemaakt</dt>
                        <dd>
                          {new Date(t.createdAt).toLocaleDateString("nl-NL", {
                            day: "numeric",
                            month: "long",
                            year: "numeric",
                          })}
                        </dd>
                      </div>
                    </dl>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
    </>
  );
}
