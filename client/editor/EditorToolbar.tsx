import type { Editor } from "@tiptap/core";
import { createEffect, createRenderEffect, createSignal, For, onCleanup, Show, type JSX } from "solid-js";
import { LinkDialog } from "./LinkDialog.tsx";
import { Icon, type IconName } from "./icons.tsx";

interface ToolbarItem {
  label: string;
  /** Shown as the button's text (its accessible name then comes from the text itself). */
  text?: boolean;
  icon?: IconName;
  /** Toggle buttons report their state with aria-pressed; actions have none. */
  active?: (e: Editor) => boolean;
  enabled?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  shortcut?: string;
}

const chain = (e: Editor) => e.chain().focus();

const GROUPS: ToolbarItem[][] = [
  [
    {
      label: "Kop 2",
      text: true,
      active: (e) => e.isActive("heading", { level: 2 }),
      run: (e) => chain(e).toggleHeading({ level: 2 }).run(),
    },
    {
      label: "Kop 3",
      text: true,
      active: (e) => e.isActive("heading", { level: 3 }),
      run: (e) => chain(e).toggleHeading({ level: 3 }).run(),
    },
  ],
  [
    {
      label: "Vet",
      icon: "bold",
      shortcut: "Ctrl+B",
      active: (e) => e.isActive("bold"),
      enabled: (e) => e.can().toggleBold(),
      run: (e) => chain(e).toggleBold().run(),
    },
    {
      label: "Cursief",
      icon: "italic",
      shortcut: "Ctrl+I",
      active: (e) => e.isActive("italic"),
      enabled: (e) => e.can().toggleItalic(),
      run: (e) => chain(e).toggleItalic().run(),
    },
  ],
  [
    {
      label: "Opsomming",
      icon: "bulletList",
      active: (e) => e.isActive("bulletList"),
      run: (e) => chain(e).toggleBulletList().run(),
    },
    {
      label: "Genummerde lijst",
      icon: "orderedList",
      active: (e) => e.isActive("orderedList"),
      run: (e) => chain(e).toggleOrderedList().run(),
    },
  ],
];

const TABLE_ITEMS: ToolbarItem[] = [
  {
    label: "Tabel invoegen",
    icon: "table",
    enabled: (e) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
    run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    label: "Rij toevoegen",
    icon: "addRow",
    enabled: (e) => e.isActive("table") && e.can().addRowAfter(),
    run: (e) => chain(e).addRowAfter().run(),
  },
  {
    label: "Kolom toevoegen",
    icon: "addColumn",
    enabled: (e) => e.isActive("table") && e.can().addColumnAfter(),
    run: (e) => chain(e).addColumnAfter().run(),
  },
  {
    label: "Tabel verwijderen",
    icon: "deleteTable",
    enabled: (e) => e.isActive("table") && e.can().deleteTable(),
    run: (e) => chain(e).deleteTable().run(),
  },
];

const HISTORY_ITEMS: ToolbarItem[] = [
  {
    label: "Ongedaan maken",
    icon: "undo",
    shortcut: "Ctrl+Z",
    enabled: (e) => e.can().undo(),
    run: (e) => chain(e).undo().run(),
  },
  {
    label: "Opnieuw",
    icon: "redo",
    shortcut: "Ctrl+Y",
    enabled: (e) => e.can().redo(),
    run: (e) => chain(e).redo().run(),
  },
];

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys move between
 * buttons, toggle buttons expose aria-pressed.
 */
/** "Bewerken / Voorstellen" (issue 12): shown when the page offers suggestions. */
export interface SuggestModeControl {
  suggesting: () => boolean;
  /** "Alleen voorstellen": Bewerken is not available. */
  locked: () => boolean;
  set(suggesting: boolean): void;
}

export function EditorToolbar(props: { editor: Editor; label: string; mode?: SuggestModeControl }) {
  // Tiptap state lives outside Solid: re-read it on every transaction.
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);
  const onEditorKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && props.editor.isEditable) {
      event.preventDefault();
      setLinkOpen(true);
    }
  };
  // Listen to the editor we are given now, and move to a new one if the prop changes.
  // A render effect subscribes before the first paint, so no transaction slips past.
  createRenderEffect(() => {
    const editor = props.editor;
    const dom = editor.view.dom;
    editor.on("transaction", bump);
    editor.on("focus", bump);
    dom.addEventListener("keydown", onEditorKey);
    onCleanup(() => {
      editor.off("transaction", bump);
      editor.off("focus", bump);
      dom.removeEventListener("keydown", onEditorKey);
    });
  });
  const read = <T,>(fn: (e: Editor) => T): T => {
    version();
    return fn(props.editor);
  };

  const [focusIndex, setFocusIndex] = createSignal(0);
  const [linkOpen, setLinkOpen] = createSignal(false);
  let toolbar!: HTMLDivElement;

  // Exactly one enabled button is in the Tab order: the last one used, or the first enabled one.
  createEffect(() => {
    version();
    const wanted = focusIndex();
    queueMicrotask(() => {
      const all = [...toolbar.querySelectorAll<HTMLButtonElement>("button[data-toolbar-item]")];
      const enabled = all.filter((b) => !b.disabled);
      const stop = enabled.find((b) => Number(b.dataset.toolbarItem) === wanted) ?? enabled[0];
      for (const b of all) b.tabIndex = b === stop ? 0 : -1;
    });
  });

  const buttons = () => [...toolbar.querySelectorAll<HTMLButtonElement>("button[data-toolbar-item]:not(:disabled)")];
  const onKeyDown = (event: KeyboardEvent) => {
    const list = buttons();
    const current = list.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = list[(next + list.length) % list.length]!;
    target.focus();
    setFocusIndex(Number(target.dataset.toolbarItem));
  };

  let index = 0;
  const button = (item: ToolbarItem) => {
    const myIndex = index++;
    const pressed = () => (item.active ? read(item.active) : undefined);
    const enabled = () => (item.enabled ? read(item.enabled) : true);
    return (
      <ToolbarButton
        index={myIndex}
        label={item.label}
        text={item.text}
        shortcut={item.shortcut}
        icon={item.icon}
        pressed={pressed()}
        disabled={!enabled()}
        onClick={() => {
          setFocusIndex(myIndex);
          item.run(props.editor);
        }}
      />
    );
  };
  const linkIndex = 100;

  return (
    <>
      <div class="oogo-toolbar" role="toolbar" aria-label={props.label} ref={toolbar} onKeyDown={onKeyDown}>
        <For each={GROUPS}>{(group) => <div class="oogo-toolbar__group">{group.map(button)}</div>}</For>
        <div class="oogo-toolbar__group">
          <ToolbarButton
            index={linkIndex}
            label="Link"
            shortcut="Ctrl+K"
            icon="link"
            pressed={read((e) => e.isActive("link"))}
            disabled={false}
            onClick={() => {
              setFocusIndex(linkIndex);
              setLinkOpen(true);
            }}
          />
          {TABLE_ITEMS.slice(0, 1).map(button)}
        </div>
        <Show when={read((e) => e.isActive("table"))}>
          <div class="oogo-toolbar__group" aria-label="Tabel">
            {TABLE_ITEMS.slice(1).map(button)}
          </div>
        </Show>
        <Show when={props.mode}>
          {(mode) => (
            <div class="oogo-toolbar__group" role="group" aria-label="Werkwijze">
              <ToolbarButton
                index={200}
                label="Bewerken"
                text
                pressed={!mode().suggesting()}
                disabled={mode().locked()}
                onClick={() => {
                  setFocusIndex(200);
                  mode().set(false);
                }}
              />
              <ToolbarButton
                index={201}
                label="Voorstellen"
                text
                pressed={mode().suggesting()}
                disabled={false}
                onClick={() => {
                  setFocusIndex(201);
                  mode().set(true);
                }}
              />
            </div>
          )}
        </Show>
        <div class="oogo-toolbar__group oogo-toolbar__group--end">{HISTORY_ITEMS.map(button)}</div>
      </div>
      <Show when={linkOpen()}>
        <LinkDialog editor={props.editor} onClose={() => setLinkOpen(false)} />
      </Show>
    </>
  );
}

function ToolbarButton(props: {
  index: number;
  label: string;
  text?: boolean;
  shortcut?: string;
  icon?: IconName;
  pressed: boolean | undefined;
  disabled: boolean;
  onClick: JSX.EventHandler<HTMLButtonElement, MouseEvent>;
}) {
  return (
    <button
      type="button"
      class="oogo-toolbar__button"
      classList={{ "oogo-toolbar__button--pressed": props.pressed === true }}
      data-toolbar-item={props.index}
      tabindex={-1}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed ? "true" : "false"}
      aria-label={props.text ? undefined : props.label}
      aria-keyshortcuts={props.shortcut?.replace("Ctrl", "Control")}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      disabled={props.disabled}
      // Keep the text selection in the editor when clicking a button.
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => props.onClick(e)}
    >
      {props.icon ? <Icon name={props.icon} /> : <span class="oogo-toolbar__text">{props.label}</span>}
    </button>
  );
}
