import { Editor, Node, type AnyExtension, type NodeViewRenderer } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
// The command types (toggleBold, insertTable, setLink, …) are augmentations of @tiptap/core in
// these packages. shared/editor loads them at run time, but this project sees shared/ through its
// declaration files only, so the augmentations are loaded here.
import type {} from "@tiptap/starter-kit";
import type {} from "@tiptap/extension-table";
import type { AwarenessUser } from "../../shared/collab/protocol.ts";
import { DOCUMENT_FIELD, editorExtensions } from "../../shared/editor/extensions.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";
import { CommentHighlights } from "./commentHighlights.ts";
import { SuggestMode } from "./suggestMode.ts";

export interface TiptapOptions {
  element: HTMLElement;
  session: CollabSession;
  user: AwarenessUser;
  /** Accessible name of the text area. */
  label: string;
  editable: boolean;
  /** Browser-only drawings of schema nodes by name (the embedded point); the schema stays shared. */
  nodeViews?: Record<string, NodeViewRenderer>;
}

/**
 * A Tiptap editor bound to the session's Y.Doc. The editor is given no `content`: what it shows
 * comes only from Yjs (server or local copy), so mounting never writes to the document.
 */
export interface TiptapHandle {
  editor: Editor;
  /** Switches editing on or off, keeping aria-readonly in step. */
  setEditable(value: boolean): void;
}

export function createTiptapEditor(opts: TiptapOptions): TiptapHandle {
  let editable = opts.editable;
  // Tiptap spreads an attributes object (a function would be lost) and re-applies editorProps on setOptions.
  const attributes = (canEdit: boolean) => ({
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": opts.label,
    "aria-readonly": String(!canEdit),
    class: "oogo-editor__content",
    spellcheck: "true",
    lang: "nl",
  });
  const editor = new Editor({
    element: opts.element,
    editable,
    extensions: [
      ...withNodeViews(editorExtensions(), opts.nodeViews ?? {}),
      Collaboration.configure({ document: opts.session.doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider: opts.session.provider, user: opts.user, render: renderCaret }),
      CommentHighlights,
      SuggestMode,
    ],
    editorProps: { attributes: attributes(editable) },
  });
  return {
    editor,
    setEditable(value) {
      if (value === editable) return;
      editable = value;
      editor.setOptions({ editable: value, editorProps: { attributes: attributes(value) } });
    },
  };
}

/** Another person's caret: a coloured bar with their name. Hidden from screen readers (the presence list says who is here). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.setAttribute("aria-hidden", "true");
  const color = typeof user.color === "string" ? user.color : "#3d3d3d";
  caret.style.setProperty("--oogo-caret-color", color);
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.textContent = typeof user.name === "string" ? user.name : "Onbekend";
  caret.append(label);
  return caret;
}

function withNodeViews(extensions: AnyExtension[], views: Record<string, NodeViewRenderer>): AnyExtension[] {
  return extensions.map((ext) => {
    const view = views[ext.name];
    return view && ext instanceof Node ? ext.extend({ addNodeView: () => view }) : ext;
  });
}
