import { A } from "@solidjs/router";
import { createResource, createSignal, For, Index, Match, Show, Switch } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { beheerApi } from "../../api/tafels.ts";
import { ApiRequestError } from "../../api/http.ts";
import { CBS_GEMEENTEN } from "../../../shared/data/cbsGemeenten.ts";
import {
  findCbsGemeente,
  OTHER_PARTICIPANT_LABELS,
  OTHER_PARTICIPANT_TYPES,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  PLAN_TYPE_LABELS,
  TAFEL_LEVEL_LABELS,
  type OtherParticipantType,
  type PlanType,
} from "../../../shared/domain/parties.ts";
import type { CreateTafelResult } from "../../../shared/schemas/tafel.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorList, SelectField, TextField } from "../../ui/FormFields.tsx";
import { errorMessage, InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { GEMEENTEN_DATALIST_ID, gemeenteOption, parseGemeente } from "./gemeenteInput.ts";
import {
  appointeeField,
  buildRequest,
  checkAppointeesStep,
  checkPartiesStep,
  checkPlansStep,
  checkThemesStep,
  emptyDraft,
  emptyPlan,
  fieldOf,
  nextKey,
  partyField,
  planField,
  STEPS,
  syncPlanOwners,
  themeField,
  type Draft,
  type Errors,
  type PartyRow,
} from "./wizardState.ts";
import "./beheer.css";

const SECTOR_OPTIONS = [
  { value: "po" as const, label: "Primair onderwijs (po)" },
  { value: "vo" as const, label: "Voortgezet onderwijs (vo)" },
];

/**
 * "Nieuwe OOGO-tafel" for the applicatiebeheerder: three steps (plannen, partijen, thema's) and a
 * check with the people who will run the tafel, then one request (ADR 0010). Every step checks its
 * fields with the shared rules; a server error lands next to its field, on its step.
 */
export default function NewTafelWizard() {
  const [draft, setDraft] = createStore<Draft>(emptyDraft());
  const [step, setStep] = createSignal(0);
  const [errors, setErrors] = createSignal<Errors>({});
  const [owners, setOwners] = createSignal<Record<string, string>>({});
  const create = createAction(() => beheerApi.createTafel(buildRequest(draft, owners())));
  const busy = create.busy;
  const done = create.result;
  const [regional] = createResource(async () =>
    (await beheerApi.tafels().catch(() => [])).filter((t) => t.level === "regionaal"),
  );
  let stepHeading!: HTMLHeadingElement;
  let summary: HTMLDivElement | undefined;

  const err = (id: string) => errors()[id];
  const errorList = () => Object.entries(errors());
  const focusStep = () => queueMicrotask(() => stepHeading?.focus());
  const showErrors = (e: Errors) => {
    setErrors(e);
    queueMicrotask(() => summary?.focus());
  };

  const checks = [checkPlansStep, checkPartiesStep, checkThemesStep, checkAppointeesStep];
  const next = (e: SubmitEvent) => {
    e.preventDefault();
    const problems = checks[step()]!(draft);
    if (Object.keys(problems).length > 0) return showErrors(problems);
    if (step() === 0) {
      const synced = syncPlanOwners(draft);
      setDraft("parties", synced.parties);
      setOwners(synced.owners);
    }
    setErrors({});
    if (step() < 3) {
      setStep(step() + 1);
      focusStep();
    } else void submit();
  };
  const back = () => {
    setErrors({});
    setStep(step() - 1);
    focusStep();
  };

  const submit = async () => {
    if (await create.run()) return;
    // A server error goes next to its field, on its step.
    const error = create.error();
    if (!error) return; // a second click while the first request runs
    if (error instanceof ApiRequestError && error.code === "VALIDATION_FAILED") {
      const where = fieldOf(draft, error.field, owners());
      setStep(where.step);
      showErrors({ [where.id]: error.message });
    } else {
      showErrors({ "submit-error": errorMessage(error) });
    }
  };

  return (
    <>
      <PageTitle lead="Richt een tafel in voor een samenwerkingsverband en de gemeenten in zijn regio.">
        Nieuwe OOGO-tafel
      </PageTitle>
      <datalist id={GEMEENTEN_DATALIST_ID}>
        <For each={CBS_GEMEENTEN}>{(g) => <option value={gemeenteOption(g)} />}</For>
      </datalist>
      <Show when={!done()} fallback={<Created result={done()!} name={draft.name} />}>
        <nav aria-label="Stappen" class="oogo-steps">
          <ol>
            <For each={STEPS}>
              {(label, i) => (
                <li
                  aria-current={i() === step() ? "step" : undefined}
                  class={i() === step() ? "oogo-steps__current" : i() < step() ? "oogo-steps__done" : ""}
                >
                  <span class="oogo-steps__number" aria-hidden="true">
                    {i() + 1}
                  </span>{" "}
                  {label}
                  <Show when={i() < step()}>
                    <span class="oogo-visually-hidden"> (klaar)</span>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </nav>
        <form class="utrecht-form oogo-wizard" onSubmit={next} novalidate>
          <h2 class="utrecht-heading-2" tabindex="-1" ref={stepHeading}>
            <span class="oogo-steps__count">
              Stap {step() + 1} van {STEPS.length}
            </span>{" "}
            {STEPS[step()]}
          </h2>
          <ErrorList errors={errorList()} ref={(el) => (summary = el)} />
          <Switch>
            <Match when={step() === 0}>
              <PlansStep draft={draft} setDraft={setDraft} err={err} regional={regional() ?? []} />
            </Match>
            <Match when={step() === 1}>
              <PartiesStep draft={draft} setDraft={setDraft} err={err} setErrors={setErrors} owners={owners()} />
            </Match>
            <Match when={step() === 2}>
              <ThemesStep draft={draft} setDraft={setDraft} err={err} />
            </Match>
            <Match when={step() === 3}>
              <CheckStep draft={draft} setDraft={setDraft} err={err} />
            </Match>
          </Switch>
          <div class="utrecht-button-group oogo-wizard__buttons">
            <Show when={step() > 0}>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={back}>
                Vorige stap
              </button>
            </Show>
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()}>
              {step() < 3 ? `Volgende: ${STEPS[step() + 1]}` : busy() ? "Bezig met aanmaken…" : "Tafel aanmaken"}
            </button>
            <A href="/beheer" class="utrecht-link oogo-wizard__cancel">
              Annuleren
            </A>
          </div>
        </form>
      </Show>
    </>
  );
}

interface StepProps {
  draft: Draft;
  setDraft: ReturnType<typeof createStore<Draft>>[1];
  err(id: string): string | undefined;
}

function PlansStep(props: StepProps & { regional: Array<{ id: string; name: string }> }) {
  const [newKind, setNewKind] = createSignal<PlanType>("jeugdplan");
  return (
    <>
      <p class="utrecht-paragraph">
        Welke plannen liggen aan deze tafel? Het ondersteuningsplan van elk samenwerkingsverband, en het beleidsplan
        jeugd van een gemeente die dat hier bespreekt (Jeugdwet artikel 2.2).
      </p>
      <TextField
        id="t-name"
        label="Naam van de tafel"
        value={props.draft.name}
        error={props.err("t-name")}
        required
        description="Bijvoorbeeld: OOGO PO Drenthe-Noord 2026–2030"
        onInput={(v) => props.setDraft("name", v)}
      />
      <fieldset class="utrecht-form-fieldset oogo-fieldset">
        <legend class="utrecht-form-fieldset__legend">Niveau</legend>
        <For each={["regionaal", "lokaal"] as const}>
          {(level) => (
            <div class="utrecht-form-field utrecht-form-field--radio">
              <input
                type="radio"
                id={`t-level-${level}`}
                name="level"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                checked={props.draft.level === level}
                onChange={() => props.setDraft("level", level)}
              />
              <label class="utrecht-form-label utrecht-form-label--radio" for={`t-level-${level}`}>
                {TAFEL_LEVEL_LABELS[level]}
              </label>
            </div>
          )}
        </For>
      </fieldset>
      <Show when={props.draft.level === "lokaal"}>
        <SelectField
          id="t-parent"
          label="Werkt deze regionale tafel uit (optioneel)"
          value={props.draft.parentWorkspaceId}
          error={props.err("t-parent")}
          options={[{ value: "", label: "Geen" }, ...props.regional.map((t) => ({ value: t.id, label: t.name }))]}
          onChange={(v) => props.setDraft("parentWorkspaceId", v)}
        />
      </Show>
      <Index each={props.draft.plans}>
        {(plan, i) => (
          <fieldset class="utrecht-form-fieldset oogo-fieldset oogo-card">
            <legend class="utrecht-form-fieldset__legend">
              Plan {i + 1}: {PLAN_TYPE_LABELS[plan().kind]}
            </legend>
            <SelectField
              id={planField(plan(), "kind")}
              label="Soort plan"
              value={plan().kind}
              options={[
                { value: "ondersteuningsplan", label: "Ondersteuningsplan (SWV)" },
                { value: "jeugdplan", label: "Beleidsplan jeugd (gemeente)" },
              ]}
              onChange={(v) => props.setDraft("plans", i, "kind", v)}
            />
            <Show
              when={plan().kind === "ondersteuningsplan"}
              fallback={
                <>
                  <TextField
                    id={planField(plan(), "gemeente")}
                    label="Van gemeente"
                    list={GEMEENTEN_DATALIST_ID}
                    value={plan().gemeente}
                    error={props.err(planField(plan(), "gemeente"))}
                    description="Typ de naam of de CBS-code (GM0014) en kies uit de lijst."
                    onInput={(v) => props.setDraft("plans", i, "gemeente", v)}
                  />
                  <Show when={parseGemeente(plan().gemeente)?.listed === false}>
                    <TextField
                      id={planField(plan(), "gemeenteName")}
                      label="Naam van de gemeente (staat niet in de CBS-lijst)"
                      value={plan().gemeenteName}
                      error={props.err(planField(plan(), "gemeenteName"))}
                      onInput={(v) => props.setDraft("plans", i, "gemeenteName", v)}
                    />
                  </Show>
                </>
              }
            >
              <div class="oogo-field-row">
                <TextField
                  id={planField(plan(), "swvName")}
                  label="Van samenwerkingsverband"
                  value={plan().swvName}
                  error={props.err(planField(plan(), "swvName"))}
                  onInput={(v) => props.setDraft("plans", i, "swvName", v)}
                />
                <TextField
                  id={planField(plan(), "swvCode")}
                  label="Code (bijv. PO 31.02)"
                  value={plan().swvCode}
                  error={props.err(planField(plan(), "swvCode"))}
                  width="12ch"
                  onInput={(v) => props.setDraft("plans", i, "swvCode", v)}
                />
                <SelectField
                  id={planField(plan(), "sector")}
                  label="Sector"
                  value={plan().sector}
                  error={props.err(planField(plan(), "sector"))}
                  options={SECTOR_OPTIONS}
                  onChange={(v) => props.setDraft("plans", i, "sector", v)}
                />
              </div>
            </Show>
            <TextField
              id={planField(plan(), "title")}
              label="Titel van het plan"
              value={plan().title}
              error={props.err(planField(plan(), "title"))}
              onInput={(v) => props.setDraft("plans", i, "title", v)}
            />
            <div class="oogo-field-row">
              <TextField
                id={planField(plan(), "periodStart")}
                label="Planperiode van (jaar)"
                inputmode="numeric"
                width="8ch"
                value={plan().periodStart}
                error={props.err(planField(plan(), "periodStart"))}
                onInput={(v) => props.setDraft("plans", i, "periodStart", v)}
              />
              <TextField
                id={planField(plan(), "periodEnd")}
                label="tot en met (jaar)"
                inputmode="numeric"
                width="8ch"
                value={plan().periodEnd}
                error={props.err(planField(plan(), "periodEnd"))}
                onInput={(v) => props.setDraft("plans", i, "periodEnd", v)}
              />
              <SelectField
                id={planField(plan(), "status")}
                label="Status"
                value={plan().status}
                options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
                onChange={(v) => props.setDraft("plans", i, "status", v)}
              />
              <TextField
                id={planField(plan(), "versionLabel")}
                label="Versie (optioneel)"
                width="12ch"
                value={plan().versionLabel}
                onInput={(v) => props.setDraft("plans", i, "versionLabel", v)}
              />
            </div>
            <Show when={props.draft.plans.length > 1}>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                onClick={() => props.setDraft("plans", (ps) => ps.filter((_, j) => j !== i))}
              >
                Plan {i + 1} verwijderen
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <div class="oogo-field-row oogo-add-row">
        <SelectField
          id="plans-add-kind"
          label="Nog een plan aan deze tafel"
          value={newKind()}
          error={props.err("plans-add-kind")}
          options={[
            { value: "jeugdplan", label: "Beleidsplan jeugd van een gemeente" },
            { value: "ondersteuningsplan", label: "Ondersteuningsplan van een samenwerkingsverband" },
          ]}
          onChange={setNewKind}
        />
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            const plan = emptyPlan(newKind());
            props.setDraft("plans", (ps) => [...ps, plan]);
            queueMicrotask(() => document.getElementById(planField(plan, "kind"))?.focus());
          }}
        >
          Plan toevoegen
        </button>
      </div>
    </>
  );
}

function PartiesStep(props: StepProps & { setErrors(e: Errors): void; owners: Record<string, string> }) {
  const [gemeente, setGemeente] = createSignal("");
  const [addError, setAddError] = createSignal<string | undefined>();
  const [unlisted, setUnlisted] = createStore({ code: "", name: "" });
  const [swv, setSwv] = createStore<{ name: string; code: string; sector: "po" | "vo" }>({
    name: "",
    code: "",
    sector: "po",
  });
  const [other, setOther] = createStore<{ subtype: OtherParticipantType; name: string }>({ subtype: "opr", name: "" });
  const ownedRefs = () => new Set(Object.values(props.owners));
  const add = (row: PartyRow) => props.setDraft("parties", (ps) => [...ps, row]);
  const hasGemeente = (code: string) => props.draft.parties.some((p) => p.kind === "gemeente" && p.cbsCode === code);

  const addGemeente = () => {
    const parsed = parseGemeente(gemeente());
    if (!parsed?.listed)
      return setAddError(
        parsed
          ? `${parsed.code} staat niet in de CBS-lijst. Voeg de gemeente toe onder "Gemeente staat niet in de lijst".`
          : "Kies een gemeente uit de lijst: typ een deel van de naam of de code.",
      );
    if (hasGemeente(parsed.code)) return setAddError(`${findCbsGemeente(parsed.code)!.name} staat al bij de partijen.`);
    setAddError(undefined);
    add({ ref: nextKey("g"), kind: "gemeente", cbsCode: parsed.code, name: "", coverageNote: "" });
    setGemeente("");
  };
  const enterAdds = (fn: () => void) => (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      fn();
    }
  };

  const gemeenten = () => props.draft.parties.filter((p) => p.kind === "gemeente");
  const rowIndex = (ref: string) => props.draft.parties.findIndex((p) => p.ref === ref);
  const setRow = (ref: string, field: string, value: string) =>
    props.setDraft("parties", rowIndex(ref), field as never, value as never);
  const remove = (ref: string) => props.setDraft("parties", (ps) => ps.filter((p) => p.ref !== ref));

  return (
    <>
      <p class="utrecht-paragraph">
        Wie zitten er aan tafel? De partijen van de plannen uit stap 1 staan er al. Samenwerkingsverbanden en gemeenten
        ondertekenen; andere deelnemers (mbo, schoolbesturen, OPR, ketenpartners) lezen mee en staan op
        presentielijsten, maar ondertekenen niet.
      </p>

      <section aria-labelledby="swv-heading" class="oogo-section">
        <h3 class="utrecht-heading-3" id="swv-heading">
          Samenwerkingsverbanden
        </h3>
        <ul class="oogo-party-rows">
          <For each={props.draft.parties.filter((p) => p.kind === "swv")}>
            {(p) => (
              <li class="oogo-party-row">
                <p class="oogo-party-row__name">
                  {p.name} <span class="oogo-muted">({(p as { swvCode: string }).swvCode})</span>
                </p>
                <Show
                  when={
                    props.err(partyField(p, "swvCode")) ??
                    props.err(partyField(p, "name")) ??
                    props.err(partyField(p, "sector"))
                  }
                >
                  <p class="utrecht-form-field-error-message" id={partyField(p, "swvCode")} tabindex="-1">
                    {props.err(partyField(p, "swvCode")) ??
                      props.err(partyField(p, "name")) ??
                      props.err(partyField(p, "sector"))}
                  </p>
                </Show>
                <TextField
                  id={partyField(p, "coverageNote")}
                  label={`Dekking van ${p.name} (optioneel)`}
                  value={p.coverageNote}
                  onInput={(v) => setRow(p.ref, "coverageNote", v)}
                />
                <Show
                  when={!ownedRefs().has(p.ref)}
                  fallback={<p class="oogo-muted">Heeft een plan aan deze tafel.</p>}
                >
                  <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => remove(p.ref)}>
                    {p.name} verwijderen
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <details class="oogo-details">
          <summary>Nog een samenwerkingsverband toevoegen</summary>
          <div class="oogo-field-row">
            <TextField id="add-swv-name" label="Naam" value={swv.name} onInput={(v) => setSwv("name", v)} />
            <TextField
              id="add-swv-code"
              label="Code (bijv. VO 20.01)"
              width="12ch"
              value={swv.code}
              onInput={(v) => setSwv("code", v)}
            />
            <SelectField
              id="add-swv-sector"
              label="Sector"
              value={swv.sector}
              options={SECTOR_OPTIONS}
              onChange={(v) => setSwv("sector", v)}
            />
          </div>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              add({
                ref: nextKey("s"),
                kind: "swv",
                name: swv.name,
                swvCode: swv.code,
                sector: swv.sector,
                coverageNote: "",
              });
              setSwv({ name: "", code: "", sector: "po" });
            }}
          >
            Samenwerkingsverband toevoegen
          </button>
        </details>
      </section>

      <section aria-labelledby="gemeenten-heading" class="oogo-section">
        <h3 class="utrecht-heading-3" id="gemeenten-heading">
          Gemeenten ({gemeenten().length})
        </h3>
        <p class="utrecht-paragraph">
          Doet een gemeente maar voor een deel mee, vul dan bij die gemeente de dekking in, bijvoorbeeld “alleen de
          kernen Vries en Zuidlaren”.
        </p>
        <div class="oogo-field-row oogo-add-row">
          <TextField
            id="parties-add-gemeente"
            label="Gemeente toevoegen"
            list={GEMEENTEN_DATALIST_ID}
            value={gemeente()}
            error={addError() ?? props.err("parties-add-gemeente")}
            description="Typ een deel van de naam of de CBS-code en kies uit de lijst; Enter voegt toe."
            onInput={setGemeente}
            onKeyDown={enterAdds(addGemeente)}
          />
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={addGemeente}>
            Toevoegen
          </button>
        </div>
        <details class="oogo-details">
          <summary>Gemeente staat niet in de lijst</summary>
          <p class="utrecht-paragraph">
            De lijst is de gemeentelijke indeling van het CBS. Staat een gemeente er (nog) niet in, bijvoorbeeld na een
            herindeling, vul dan de code en de naam in.
          </p>
          <div class="oogo-field-row">
            <TextField
              id="add-unlisted-code"
              label="CBS-code (GM en vier cijfers)"
              width="10ch"
              value={unlisted.code}
              onInput={(v) => setUnlisted("code", v)}
            />
            <TextField
              id="add-unlisted-name"
              label="Naam"
              value={unlisted.name}
              onInput={(v) => setUnlisted("name", v)}
            />
          </div>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              add({
                ref: nextKey("g"),
                kind: "gemeente",
                cbsCode: unlisted.code.trim().toUpperCase(),
                name: unlisted.name,
                coverageNote: "",
              });
              setUnlisted({ code: "", name: "" });
            }}
          >
            Gemeente toevoegen
          </button>
        </details>
        <ul class="oogo-party-rows">
          <For each={gemeenten()}>
            {(p) => {
              const listed = findCbsGemeente(p.cbsCode);
              return (
                <li class="oogo-party-row">
                  <p class="oogo-party-row__name">
                    {listed ? `Gemeente ${listed.name}` : p.name || "Gemeente zonder naam"}{" "}
                    <span class="oogo-muted">({p.cbsCode})</span>
                  </p>
                  <Show when={!listed}>
                    <TextField
                      id={partyField(p, "name")}
                      label={`Naam van gemeente ${p.cbsCode}`}
                      value={p.name}
                      error={props.err(partyField(p, "name"))}
                      onInput={(v) => setRow(p.ref, "name", v)}
                    />
                  </Show>
                  <TextField
                    id={partyField(p, "coverageNote")}
                    label={`Dekking${listed ? ` van ${listed.name}` : ""} (optioneel)`}
                    value={p.coverageNote}
                    error={props.err(partyField(p, "coverageNote"))}
                    onInput={(v) => setRow(p.ref, "coverageNote", v)}
                  />
                  <Show
                    when={!ownedRefs().has(p.ref)}
                    fallback={<p class="oogo-muted">Heeft een plan aan deze tafel.</p>}
                  >
                    <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => remove(p.ref)}>
                      {listed ? listed.name : p.cbsCode} verwijderen
                    </button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>

      <section aria-labelledby="others-heading" class="oogo-section">
        <h3 class="utrecht-heading-3" id="others-heading">
          Andere deelnemers (ondertekenen niet)
        </h3>
        <ul class="oogo-party-rows">
          <For each={props.draft.parties.filter((p) => p.kind === "overig")}>
            {(p) => (
              <li class="oogo-party-row">
                <p class="oogo-party-row__name">
                  {p.name}{" "}
                  <span class="oogo-muted">
                    ({OTHER_PARTICIPANT_LABELS[(p as { subtype: OtherParticipantType }).subtype]})
                  </span>
                </p>
                <Show when={props.err(partyField(p, "name"))}>
                  <p class="utrecht-form-field-error-message" id={partyField(p, "name")} tabindex="-1">
                    {props.err(partyField(p, "name"))}
                  </p>
                </Show>
                <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => remove(p.ref)}>
                  {p.name} verwijderen
                </button>
              </li>
            )}
          </For>
        </ul>
        <div class="oogo-field-row oogo-add-row">
          <SelectField
            id="add-other-subtype"
            label="Soort deelnemer"
            value={other.subtype}
            options={OTHER_PARTICIPANT_TYPES.map((t) => ({ value: t, label: OTHER_PARTICIPANT_LABELS[t] }))}
            onChange={(v) => setOther("subtype", v)}
          />
          <TextField
            id="add-other-name"
            label="Naam"
            value={other.name}
            onInput={(v) => setOther("name", v)}
            onKeyDown={enterAdds(() => document.getElementById("add-other-button")?.click())}
          />
          <button
            type="button"
            id="add-other-button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              if (other.name.trim().length < 2)
                return props.setErrors({ "add-other-name": "Vul de naam van de deelnemer in." });
              add({
                ref: nextKey("o"),
                kind: "overig",
                subtype: other.subtype,
                name: other.name.trim(),
                coverageNote: "",
              });
              setOther("name", "");
            }}
          >
            Deelnemer toevoegen
          </button>
        </div>
      </section>
    </>
  );
}

function ThemesStep(props: StepProps) {
  const [label, setLabel] = createSignal("");
  const addOwn = () => {
    const own = label().trim();
    if (own.length < 2) return;
    props.setDraft("themes", (ts) => [...ts, { key: nextKey("own"), label: own, standard: false, chosen: true }]);
    setLabel("");
  };
  return (
    <>
      <p class="utrecht-paragraph">
        Over welke thema's gaat het overleg? De zes standaardthema's staan aan; u kunt ze later hernoemen, in een andere
        volgorde zetten of archiveren.
      </p>
      <fieldset class="utrecht-form-fieldset oogo-fieldset">
        <legend class="utrecht-form-fieldset__legend">Thema's van deze tafel</legend>
        <Index each={props.draft.themes}>
          {(t, i) => (
            <div
              class={`utrecht-form-field utrecht-form-field--checkbox${props.err(themeField(t())) ? " utrecht-form-field--invalid" : ""}`}
            >
              <input
                type="checkbox"
                id={themeField(t())}
                class="utrecht-checkbox utrecht-checkbox--html-input"
                checked={t().chosen}
                aria-describedby={props.err(themeField(t())) ? `${themeField(t())}-error` : undefined}
                onChange={(e) => props.setDraft("themes", i, "chosen", e.currentTarget.checked)}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={themeField(t())}>
                {t().label}
                {t().standard ? "" : " (eigen thema)"}
              </label>
              <Show when={props.err(themeField(t()))}>
                <p class="utrecht-form-field-error-message" id={`${themeField(t())}-error`}>
                  {props.err(themeField(t()))}
                </p>
              </Show>
            </div>
          )}
        </Index>
      </fieldset>
      <div class="oogo-field-row oogo-add-row">
        <TextField
          id="theme-new"
          label="Eigen thema toevoegen"
          value={label()}
          error={props.err("theme-new")}
          onInput={setLabel}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addOwn();
            }
          }}
        />
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={addOwn}>
          Thema toevoegen
        </button>
      </div>
    </>
  );
}

function CheckStep(props: StepProps) {
  const count = (kind: string) => props.draft.parties.filter((p) => p.kind === kind).length;
  return (
    <>
      <Show when={props.err("submit-error")}>
        <p class="utrecht-form-field-error-message" id="submit-error" tabindex="-1">
          {props.err("submit-error")}
        </p>
      </Show>
      <dl class="oogo-facts">
        <div>
          <dt>Naam</dt>
          <dd>{props.draft.name}</dd>
        </div>
        <div>
          <dt>Niveau</dt>
          <dd>{TAFEL_LEVEL_LABELS[props.draft.level]}</dd>
        </div>
        <div>
          <dt>Plannen</dt>
          <dd>
            <For each={props.draft.plans}>
              {(p) => (
                <span class="oogo-block">
                  {PLAN_TYPE_LABELS[p.kind]}: {p.title} ({p.periodStart}–{p.periodEnd})
                </span>
              )}
            </For>
          </dd>
        </div>
        <div>
          <dt>Partijen</dt>
          <dd>
            {count("swv")} samenwerkingsverband(en), {count("gemeente")} gemeente(n), {count("overig")} andere
            deelnemer(s)
          </dd>
        </div>
        <div>
          <dt>Thema's</dt>
          <dd>
            {props.draft.themes
              .filter((t) => t.chosen)
              .map((t) => t.label)
              .join(", ")}
          </dd>
        </div>
      </dl>
      <h3 class="utrecht-heading-3">Wie leidt de tafel?</h3>
      <p class="utrecht-paragraph">
        Zij krijgen een uitnodiging voor deze tafel. De beheerder beheert de deelnemers; de secretaris plant overleggen
        en houdt het dossier bij. Beiden kunnen de tafel later instellen.
      </p>
      <Index each={props.draft.appointees}>
        {(a, i) => (
          <fieldset class="utrecht-form-fieldset oogo-fieldset oogo-card">
            <legend class="utrecht-form-fieldset__legend">{ROLE_LABELS[a().role]}</legend>
            <div class="oogo-field-row">
              <SelectField
                id={appointeeField(i, "role")}
                label="Rol"
                value={a().role}
                error={props.err(appointeeField(i, "role"))}
                options={[
                  { value: "secretaris", label: "Secretaris" },
                  { value: "beheerder", label: "Beheerder" },
                ]}
                onChange={(v) => props.setDraft("appointees", i, "role", v)}
              />
              <TextField
                id={appointeeField(i, "name")}
                label="Naam"
                value={a().name}
                error={props.err(appointeeField(i, "name"))}
                onInput={(v) => props.setDraft("appointees", i, "name", v)}
              />
              <TextField
                id={appointeeField(i, "email")}
                label="E-mailadres"
                type="email"
                autocomplete="off"
                value={a().email}
                error={props.err(appointeeField(i, "email"))}
                onInput={(v) => props.setDraft("appointees", i, "email", v)}
              />
              <TextField
                id={appointeeField(i, "title")}
                label="Functie (optioneel)"
                value={a().title}
                onInput={(v) => props.setDraft("appointees", i, "title", v)}
              />
            </div>
            <Show when={props.draft.appointees.length > 1}>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                onClick={() => props.setDraft("appointees", (as) => as.filter((_, j) => j !== i))}
              >
                Deze persoon niet uitnodigen
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <Show when={props.draft.appointees.length < 4}>
        <button
          type="button"
          id="app-add"
          class="utrecht-button utrecht-button--secondary-action"
          onClick={() =>
            props.setDraft(
              produce((d) => {
                d.appointees.push({
                  role: d.appointees.some((x) => x.role === "beheerder") ? "secretaris" : "beheerder",
                  name: "",
                  email: "",
                  title: "",
                });
              }),
            )
          }
        >
          Nog iemand uitnodigen
        </button>
      </Show>
    </>
  );
}

function Created(props: { result: CreateTafelResult; name: string }) {
  return (
    <section class="oogo-section" aria-labelledby="created-heading">
      <InfoAlert type="ok">
        <h2 class="utrecht-heading-2" id="created-heading" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
          De tafel “{props.name}” is aangemaakt
        </h2>
        <p class="utrecht-paragraph">
          Wie de tafel leidt, krijgt een uitnodiging per e-mail met een eenmalige link. Met die link neemt hij of zij
          deel aan deze tafel, in deze rol.
        </p>
      </InfoAlert>
      <ul class="oogo-party-rows">
        <For each={props.result.appointments}>
          {(a) => (
            <li class="oogo-party-row">
              <p class="oogo-party-row__name">
                {a.name} — {ROLE_LABELS[a.role]} <span class="oogo-muted">({a.email})</span>
              </p>
              <p class="utrecht-paragraph">Uitnodiging per e-mail verstuurd naar {a.email}.</p>
            </li>
          )}
        </For>
      </ul>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/beheer">
          Terug naar Beheer
        </A>
      </p>
    </section>
  );
}
