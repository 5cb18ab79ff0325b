import { A, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { bespreekpuntenApi } from "../../api/bespreekpunten.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert, Loaded } from "../../ui/feedback.tsx";
import { ErrorSummary } from "../../ui/Field.tsx";
import { SelectBoxField, TextAreaField, TextBoxField } from "../../ui/FieldControls.tsx";
import { formText } from "../../ui/formData.ts";
import { fieldError } from "../../ui/inputErrors.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import {
  BESPREEKPUNT_STATUS_LABELS,
  BESPREEKPUNT_STATUSES,
  isBespreekpuntStatus,
  type BespreekpuntStatus,
} from "../../../shared/domain/bespreekpunten.ts";
import { agendaFrozenReason } from "../../../shared/domain/meetings.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import type { BespreekpuntenList, BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { CoverageBar } from "./CoverageBar.tsx";
import { PlanSourceLink } from "./PlanSourceLink.tsx";
import "./bespreekpunten.css";

const ASKED_BY = { gemeente: "gemeenten", swv: "het samenwerkingsverband" } as const;
const ANSWERED_BY = { gemeente: "het samenwerkingsverband", swv: "de gemeenten" } as const;

/**
 * The leeswijzer as a working agenda: every question one party puts to the other about the plan,
 * with its status, who leads it, and what it led to (a point, an agenda item). The coverage bar
 * says how much is still open.
 */
export default function BespreekpuntenPage() {
  const ws = useWorkspace();
  const [list, { refetch }] = createLiveResource(() => ws.id(), bespreekpuntenApi.list, {
    entities: ["bespreekpunt", "bespreekpunten"],
  });
  const [meetings] = createLiveResource(() => ws.can("meeting.manage") && ws.id(), meetingsApi.list, {
    entities: ["meeting"],
  });
  const [onlyOpen, setOnlyOpen] = createSignal(false);

  return (
    <>
      <PageTitle lead="De vragen die partijen elkaar over het plan stellen, naar de leeswijzer van de VNG. Houd bij wat besproken is, wie het oppakt en wat tot een overeenstemmingspunt leidt.">
        Bespreekpunten
      </PageTitle>
      <Loaded when={list} label="Bespreekpunten laden…">
        {(l) => (
          <>
            <CoverageBar coverage={l().coverage} />
            <For each={l().sources}>{(s) => <p class="oogo-bp__source">Bron: {s.citation}</p>}</For>
            <div class="utrecht-checkbox-group oogo-bp__filter">
              <input
                type="checkbox"
                id="bp-only-open"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                checked={onlyOpen()}
                onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="bp-only-open">
                Toon alleen wat nog open staat
              </label>
            </div>
            <Groups list={l()} onlyOpen={onlyOpen()} meetings={meetings() ?? []} />
            <Show when={ws.can("bespreekpunt.manage")}>
              <AddOwn onAdded={() => void refetch()} />
            </Show>
          </>
        )}
      </Loaded>
    </>
  );
}

function Groups(props: { list: BespreekpuntenList; onlyOpen: boolean; meetings: MeetingSummary[] }) {
  const groups = createMemo(() => {
    const out: Array<{ name: string; items: BespreekpuntView[] }> = [];
    for (const item of props.list.items) {
      if (props.onlyOpen && item.status !== "niet_besproken" && item.status !== "in_voorbereiding") continue;
      const group = out.find((g) => g.name === item.group);
      if (group) group.items.push(item);
      else out.push({ name: item.group, items: [item] });
    }
    return out;
  });
  return (
    <Show when={groups().length > 0} fallback={<p class="oogo-empty">Alle bespreekpunten zijn afgehandeld.</p>}>
      <For each={groups()}>
        {(group) => (
          <section class="oogo-section" aria-labelledby={`bp-group-${slug(group.name)}`}>
            <h2 class="utrecht-heading-2" id={`bp-group-${slug(group.name)}`}>
              {group.name}
            </h2>
            <ul class="oogo-bp__list">
              <For each={group.items}>
                {(item) => (
                  <li>
                    <BespreekpuntCard item={item} meetings={props.meetings} />
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </Show>
  );
}

function BespreekpuntCard(props: { item: BespreekpuntView; meetings: MeetingSummary[] }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  const id = () => props.item.id;
  const manage = () => ws.can("bespreekpunt.manage");
  const parties = () => (ws.workspace()?.parties ?? []).filter((p) => p.kind === "swv" || p.kind === "gemeente");
  const themes = () => (ws.workspace()?.themes ?? []).filter((t) => !t.archived);
  const [mode, setMode] = createSignal<"none" | "point" | "agenda">("none");

  const save = createAction(
    (change: { status?: BespreekpuntStatus; leadPartyId?: string | null }) =>
      bespreekpuntenApi.update(id(), { expectedVersion: props.item.version, ...change }),
    { announce: (r) => `Opgeslagen: ${r.title}, ${BESPREEKPUNT_STATUS_LABELS[r.status].toLowerCase()}.` },
  );
  const makePoint = createAction(
    (input: { title: string; theme: string }) =>
      bespreekpuntenApi.makePoint(id(), { expectedVersion: props.item.version, ...input }),
    { announce: (p) => `Overeenstemmingspunt ‘${p.title}’ aangemaakt en gekoppeld.` },
  );
  const agendeer = createAction(
    (meetingId: string) => bespreekpuntenApi.agendeer(id(), { expectedVersion: props.item.version, meetingId }),
    { announce: () => "Op de agenda gezet." },
  );
  const openMeetings = () =>
    props.meetings.filter((m) => !agendaFrozenReason(m) && m.status !== "gehouden" && !isPast(m.startsAt));

  return (
    <article class="oogo-bp" aria-labelledby={`bp-${id()}-title`}>
      <h3 class="utrecht-heading-3 oogo-bp__title" id={`bp-${id()}-title`}>
        {props.item.title}
      </h3>
      <p class="oogo-bp__asked">
        Vraag van {ASKED_BY[props.item.askedBy]} aan {ANSWERED_BY[props.item.askedBy]}
        <Show when={props.item.source === "spiegel_jeugdplan"}> · eigen uitwerking, niet uit de leeswijzer</Show>
        <Show when={props.item.source === "eigen"}> · eigen bespreekpunt van de tafel</Show>
      </p>
      <Show when={props.item.planSource}>
        <p class="oogo-bp__asked">
          <PlanSourceLink workspaceId={ws.id()} source={props.item.planSource} />
        </p>
      </Show>
      <p class="utrecht-paragraph oogo-bp__question">{props.item.question}</p>

      <div class="oogo-bp__fields">
        <SelectBoxField
          id={`bp-${id()}-status`}
          label="Status"
          disabled={!manage() || save.busy()}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isBespreekpuntStatus(v)) void save.run({ status: v });
          }}
        >
          <For each={BESPREEKPUNT_STATUSES}>
            {(s) => (
              <option value={s} selected={s === props.item.status}>
                {BESPREEKPUNT_STATUS_LABELS[s]}
              </option>
            )}
          </For>
        </SelectBoxField>
        <SelectBoxField
          id={`bp-${id()}-lead`}
          label="Wie trekt het"
          disabled={!manage() || save.busy()}
          onChange={(e) => void save.run({ leadPartyId: e.currentTarget.value || null })}
        >
          <option value="" selected={!props.item.leadPartyId}>
            Nog niet gekozen
          </option>
          <For each={parties()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.item.leadPartyId}>
                {p.name}
              </option>
            )}
          </For>
        </SelectBoxField>
      </div>
      <Show when={save.error()}>
        <ErrorAlert error={save.error()} title="Wijziging niet opgeslagen" />
      </Show>

      <Show when={props.item.points.length > 0 || props.item.agendaItems.length > 0}>
        <ul class="oogo-bp__links">
          <For each={props.item.points}>
            {(p) => (
              <li>
                Overeenstemmingspunt:{" "}
                <A class="utrecht-link" href={`${base()}/punten/${encodeURIComponent(p.id)}`}>
                  {p.title}
                </A>
              </li>
            )}
          </For>
          <For each={props.item.agendaItems}>
            {(a) => (
              <li>
                Geagendeerd:{" "}
                <A class="utrecht-link" href={`${base()}/vergaderingen/${encodeURIComponent(a.meetingId)}`}>
                  {a.meetingTitle}
                </A>{" "}
                ({formatDateTime(a.startsAt)})
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={manage() || (ws.can("meeting.manage") && openMeetings().length > 0)}>
        <div class="utrecht-button-group oogo-bp__actions">
          <Show when={manage()}>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              aria-expanded={mode() === "point"}
              onClick={() => setMode(mode() === "point" ? "none" : "point")}
            >
              Maak overeenstemmingspunt<span class="oogo-visually-hidden"> van ‘{props.item.title}’</span>
            </button>
          </Show>
          <Show when={ws.can("meeting.manage") && openMeetings().length > 0}>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              aria-expanded={mode() === "agenda"}
              onClick={() => setMode(mode() === "agenda" ? "none" : "agenda")}
            >
              Agendeer<span class="oogo-visually-hidden"> ‘{props.item.title}’</span>
            </button>
          </Show>
        </div>
      </Show>

      <Show when={mode() === "point"}>
        <form
          class="oogo-bp__form"
          onSubmit={(e) => {
            e.preventDefault();
            void (async () => {
              const data = new FormData(e.currentTarget);
              const point = await makePoint.run({
                title: formText(data, "title"),
                theme: formText(data, "theme"),
              });
              if (point) navigate(`${base()}/punten/${encodeURIComponent(point.id)}`);
            })();
          }}
        >
          <ErrorSummary error={makePoint.error()} title="Overeenstemmingspunt niet aangemaakt" />
          <TextBoxField
            id={`bp-${id()}-pt-title`}
            label="Titel van het punt"
            required
            error={fieldError(makePoint.error(), "title")}
            name="title"
            value={props.item.title}
            maxLength={200}
          />
          <SelectBoxField
            id={`bp-${id()}-pt-theme`}
            label="Thema"
            required
            error={fieldError(makePoint.error(), "theme")}
            name="theme"
          >
            <Show when={!props.item.theme}>
              <option value="">Kies een thema</option>
            </Show>
            <For each={themes()}>
              {(t) => (
                <option value={t.key} selected={t.key === props.item.theme}>
                  {t.label}
                </option>
              )}
            </For>
          </SelectBoxField>
          <p class="oogo-bp__hint">De vraag wordt de begintekst van het punt. Het punt begint als concept.</p>
          <div class="utrecht-button-group">
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={makePoint.busy()}>
              {makePoint.busy() ? "Bezig…" : "Punt aanmaken"}
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setMode("none")}>
              Annuleren
            </button>
          </div>
        </form>
      </Show>

      <Show when={mode() === "agenda"}>
        <form
          class="oogo-bp__form"
          onSubmit={(e) => {
            e.preventDefault();
            void (async () => {
              const meetingId = formText(new FormData(e.currentTarget), "meetingId");
              if (await agendeer.run(meetingId)) setMode("none");
            })();
          }}
        >
          <ErrorSummary error={agendeer.error()} title="Niet op de agenda gezet" />
          <SelectBoxField
            id={`bp-${id()}-meeting`}
            label="Vergadering"
            required
            error={fieldError(agendeer.error(), "meetingId")}
            name="meetingId"
          >
            <For each={openMeetings()}>
              {(m) => (
                <option value={m.id}>
                  {m.title} ({m.typeLabel.toLowerCase()}, {formatDateTime(m.startsAt)})
                </option>
              )}
            </For>
          </SelectBoxField>
          <div class="utrecht-button-group">
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={agendeer.busy()}>
              {agendeer.busy() ? "Bezig…" : "Op de agenda zetten"}
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setMode("none")}>
              Annuleren
            </button>
          </div>
        </form>
      </Show>
    </article>
  );
}

function AddOwn(props: { onAdded: () => void }) {
  const ws = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const add = createAction(
    (input: { title: string; question: string; askedBy: "gemeente" | "swv"; theme: string | null }) =>
      bespreekpuntenApi.create(ws.id(), input),
    { announce: (r) => `Bespreekpunt ‘${r.title}’ toegevoegd.` },
  );
  const themes = () => (ws.workspace()?.themes ?? []).filter((t) => !t.archived);
  return (
    <section class="oogo-section" aria-labelledby="bp-add-heading">
      <h2 class="utrecht-heading-2" id="bp-add-heading">
        Eigen bespreekpunt
      </h2>
      <Show
        when={open()}
        fallback={
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(true)}>
            Bespreekpunt toevoegen
          </button>
        }
      >
        <form
          class="oogo-bp__form"
          onSubmit={(e) => {
            e.preventDefault();
            void (async () => {
              const data = new FormData(e.currentTarget);
              const done = await add.run({
                title: formText(data, "title"),
                question: formText(data, "question"),
                askedBy: formText(data, "askedBy") === "swv" ? "swv" : "gemeente",
                theme: formText(data, "theme") || null,
              });
              if (done) {
                setOpen(false);
                props.onAdded();
              }
            })();
          }}
        >
          <ErrorSummary error={add.error()} title="Bespreekpunt niet toegevoegd" />
          <TextBoxField
            id="bp-add-title"
            label="Titel"
            required
            error={fieldError(add.error(), "title")}
            name="title"
            maxLength={160}
          />
          <TextAreaField
            id="bp-add-question"
            label="Vraag aan de andere partij"
            required
            error={fieldError(add.error(), "question")}
            name="question"
            rows={3}
          />
          <SelectBoxField
            id="bp-add-asked"
            label="Wie stelt de vraag"
            required
            error={fieldError(add.error(), "askedBy")}
            name="askedBy"
          >
            <option value="gemeente">De gemeenten</option>
            <option value="swv">Het samenwerkingsverband</option>
          </SelectBoxField>
          <SelectBoxField
            id="bp-add-theme"
            label="Thema (optioneel)"
            error={fieldError(add.error(), "theme")}
            name="theme"
          >
            <option value="">Geen thema</option>
            <For each={themes()}>{(t) => <option value={t.key}>{t.label}</option>}</For>
          </SelectBoxField>
          <div class="utrecht-button-group">
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={add.busy()}>
              {add.busy() ? "Bezig…" : "Toevoegen"}
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setOpen(false)}>
              Annuleren
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function isPast(iso: string): boolean {
  return new Date(iso).getTime() < Date.now();
}
