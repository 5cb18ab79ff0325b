/**
 * Form fields with a Dutch error under the input (NL Design System form-field pattern): the input
 * gets aria-invalid and aria-describedby, so a screen reader reads the message with the field.
 */
import { For, Show, type JSX } from "solid-js";

interface Common {
  id: string;
  label: string;
  error?: string | undefined;
  description?: string;
}

const describedBy = (p: Common) =>
  [p.description ? `${p.id}-description` : "", p.error ? `${p.id}-error` : ""].filter(Boolean).join(" ") || undefined;

function Frame(props: Common & { children: JSX.Element }) {
  return (
    <div class={`utrecht-form-field${props.error ? " utrecht-form-field--invalid" : ""}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      <Show when={props.description}>
        <p class="utrecht-form-field-description" id={`${props.id}-description`}>
          {props.description}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
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
    <Frame {...props}>
      <input
        id={props.id}
        type={props.type ?? "text"}
        required={props.required}
        list={props.list}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? "off"}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        class={`utrecht-textbox utrecht-textbox--html-input${props.error ? " utrecht-textbox--invalid" : ""}`}
        style={props.width ? { "max-inline-size": props.width } : undefined}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onKeyDown={(e) => props.onKeyDown?.(e)}
      />
    </Frame>
  );
}

export function SelectField<T extends string>(
  props: Common & { value: T | ""; options: readonly { value: T | ""; label: string }[]; onChange(value: T): void },
) {
  return (
    <Frame {...props}>
      <select
        id={props.id}
        class="utrecht-select utrecht-select--html-select"
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </Frame>
  );
}

/** A list of problems at the top of a form, each a link to its field (NL Design System error summary). */
export function ErrorSummary(props: { errors: [string, string][]; ref?: (el: HTMLDivElement) => void }) {
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
