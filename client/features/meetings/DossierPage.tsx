import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import {
  DOSSIER_ROUTES,
  DOSSIER_ROUTE_DESCRIPTIONS,
  DOSSIER_ROUTE_LABELS,
  isDisputable,
  type DossierRoute,
  type ExportFormat,
} from "../../../shared/domain/dossier.ts";
import { exportsApi } from "../../api/meetings.ts";
import { pointsApi } from "../../api/points.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary } from "../../ui/Field.tsx";
import { inputError } from "../../ui/inputErrors.ts";
import { OpleggerDownload } from "./ExportButtons.tsx";
import { pointStatusLabel, themeLabel } from "./labels.ts";
import "./meetings.css";

/**
 * The secretaris compiles the dossier for the Landelijke Geschillencommissie OOGO: which
 * disputed points, which route; the server writes the PDF (or DOCX) and logs that it did.
 */
export default function DossierPage() {
  const ws = useWorkspace();
  return (
    <>
      <PageTitle lead="Eén dossier met alles wat de Landelijke Geschillencommissie OOGO nodig heeft, rechtstreeks uit het logboek van deze tafel.">
        Dossier voor de Geschillencommissie
      </PageTitle>
      <Show
        when={ws.can("dossier.build")}
        fallback={
          <InfoAlert>
            <p class="utrecht-paragraph">
              Alleen de secretaris van de tafel kan een dossier voor de Geschillencommissie OOGO maken.
            </p>
          </InfoAlert>
        }
      >
        <DossierForm />
      </Show>
      <OpleggerDownload />
    </>
  );
}

function DossierForm() {
  const ws = useWorkspace();
  const [points] = createLiveResource(
    () => ws.id(),
    (id: string) => pointsApi.list(id),
    { entities: ["point"] },
  );
  const disputed = createMemo(() =>
    (points.state === "errored" ? [] : (points.latest ?? [])).filter((p) => isDisputable(p.status)),
  );
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  // Preselect points in geschil once, when the list first arrives; later the secretary's choice stands.
  createEffect(
    on(
      () => (points.state === "errored" ? undefined : points.latest),
      (list, prev) => {
        if (list && !prev) setSelected(new Set(list.filter((p) => p.status === "in_geschil").map((p) => p.id)));
      },
    ),
  );
  const [route, setRoute] = createSignal<DossierRoute | null>(null);
  const [busyFormat, setBusyFormat] = createSignal<ExportFormat | null>(null);
  const action = createAction(async (format: ExportFormat, pointIds: string[], chosen: DossierRoute | null) => {
    if (pointIds.length === 0) throw inputError("Kies ten minste één punt in geschil.");
    if (!chosen) throw inputError("Kies wat u de commissie vraagt: advies, bindend advies of arbitrage.");
    await exportsApi.dossier(ws.id(), { pointIds, route: chosen }, format);
    return { format, count: pointIds.length, route: chosen };
  });
  // Progress and outcome in one visible status line (the download itself says nothing).
  const status = () => {
    const f = busyFormat();
    if (f) return `Het dossier (${f.toUpperCase()}) wordt gemaakt. Dit kan even duren…`;
    const done = action.result();
    return done
      ? `Dossier (${done.format.toUpperCase()}) gemaakt en gedownload: ${done.count} ${done.count === 1 ? "punt" : "punten"}, ${DOSSIER_ROUTE_LABELS[done.route].toLowerCase()}. Het maken is vastgelegd in het logboek.`
      : "";
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    action.reset();
  };
  const build = async (format: ExportFormat) => {
    const pointIds = disputed()
      .map((p) => p.id)
      .filter((id) => selected().has(id));
    setBusyFormat(format);
    await action.run(format, pointIds, route());
    setBusyFormat(null);
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void build("pdf");
  };

  return (
    <form onSubmit={submit} aria-busy={action.busy()} aria-label="Dossier samenstellen">
      <div class="oogo-panel oogo-panel--muted">
        <p class="utrecht-paragraph">
          <strong>Het dossier bevat</strong>
        </p>
        <ul class="utrecht-unordered-list">
          <li>
            een voorblad met de partijen en hun vertegenwoordigers, het plan en de versie, de wettelijke grondslag, de
            afgesproken procedure en de gevraagde route;
          </li>
          <li>
            per punt in geschil de exacte tekstversies, het standpunt van elke partij met motivering, en de
            ondertekeningen;
          </li>
          <li>
            het verloop van de procedure: vergaderingen met aanwezigheid en besluiten, statuswijzigingen en
            procedurestappen met datums;
          </li>
          <li>de punten waarover wél overeenstemming is, zodat het geschil smal blijft;</li>
          <li>de lijst van bijlagen en een integriteitsbijlage met de kenmerken van de teksten en van het logboek.</li>
        </ul>
      </div>

      <Loaded when={points} label="Overeenstemmingspunten laden…">
        {() => (
          <fieldset class="oogo-fieldset">
            <legend>Punten in geschil</legend>
            <Show
              when={disputed().length > 0}
              fallback={
                <p class="utrecht-paragraph">
                  Er zijn geen punten met de status <em>geen overeenstemming</em> of <em>in geschil</em>. Een dossier
                  kan alleen over zulke punten gaan.
                </p>
              }
            >
              <p class="utrecht-paragraph oogo-checkbox-row__hint">
                Punten met de status <em>in geschil</em> zijn vooraf aangevinkt.
              </p>
              <For each={disputed()}>
                {(p) => (
                  <div class="oogo-checkbox-row">
                    <input
                      type="checkbox"
                      id={`dossier-point-${p.id}`}
                      checked={selected().has(p.id)}
                      aria-describedby={`dossier-point-${p.id}-meta`}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />
                    <span class="oogo-checkbox-row__text">
                      <label for={`dossier-point-${p.id}`}>{p.title}</label>
                      <span class="oogo-checkbox-row__hint" id={`dossier-point-${p.id}-meta`}>
                        Thema: {themeLabel(ws.workspace(), p.theme)} · Status: {pointStatusLabel(p.status)}
                      </span>
                    </span>
                  </div>
                )}
              </For>
            </Show>
          </fieldset>
        )}
      </Loaded>

      <fieldset class="oogo-fieldset">
        <legend>Wat vraagt u de commissie?</legend>
        <For each={[...DOSSIER_ROUTES]}>
          {(r) => (
            <div class="oogo-route-option">
              <input
                type="radio"
                name="route"
                id={`route-${r}`}
                value={r}
                checked={route() === r}
                required
                aria-describedby={`route-${r}-desc`}
                onChange={() => {
                  setRoute(r);
                  action.reset();
                }}
              />
              <span class="oogo-checkbox-row__text">
                <label for={`route-${r}`}>{DOSSIER_ROUTE_LABELS[r]}</label>
                <span class="oogo-checkbox-row__hint" id={`route-${r}-desc`}>
                  {DOSSIER_ROUTE_DESCRIPTIONS[r]}
                </span>
              </span>
            </div>
          )}
        </For>
      </fieldset>

      <div class="oogo-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
          {busyFormat() === "pdf" ? "Dossier wordt gemaakt…" : "Dossier maken (PDF)"}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          disabled={action.busy()}
          onClick={() => void build("docx")}
        >
          {busyFormat() === "docx" ? "Dossier wordt gemaakt…" : "Dossier maken (DOCX)"}
        </button>
      </div>
      <p class="oogo-live-status" role="status" aria-live="polite">
        {status()}
      </p>
      <ErrorSummary error={action.error()} title="Dossier maken mislukt" />
    </form>
  );
}
