/**
 * The paragraphs of a text, for commenting without selecting (issue 12): a read-only editor
 * (waarnemer, wethouder, bestuurder) cannot be focused or selected by keyboard, so the comments
 * panel offers its paragraphs and anchors a comment to a whole one.
 */
import type { Editor } from "@tiptap/core";
import type { EncodedAnchor } from "../../shared/collab/commentAnchors.ts";
import { rangeAnchor } from "./commentHighlights.ts";

export interface ParagraphRef {
  /** ProseMirror position of the paragraph's first character. */
  from: number;
  to: number;
  text: string;
}

/** Every text block (paragraph, heading, list item, table cell) that holds text, in reading order. */
export function paragraphsOf(editor: Editor): ParagraphRef[] {
  const found: ParagraphRef[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent.trim();
    if (text) found.push({ from: pos + 1, to: pos + 1 + node.content.size, text });
    return false;
  });
  return found;
}

/** An anchor over the whole paragraph that starts at `from`; null when it is gone (edited meanwhile). */
export function paragraphAnchor(editor: Editor, from: number): { anchor: EncodedAnchor; quote: string } | null {
  const paragraph = paragraphsOf(editor).find((p) => p.from === from);
  return paragraph ? rangeAnchor(editor, paragraph.from, paragraph.to) : null;
}
