import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { workspaceApi } from "../../api/endpoints.ts";
import { TAFEL_LEVEL_LABELS } from "../../../shared/domain/parties.ts";
import { partyMeta } from "./partyText.ts";
import { planLine, planStatusText } from "./plans.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { useWorkspace } from "./WorkspaceContext.tsx";
import { LogKenmerkSection } from "./LogKenmerkSection.tsx";
import { DashboardSections } from "./DashboardSections.tsx";

/** A tafel at a glance: the plan, the parties, who takes part in which role, the themes and the log's kenmerk. */
export default function WorkspaceOverviewPage() {
  const ws = useWorkspace();
  const w = () => ws.workspace()!;
  const [members] = createLiveResource(() => ws.id(), workspaceApi.members, { entities: ["members"] });

  return (
    <>
      <PageTitle>Overzicht</PageTitle>
      <Show when={ws.can("content.read")}>
        <DashboardSections />
      </Show>
      <Show when={ws.can("tafel.manage")}>
        <p class="utrecht-paragraph">
          <A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/instellen`}>
            Tafel instellen
          </A>
          : gegevens, plannen, partijen en thema's wijzigen of een tafel voor de volgende planperiode starten.
        </p>
      </Show>
      <section aria-labelledby="plan-heading" class="oogo-section">
        <h2 class="utrecht-heading-2" id="plan-heading">
          {w().plans.length === 1 ? "Het plan" : "De plannen"}
        </h2>
        <dl class="oogo-facts">
          <For each={w().plans}>
            {(p) => (
              <div>
                <dt>{planLine(p)}</dt>
                <dd>{planStatusText(p)}</dd>
              </div>
            )}
          </For>
          <div>
            <dt>Niveau</dt>
            <dd>
              {TAFEL_LEVEL_LABELS[w().level]}
              {w().parent ? `, werkt ${w().parent!.name} uit` : ""}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="parties-heading" class="oogo-section">
        <h2 class="utrecht-heading-2" id="parties-heading">
          Partijen
        </h2>
        <ul class="oogo-party-list">
          <For each={w().parties}>
            {(p) => (
              <li class="oogo-party" style={{ "--oogo-party-color": p.color }}>
                <span class="oogo-party__swatch" aria-hidden="true" />
                <span class="oogo-party__name">{p.name}</span>
                <span class="oogo-party__meta">{partyMeta(p)}</span>
              </li>
            )}
          </For>
        </ul>
      </section>

      <section aria-labelledby="members-heading" class="oogo-section">
        <h2 class="utrecht-heading-2" id="members-heading">
          Deelnemers en rollen
        </h2>
        <Loaded when={members} label="Deelnemers laden…">
          {(list) => (
            <div class="utrecht-table-container">
              <table class="utrecht-table utrecht-table--html-table oogo-stack-table oogo-stack-table--pairs">
                <caption class="utrecht-table__caption oogo-visually-hidden">
                  Deelnemers aan deze tafel met hun rol en partij
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Naam
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Functie
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Partij
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Rol
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  <For each={list().members}>
                    {(m) => (
                      <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell oogo-stack-table__title">{m.name}</td>
                        <td class="utrecht-table__cell" data-label="Functie">
                          {m.title ?? "—"}
                        </td>
                        <td class="utrecht-table__cell" data-label="Partij">
                          {m.party?.name ?? "Secretariaat / tafel"}
                        </td>
                        <td class="utrecht-table__cell" data-label="Rol">
                          {ROLE_LABELS[m.role]}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </section>

      <section aria-labelledby="themes-heading" class="oogo-section">
        <h2 class="utrecht-heading-2" id="themes-heading">
          Thema's
        </h2>
        <ul class="oogo-theme-list">
          <For each={w().themes.filter((t) => !t.archived)}>
            {(t) => (
              <li>
                <strong>{t.label}</strong>
                {t.standard ? "" : " (eigen thema van deze tafel)"}
                {t.description ? ` — ${t.description}` : ""}
              </li>
            )}
          </For>
        </ul>
      </section>
      <LogKenmerkSection />
    </>
  );
}
