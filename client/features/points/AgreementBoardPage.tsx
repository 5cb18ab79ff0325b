import { A, useLocation, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import {
  POINT_STATUSES,
  STATUS_GROUPS,
  STATUS_GROUP_LABELS,
  POINT_STATUS_INFO,
  type PointStatus,
  type StatusGroup,
} from "../../../shared/domain/pointStatus.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { applyFilters, filterQuery, hasFilters, parseFilters, type BoardFilters } from "./boardFilters.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { NewPointForm } from "./NewPointForm.tsx";
import { PartyAgreementTable } from "./PartyAgreementTable.tsx";
import { PointFilters } from "./PointFilters.tsx";
import { PointList } from "./PointList.tsx";
import { StatusGroupIcon } from "./StatusBadge.tsx";
import { StatusLegend, StatusMatrix } from "./StatusMatrix.tsx";
import { pluralPunten } from "./format.ts";
import { PARTY_POSITION_LABELS } from "../../../shared/domain/partyPosition.ts";
import "./points.css";

/** The statuses the board always shows (domain brief §7.2); others appear once a point has them. */
const CORE: readonly PointStatus[] = [
  "concept",
  "in_bespreking",
  "ambtelijk_akkoord",
  "geagendeerd",
  "akkoord_in_overleg",
  "overeenstemming",
  "geen_overeenstemming",
  "in_geschil",
  "vastgelegd",
  "vervallen",
];

/**
 * The agreement board: per theme and per party, what is agreed, open or disputed; every count
 * leads to the points behind it. Updates live when anyone changes a point.
 */
export default function AgreementBoardPage() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [board] = createLiveResource(() => ws.id(), pointsApi.board, { entities: ["point"] });
  const [creating, setCreating] = createSignal(false);
  const filters = createMemo(() => parseFilters(params));
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  const themes = () => ws.workspace()?.themes ?? [];
  const parties = () => ws.workspace()?.parties ?? [];

  const listHref = (f: BoardFilters) => `${base()}/overeenstemming${filterQuery(f)}#punten`;
  const setFilters = (next: BoardFilters) => {
    const all: Record<string, string | undefined> = {
      thema: undefined,
      status: undefined,
      groep: undefined,
      gemeente: undefined,
      standpunt: undefined,
      ondertekening: undefined,
    };
    setParams({ ...all, ...next }, { replace: true, scroll: false });
  };

  // One list for the matrix AND the status filter, so both offer the same statuses (plus the
  // one a link may have put in the URL).
  const statuses = createMemo(() => {
    const b = board();
    const current = filters().status;
    return POINT_STATUSES.filter((s) => CORE.includes(s) || (b?.totals[s] ?? 0) > 0 || s === current);
  });
  const groupCount = (group: StatusGroup) => {
    const b = board();
    return b ? b.points.filter((p) => POINT_STATUS_INFO[p.status].group === group).length : 0;
  };
  const visible = createMemo(() => applyFilters(board()?.points ?? [], filters()));

  // The theme matrix for the whole tafel, or for one party ("voor" in the URL): the OOGO is held
  // with each college, so each gemeente can see its own themes × status.
  const matrixParty = createMemo(() => board()?.parties.find((p) => p.id === params.voor) ?? null);
  const matrixRows = createMemo(() => {
    const b = board();
    if (!b) return [];
    const party = matrixParty();
    if (!party) return b.themes.map((t) => ({ key: t.key, label: t.label, total: t.total, counts: t.counts }));
    return party.themes.map((t) => ({
      key: t.key,
      label: b.themes.find((x) => x.key === t.key)?.label ?? t.key,
      total: Object.values(t.counts).reduce((n, c) => n + (c ?? 0), 0),
      counts: t.counts,
    }));
  });

  // A cell link ends in #punten: bring the list into view and move focus there, so keyboard and
  // screen-reader users land on the result of their click.
  let listHeading!: HTMLHeadingElement;
  createEffect(
    on(
      () => [location.search, location.hash],
      () => {
        if (location.hash === "#punten" && board())
          queueMicrotask(() => {
            listHeading?.scrollIntoView({ block: "start" });
            listHeading?.focus({ preventScroll: true });
          });
      },
      { defer: true },
    ),
  );

  const filterSummary = () => {
    const f = filters();
    const parts: string[] = [];
    if (f.thema) parts.push(`thema ${themes().find((t) => t.key === f.thema)?.label ?? f.thema}`);
    if (f.status) parts.push(`status ${POINT_STATUS_INFO[f.status].label}`);
    if (f.groep) parts.push(STATUS_GROUP_LABELS[f.groep].toLowerCase());
    if (f.gemeente) parts.push(parties().find((p) => p.id === f.gemeente)?.name ?? "onbekende partij");
    if (f.standpunt) parts.push(PARTY_POSITION_LABELS[f.standpunt].toLowerCase());
    if (f.ondertekening) parts.push(f.ondertekening === "getekend" ? "ondertekend" : "wacht op ondertekening");
    return parts.join(", ");
  };

  // Skip links (issue 15: a point took some 60 Tab presses): move focus to the heading, so the
  // next Tab continues in the matrix or the list.
  const skipTo = (e: MouseEvent, id: string) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
  };

  return (
    <>
      <Show when={board()}>
        <nav class="oogo-skip-links" aria-label="Snel naar">
          <a
            class="utrecht-skip-link utrecht-skip-link--visible-on-focus"
            href="#themes-heading"
            onClick={(e) => skipTo(e, "themes-heading")}
          >
            Naar de tabel per thema
          </a>
          <a
            class="utrecht-skip-link utrecht-skip-link--visible-on-focus"
            href="#list-heading"
            onClick={(e) => skipTo(e, "list-heading")}
          >
            Naar de lijst met punten
          </a>
        </nav>
      </Show>
      <div class="oogo-title-row">
        <PageTitle lead="Per thema en per partij: wat is afgesproken, wat loopt nog en waarover verschillen partijen van mening.">
          Overeenstemming
        </PageTitle>
        <Show when={ws.can("point.manage") && !creating()}>
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> Nieuw punt
          </button>
        </Show>
      </div>

      <Show when={creating()}>
        <NewPointForm
          workspaceId={ws.id()}
          themes={themes()}
          parties={parties()}
          initialTheme={filters().thema}
          onCancel={() => setCreating(false)}
          onCreated={(p) => navigate(`${base()}/punten/${encodeURIComponent(p.id)}`)}
        />
      </Show>

      <Show
        when={!board.error || board()}
        fallback={<ErrorAlert error={board.error as unknown} title="Het overzicht kon niet worden geladen" />}
      >
        <Show when={board()} fallback={<Loading label="Overzicht laden…" />}>
          {(b) => (
            <div class="oogo-board-grid">
              <section aria-labelledby="summary-heading">
                <h2 class="oogo-visually-hidden" id="summary-heading">
                  Samenvatting
                </h2>
                <ul class="oogo-summary">
                  <For each={[...STATUS_GROUPS]}>
                    {(group) => (
                      <li>
                        <A
                          href={listHref({ groep: group })}
                          class={`oogo-summary__tile oogo-summary__tile--${group}${filters().groep === group ? " oogo-summary__tile--current" : ""}`}
                        >
                          <span class={`oogo-tone--${group}`}>
                            <StatusGroupIcon group={group} />
                          </span>
                          <span class="oogo-summary__count">{groupCount(group)}</span>
                          <span class="oogo-summary__label">
                            {STATUS_GROUP_LABELS[group]}
                            <span class="oogo-visually-hidden">: {pluralPunten(groupCount(group))}</span>
                          </span>
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </section>

              <section class="oogo-panel" aria-labelledby="themes-heading">
                <div class="oogo-panel__head">
                  <div>
                    <h2 class="utrecht-heading-2" id="themes-heading" tabindex="-1">
                      Per thema
                    </h2>
                    <p class="oogo-panel__intro">
                      Aantal punten per thema en status. Kies een getal om die punten te zien.
                    </p>
                  </div>
                  <div class="utrecht-form-field oogo-panel__control">
                    <div class="utrecht-form-field__label">
                      <label class="utrecht-form-label" for="matrix-voor">
                        Toon voor
                      </label>
                    </div>
                    <div class="utrecht-form-field__input">
                      <select
                        id="matrix-voor"
                        class="utrecht-select utrecht-select--html-select"
                        value={matrixParty()?.id ?? ""}
                        onChange={(e) =>
                          setParams({ voor: e.currentTarget.value || undefined }, { replace: true, scroll: false })
                        }
                      >
                        <option value="">Alle partijen samen</option>
                        <For each={b().parties}>{(p) => <option value={p.id}>{p.name}</option>}</For>
                      </select>
                    </div>
                  </div>
                </div>
                <StatusMatrix
                  caption={
                    matrixParty()
                      ? `Punten van ${matrixParty()!.name} per thema en status`
                      : "Overeenstemmingspunten per thema en status"
                  }
                  rowHeader="Thema"
                  scopeLabel={matrixParty()?.name}
                  rows={matrixRows()}
                  statuses={statuses()}
                  totals={matrixParty()?.counts ?? b().totals}
                  href={(theme, status) =>
                    listHref({
                      ...(theme ? { thema: theme } : {}),
                      ...(status ? { status } : {}),
                      ...(matrixParty() ? { gemeente: matrixParty()!.id } : {}),
                    })
                  }
                />
                <StatusLegend />
              </section>

              <section class="oogo-panel" aria-labelledby="parties-heading">
                <h2 class="utrecht-heading-2" id="parties-heading">
                  Per gemeente en samenwerkingsverband
                </h2>
                <p class="oogo-panel__intro">
                  Het OOGO wordt met het college van elke gemeente gevoerd: een regionaal punt kan met de ene gemeente
                  wel en met de andere nog niet zijn afgesproken.
                </p>
                <PartyAgreementTable parties={b().parties} workspaceParties={parties()} href={listHref} />
              </section>

              <section aria-labelledby="list-heading" id="punten">
                <h2 class="utrecht-heading-2" id="list-heading" tabindex="-1" ref={listHeading}>
                  Punten
                </h2>
                <PointFilters
                  filters={filters()}
                  statuses={statuses()}
                  themes={themes()}
                  parties={parties()}
                  onChange={setFilters}
                />
                <p class="oogo-result-count" role="status">
                  {visible().length === b().points.length && !hasFilters(filters())
                    ? `${pluralPunten(visible().length)}`
                    : `${pluralPunten(visible().length)} van ${b().points.length}${filterSummary() ? ` (${filterSummary()})` : ""}`}
                </p>
                <Show when={visible().length > 0} fallback={<p class="oogo-empty">Geen punten met deze filters.</p>}>
                  <PointList
                    points={visible()}
                    themes={themes()}
                    parties={parties()}
                    pointHref={(id) => `${base()}/punten/${encodeURIComponent(id)}`}
                  />
                </Show>
              </section>
            </div>
          )}
        </Show>
      </Show>
    </>
  );
}
