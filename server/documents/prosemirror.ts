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
 * A Yjs update that replaces a stored document's whole prose with the given ProseMirror JSON, as
 * an editor that selected all and pasted would: one edit on top of the history, so it syncs
 * to open editors like any other (the demo's rewrite of its spiegelparagraaf, tests).
 */
export function replaceJsonUpdate(state: Uint8Array | null, json: unknown): Uint8Array {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema(), json, fragment);
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}
