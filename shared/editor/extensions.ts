/**
 * The editor schema, shared by the browser editor and the server (seeding documents,
 * converting text for hashing and exports). Changing this list changes which content
 * documents may hold: keep server and client on this one definition.
 *
 * Collaboration extensions are added by the client only; they do not change the schema.
 */
import type { AnyExtension } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { suggestionBlockNodes, suggestionMarkExtensions } from "./suggestionMarks.ts";
import { PointEmbed } from "./pointEmbed.ts";

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs keeps the history; ProseMirror's own undo would fight it.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
      heading: { levels: [1, 2, 3] },
      // Suggestions (issue 12): these four come from suggestionBlockNodes() with block marks allowed.
      document: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
    // Suggestions (track changes, issue 12): marks and the block nodes that may carry them.
    ...suggestionBlockNodes(),
    ...suggestionMarkExtensions(),
    // Issue 12: an overeenstemmingspunt embedded by reference (spiegelparagraaf).
    PointEmbed,
  ];
}

let cached: ReturnType<typeof getSchema> | undefined;
/** The ProseMirror schema of our documents. */
export function editorSchema() {
  return (cached ??= getSchema(editorExtensions()));
}

/** Yjs field that holds the prose of every document (Tiptap's default). */
export const DOCUMENT_FIELD = "default";
