import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { dashboardApi } from "../../api/dashboard.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { STATUS_GROUP_LABELS, STATUS_GROUPS } from "../../../shared/domain/pointStatus.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { Loaded } from "../../ui/feedback.tsx";
import { StatusGroupIcon } from "../points/StatusBadge.tsx";
import { useWorkspace } from "./WorkspaceContext.tsx";
import "../points/points.css";
import "./dashboard.css";

/**
 * The top of Overzicht for the person looking: what waits for me, the next meeting with its
 * agenda, and the board in one line per theme. Live: a signature, a stance, a meeting change or
 * a new notice refreshes it.
 */
export function DashboardSections() {
  const ws = useWorkspace();
  const [dashboard] = createLiveResource(() => ws.id(), dashboardApi.get, {
    entities: ["point", "meeting", "procedure", "notification", "comment"],
  });
  const board = () => `/tafels/${encodeURIComponent(ws.id())}/overeenstemming`;
  return (
    <Loaded when={dashboard} label="Uw overzicht laden…">
      {(d) => (
        <>
          <section aria-labelledby="waiting-heading" class="oogo-section">
            <h2 class="utrecht-heading-2" id="waiting-heading">
              Wat op u wacht
            </h2>
            <Show
              when={d().waiting.length > 0}
              fallback={<p class="oogo-empty">Er wacht op dit moment niets op u aan deze tafel.</p>}
            >
              <ul class="oogo-waiting">
                <For each={d().waiting}>
                  {(item) => (
                    <li class={`oogo-waiting__item oogo-waiting__item--${item.kind}`}>
                      <span class="oogo-waiting__kind">{item.kindLabel}</span>
                      <A href={item.path} class="utrecht-link oogo-waiting__title">
                        {item.title}
                      </A>
                      <span class="oogo-waiting__detail">{item.detail}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={d().counts.unread > 0}>
              <p class="utrecht-paragraph">
                <A href="/meldingen" class="utrecht-link">
                  {d().counts.unread === 1
                    ? "1 ongelezen melding van deze tafel"
                    : `${d().counts.unread} ongelezen meldingen van deze tafel`}
                </A>
              </p>
            </Show>
          </section>

          <section aria-labelledby="next-meeting-heading" class="oogo-section">
            <h2 class="utrecht-heading-2" id="next-meeting-heading">
              Volgend overleg
            </h2>
            <Show when={d().nextMeeting} fallback={<p class="oogo-empty">Er is geen overleg gepland.</p>}>
              {(m) => (
                <div class="oogo-next-meeting">
                  <p class="utrecht-paragraph">
                    <A href={m().path} class="utrecht-link">
                      <strong>{m().title}</strong>
                    </A>{" "}
                    ({m().typeLabel}) — {formatDateTime(m().startsAt)}, {m().place}
                  </p>
                  <Show when={m().agenda.length > 0} fallback={<p class="oogo-empty">De agenda is nog leeg.</p>}>
                    <ol class="utrecht-ordered-list">
                      <For each={m().agenda}>{(item) => <li>{item.title}</li>}</For>
                    </ol>
                  </Show>
                </div>
              )}
            </Show>
          </section>

          <section aria-labelledby="board-line-heading" class="oogo-section">
            <h2 class="utrecht-heading-2" id="board-line-heading">
              Overeenstemming per thema
            </h2>
            <ul class="oogo-theme-lines">
              <For each={d().themes}>
                {(t) => (
                  <li class="oogo-theme-line">
                    <span class="oogo-theme-line__label">{t.label}</span>
                    <span class="oogo-theme-line__counts">
                      <Show when={t.total > 0} fallback={<span>nog geen punten</span>}>
                        <For each={STATUS_GROUPS.filter((g) => t.groups[g] > 0)}>
                          {(g) => (
                            <span class={`oogo-theme-line__group oogo-group--${g}`}>
                              <StatusGroupIcon group={g} />
                              {t.groups[g]} {STATUS_GROUP_LABELS[g].toLowerCase()}
                            </span>
                          )}
                        </For>
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <p class="utrecht-paragraph">
              <A href={board()} class="utrecht-link">
                Naar het overzicht van alle punten
              </A>
            </p>
          </section>
        </>
      )}
    </Loaded>
  );
}
