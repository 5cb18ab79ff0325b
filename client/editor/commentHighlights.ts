/**
 * Comment anchors in the editor (issue 12, ADR 0012): marks the commented passages and turns the
 * current selection into an anchor. The anchors are Yjs relative positions, mapped to
 * ProseMirror positions through the sync binding on every change, so a passage stays marked
 * while others type around it. The highlight is an outline plus a dotted underline (not colour
 * alone); the active thread's passage is emphasised.
 */
import { Extension, type Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { anchorRanges, type RelativeAnchor } from "../../shared/collab/anchorRanges.ts";
import { decodeAnchor, encodeAnchor, type EncodedAnchor } from "../../shared/collab/commentAnchors.ts";

export interface HighlightAnchor {
  id: string;
  anchor: EncodedAnchor;
}

interface HighlightState {
  anchors: RelativeAnchor[];
  active: string | null;
  /** Where each placed anchor is now; a thread absent here has lost its text ("tekst verwijderd"). */
  ranges: Map<string, { from: number; to: number }>;
  decorations: DecorationSet;
}

const key = new PluginKey<HighlightState>("oogoCommentHighlights");

/** What the Yjs binding knows of the document: enough to map relative positions to ProseMirror ones. */
interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncState(state: EditorState): SyncState | null {
  return (ySyncPluginKey.getState(state) as SyncState | undefined) ?? null;
}

/** Current ProseMirror ranges of these anchors (all at once: anchorRanges walks each level once). */
function rangesIn(state: EditorState, anchors: readonly RelativeAnchor[]) {
  const sync = syncState(state);
  if (!sync?.binding) return new Map<string, { from: number; to: number }>();
  return anchorRanges({ doc: sync.doc, type: sync.type, mapping: sync.binding.mapping }, anchors);
}

function rangeIn(state: EditorState, start: Y.RelativePosition, end: Y.RelativePosition) {
  return rangesIn(state, [{ id: "", start, end }]).get("") ?? null;
}

/** The highlights of placed anchors on `doc`; the active thread's is emphasised. */
export function anchorDecorations(
  doc: ProseMirrorNode,
  ranges: ReadonlyMap<string, { from: number; to: number }>,
  active: string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of ranges)
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: id === active ? "oogo-comment-anchor oogo-comment-anchor--active" : "oogo-comment-anchor",
        "data-thread": id,
      }),
    );
  return DecorationSet.create(doc, decorations);
}

export const CommentHighlights = Extension.create({
  name: "oogoCommentHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key,
        state: {
          init: () => ({ anchors: [], active: null, ranges: new Map(), decorations: DecorationSet.empty }),
          apply(tr, prev, _old, state) {
            const meta = tr.getMeta(key) as Partial<Pick<HighlightState, "anchors" | "active">> | undefined;
            if (!meta && !tr.docChanged) return prev;
            const anchors = meta?.anchors ?? prev.anchors;
            const active = meta && "active" in meta ? (meta.active ?? null) : prev.active;
            const ranges = rangesIn(state, anchors);
            return { anchors, active, ranges, decorations: anchorDecorations(state.doc, ranges, active) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations ?? null },
      }),
    ];
  },
});

/** Shows these threads' passages; `active` is emphasised. */
export function showCommentAnchors(editor: Editor, threads: readonly HighlightAnchor[], active: string | null): void {
  const anchors = threads.map((t) => ({ id: t.id, ...decodeAnchor(t.anchor) }));
  editor.view.dispatch(editor.state.tr.setMeta(key, { anchors, active }).setMeta("addToHistory", false));
}

/** The selected passage as an anchor and its text, or null without a selection. */
export function selectionAnchor(editor: Editor): { anchor: EncodedAnchor; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  return empty ? null : rangeAnchor(editor, from, to);
}

/** The passage between two ProseMirror positions as an anchor and its text; null when there is no text. */
export function rangeAnchor(editor: Editor, from: number, to: number): { anchor: EncodedAnchor; quote: string } | null {
  const sync = syncState(editor.state);
  if (!sync?.binding) return null;
  const quote = editor.state.doc.textBetween(from, to, "\n").trim();
  if (!quote) return null;
  // y-tiptap types these as `any`; they are Yjs relative positions.
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping) as Y.RelativePosition;
  return { anchor: encodeAnchor(start, end), quote };
}

/** Whether the thread's passage is still in the text (false: "tekst verwijderd"). */
export function anchorPlaced(editor: Editor, thread: HighlightAnchor): boolean {
  // The highlighted (open) threads were just placed; only the others are resolved here.
  const shown = key.getState(editor.state);
  if (shown?.anchors.some((a) => a.id === thread.id)) return shown.ranges.has(thread.id);
  const { start, end } = decodeAnchor(thread.anchor);
  return rangeIn(editor.state, start, end) !== null;
}

/** Selects the thread's passage and scrolls it into view; false when its text was deleted. */
export function revealAnchor(editor: Editor, anchor: EncodedAnchor): boolean {
  const { start, end } = decodeAnchor(anchor);
  const range = rangeIn(editor.state, start, end);
  if (!range) return false;
  editor.chain().setTextSelection(range).scrollIntoView().run();
  return true;
}
