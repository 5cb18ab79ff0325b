import * as Y from "yjs";
import { prosemirrorJSONToYDoc, prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { DOCUMENT_FIELD, editorSchema } from "../../shared/editor/extensions.ts";

/** ProseMirror JSON of a Y.Doc's prose (Tiptap's `default` fragment). */
export function docToJson(doc: Y.Doc): unknown {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD));
}

/** ProseMirror JSON of a stored Yjs state (an empty document for null). */
export function stateToJson(state: Uint8Array | null): unknown {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const json = docToJson(doc);
  doc.destroy();
  return json;
}

/** A Yjs update that creates a document with the given ProseMirror JSON; used to seed new documents. */
export function jsonToUpdate(json: unknown): Uint8Array {
  const doc = prosemirrorJSONToYDoc(editorSchema(), json, DOCUMENT_FIELD);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A document change (for `deps.documents.write`) that makes the prose equal to `json` by the
 * smallest edit y-prosemirror finds: unchanged paragraphs keep their Yjs items, so comment
 * anchors in them and concurrent edits elsewhere survive. Throws on JSON the schema refuses.
 */
export function setContent(json: unknown): (doc: Y.Doc) => void {
  return (doc) => {
    prosemirrorJSONToYXmlFragment(editorSchema(), json, doc.getXmlFragment(DOCUMENT_FIELD));
  };
}

/** A document change that adds blocks (ProseMirror JSON nodes) after the current content. */
export function appendBlocks(blocks: unknown[]): (doc: Y.Doc) => void {
  return (doc) => {
    const current = docToJson(doc) as { type: string; content?: unknown[] };
    const content = [...(current.content ?? []), ...blocks];
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: "doc", content }, doc.getXmlFragment(DOCUMENT_FIELD));
  };
}

/** A document change that applies a ready Yjs update (built against the current state, or independent of it). */
export const applyUpdateChange =
  (update: Uint8Array) =>
  (doc: Y.Doc): void =>
    Y.applyUpdate(doc, update);
