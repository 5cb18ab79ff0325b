/**
 * "Punt invoegen": a dialog listing the tafel's overeenstemmingspunten by theme, searchable, with
 * one button per point (Tab / Shift+Tab between them, Enter inserts, Escape closes). Inserts a
 * reference to the point at the cursor; the text stays the point's own.
 */
import type { Editor } from "@tiptap/core";
import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { POINT_EMBED_NODE } from "../../../shared/domain/pointEmbeds.ts";
import { statusLabel } from "../../../shared/domain/pointStatus.ts";
import { pointsApi } from "../../api/points.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

export function PointPickerButton(props: { editor: Editor }) {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action oogo-point-picker__open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Punt invoegen
      </button>
      <Show when={open()}>
        <PointPicker editor={props.editor} onClose={() => setOpen(false)} />
      </Show>
    </>
  );
}

function PointPicker(props: { editor: Editor; onClose: () => void }) {
  const ws = useWorkspace();
  const [points] = createResource(
    () => ws.id(),
    (id) => pointsApi.list(id),
  );
  const [query, setQuery] = createSignal("");
  let dialog!: HTMLDialogElement;
  let search!: HTMLInputElement;
  onMount(() => {
    dialog.showModal();
    search.focus();
  });
  onCleanup(() => dialog.open && dialog.close());

  const groups = createMemo(() => {
    const q = query().trim().toLocaleLowerCase("nl");
    const list = (points() ?? []).filter((p) => !q || p.title.toLocaleLowerCase("nl").includes(q));
    return (ws.workspace()?.themes ?? [])
      .map((t) => ({ theme: t, points: list.filter((p) => p.theme === t.key) }))
      .filter((g) => g.points.length > 0);
  });
  const count = () => groups().reduce((n, g) => n + g.points.length, 0);
  const close = () => {
    dialog.close();
    props.onClose();
    props.editor.commands.focus();
  };
  const choose = (pointId: string) => {
    props.editor.chain().focus().insertContent({ type: POINT_EMBED_NODE, attrs: { pointId } }).run();
    dialog.close();
    props.onClose();
  };

  return (
    <dialog
      class="oogo-link-dialog oogo-point-picker"
      aria-labelledby="oogo-point-picker-title"
      ref={dialog}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 class="utrecht-heading-3" id="oogo-point-picker-title">
        Punt invoegen
      </h2>
      <p class="utrecht-paragraph">
        Het punt verschijnt in de tekst zoals het nu staat en blijft meelopen met het punt zelf.
      </p>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="oogo-point-picker-search">
          Zoek op titel
        </label>
        <input
          id="oogo-point-picker-search"
          ref={search}
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          autocomplete="off"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <p class="oogo-live-status" role="status" aria-live="polite">
        {points.loading ? "Punten laden…" : `${count()} ${count() === 1 ? "punt" : "punten"}`}
      </p>
      <div class="oogo-point-picker__list">
        <For each={groups()}>
          {(g) => (
            <section aria-labelledby={`oogo-picker-theme-${g.theme.key}`}>
              <h3 class="utrecht-heading-5" id={`oogo-picker-theme-${g.theme.key}`}>
                {g.theme.label}
              </h3>
              <ul class="oogo-point-picker__points">
                <For each={g.points}>
                  {(p) => (
                    <li>
                      <button type="button" class="oogo-point-picker__choice" onClick={() => choose(p.id)}>
                        <span class="oogo-point-picker__title">{p.title}</span>
                        <span class="oogo-point-picker__status">{statusLabel(p.status)}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </div>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={close}>
          Annuleren
        </button>
      </div>
    </dialog>
  );
}
