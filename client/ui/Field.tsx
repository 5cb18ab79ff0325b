/**
 * Field — the one form field (NL Design System / Utrecht form-field): label, hint, error message
 * and the control, tied together for assistive technology.
 *
 *   <Field id="np-title" label="Titel" hint="Kort en concreet." required error={fieldError(create.error(), "title")}>
 *     {(control) => <input {...control} name="title" class="utrecht-textbox utrecht-textbox--html-input" />}
 *   </Field>
 *
 * - The child is a function: spread `control` on the input/select/textarea. It carries `id`,
 *   `aria-describedby` (hint, then error: ids `${id}-hint`, `${id}-error`), `aria-invalid` while
 *   there is an error, and `aria-required` with `required`.
 * - `required` also shows "(verplicht)" next to the label (outside the <label>, so the field's
 *   accessible name stays the label; the control says it is required itself). Optional fields
 *   say "(optioneel)" in their label text, as the rest of the product does.
 * - `error`: the message to show, typically `fieldError(action.error(), "<api field>")` from
 *   ./inputErrors.ts — the API's `{error:{field}}` or a client check's `inputError(msg, field)`.
 *
 * ErrorSummary goes at the top of a form: the action's error as an alert, and after each failure
 * the focus moves to the first invalid field of the form, or to the summary when no field is marked.
 */
import { createEffect, on, Show, untrack, type JSX } from "solid-js";
import { ErrorAlert } from "./feedback.tsx";

export interface ControlProps {
  readonly id: string;
  readonly "aria-describedby": string | undefined;
  readonly "aria-invalid": "true" | undefined;
  readonly "aria-required": "true" | undefined;
}

export function Field(props: {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string | null;
  required?: boolean;
  /** Extra class on the field (e.g. a grid span). */
  class?: string;
  children: (control: ControlProps) => JSX.Element;
}) {
  const hintId = () => (props.hint ? `${props.id}-hint` : undefined);
  const errorId = () => (props.error ? `${props.id}-error` : undefined);
  // Getters, so the spread on the control stays reactive.
  const control: ControlProps = {
    get id() {
      return props.id;
    },
    get "aria-describedby"() {
      return [hintId(), errorId()].filter(Boolean).join(" ") || undefined;
    },
    get "aria-invalid"() {
      return props.error ? "true" : undefined;
    },
    get "aria-required"() {
      return props.required ? "true" : undefined;
    },
  };
  return (
    <div
      class={`utrecht-form-field${props.class ? ` ${props.class}` : ""}`}
      classList={{ "utrecht-form-field--invalid": !!props.error }}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
        <Show when={props.required}>
          <span class="oogo-required" aria-hidden="true">
            {" "}
            (verplicht)
          </span>
        </Show>
      </div>
      <Show when={props.hint}>
        <div class="utrecht-form-field__description utrecht-form-field-description" id={hintId()}>
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId()}>
          {props.error}
        </div>
      </Show>
      <div class="utrecht-form-field__input">{untrack(() => props.children(control))}</div>
    </div>
  );
}

/** Focus the first control marked invalid inside `form`; false when there is none. */
export function focusFirstInvalid(form: Element | null | undefined): boolean {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
  return !!invalid;
}

/**
 * A form's error summary: the action's error as an alert at the top of the form. After every new
 * failure the focus goes to the first invalid field, or to this summary when no field is marked.
 */
export function ErrorSummary(props: { error: unknown; title: string }) {
  let summary: HTMLDivElement | undefined;
  createEffect(
    on(
      () => props.error,
      (err) => {
        if (!err) return;
        // After the fields have rendered their aria-invalid.
        queueMicrotask(() => {
          if (!focusFirstInvalid(summary?.closest("form"))) summary?.focus();
        });
      },
      { defer: true },
    ),
  );
  return (
    <Show when={props.error}>
      <ErrorAlert error={props.error} title={props.title} ref={(el) => (summary = el)} />
    </Show>
  );
}
