/**
 * Short forms of the one `Field` (./Field.tsx) for a plain text input or a select, as the tafel
 * wizard and settings use them; and ErrorList, the summary of a form checked in the browser that can
 * hold several problems at once, each a link to its field.
 */
import { For, Show } from "solid-js";
import { Field } from "./Field.tsx";

interface Common {
  id: string;
  label: string;
  error?: string | undefined;
  /** Shown under the label as the field's hint (Field's `hint`). */
  description?: string;
}

export function TextField(
  props: Common & {
    value: string;
    onInput(value: string): void;
    type?: string;
    required?: boolean;
    list?: string;
    inputmode?: "numeric" | "text" | "email";
    autocomplete?: string;
    width?: string;
    onKeyDown?: (e: KeyboardEvent) => void;
  },
) {
  return (
    <Field id={props.id} label={props.label} hint={props.description} error={props.error}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? "text"}
          required={props.required}
          list={props.list}
          inputmode={props.inputmode}
          autocomplete={props.autocomplete ?? "off"}
          class={`utrecht-textbox utrecht-textbox--html-input${props.error ? " utrecht-textbox--invalid" : ""}`}
          style={props.width ? { "max-inline-size": props.width } : undefined}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onKeyDown={(e) => props.onKeyDown?.(e)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>(
  props: Common & { value: T | ""; options: ReadonlyArray<{ value: T | ""; label: string }>; onChange(value: T): void },
) {
  return (
    <Field id={props.id} label={props.label} hint={props.description} error={props.error}>
      {(control) => (
        <select
          {...control}
          class="utrecht-select utrecht-select--html-select"
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value as T)}
        >
          <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      )}
    </Field>
  );
}

/** A list of problems at the top of a form, each a link to its field (NL Design System error summary). */
export function ErrorList(props: { errors: Array<[string, string]>; ref?: (el: HTMLDivElement) => void }) {
  return (
    <Show when={props.errors.length > 0}>
      <div class="utrecht-alert utrecht-alert--error" role="alert" tabindex="-1" ref={props.ref}>
        <div class="utrecht-alert__content">
          <p class="utrecht-paragraph">
            <strong>
              {props.errors.length === 1
                ? "Er is één ding om te verbeteren"
                : `Er zijn ${props.errors.length} dingen om te verbeteren`}
            </strong>
          </p>
          <ul class="utrecht-unordered-list">
            <For each={props.errors}>
              {([id, message]) => (
                <li>
                  <a
                    class="utrecht-link"
                    href={`#${id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {message}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </Show>
  );
}
