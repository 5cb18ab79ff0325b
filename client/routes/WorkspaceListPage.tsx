import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { workspaceApi } from "../api/endpoints.ts";
import { planLine } from "../features/workspace/plans.ts";
import { ROLE_LABELS } from "../../shared/domain/roles.ts";
import { PageTitle } from "../ui/PageTitle.tsx";
import { useSession } from "../app/session.tsx";
import { Loaded } from "../ui/feedback.tsx";

export default function WorkspaceListPage() {
  const session = useSession();
  const [workspaces] = createResource(workspaceApi.list);
  return (
    <>
      <PageTitle lead="De OOGO-tafels waaraan u deelneemt.">Mijn OOGO-tafels</PageTitle>
      <Loaded when={workspaces} label="Tafels laden…">
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <Show
                when={session.me()?.instanceCapabilities.includes("instance.tafels.list")}
                fallback={
                  <p class="utrecht-paragraph">
                    U neemt nog niet deel aan een OOGO-tafel. Vraag de beheerder van uw tafel om een uitnodiging.
                  </p>
                }
              >
                <p class="utrecht-paragraph">
                  U neemt zelf niet deel aan een OOGO-tafel. Als applicatiebeheerder richt u tafels in onder{" "}
                  <A class="utrecht-link" href="/beheer">
                    Beheer
                  </A>
                  .
                </p>
              </Show>
            }
          >
            <ul class="oogo-card-list">
              <For each={list()}>
                {(w) => (
                  <li class="oogo-card">
                    <h2 class="utrecht-heading-2">
                      <A class="utrecht-link" href={`/tafels/${encodeURIComponent(w.id)}`}>
                        {w.name}
                      </A>
                    </h2>
                    <dl class="oogo-facts">
                      <div>
                        <dt>{w.plans.length === 1 ? "Plan" : "Plannen"}</dt>
                        <dd>
                          <For each={w.plans}>{(p) => <span class="oogo-block">{planLine(p)}</span>}</For>
                        </dd>
                      </div>
                      <div>
                        <dt>Uw rol</dt>
                        <dd>
                          {ROLE_LABELS[w.role]}
                          {w.party ? `, namens ${w.party.name}` : ""}
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
