/**
 * The one `Field` (./Field.tsx) with its control in one piece: a text box, a textarea or a select
 * with the Utrecht classes, label, hint and error wired by Field (id, aria-describedby,
 * aria-invalid, aria-required).
 *
 *   <SelectBoxField id="bp-add-theme" label="Thema (optioneel)" error={fieldError(add.error(), "theme")} name="theme">
 *     <option value="">Geen thema</option>
 *   </SelectBoxField>
 *
 * Field's own props are `id`, `label`, `hint`, `error`, `required` and `fieldClass` (Field's
 * `class`); everything else (name, value, rows, maxlength, onInput, disabled, the options as
 * children…) goes onto the control as written. `class` adds to the control's Utrecht classes.
 * For a controlled value with a plain onInput(value), FormFields.tsx has the shorter TextField
 * and SelectField.
 */
import { splitProps, type JSX } from "solid-js";
import { Field } from "./Field.tsx";

interface FieldProps {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string | null | undefined;
  required?: boolean | undefined;
  /** Extra class on the field (e.g. a grid span). */
  fieldClass?: string | undefined;
}
const FIELD_KEYS = ["id", "label", "hint", "error", "required", "fieldClass", "class"] as const;

type ControlAttributes<A> = Omit<A, keyof FieldProps | "aria-describedby" | "aria-invalid" | "aria-required">;

function FieldOf(props: FieldProps & { children: Parameters<typeof Field>[0]["children"] }) {
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      required={props.required}
      class={props.fieldClass}
    >
      {props.children}
    </Field>
  );
}

const withClass = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

export function TextBoxField(props: FieldProps & ControlAttributes<JSX.InputHTMLAttributes<HTMLInputElement>>) {
  const [field, control] = splitProps(props, FIELD_KEYS);
  return (
    <FieldOf {...field}>
      {(wiring) => (
        <input {...control} {...wiring} class={withClass("utrecht-textbox utrecht-textbox--html-input", field.class)} />
      )}
    </FieldOf>
  );
}

export function TextAreaField(props: FieldProps & ControlAttributes<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const [field, control] = splitProps(props, FIELD_KEYS);
  return (
    <FieldOf {...field}>
      {(wiring) => (
        <textarea
          {...control}
          {...wiring}
          class={withClass("utrecht-textarea utrecht-textarea--html-textarea", field.class)}
        />
      )}
    </FieldOf>
  );
}

export function SelectBoxField(props: FieldProps & ControlAttributes<JSX.SelectHTMLAttributes<HTMLSelectElement>>) {
  const [field, control] = splitProps(props, FIELD_KEYS);
  return (
    <FieldOf {...field}>
      {(wiring) => (
        <select {...control} {...wiring} class={withClass("utrecht-select utrecht-select--html-select", field.class)} />
      )}
    </FieldOf>
  );
}

/** A password box: the text box with type="password" and the Utrecht password modifier. */
export function PasswordField(
  props: FieldProps & ControlAttributes<JSX.InputHTMLAttributes<HTMLInputElement>> & { autocomplete: string },
) {
  const [own, rest] = splitProps(props, ["class"]);
  return <TextBoxField {...rest} type="password" class={withClass("utrecht-textbox--password", own.class)} />;
}
