import { Show, type JSX } from "solid-js";

/** A labelled form field (Utrecht form-field) with an optional hint tied to the control. */
export function Field(props: { id: string; label: string; hint?: string; children: JSX.Element }) {
  return (
    <div class="utrecht-form-field">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={props.id}>{props.label}</label></div>
      <Show when={props.hint}>
        <p class="utrecht-form-field-description" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}
