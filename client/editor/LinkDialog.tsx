import type { Editor } from "@tiptap/core";
import { createSignal, onCleanup, onMount, Show, untrack } from "solid-js";
import { checkLinkUrl } from "./linkUrl.ts";

let dialogCounter = 0;

/** Modal dialog to add, change or remove the link at the selection. */
export function LinkDialog(props: { editor: Editor; onClose: () => void }) {
  const id = `oogo-link-${++dialogCounter}`;
  // The link at the selection when the dialog opened: the dialog edits that one.
  const existing = untrack(() => (props.editor.getAttributes("link").href as string | undefined) ?? "");
  const [value, setValue] = createSignal(existing);
  const [error, setError] = createSignal<string | null>(null);
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
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const check = checkLinkUrl(value());
    if (!check.ok) {
      setError(check.message);
      input.focus();
      return;
    }
    const chain = props.editor.chain().focus().extendMarkRange("link");
    if (props.editor.state.selection.empty && !props.editor.isActive("link")) {
      // Nothing selected: insert the address itself as the link text.
      chain.insertContent({ type: "text", text: value().trim(), marks: [{ type: "link", attrs: { href: check.url } }] }).run();
    } else {
      chain.setLink({ href: check.url }).run();
    }
    close();
  };
  const remove = () => {
    props.editor.chain().focus().extendMarkRange("link").unsetLink().run();
    close();
  };

  return (
    <dialog class="oogo-link-dialog" aria-labelledby={`${id}-title`} ref={dialog} onCancel={(e) => { e.preventDefault(); close(); }}>
      <form onSubmit={submit} noValidate>
        <h2 class="utrecht-heading-3" id={`${id}-title`}>{existing ? "Link wijzigen" : "Link toevoegen"}</h2>
        <div class="utrecht-form-field utrecht-form-field--text" classList={{ "utrecht-form-field--invalid": !!error() }}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={`${id}-url`}>Webadres</label>
          </div>
          <div class="utrecht-form-field__description" id={`${id}-hint`}>Bijvoorbeeld https://www.passendonderwijs.nl of mailto:naam@gemeente.nl</div>
          <Show when={error()}>
            <div class="utrecht-form-field__description utrecht-form-field-error-message" id={`${id}-error`} role="alert">{error()}</div>
          </Show>
          <div class="utrecht-form-field__input">
            <input
              ref={input}
              id={`${id}-url`}
              class="utrecht-textbox utrecht-textbox--html-input"
              classList={{ "utrecht-textbox--invalid": !!error() }}
              type="url"
              inputmode="url"
              autocomplete="url"
              aria-describedby={error() ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={error() ? "true" : undefined}
              value={value()}
              onInput={(e) => {
                setValue(e.currentTarget.value);
                setError(null);
              }}
            />
          </div>
        </div>
        <div class="utrecht-button-group">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">{existing ? "Link opslaan" : "Link toevoegen"}</button>
          <Show when={existing}>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={remove}>Link verwijderen</button>
          </Show>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={close}>Annuleren</button>
        </div>
      </form>
    </dialog>
  );
}
