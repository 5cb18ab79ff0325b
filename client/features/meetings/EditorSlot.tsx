import { createSignal, onMount, Show, type Component } from "solid-js";
import type { CollaborativeEditorProps } from "../../editor/CollaborativeEditor.tsx";
import { ErrorAlert, Loading } from "../../ui/feedback.tsx";

/**
 * Embeds the shared collaborative editor for one Yjs document (minutes, procedure text).
 * The editor (Tiptap + Yjs) is its own chunk, loaded on first use. Deliberately no Suspense:
 * a refetch of the page's data must never unmount a live editor session.
 */
export function EditorSlot(props: CollaborativeEditorProps) {
  const [editor, setEditor] = createSignal<Component<CollaborativeEditorProps>>();
  const [failed, setFailed] = createSignal<unknown>(null);
  onMount(() => {
    import("../../editor/CollaborativeEditor.tsx").then((m) => setEditor(() => m.CollaborativeEditor), setFailed);
  });
  return (
    <Show
      when={editor()}
      fallback={
        failed() ? (
          <ErrorAlert error={failed()} title="De editor kon niet worden geladen" />
        ) : (
          <Loading label="Editor laden…" />
        )
      }
    >
      {(E) => {
        const Editor = E();
        return <Editor {...props} />;
      }}
    </Show>
  );
}
