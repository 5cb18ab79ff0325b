import { Show, createResource, type Component } from "solid-js";
import { Loading } from "../../ui/feedback.tsx";

export interface EditorSlotProps {
  documentName: string;
  label: string;
  readOnly: boolean;
  readOnlyReason?: string;
  onSaveStateChange?: (state: string) => void;
}

// The collaborative editor (Tiptap + Yjs) is a separate chunk, loaded only on pages that show one.
const modules = import.meta.glob<{ CollaborativeEditor: Component<EditorSlotProps> }>("../../editor/CollaborativeEditor.tsx");

/** Embeds the shared collaborative editor for one Yjs document (minutes, procedure text). */
export function EditorSlot(props: EditorSlotProps) {
  const [editor] = createResource(async () => {
    const load = Object.values(modules)[0];
    return load ? (await load()).CollaborativeEditor : null;
  });
  return (
    <Show when={!editor.loading} fallback={<Loading label="Editor laden…" />}>
      <Show when={editor()} fallback={<p class="utrecht-paragraph oogo-loading">De editor is nog niet beschikbaar.</p>}>
        {(Editor) => {
          const E = Editor();
          return <E {...props} />;
        }}
      </Show>
    </Show>
  );
}
