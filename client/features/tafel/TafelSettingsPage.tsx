import { A, useNavigate } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Show, untrack, type JSX } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { tafelApi } from "../../api/tafels.ts";
import { workspaceApi } from "../../api/endpoints.ts";
import {
  OTHER_PARTICIPANT_LABELS,
  OTHER_PARTICIPANT_TYPES,
  PLAN_OWNER_KIND,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  PLAN_TYPE_LABELS,
  TAFEL_LEVEL_LABELS,
  type OtherParticipantType,
  type PlanType,
  type TafelLevel,
} from "../../../shared/domain/parties.ts";
import type { PartyView, PlanView, ThemeView } from "../../../shared/schemas/workspace.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorList, SelectField, TextField } from "../../ui/FormFields.tsx";
import { errorMessage, InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { fieldError } from "../../ui/inputErrors.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { partyMeta } from "../workspace/partyText.ts";
import { GEMEENTEN_DATALIST_ID, gemeenteOption, parseGemeente } from "../beheer/gemeenteInput.ts";
import { CBS_GEMEENTEN } from "../../../shared/data/cbsGemeenten.ts";
import "../beheer/beheer.css";

/**
 * One form's change to the tafel: the API call, then a reload of the tafel so every section shows
 * it. `run` resolves to true on success; a failure is in `error()` (see createAction).
 */
function createChange() {
  const ws = useWorkspace();
  return createAction(async (call: () => Promise<unknown>) => {
    await call();
    ws.refetch();
    return true;
  });
}

/** An error not tied to one of `fields` (those show at their field): shown above the form. */
const generalError = (err: unknown, fields: string[]) =>
  err && !fields.some((f) => fieldError(err, f) !== undefined) ? errorMessage(err) : undefined;

function Section(props: { id: string; title: string; children: JSX.Element; lead?: string }) {
  return (
    <section class="oogo-section" aria-labelledby={`${props.id}-heading`}>
      <h2 class="utrecht-heading-2" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      <Show when={props.lead}>
        <p class="utrecht-paragraph">{props.lead}</p>
      </Show>
      {props.children}
    </section>
  );
}

const General = (props: { message: string | undefined }) => (
  <Show when={props.message}>
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">{props.message}</p>
      </div>
    </div>
  </Show>
);

/**
 * "Tafel instellen" (tafel.manage: beheerder, secretaris): details, plans, parties (never deleted
 * once they left a trace — marked "niet meer aan tafel"), themes (renamed, reordered, archived)
 * and the next planperiode. Every change is an event in the tafel's log.
 */
export default function TafelSettingsPage() {
  const ws = useWorkspace();
  const w = () => ws.workspace()!;
  return (
    <>
      <PageTitle lead="Gegevens, plannen, partijen en thema's van deze tafel. Elke wijziging komt in het logboek.">
        Tafel instellen
      </PageTitle>
      <Show
        when={ws.can("tafel.manage")}
        fallback={
          <InfoAlert type="warning">
            <p class="utrecht-paragraph">Alleen de beheerder en de secretaris van de tafel stellen de tafel in.</p>
          </InfoAlert>
        }
      >
        <datalist id={GEMEENTEN_DATALIST_ID}>
          <For each={CBS_GEMEENTEN}>{(g) => <option value={gemeenteOption(g)} />}</For>
        </datalist>
        <DetailsSection />
        <PlansSection plans={w().plans} parties={w().parties} />
        <PartiesSection parties={w().parties} />
        <ThemesSection themes={w().themes} />
        <NextPeriodSection />
      </Show>
    </>
  );
}

function DetailsSection() {
  const ws = useWorkspace();
  const w = () => ws.workspace()!;
  // A draft: it starts from the tafel as loaded and keeps what the user types.
  const [form, setForm] = createStore<{ name: string; level: TafelLevel; parent: string }>(
    untrack(() => ({ name: w().name, level: w().level, parent: w().parent?.id ?? "" })),
  );
  const [tafels] = createResource(workspaceApi.list);
  const action = createChange();
  const on = (field: string) => fieldError(action.error(), field);
  const [saved, setSaved] = createSignal(false);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    if (
      await action.run(() =>
        tafelApi.update(ws.id(), {
          name: form.name,
          level: form.level,
          parentWorkspaceId: form.level === "lokaal" && form.parent ? form.parent : null,
        }),
      )
    )
      setSaved(true);
  };
  return (
    <Section id="details" title="Gegevens">
      <form class="utrecht-form" onSubmit={(e) => void save(e)} novalidate>
        <General message={generalError(action.error(), ["name", "level", "parentWorkspaceId"])} />
        <div class="oogo-field-row">
          <TextField
            id="set-name"
            label="Naam van de tafel"
            value={form.name}
            error={on("name")}
            onInput={(v) => setForm("name", v)}
          />
          <SelectField
            id="set-level"
            label="Niveau"
            value={form.level}
            error={on("level")}
            options={(["regionaal", "lokaal"] as const).map((l) => ({ value: l, label: TAFEL_LEVEL_LABELS[l] }))}
            onChange={(v) => setForm("level", v)}
          />
          <Show when={form.level === "lokaal"}>
            <SelectField
              id="set-parent"
              label="Werkt deze regionale tafel uit"
              value={form.parent}
              error={on("parentWorkspaceId")}
              options={[
                { value: "", label: "Geen" },
                ...(tafels() ?? []).filter((t) => t.id !== ws.id()).map((t) => ({ value: t.id, label: t.name })),
              ]}
              onChange={(v) => setForm("parent", v)}
            />
          </Show>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
          Gegevens opslaan
        </button>
        <Show when={saved()}>
          <p class="utrecht-paragraph" role="status">
            Opgeslagen.
          </p>
        </Show>
      </form>
    </Section>
  );
}

function PlanEditor(props: { plan: PlanView }) {
  const ws = useWorkspace();
  // A draft: it starts from the plan as loaded and keeps what the user types.
  const [form, setForm] = createStore(
    untrack(() => ({
      title: props.plan.title,
      start: String(props.plan.period.start),
      end: String(props.plan.period.end),
      status: props.plan.status,
      version: props.plan.versionLabel,
    })),
  );
  const action = createChange();
  const on = (field: string) => fieldError(action.error(), field);
  const id = (f: string) => `plan-${props.plan.id}-${f}`;
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    void action.run(() =>
      tafelApi.updatePlan(ws.id(), props.plan.id, {
        title: form.title,
        periodStart: Number(form.start),
        periodEnd: Number(form.end),
        status: form.status,
        versionLabel: form.version,
      }),
    );
  };
  return (
    <li>
      <form
        class="utrecht-form oogo-settings-list__main"
        onSubmit={save}
        novalidate
        aria-label={`${PLAN_TYPE_LABELS[props.plan.kind]} ${props.plan.title}`}
      >
        <p class="oogo-party-row__name">
          {PLAN_TYPE_LABELS[props.plan.kind]}
          {props.plan.party ? ` van ${props.plan.party.name}` : ""}
        </p>
        <General
          message={generalError(action.error(), ["title", "periodStart", "periodEnd", "status", "versionLabel"])}
        />
        <TextField
          id={id("title")}
          label="Titel"
          value={form.title}
          error={on("title")}
          onInput={(v) => setForm("title", v)}
        />
        <div class="oogo-field-row">
          <TextField
            id={id("start")}
            label="Van (jaar)"
            inputmode="numeric"
            width="8ch"
            value={form.start}
            error={on("periodStart")}
            onInput={(v) => setForm("start", v)}
          />
          <TextField
            id={id("end")}
            label="Tot en met (jaar)"
            inputmode="numeric"
            width="8ch"
            value={form.end}
            error={on("periodEnd")}
            onInput={(v) => setForm("end", v)}
          />
          <SelectField
            id={id("status")}
            label="Status"
            value={form.status}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            onChange={(v) => setForm("status", v)}
          />
          <TextField
            id={id("version")}
            label="Versie"
            width="12ch"
            value={form.version}
            error={on("versionLabel")}
            onInput={(v) => setForm("version", v)}
          />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
          Plan opslaan
        </button>
      </form>
    </li>
  );
}

function PlansSection(props: { plans: PlanView[]; parties: PartyView[] }) {
  const ws = useWorkspace();
  const year = new Date().getFullYear();
  const [form, setForm] = createStore<{ kind: PlanType; partyId: string; title: string; start: string; end: string }>({
    kind: "jeugdplan",
    partyId: "",
    title: "",
    start: String(year),
    end: String(year + 4),
  });
  const action = createChange();
  const on = (field: string) => fieldError(action.error(), field);
  const owners = () => props.parties.filter((p) => p.kind === PLAN_OWNER_KIND[form.kind] && !p.leftAt);
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    if (
      await action.run(() =>
        tafelApi.addPlan(ws.id(), {
          kind: form.kind,
          partyId: form.partyId,
          title: form.title,
          periodStart: Number(form.start),
          periodEnd: Number(form.end),
        }),
      )
    ) {
      setForm({ title: "", partyId: "" });
    }
  };
  return (
    <Section id="plans" title="Plannen">
      <ul class="oogo-settings-list">
        <For each={props.plans}>{(p) => <PlanEditor plan={p} />}</For>
      </ul>
      <form class="utrecht-form" onSubmit={(e) => void add(e)} novalidate aria-labelledby="add-plan-heading">
        <h3 class="utrecht-heading-3" id="add-plan-heading">
          Plan toevoegen
        </h3>
        <General message={generalError(action.error(), ["kind", "partyId", "title", "periodStart", "periodEnd"])} />
        <div class="oogo-field-row">
          <SelectField
            id="add-plan-kind"
            label="Soort plan"
            value={form.kind}
            options={[
              { value: "jeugdplan" as const, label: "Beleidsplan jeugd" },
              { value: "ondersteuningsplan" as const, label: "Ondersteuningsplan" },
            ]}
            onChange={(v) => setForm({ kind: v, partyId: "" })}
          />
          <SelectField
            id="add-plan-party"
            label="Van"
            value={form.partyId}
            error={on("partyId")}
            options={[
              { value: "", label: "Kies een partij" },
              ...owners().map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(v) => setForm("partyId", v)}
          />
          <TextField
            id="add-plan-title"
            label="Titel"
            value={form.title}
            error={on("title")}
            onInput={(v) => setForm("title", v)}
          />
          <TextField
            id="add-plan-start"
            label="Van (jaar)"
            inputmode="numeric"
            width="8ch"
            value={form.start}
            error={on("periodStart")}
            onInput={(v) => setForm("start", v)}
          />
          <TextField
            id="add-plan-end"
            label="Tot en met (jaar)"
            inputmode="numeric"
            width="8ch"
            value={form.end}
            error={on("periodEnd")}
            onInput={(v) => setForm("end", v)}
          />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
          Plan toevoegen
        </button>
      </form>
    </Section>
  );
}

function PartyItem(props: { party: PartyView }) {
  const ws = useWorkspace();
  const [date, setDate] = createSignal(new Date().toISOString().slice(0, 10));
  const action = createChange();
  const on = (field: string) => fieldError(action.error(), field);
  const p = () => props.party;
  const markLeft = (leftAt: string | null) => void action.run(() => tafelApi.changeParty(ws.id(), p().id, { leftAt }));
  const remove = () => {
    if (
      !confirm(
        `${p().name} verwijderen van deze tafel? Dat kan alleen als de partij nog nergens in het dossier voorkomt.`,
      )
    )
      return;
    void action.run(() => tafelApi.removeParty(ws.id(), p().id));
  };
  return (
    <li>
      <div class="oogo-settings-list__main">
        <p class="oogo-party-row__name">{p().name}</p>
        <p class="oogo-muted">{partyMeta(p())}</p>
        <General message={generalError(action.error(), ["leftAt"])} />
      </div>
      <Show
        when={!p().leftAt}
        fallback={
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={action.busy()}
            onClick={() => markLeft(null)}
          >
            Weer aan tafel<span class="oogo-visually-hidden">: {p().name}</span>
          </button>
        }
      >
        <div class="oogo-field-row oogo-add-row">
          <TextField
            id={`left-${p().id}`}
            label={`${p().name} niet meer aan tafel vanaf`}
            type="date"
            value={date()}
            error={on("leftAt")}
            onInput={setDate}
          />
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={action.busy()}
            onClick={() => markLeft(date())}
          >
            Niet meer aan tafel<span class="oogo-visually-hidden">: {p().name}</span>
          </button>
        </div>
      </Show>
      <button type="button" class="utrecht-button utrecht-button--subtle" disabled={action.busy()} onClick={remove}>
        Verwijderen<span class="oogo-visually-hidden"> {p().name}</span>
      </button>
    </li>
  );
}

function PartiesSection(props: { parties: PartyView[] }) {
  const ws = useWorkspace();
  const [form, setForm] = createStore<{
    kind: "swv" | "gemeente" | "overig";
    name: string;
    swvCode: string;
    sector: "po" | "vo";
    gemeente: string;
    subtype: OtherParticipantType;
    coverageNote: string;
  }>({ kind: "gemeente", name: "", swvCode: "", sector: "po", gemeente: "", subtype: "opr", coverageNote: "" });
  const action = createChange();
  const on = (field: string) => fieldError(action.error(), field);
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const coverageNote = form.coverageNote.trim() || null;
    const parsed = parseGemeente(form.gemeente);
    const input =
      form.kind === "swv"
        ? { kind: "swv" as const, name: form.name, swvCode: form.swvCode, sector: form.sector, coverageNote }
        : form.kind === "gemeente"
          ? {
              kind: "gemeente" as const,
              cbsCode: parsed?.code ?? form.gemeente,
              name: parsed?.listed ? null : form.name || null,
              coverageNote,
            }
          : { kind: "overig" as const, subtype: form.subtype, name: form.name, coverageNote };
    if (await action.run(() => tafelApi.addParty(ws.id(), input)))
      setForm({ name: "", swvCode: "", gemeente: "", coverageNote: "" });
  };
  const unlisted = () => form.kind === "gemeente" && parseGemeente(form.gemeente)?.listed === false;
  return (
    <Section
      id="parties"
      title="Partijen"
      lead="Een partij die in het dossier voorkomt (standpunten, handtekeningen, punten, deelnemers, overleggen) wordt niet verwijderd maar staat vanaf een datum als “niet meer aan tafel”; zo blijft het dossier kloppen."
    >
      <ul class="oogo-settings-list">
        <For each={props.parties}>{(p) => <PartyItem party={p} />}</For>
      </ul>
      <form class="utrecht-form" onSubmit={(e) => void add(e)} novalidate aria-labelledby="add-party-heading">
        <h3 class="utrecht-heading-3" id="add-party-heading">
          Partij toevoegen
        </h3>
        <General
          message={generalError(action.error(), ["name", "swvCode", "sector", "cbsCode", "subtype", "coverageNote"])}
        />
        <div class="oogo-field-row">
          <SelectField
            id="add-party-kind"
            label="Soort"
            value={form.kind}
            options={[
              { value: "gemeente" as const, label: "Gemeente" },
              { value: "swv" as const, label: "Samenwerkingsverband" },
              { value: "overig" as const, label: "Andere deelnemer (ondertekent niet)" },
            ]}
            onChange={(v) => setForm("kind", v)}
          />
          <Show when={form.kind === "gemeente"}>
            <TextField
              id="add-party-gemeente"
              label="Gemeente"
              list={GEMEENTEN_DATALIST_ID}
              value={form.gemeente}
              error={on("cbsCode")}
              description="Naam of CBS-code; niet in de lijst? Vul de code in en daarna de naam."
              onInput={(v) => setForm("gemeente", v)}
            />
          </Show>
          <Show when={form.kind === "overig"}>
            <SelectField
              id="add-party-subtype"
              label="Soort deelnemer"
              value={form.subtype}
              error={on("subtype")}
              options={OTHER_PARTICIPANT_TYPES.map((t) => ({ value: t, label: OTHER_PARTICIPANT_LABELS[t] }))}
              onChange={(v) => setForm("subtype", v)}
            />
          </Show>
          <Show when={form.kind !== "gemeente" || unlisted()}>
            <TextField
              id="add-party-name"
              label="Naam"
              value={form.name}
              error={on("name")}
              onInput={(v) => setForm("name", v)}
            />
          </Show>
          <Show when={form.kind === "swv"}>
            <TextField
              id="add-party-code"
              label="Code (bijv. PO 31.02)"
              width="12ch"
              value={form.swvCode}
              error={on("swvCode")}
              onInput={(v) => setForm("swvCode", v)}
            />
            <SelectField
              id="add-party-sector"
              label="Sector"
              value={form.sector}
              error={on("sector")}
              options={[
                { value: "po" as const, label: "po" },
                { value: "vo" as const, label: "vo" },
              ]}
              onChange={(v) => setForm("sector", v)}
            />
          </Show>
          <TextField
            id="add-party-coverage"
            label="Dekking (optioneel)"
            value={form.coverageNote}
            error={on("coverageNote")}
            onInput={(v) => setForm("coverageNote", v)}
          />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
          Partij toevoegen
        </button>
      </form>
    </Section>
  );
}

function ThemeItem(props: {
  theme: ThemeView;
  index: number;
  count: number;
  move(from: number, to: number): void;
  busy: boolean;
}) {
  const ws = useWorkspace();
  // A draft: it starts from the name as loaded and keeps what the user types.
  const [label, setLabel] = createSignal(untrack(() => props.theme.label));
  const action = createChange();
  const t = () => props.theme;
  const rename = (e: SubmitEvent) => {
    e.preventDefault();
    void action.run(() => tafelApi.changeTheme(ws.id(), t().key, { label: label() }));
  };
  return (
    <li>
      <form class="oogo-settings-list__main oogo-field-row oogo-add-row" onSubmit={rename} novalidate>
        <TextField
          id={`theme-${t().key}`}
          label={`Naam van thema ${props.index + 1}${t().archived ? " (gearchiveerd)" : ""}`}
          value={label()}
          error={fieldError(action.error(), "label") ?? generalError(action.error(), ["label"])}
          onInput={setLabel}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
          Naam opslaan<span class="oogo-visually-hidden"> {t().label}</span>
        </button>
      </form>
      <div class="oogo-move-buttons">
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle"
          disabled={props.busy || props.index === 0}
          onClick={() => props.move(props.index, props.index - 1)}
        >
          Omhoog<span class="oogo-visually-hidden"> {t().label}</span>
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle"
          disabled={props.busy || props.index === props.count - 1}
          onClick={() => props.move(props.index, props.index + 1)}
        >
          Omlaag<span class="oogo-visually-hidden"> {t().label}</span>
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle"
          disabled={action.busy()}
          onClick={() => void action.run(() => tafelApi.changeTheme(ws.id(), t().key, { archived: !t().archived }))}
        >
          {t().archived ? "Terugzetten" : "Archiveren"}
          <span class="oogo-visually-hidden"> {t().label}</span>
        </button>
      </div>
    </li>
  );
}

function ThemesSection(props: { themes: ThemeView[] }) {
  const ws = useWorkspace();
  const [label, setLabel] = createSignal("");
  const add = createChange();
  const order = createChange();
  // Rows keyed by theme key: a refetch of the tafel (after any change, also someone else's) updates
  // the rows in place instead of recreating them, so a name being typed is not wiped.
  const [rows, setRows] = createStore<ThemeView[]>([]);
  createEffect(() => setRows(reconcile(props.themes, { key: "key" })));
  let status!: HTMLParagraphElement;
  const move = async (from: number, to: number) => {
    const keys = props.themes.map((t) => t.key);
    const [key] = keys.splice(from, 1);
    keys.splice(to, 0, key!);
    const moved = props.themes[from]!.label;
    if (!(await order.run(() => tafelApi.reorderThemes(ws.id(), keys)))) return;
    status.textContent = `${moved} staat nu op plaats ${to + 1}.`;
    // Keep the keyboard where it was: on the same button of the moved theme.
    queueMicrotask(() =>
      setTimeout(
        () =>
          document
            .getElementById(`theme-${key}`)
            ?.closest("li")
            ?.querySelector<HTMLButtonElement>(`button:nth-of-type(${to > from ? 2 : 1})`)
            ?.focus(),
        50,
      ),
    );
  };
  return (
    <Section
      id="themes"
      title="Thema's"
      lead="Een thema met punten wordt niet verwijderd: gearchiveerd verdwijnt het uit nieuwe punten en filters, maar oude punten houden hun thema."
    >
      <p class="oogo-visually-hidden" role="status" ref={status} />
      <General message={generalError(order.error(), [])} />
      <ul class="oogo-settings-list">
        <For each={rows}>
          {(t, i) => (
            <ThemeItem
              theme={t}
              index={i()}
              count={rows.length}
              move={(from, to) => void move(from, to)}
              busy={order.busy()}
            />
          )}
        </For>
      </ul>
      <form
        class="utrecht-form oogo-field-row oogo-add-row"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void add.run(() => tafelApi.addTheme(ws.id(), { label: label() })).then((done) => done && setLabel(""));
        }}
      >
        <TextField
          id="add-theme"
          label="Thema toevoegen"
          value={label()}
          error={fieldError(add.error(), "label") ?? generalError(add.error(), ["label"])}
          onInput={setLabel}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={add.busy()}>
          Thema toevoegen
        </button>
      </form>
    </Section>
  );
}

function NextPeriodSection() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const end = () => Math.max(...ws.workspace()!.plans.map((p) => p.period.end), new Date().getFullYear());
  const [form, setForm] = createStore({ name: "", start: String(end() + 1), end: String(end() + 4) });
  const action = createAction(() =>
    tafelApi.nextPeriod(ws.id(), { name: form.name, periodStart: Number(form.start), periodEnd: Number(form.end) }),
  );
  const on = (field: string) => fieldError(action.error(), field);
  const general = () => generalError(action.error(), ["name", "periodStart", "periodEnd"]);
  const start = (e: SubmitEvent) => {
    e.preventDefault();
    if (
      !confirm(
        `Een nieuwe tafel "${form.name}" starten voor ${form.start}–${form.end}? Partijen, deelnemers, thema's en de stappen van de procedure gaan mee; vastgelegde punten en punten in uitvoering komen mee als "herzien". Deze tafel blijft zoals hij is.`,
      )
    )
      return;
    void action.run();
  };
  return (
    <Section
      id="next"
      title="Nieuwe tafel voor de volgende planperiode"
      lead="Start de volgende cyclus vanuit wat is afgesproken: partijen die nog aan tafel zitten, deelnemers in dezelfde rollen, thema's en de stappen van de procedure (zonder data) gaan mee. Punten die vastgelegd of in uitvoering zijn, komen mee als “herzien”, met een verwijzing naar het oorspronkelijke punt."
    >
      <Show
        when={action.result()}
        fallback={
          <form class="utrecht-form" onSubmit={start} novalidate>
            <ErrorList errors={general() ? [["next-name", general()!]] : []} />
            <div class="oogo-field-row">
              <TextField
                id="next-name"
                label="Naam van de nieuwe tafel"
                value={form.name}
                error={on("name")}
                onInput={(v) => setForm("name", v)}
              />
              <TextField
                id="next-start"
                label="Planperiode van (jaar)"
                inputmode="numeric"
                width="8ch"
                value={form.start}
                error={on("periodStart")}
                onInput={(v) => setForm("start", v)}
              />
              <TextField
                id="next-end"
                label="tot en met (jaar)"
                inputmode="numeric"
                width="8ch"
                value={form.end}
                error={on("periodEnd")}
                onInput={(v) => setForm("end", v)}
              />
            </div>
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
              Nieuwe tafel starten
            </button>
          </form>
        }
      >
        {(c) => (
          <InfoAlert type="ok">
            <p class="utrecht-paragraph">
              De nieuwe tafel is gestart: {c().membersCarried} deelnemers en {c().pointsCarried} herziene punten gingen
              mee.
            </p>
            <p class="utrecht-paragraph">
              <A
                class="utrecht-link"
                href={`/tafels/${encodeURIComponent(c().workspaceId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/tafels/${encodeURIComponent(c().workspaceId)}`);
                }}
              >
                Naar de nieuwe tafel
              </A>
            </p>
          </InfoAlert>
        )}
      </Show>
    </Section>
  );
}
