import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../../../shared/editor/extensions.ts";

/**
 * A Yjs update that appends one paragraph to a stored document, as an editor would: the diff
 * against the stored state, not a new document. Used by the demo to give points a real edit
 * history and by tests to edit a point's text behind the workflow's back.
 */
export function paragraphEdit(state: Uint8Array | null, text: string): Uint8Array {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** The same edit as a document change for `deps.documents.write` (the demo types through the sync server). */
export function appendParagraph(text: string): (doc: Y.Doc) => void {
  return (doc) => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  };
}
