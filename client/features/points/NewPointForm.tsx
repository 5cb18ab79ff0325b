import { createSignal, For, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import type { PartyView, ThemeView } from "../../../shared/schemas/workspace.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { formText } from "../../ui/formData.ts";
import { fieldError, inputError } from "../../ui/inputErrors.ts";

/**
 * "Nieuw punt" for the ambtelijke werkgroep (point.manage): theme, title, which gemeenten it
 * concerns (default all; the SWV is always in scope), optional term and opening text.
 */
export function NewPointForm(props: {
  workspaceId: string;
  themes: ThemeView[];
  parties: PartyView[];
  initialTheme?: string;
  onCreated: (p: PointDetail) => void;
  onCancel: () => void;
}) {
  const [allGemeenten, setAllGemeenten] = createSignal(true);
  const gemeenten = () => props.parties.filter((p) => p.kind === "gemeente");
  const create = createAction((form: FormData) => {
    const scope = allGemeenten() ? null : form.getAll("scope").map(String);
    if (scope?.length === 0) throw inputError("Kies ten minste één gemeente, of kies ‘Alle gemeenten’.", "scope");
    const term = formText(form, "termMonths").trim();
    const text = formText(form, "text");
    return pointsApi.create(props.workspaceId, {
      theme: formText(form, "theme"),
      title: formText(form, "title"),
      scope,
      termMonths: term ? Number(term) : null,
      ...(text.trim() ? { text } : {}),
    });
  });
  const err = (field: string) => fieldError(create.error(), field);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const created = await create.run(new FormData(e.currentTarget as HTMLFormElement));
    if (created) props.onCreated(created);
  };

  return (
    <form
      class="oogo-new-point utrecht-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-point-heading"
      novalidate
    >
      <h2 class="utrecht-heading-2" id="new-point-heading" style={{ "margin-top": "0" }}>
        Nieuw overeenstemmingspunt
      </h2>
      <ErrorSummary error={create.error()} title="Punt niet aangemaakt" />
      <Field id="np-theme" label="Thema" error={err("theme")}>
        {(control) => (
          <select
            {...control}
            name="theme"
            required
            class="utrecht-select utrecht-select--html-select"
            value={props.initialTheme ?? props.themes.find((t) => !t.archived)?.key ?? ""}
          >
            <For each={props.themes.filter((t) => !t.archived)}>{(t) => <option value={t.key}>{t.label}</option>}</For>
          </select>
        )}
      </Field>
      <Field
        id="np-title"
        label="Titel"
        hint="Kort en concreet, bijvoorbeeld “Thuiszitters binnen drie maanden een passend aanbod”."
        error={err("title")}
      >
        {(control) => (
          <input
            {...control}
            name="title"
            required
            minLength={3}
            maxLength={200}
            class="utrecht-textbox utrecht-textbox--html-input"
          />
        )}
      </Field>
      <fieldset
        class="utrecht-form-fieldset oogo-form-box"
        classList={{ "utrecht-form-fieldset--invalid": !!err("scope") }}
        style={{ background: "transparent" }}
        aria-describedby={err("scope") ? "np-scope-error" : undefined}
      >
        <legend class="utrecht-form-fieldset__legend">Voor welke gemeenten geldt dit punt?</legend>
        <p class="oogo-hint">Het samenwerkingsverband is altijd partij.</p>
        <Show when={err("scope")}>
          <p class="utrecht-form-field-error-message" id="np-scope-error">
            {err("scope")}
          </p>
        </Show>
        <ul class="oogo-checks">
          <li>
            <label>
              <input
                type="radio"
                name="scopeMode"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                checked={allGemeenten()}
                onChange={() => setAllGemeenten(true)}
              />{" "}
              Alle gemeenten
            </label>
          </li>
          <li>
            <label>
              <input
                type="radio"
                name="scopeMode"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                checked={!allGemeenten()}
                onChange={() => setAllGemeenten(false)}
              />{" "}
              Alleen de gekozen gemeenten
            </label>
          </li>
        </ul>
        <Show when={!allGemeenten()}>
          <ul class="oogo-checks" style={{ "margin-top": "10px" }}>
            <For each={gemeenten()}>
              {(g, i) => (
                <li>
                  <label>
                    <input
                      type="checkbox"
                      name="scope"
                      value={g.id}
                      class="utrecht-checkbox utrecht-checkbox--html-input"
                      aria-invalid={i() === 0 && err("scope") ? "true" : undefined}
                    />{" "}
                    {g.name}
                  </label>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </fieldset>
      <Field
        id="np-term"
        label="Looptijd in maanden (optioneel)"
        hint="Bijvoorbeeld 12 voor een afspraak die na een jaar wordt geëvalueerd."
        error={err("termMonths")}
        class="oogo-field--spaced"
      >
        {(control) => (
          <input
            {...control}
            name="termMonths"
            type="number"
            min="1"
            max="120"
            inputMode="numeric"
            class="utrecht-textbox utrecht-textbox--html-input"
            style={{ "max-width": "8rem" }}
          />
        )}
      </Field>
      <Field
        id="np-text"
        label="Begintekst (optioneel)"
        hint="Daarna schrijft de werkgroep samen verder in de editor van het punt. Een witregel begint een nieuwe alinea."
        error={err("text")}
      >
        {(control) => (
          <textarea
            {...control}
            name="text"
            rows="4"
            maxLength={20000}
            class="utrecht-textarea utrecht-textarea--html-textarea"
            style={{ width: "100%", "max-width": "48rem" }}
          />
        )}
      </Field>
      <div class="utrecht-button-group">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          disabled={create.busy()}
          aria-busy={create.busy() ? "true" : undefined}
        >
          {create.busy() ? "Bezig met aanmaken…" : "Punt aanmaken"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
