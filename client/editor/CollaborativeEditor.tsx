/**
 * The collaborative editor every page embeds (spiegelparagraaf, overeenstemmingspunt, notulen):
 * toolbar + Tiptap on a Yjs document + presence + save state. It connects on mount, follows the
 * server's close codes, and releases everything on unmount or when `documentName` changes.
 *
 * Usage:
 *   <CollaborativeEditor documentName={w.spiegelparagraafDocument} label="Tekst van de spiegelparagraaf"
 *     readOnly={!ws.can("text.edit")} readOnlyReason="U kunt dit document lezen maar niet bewerken (rol: waarnemer)." />
 */
import {
  createEffect,
  createMemo,
  createSignal,
  getOwner,
  onCleanup,
  onMount,
  Show,
  untrack,
  type Accessor,
} from "solid-js";
import { useNavigate, useLocation } from "@solidjs/router";
import type { AwarenessUser } from "../../shared/collab/protocol.ts";
import { authApi } from "../api/endpoints.ts";
import { useSession } from "../app/session.tsx";
import { useWorkspace } from "../features/workspace/WorkspaceContext.tsx";
import { createCollabSession, type CollabProblem, type CollabSession } from "../collab/createCollabSession.ts";
import type { SaveState } from "../collab/saveState.ts";
import { createTiptapEditor, type TiptapHandle } from "./createTiptapEditor.ts";
import { EditorToolbar } from "./EditorToolbar.tsx";
import type { Content } from "@tiptap/core";
import { PresenceList } from "./PresenceList.tsx";
import { SaveStateIndicator } from "./SaveStateIndicator.tsx";
import { CommentsPanel } from "../features/comments/CommentsPanel.tsx";
import { SuggestionsPanel } from "../features/suggestions/SuggestionsPanel.tsx";
import { pointEmbedNodeView } from "../features/spiegelparagraaf/PointEmbed.tsx";
import { PointPickerButton } from "../features/spiegelparagraaf/PointPicker.tsx";
import { POINT_EMBED_NODE } from "../../shared/domain/pointEmbeds.ts";
import "./editor.css";

export type { SaveState } from "../collab/saveState.ts";

export interface CollaborativeEditorProps {
  /** Yjs document name on the sync endpoint, e.g. `tafel.<id>.spiegelparagraaf` (shared/collab/protocol.ts). */
  documentName: string;
  /** Accessible name of the text area, e.g. "Tekst van de spiegelparagraaf". */
  label: string;
  /** The caller's verdict (role, locked text). The server enforces it independently. */
  readOnly: boolean;
  /** Full sentence shown when readOnly; default: "U kunt dit document lezen maar niet bewerken." */
  readOnlyReason?: string;
  onSaveStateChange?: (state: SaveState) => void;
  /** Shows the comments panel beside the text (issue 12): select a passage, comment, reply. */
  comments?: boolean;
  /** Offers "Voorstellen" (track changes) and lists open suggestions under the text (issue 12). */
  suggestions?: boolean;
  /**
   * Offered while the document is empty and editable: one button that puts a starting text in
   * (the minutes' prefill from agenda, attendance and decisions). It goes through the normal sync
   * path, so it never races live editing the way a server-side insert would.
   */
  starter?: { label: string; content: () => unknown };
  /** Issue 12: "Punt invoegen" in the toolbar (the spiegelparagraaf). Embedded points show live in every editor. */
  pointPicker?: boolean;
}

const DEFAULT_READ_ONLY = "U kunt dit document lezen maar niet bewerken.";
const FALLBACK_COLOR = "#3d3d3d";

export function CollaborativeEditor(props: CollaborativeEditorProps) {
  // A new document name is a new session: remount rather than re-point a live provider.
  return (
    <Show when={props.documentName} keyed>
      {(name) => <EditorSession {...props} documentName={name} />}
    </Show>
  );
}

function EditorSession(props: CollaborativeEditorProps) {
  const session = useSession();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();

  const user: Accessor<AwarenessUser> = createMemo(() => {
    const w = ws.workspace();
    const party = w?.party ? w.parties.find((p) => p.id === w.party!.id) : undefined;
    return {
      name: session.me()?.user.name ?? "Onbekend",
      partyName: w?.party?.name ?? "",
      color: party?.color ?? FALLBACK_COLOR,
    };
  });

  const collab = createCollabSession({
    // One session per name: CollaborativeEditor remounts this component when the name changes.
    documentName: untrack(() => props.documentName),
    userId: untrack(() => session.me()?.user.id ?? "anoniem"),
    user,
    readOnly: () => props.readOnly,
    async reauthorize() {
      const me = await authApi.me().catch(() => null);
      ws.refetch(); // the page's readOnly prop follows the fresh capabilities
      if (!me) {
        void session.refresh(); // no session: the app shell sends the user to the login page
        return false;
      }
      return me.memberships.some((m) => m.workspaceId === ws.id());
    },
    sessionEnded() {
      void session.refresh().then(() => {
        if (!session.me()) navigate(`/inloggen?terug=${encodeURIComponent(location.pathname)}`, { replace: true });
      });
    },
    connectFailing() {
      // The upgrade may have been refused (401/403): let the session and rights catch up.
      void session.refresh();
      ws.refetch();
    },
  });

  createEffect(() => props.onSaveStateChange?.(collab.saveState()));

  // The save state sticks to the top while a long text scrolls; the toolbar sticks right under it,
  // so it needs the bar's height (which changes as people come and go).
  let root!: HTMLDivElement;
  const stickyBar = (bar: HTMLDivElement) => {
    const observer = new ResizeObserver(() =>
      root.style.setProperty("--oogo-collab-bar-height", `${bar.offsetHeight}px`),
    );
    observer.observe(bar);
    onCleanup(() => observer.disconnect());
  };

  return (
    <div class="oogo-collab" ref={root} aria-busy={collab.ready() ? "false" : "true"}>
      {/* Until the text is here there is nothing to save and nobody to meet: the notices speak. */}
      <Show when={collab.ready()}>
        <div class="oogo-collab__bar" ref={stickyBar}>
          <SaveStateIndicator state={collab.saveState} />
          <PresenceList people={collab.presence} />
        </div>
      </Show>
      <Notices collab={collab} readOnly={props.readOnly} readOnlyReason={props.readOnlyReason} />
      <Show when={collab.ready()} fallback={<NotReady collab={collab} />}>
        <EditorSurface
          collab={collab}
          label={props.label}
          user={user}
          documentName={props.documentName}
          comments={props.comments ?? false}
          suggestions={props.suggestions ?? false}
          readOnly={props.readOnly}
          starter={props.starter}
          pointPicker={props.pointPicker ?? false}
        />
      </Show>
    </div>
  );
}

function EditorSurface(props: {
  collab: CollabSession;
  label: string;
  user: Accessor<AwarenessUser>;
  documentName: string;
  comments: boolean;
  suggestions: boolean;
  readOnly: boolean;
  starter?: CollaborativeEditorProps["starter"];
  pointPicker: boolean;
}) {
  const owner = getOwner();
  let host!: HTMLDivElement;
  // The editor needs its host element, so it exists only after mount.
  const [editorHandle, setEditorHandle] = createSignal<TiptapHandle>();
  const [empty, setEmpty] = createSignal(false);
  // "Bewerken / Voorstellen": the toolbar switches it, the suggestions panel applies it to the editor.
  const [suggesting, setSuggesting] = createSignal(false);
  const [locked, setLocked] = createSignal(false);
  onMount(() => {
    const handle = createTiptapEditor({
      element: host,
      session: props.collab,
      user: untrack(props.user), // later changes reach the carets through the session's awareness
      label: props.label,
      editable: !untrack(props.collab.readOnly),
      nodeViews: { [POINT_EMBED_NODE]: pointEmbedNodeView(owner) },
    });
    setEditorHandle(handle);
    setEmpty(handle.editor.isEmpty);
    handle.editor.on("update", () => setEmpty(handle.editor.isEmpty));
  });
  const start = () => {
    const h = editorHandle();
    if (h?.editor.isEmpty && props.starter) h.editor.commands.setContent(props.starter.content() as Content);
  };
  createEffect(() => {
    const h = editorHandle();
    if (!h) return;
    h.setEditable(!props.collab.readOnly());
  });
  onCleanup(() => editorHandle()?.editor.destroy());

  const editor = (
    <div class="oogo-editor" classList={{ "oogo-editor--readonly": props.collab.readOnly() }}>
      <Show when={editorHandle() && !props.collab.readOnly()}>
        <EditorToolbar
          editor={editorHandle()!.editor}
          label={`Opmaak voor ${props.label.toLowerCase()}`}
          mode={
            props.suggestions
              ? { suggesting: () => suggesting() || locked(), locked, set: (v) => setSuggesting(v) }
              : undefined
          }
        />
      </Show>
      <Show when={editorHandle() && props.pointPicker && !props.collab.readOnly()}>
        <div class="oogo-editor__insert">
          <PointPickerButton editor={editorHandle()!.editor} />
        </div>
      </Show>
      <Show when={props.starter && empty() && !props.collab.readOnly()}>
        <div class="oogo-form-actions">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={start}>
            {props.starter!.label}
          </button>
        </div>
      </Show>
      <div class="oogo-editor__host" ref={host} />
      <Show when={props.suggestions}>
        <SuggestionsPanel
          documentName={props.documentName}
          editor={() => editorHandle()?.editor}
          readOnly={props.readOnly || props.collab.readOnly()}
          reauthorizing={props.collab.reauthorizing}
          suggesting={suggesting}
          onSuggestOnly={setLocked}
        />
      </Show>
    </div>
  );
  return (
    <Show when={props.comments} fallback={editor}>
      <div class="oogo-collab__with-comments">
        {editor}
        <CommentsPanel documentName={props.documentName} editor={() => editorHandle()?.editor} />
      </div>
    </Show>
  );
}

function Notices(props: { collab: CollabSession; readOnly: boolean; readOnlyReason?: string }) {
  const problem = () => props.collab.problem();
  return (
    <>
      <Show when={props.readOnly && !problem()}>
        <div class="utrecht-alert utrecht-alert--info oogo-collab__notice" role="note">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">{props.readOnlyReason ?? DEFAULT_READ_ONLY}</p>
          </div>
        </div>
      </Show>
      <Show when={props.collab.reauthorizing()}>
        <div class="utrecht-alert utrecht-alert--info oogo-collab__notice" role="status">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">Uw rechten bij deze tafel zijn gewijzigd. Ze worden opnieuw gecontroleerd…</p>
          </div>
        </div>
      </Show>
      <Show when={problem()}>{(p) => <ProblemAlert problem={p()} />}</Show>
    </>
  );
}

function ProblemAlert(props: { problem: CollabProblem }) {
  const text = (): { type: "error" | "warning"; title: string; body: string } => {
    const p = props.problem;
    switch (p.kind) {
      case "loadFailed":
        return {
          type: "error",
          title: "Het document kon niet worden geladen",
          body: `De server kon de tekst niet ophalen. We proberen het over ${p.retryInSeconds} ${p.retryInSeconds === 1 ? "seconde" : "seconden"} opnieuw.`,
        };
      case "accessRevoked":
        return {
          type: "error",
          title: "Uw toegang is ingetrokken",
          body: "U bent geen deelnemer meer aan deze tafel. U kunt dit document niet meer bewerken; de kopie op dit apparaat is verwijderd.",
        };
      case "permissionDenied":
        return {
          type: "warning",
          title: "Alleen lezen",
          body: "De server heeft uw wijziging geweigerd: u mag dit document lezen maar niet bewerken. Wijzigingen die u nu nog maakt, worden niet opgeslagen.",
        };
      case "tooBig":
        return {
          type: "error",
          title: "Wijziging te groot",
          body: "Uw laatste wijziging is te groot om op te slaan. Maak haar ongedaan en voeg de tekst in kleinere delen toe.",
        };
    }
  };
  return (
    <div class={`utrecht-alert utrecht-alert--${text().type} oogo-collab__notice`} role="alert">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          <strong>{text().title}</strong>
        </p>
        <p class="utrecht-paragraph">{text().body}</p>
      </div>
    </div>
  );
}

function NotReady(props: { collab: CollabSession }) {
  // With a problem (load failed, access revoked) its alert says what is going on.
  return (
    <Show when={!props.collab.problem()}>
      <Show
        when={props.collab.offline()}
        fallback={
          <p class="utrecht-paragraph oogo-loading" role="status">
            Document laden…
          </p>
        }
      >
        <div class="utrecht-alert utrecht-alert--warning oogo-collab__notice" role="status">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">
              <strong>Geen verbinding</strong>
            </p>
            <p class="utrecht-paragraph">
              Dit document staat nog niet op dit apparaat. Zodra er verbinding is, wordt het geladen.
            </p>
          </div>
        </div>
      </Show>
    </Show>
  );
}
