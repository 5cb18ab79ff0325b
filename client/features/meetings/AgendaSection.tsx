import { createMemo, createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import {
  AGENDA_DECISION_LABELS,
  decisionTargetStatus,
  fixesTextVersion,
  meetingHasStarted,
  type AgendaDecision,
} from "../../../shared/domain/meetings.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import type { PointStatus } from "../../../shared/domain/pointStatus.ts";
import type { AddAgendaItemInput, AgendaItemView, MeetingView } from "../../../shared/schemas/meetings.ts";
import { FIXED_ITEM_TITLES, type AgendaItemKind } from "../../../shared/domain/agendaBuilder.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { pointStatusLabel, themeLabel } from "./labels.ts";
import { Badge } from "./StatusBadge.tsx";
import { formText } from "../../ui/formData.ts";

/**
 * The agenda: overeenstemmingspunten (and other items) put before the meeting, each with the
 * decision taken. On a formal OOGO each point's text version is fixed when it is put on the agenda.
 */
export function AgendaSection(props: { meeting: MeetingView; canManage: boolean; onChange: (m: MeetingView) => void }) {
  const formal = () => fixesTextVersion(props.meeting.type);
  const frozen = () => props.meeting.agendaFrozenReason;
  return (
    <section class="oogo-section" aria-labelledby="agenda-heading">
      <h2 class="utrecht-heading-2" id="agenda-heading">
        Agenda en besluiten
      </h2>
      <Show when={formal()}>
        <p class="utrecht-paragraph">
          Dit is een formeel bestuurlijk OOGO: een overeenstemmingspunt op deze agenda ligt vast in de tekstversie die
          hier wordt besproken (het <em>kenmerk</em> is de vingerafdruk van die tekst). Stemt het overleg in, dan
          ondertekent elke bestuurder die tekst, aan tafel of na afloop; met de laatste handtekening is er
          overeenstemming.
        </p>
      </Show>
      <Show when={props.meeting.agenda.length > 0} fallback={<p class="utrecht-paragraph">De agenda is nog leeg.</p>}>
        <ol class="oogo-agenda">
          <For each={props.meeting.agenda}>
            {(item, i) => (
              <AgendaItem
                meeting={props.meeting}
                item={item}
                number={i() + 1}
                count={props.meeting.agenda.length}
                canManage={props.canManage && !frozen()}
                onChange={props.onChange}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.canManage && props.meeting.agendaChangedSinceConvocation}>
        {/* The notice and its button sit with the convocatie, far above: say it where the agenda is edited. */}
        <p class="utrecht-paragraph" id="agenda-changed-near-agenda">
          <Badge tone="warning" icon="alert">
            Nog niet verstuurd
          </Badge>{" "}
          De genodigden hebben deze agenda nog niet. Klaar met de agenda? Verstuur de wijziging bij de convocatie:{" "}
          <a
            class="utrecht-link"
            href="#send-changed-agenda"
            onClick={(e) => {
              const target = document.getElementById("send-changed-agenda");
              if (!target) return;
              e.preventDefault();
              target.scrollIntoView({ block: "center" });
              target.focus();
            }}
          >
            naar de knop Gewijzigde agenda versturen
          </a>
          .
        </p>
      </Show>
      <Show when={props.canManage}>
        <Show when={!frozen()} fallback={<p class="utrecht-paragraph oogo-loading">{frozen()}</p>}>
          <AddAgendaItemForm meeting={props.meeting} onChange={props.onChange} />
        </Show>
      </Show>
    </section>
  );
}

function AgendaItem(props: {
  meeting: MeetingView;
  item: AgendaItemView;
  number: number;
  count: number;
  canManage: boolean;
  onChange: (m: MeetingView) => void;
}) {
  const ws = useWorkspace();
  const remove = createAction((meetingId: string, itemId: string) => meetingsApi.removeAgendaItem(meetingId, itemId), {
    announce: () => "Van de agenda gehaald.",
  });
  const move = createAction((meetingId: string, ids: string[]) => meetingsApi.reorderAgenda(meetingId, ids));
  const moveBy = async (delta: -1 | 1) => {
    const ids = props.meeting.agenda.map((a) => a.id);
    const from = ids.indexOf(item().id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const updated = await move.run(props.meeting.id, ids);
    if (updated) {
      props.onChange(updated);
      // Follow the moved item with the focus, on the same button where possible.
      const atEdge = to === 0 || to === ids.length - 1;
      const direction = delta < 0 !== atEdge ? "up" : "down";
      queueMicrotask(() => document.getElementById(`agenda-move-${direction}-${item().id}`)?.focus());
    }
  };
  const item = () => props.item;
  const headingId = () => `agenda-item-${item().id}`;
  const pointHref = () =>
    item().point && `/tafels/${encodeURIComponent(ws.id())}/punten/${encodeURIComponent(item().point!.id)}`;
  const removeItem = async () => {
    const updated = await remove.run(props.meeting.id, item().id);
    if (updated) props.onChange(updated);
  };
  return (
    <li class="oogo-agenda__item" aria-labelledby={headingId()}>
      <h3 class="utrecht-heading-3" id={headingId()}>
        <span class="oogo-visually-hidden">Agendapunt </span>
        {props.number}. {item().title}
      </h3>
      <Show when={item().point}>
        {(point) => (
          <p class="oogo-agenda__facts">
            <span>Thema: {themeLabel(ws.workspace(), point().theme)}</span>
            <span>Status van het punt: {pointStatusLabel(point().status)}</span>
            <Show when={item().textHash}>
              {(hash) => (
                <span>
                  Kenmerk van de tekst:{" "}
                  <code class="oogo-hash" title={hash()}>
                    {shortHash(hash())}
                  </code>
                </span>
              )}
            </Show>
            <A class="utrecht-link" href={pointHref()!}>
              Punt openen<span class="oogo-visually-hidden"> ({point().title})</span>
            </A>
          </p>
        )}
      </Show>
      <Show when={props.canManage && props.count > 1}>
        <div class="oogo-form-actions">
          <button
            type="button"
            id={`agenda-move-up-${item().id}`}
            class="utrecht-button utrecht-button--subtle"
            disabled={move.busy() || props.number === 1}
            onClick={() => void moveBy(-1)}
          >
            Omhoog<span class="oogo-visually-hidden"> ({item().title})</span>
          </button>
          <button
            type="button"
            id={`agenda-move-down-${item().id}`}
            class="utrecht-button utrecht-button--subtle"
            disabled={move.busy() || props.number === props.count}
            onClick={() => void moveBy(1)}
          >
            Omlaag<span class="oogo-visually-hidden"> ({item().title})</span>
          </button>
        </div>
        <Show when={move.error()}>
          <ErrorAlert error={move.error()} title="Volgorde wijzigen mislukt" />
        </Show>
      </Show>
      <Show when={item().textChangedSince}>
        <p class="utrecht-paragraph">
          <Badge tone="warning" icon="alert">
            Tekst gewijzigd
          </Badge>{" "}
          De huidige tekst van dit punt is niet meer de versie die op de agenda stond.
        </p>
      </Show>
      <Show
        when={item().decision}
        fallback={
          <Show when={props.canManage}>
            <Show when={item().allowedDecisions.length > 0}>
              <DecisionForm meeting={props.meeting} item={item()} onChange={props.onChange} />
            </Show>
            <div class="oogo-form-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                disabled={remove.busy()}
                onClick={() => void removeItem()}
              >
                Van de agenda halen<span class="oogo-visually-hidden"> ({item().title})</span>
              </button>
            </div>
            <Show when={remove.error()}>
              <ErrorAlert error={remove.error()} title="Van de agenda halen mislukt" />
            </Show>
          </Show>
        }
      >
        {(decision) => (
          <div class="oogo-agenda__decision" id={`decision-result-${item().id}`} tabindex="-1">
            <p>
              <strong>Besluit:</strong> {AGENDA_DECISION_LABELS[decision()]}
            </p>
            <Show when={item().decisionNote}>
              <p>{item().decisionNote}</p>
            </Show>
            <Show when={item().pointStatusBefore && item().pointStatusAfter}>
              <p>
                Status van het punt: {pointStatusLabel(item().pointStatusBefore!)} →{" "}
                {pointStatusLabel(item().pointStatusAfter!)}
              </p>
            </Show>
            <Show when={item().decidedAt}>
              <p class="oogo-loading">
                Vastgelegd door {item().decidedBy ?? "onbekend"} op {formatDateTime(item().decidedAt!)}
              </p>
            </Show>
          </div>
        )}
      </Show>
    </li>
  );
}

function DecisionForm(props: { meeting: MeetingView; item: AgendaItemView; onChange: (m: MeetingView) => void }) {
  const started = () => meetingHasStarted(props.meeting.startsAt, new Date());
  // The server's list for this kind of item: opening, mededelingen, rondvraag and sluiting get none.
  const options = () => props.item.allowedDecisions;
  const [decision, setDecision] = createSignal<AgendaDecision | "">("");
  const base = () => `decision-${props.item.id}`;
  const hint = () => {
    const point = props.item.point;
    const target =
      decision() && point
        ? decisionTargetStatus(decision() as AgendaDecision, props.meeting.type, point.status as PointStatus)
        : null;
    if (!target) return undefined;
    return target === "akkoord_in_overleg"
      ? `Het punt krijgt de status: ${pointStatusLabel(target)}. Elke partij moet een bestuurder aanwezig hebben die namens haar besluit (zie Aanwezigheid).`
      : `Het punt krijgt de status: ${pointStatusLabel(target)}.`;
  };
  const action = createAction((chosen: AgendaDecision | "", note: string, pointVersion: number | undefined) => {
    if (!chosen) throw inputError("Kies een besluit.", "decision");
    if (note.trim().length < 3) throw inputError("Geef een toelichting bij het besluit (minstens 3 tekens).", "note");
    return meetingsApi.decide(props.meeting.id, props.item.id, {
      decision: chosen,
      note,
      expectedVersion: pointVersion,
    });
  });
  const err = (field: string) => fieldError(action.error(), field);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const note = formText(new FormData(e.currentTarget as HTMLFormElement), "note");
    const updated = await action.run(decision(), note, props.item.point?.version);
    if (updated) {
      props.onChange(updated);
      // The form is replaced by the recorded decision: keep keyboard focus there.
      queueMicrotask(() => document.getElementById(`decision-result-${props.item.id}`)?.focus());
    }
  };
  return (
    <Show
      when={started()}
      fallback={
        <p class="utrecht-paragraph oogo-loading">Besluiten worden vastgelegd vanaf de aanvang van de vergadering.</p>
      }
    >
      <form
        class="oogo-panel oogo-panel--muted"
        onSubmit={(e) => void submit(e)}
        aria-label={`Besluit vastleggen: ${props.item.title}`}
      >
        <ErrorSummary error={action.error()} title="Besluit vastleggen mislukt" />
        <div class="oogo-form-grid">
          <Field id={`${base()}-decision`} label="Besluit" hint={hint()} required error={err("decision")}>
            {(control) => (
              <select
                {...control}
                required
                class="utrecht-select utrecht-select--html-select"
                value={decision()}
                onChange={(e) => setDecision(e.currentTarget.value as AgendaDecision | "")}
              >
                <option value="">Kies een besluit</option>
                <For each={options()}>{(d) => <option value={d}>{AGENDA_DECISION_LABELS[d]}</option>}</For>
              </select>
            )}
          </Field>
          <Field
            id={`${base()}-note`}
            label="Toelichting (komt in het logboek en het dossier)"
            required
            error={err("note")}
            class="oogo-span-all"
          >
            {(control) => (
              <textarea
                {...control}
                name="note"
                maxLength={4000}
                rows={3}
                class="utrecht-textarea utrecht-textarea--html-textarea"
              />
            )}
          </Field>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
          {action.busy() ? "Bezig met vastleggen…" : "Besluit vastleggen"}
        </button>
      </form>
    </Show>
  );
}

/**
 * The agenda builder: fixed items in one click, the points that can be placed (the server's list),
 * and — folded away — the points that cannot, each with the reason.
 */
function AddAgendaItemForm(props: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  // Refetched when the agenda changes (an item placed) or a point moves (live).
  const [candidates] = createLiveResource(
    () => `${props.meeting.id}|${props.meeting.version}`,
    (key: string) => meetingsApi.agendaCandidates(key.split("|")[0]!),
    { entities: ["point", "meeting"] },
  );
  const [pointId, setPointId] = createSignal("");
  const [title, setTitle] = createSignal("");
  const placeable = createMemo(() => (candidates.state === "errored" ? [] : (candidates.latest?.placeable ?? [])));
  const notPlaceable = createMemo(() =>
    candidates.state === "errored" ? [] : (candidates.latest?.notPlaceable ?? []),
  );
  const minutesToApprove = createMemo(() =>
    candidates.state === "errored" ? [] : (candidates.latest?.minutesToApprove ?? []),
  );
  const announce = (m: MeetingView) =>
    `Op de agenda gezet. De agenda heeft nu ${m.agenda.length} ${m.agenda.length === 1 ? "punt" : "punten"}.`;
  const action = createAction(
    (chosenPoint: string, typedTitle: string) => {
      if (!chosenPoint && typedTitle.length < 3)
        throw inputError("Kies een overeenstemmingspunt of geef een titel op (minstens 3 tekens).", "title");
      return meetingsApi.addAgendaItem(props.meeting.id, {
        ...(chosenPoint ? { pointId: chosenPoint } : {}),
        ...(typedTitle ? { title: typedTitle } : {}),
      });
    },
    { announce },
  );
  const fixed = createAction(
    (meetingId: string, input: AddAgendaItemInput) => meetingsApi.addAgendaItem(meetingId, input),
    {
      announce,
    },
  );
  const addFixed = async (input: AddAgendaItemInput) => {
    const updated = await fixed.run(props.meeting.id, input);
    if (updated) props.onChange(updated);
  };
  const err = (field: string) => fieldError(action.error(), field);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const updated = await action.run(pointId(), title().trim());
    if (updated) {
      setPointId("");
      setTitle("");
      props.onChange(updated);
    }
  };
  const has = (kind: AgendaItemKind) => props.meeting.agenda.some((a) => a.kind === kind);
  return (
    <div class="oogo-panel">
      <h3 class="utrecht-heading-3" id="add-agenda-heading">
        Agendapunt toevoegen
      </h3>
      <Show when={candidates.state === "errored"}>
        <ErrorAlert error={candidates.error as unknown} title="De keuze voor de agenda kon niet worden geladen" />
      </Show>
      <p class="utrecht-paragraph">Vaste onderdelen:</p>
      <Show when={fixed.error()}>
        <ErrorAlert error={fixed.error()} title="Toevoegen mislukt" />
      </Show>
      <div class="oogo-form-actions">
        <For each={FIXED_KINDS}>
          {(kind) => (
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              disabled={fixed.busy() || has(kind)}
              onClick={() => void addFixed({ kind })}
            >
              {FIXED_ITEM_TITLES[kind]}
            </button>
          )}
        </For>
        <For each={minutesToApprove()}>
          {(m) => (
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              disabled={fixed.busy()}
              onClick={() =>
                void addFixed({ kind: "notulen", minutesOfMeetingId: m.id, title: `Vaststellen notulen ${m.title}` })
              }
            >
              Notulen vaststellen: {m.title}
            </button>
          )}
        </For>
      </div>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="add-agenda-heading">
        <ErrorSummary error={action.error()} title="Toevoegen mislukt" />
        <div class="oogo-form-grid">
          <Field
            id="agenda-point"
            label="Overeenstemmingspunt"
            class="oogo-span-all"
            error={err("pointId")}
            hint={
              fixesTextVersion(props.meeting.type)
                ? "Op een formeel OOGO wordt de huidige tekstversie van het punt vastgelegd. Alleen punten die op deze agenda kunnen, staan in de lijst."
                : "Alleen punten die op deze agenda kunnen, staan in de lijst."
            }
          >
            {(control) => (
              <select
                {...control}
                class="utrecht-select utrecht-select--html-select"
                value={pointId()}
                onChange={(e) => setPointId(e.currentTarget.value)}
              >
                <option value="">Geen punt (ander onderwerp)</option>
                <For each={placeable()}>
                  {(p) => (
                    <option value={p.id}>
                      {p.title} ({p.statusLabel})
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field
            id="agenda-title"
            label={pointId() ? "Titel op de agenda (optioneel)" : "Titel op de agenda"}
            error={err("title")}
          >
            {(control) => (
              <input
                {...control}
                class="utrecht-textbox utrecht-textbox--html-input"
                maxLength={200}
                aria-required={pointId() ? "false" : "true"}
                value={title()}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
          {action.busy() ? "Bezig met toevoegen…" : "Op de agenda zetten"}
        </button>
      </form>
      <Show when={notPlaceable().length > 0}>
        <details class="oogo-details" id="agenda-not-placeable">
          <summary>Punten die niet op deze agenda kunnen ({notPlaceable().length})</summary>
          <ul class="utrecht-unordered-list">
            <For each={notPlaceable()}>
              {(p) => (
                <li>
                  <strong>{p.title}</strong>: {p.reason}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </div>
  );
}

const FIXED_KINDS = ["opening", "mededelingen", "rondvraag", "sluiting"] as const;
