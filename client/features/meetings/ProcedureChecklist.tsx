import { createSignal, For, Show } from "solid-js";
import { formatDate } from "../../../shared/domain/dates.ts";
import type { ChangeProcedureStepInput, ProcedureStepView, ProcedureView } from "../../../shared/schemas/meetings.ts";
import { procedureApi } from "../../api/meetings.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError } from "../../ui/inputErrors.ts";
import { StepStateBadge } from "./StatusBadge.tsx";
import { formText } from "../../ui/formData.ts";

/**
 * The agreed procedure as a checklist: each step with its due date and the date it was done.
 * Done / late / due are shown as text with an icon, not by colour alone.
 */
export function ProcedureChecklist(props: { procedure: ProcedureView; canManage: boolean; onChange: () => void }) {
  const counts = () => {
    const c = { gedaan: 0, te_laat: 0, binnenkort: 0, gepland: 0 };
    for (const s of props.procedure.steps) c[s.state] += 1;
    return c;
  };
  return (
    <section class="oogo-section" aria-labelledby="steps-heading">
      <h2 class="utrecht-heading-2" id="steps-heading">
        Stappen van de procedure
      </h2>
      <p class="utrecht-paragraph">
        {counts().gedaan} van {props.procedure.steps.length} stappen gedaan
        {counts().te_laat > 0 ? `, ${counts().te_laat} te laat` : ""}
        {counts().binnenkort > 0 ? `, ${counts().binnenkort} binnenkort` : ""}. Stand per{" "}
        {formatDate(props.procedure.today)}.
      </p>
      <Show
        when={props.procedure.steps.length > 0}
        fallback={<p class="utrecht-paragraph">Er zijn nog geen stappen vastgelegd.</p>}
      >
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table oogo-steps-table oogo-stack-table oogo-stack-table--pairs">
            <caption class="utrecht-table__caption oogo-visually-hidden">
              Stappen van de OOGO-procedure met datums en stand
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Stap
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Uiterlijk
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Gedaan op
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Stand
                </th>
                <Show when={props.canManage}>
                  <th class="utrecht-table__header-cell" scope="col">
                    Bijwerken
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={props.procedure.steps}>
                {(step, i) => (
                  <StepRow
                    step={step}
                    number={i() + 1}
                    today={props.procedure.today}
                    canManage={props.canManage}
                    onChange={props.onChange}
                  />
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.canManage}>
        <AddStepForm onChange={props.onChange} />
      </Show>
    </section>
  );
}

/** A change to a step; the version is the one the secretary saw. */
type StepChange = Omit<ChangeProcedureStepInput, "expectedVersion">;

function StepRow(props: {
  step: ProcedureStepView;
  number: number;
  today: string;
  canManage: boolean;
  onChange: () => void;
}) {
  const ws = useWorkspace();
  const [editing, setEditing] = createSignal(false);
  const s = () => props.step;
  const stateText = () =>
    s().state === "te_laat" ? `Te laat (${s().daysLate} ${s().daysLate === 1 ? "dag" : "dagen"})` : undefined;
  const action = createAction((step: ProcedureStepView, input: StepChange) =>
    procedureApi.changeStep(ws.id(), step.id, { ...input, expectedVersion: step.version }),
  );
  const change = async (input: StepChange) => {
    const ok = await action.run(s(), input);
    if (ok) {
      setEditing(false);
      props.onChange();
    }
  };
  const saveDates = (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const due = formText(f, "due");
    const done = formText(f, "done");
    void change({ dueDate: due || null, doneOn: done || null });
  };
  return (
    <tr class="utrecht-table__row">
      <td class="utrecht-table__cell">
        <span class="oogo-step-title">
          {props.number}. {s().title}
        </span>
        <Show when={s().note}>
          <p class="oogo-step-note">{s().note}</p>
        </Show>
        <Show when={action.error()}>
          <ErrorAlert error={action.error()} title="Bijwerken mislukt" />
        </Show>
      </td>
      <td class="utrecht-table__cell" data-label="Uiterlijk">
        {s().dueDate ? formatDate(s().dueDate!) : "—"}
      </td>
      <td class="utrecht-table__cell" data-label="Gedaan op">
        {s().doneOn ? formatDate(s().doneOn!) : "—"}
      </td>
      <td class="utrecht-table__cell" data-label="Stand">
        <StepStateBadge state={s().state} label={stateText()} />
      </td>
      <Show when={props.canManage}>
        <td class="utrecht-table__cell oogo-stack-table__actions">
          <Show
            when={editing()}
            fallback={
              <div class="oogo-form-actions">
                <Show
                  when={!s().doneOn}
                  fallback={
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--subtle"
                      disabled={action.busy()}
                      onClick={() => void change({ doneOn: null })}
                    >
                      Heropenen<span class="oogo-visually-hidden"> ({s().title})</span>
                    </button>
                  }
                >
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    disabled={action.busy()}
                    onClick={() => void change({ doneOn: props.today })}
                  >
                    Afvinken<span class="oogo-visually-hidden"> ({s().title})</span>
                  </button>
                </Show>
                <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setEditing(true)}>
                  Datums wijzigen<span class="oogo-visually-hidden"> ({s().title})</span>
                </button>
              </div>
            }
          >
            <form onSubmit={saveDates} aria-label={`Datums van ${s().title}`}>
              <Field id={`step-due-${s().id}`} label="Uiterlijk" error={fieldError(action.error(), "dueDate")}>
                {(control) => (
                  <input
                    {...control}
                    name="due"
                    type="date"
                    value={s().dueDate ?? ""}
                    class="utrecht-textbox utrecht-textbox--html-input"
                  />
                )}
              </Field>
              <Field
                id={`step-done-${s().id}`}
                label="Gedaan op (leeg = open)"
                error={fieldError(action.error(), "doneOn")}
              >
                {(control) => (
                  <input
                    {...control}
                    name="done"
                    type="date"
                    value={s().doneOn ?? ""}
                    max={props.today}
                    class="utrecht-textbox utrecht-textbox--html-input"
                  />
                )}
              </Field>
              <div class="oogo-form-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
                  Opslaan
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setEditing(false)}>
                  Annuleren
                </button>
              </div>
            </form>
          </Show>
        </td>
      </Show>
    </tr>
  );
}

function AddStepForm(props: { onChange: () => void }) {
  const ws = useWorkspace();
  const action = createAction(
    (f: FormData) =>
      procedureApi.addStep(ws.id(), {
        title: formText(f, "title"),
        dueDate: formText(f, "due") || null,
        note: formText(f, "note"),
      }),
    { announce: () => "Stap toegevoegd." },
  );
  const err = (field: string) => fieldError(action.error(), field);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const ok = await action.run(new FormData(form));
    if (ok) {
      form.reset();
      props.onChange();
    }
  };
  return (
    <form class="oogo-panel" onSubmit={(e) => void submit(e)} aria-labelledby="add-step-heading">
      <h3 class="utrecht-heading-3" id="add-step-heading">
        Stap toevoegen
      </h3>
      <ErrorSummary error={action.error()} title="Stap toevoegen mislukt" />
      <div class="oogo-form-grid">
        <Field id="step-title" label="Omschrijving" error={err("title")}>
          {(control) => (
            <input
              {...control}
              name="title"
              required
              minLength={3}
              maxLength={200}
              class="utrecht-textbox utrecht-textbox--html-input"
              placeholder="bijv. Instemming OPR gevraagd"
            />
          )}
        </Field>
        <Field id="step-due" label="Uiterlijk (optioneel)" error={err("dueDate")}>
          {(control) => (
            <input {...control} name="due" type="date" class="utrecht-textbox utrecht-textbox--html-input" />
          )}
        </Field>
        <Field id="step-note" label="Toelichting (optioneel)" error={err("note")} class="oogo-span-all">
          {(control) => (
            <input {...control} name="note" maxLength={2000} class="utrecht-textbox utrecht-textbox--html-input" />
          )}
        </Field>
      </div>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy()}>
        {action.busy() ? "Bezig met toevoegen…" : "Stap toevoegen"}
      </button>
    </form>
  );
}
