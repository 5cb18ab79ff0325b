import type { Editor } from "@tiptap/core";
import { createSignal, onCleanup, onMount, Show, untrack } from "solid-js";
import { createAction } from "../ui/createAction.ts";
import { ErrorSummary, Field } from "../ui/Field.tsx";
import { fieldError, inputError } from "../ui/inputErrors.ts";
import { checkLinkUrl } from "./linkUrl.ts";

let dialogCounter = 0;

/** Modal dialog to add, change or remove the link at the selection. */
export function LinkDialog(props: { editor: Editor; onClose: () => void }) {
  const id = `oogo-link-${++dialogCounter}`;
  // The link at the selection when the dialog opened: the dialog edits that one.
  const existing = untrack(() => (props.editor.getAttributes("link").href as string | undefined) ?? "");
  const [value, setValue] = createSignal(existing);
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;

  onMount(() => {
    dialog.showModal();
    input.focus();
    input.select();
  });
  onCleanup(() => dialog.open && dialog.close());

  const close = () => {
    dialog.close();
    props.onClose();
    props.editor.commands.focus();
  };
  const apply = createAction((typed: string) => {
    const check = checkLinkUrl(typed);
    if (!check.ok) throw inputError(check.message, "url");
    const chain = props.editor.chain().focus().extendMarkRange("link");
    if (props.editor.state.selection.empty && !props.editor.isActive("link")) {
      // Nothing selected: insert the address itself as the link text.
      chain
        .insertContent({ type: "text", text: typed.trim(), marks: [{ type: "link", attrs: { href: check.url } }] })
        .run();
    } else {
      chain.setLink({ href: check.url }).run();
    }
    close();
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void apply.run(value());
  };
  const remove = () => {
    props.editor.chain().focus().extendMarkRange("link").unsetLink().run();
    close();
  };

  return (
    <dialog
      class="oogo-link-dialog"
      aria-labelledby={`${id}-title`}
      ref={dialog}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 class="utrecht-heading-3" id={`${id}-title`}>
          {existing ? "Link wijzigen" : "Link toevoegen"}
        </h2>
        <ErrorSummary error={apply.error()} title="Dit webadres kan niet worden gebruikt" />
        <Field
          id={`${id}-url`}
          label="Webadres"
          hint="Bijvoorbeeld https://www.passendonderwijs.nl of mailto:naam@gemeente.nl"
          error={fieldError(apply.error(), "url")}
        >
          {(control) => (
            <input
              {...control}
              ref={input}
              class="utrecht-textbox utrecht-textbox--html-input"
              type="url"
              inputmode="url"
              autocomplete="url"
              value={value()}
              onInput={(e) => {
                setValue(e.currentTarget.value);
                apply.reset();
              }}
            />
          )}
        </Field>
        <div class="utrecht-button-group">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {existing ? "Link opslaan" : "Link toevoegen"}
          </button>
          <Show when={existing}>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={remove}>
              Link verwijderen
            </button>
          </Show>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={close}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  );
}
