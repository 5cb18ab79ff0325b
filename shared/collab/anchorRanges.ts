/**
 * Comment anchors (Yjs relative positions) to ProseMirror ranges, many at once (issue 12). The
 * result is y-tiptap's `relativePositionToAbsolutePosition`, position for position; the difference
 * is speed. That function walks every earlier sibling at each level for each position: on the
 * 120 KB document (~500 blocks and their tombstones) 200 threads cost 400 such walks on every
 * change of the text. Here each parent's children are walked once per batch and their offsets
 * kept, so a position costs its depth. bench/comments.ts checks both agree and measures it.
 */
import * as Y from "yjs";

/** y-tiptap's binding mapping: a Yjs type to its ProseMirror node (a text to its text nodes). */
export type ProseMirrorMapping = ReadonlyMap<unknown, unknown>;

export interface AnchorBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProseMirrorMapping;
}

export interface RelativeAnchor {
  id: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

// Yjs internals this walk reads (the same y-tiptap reads).
interface Item {
  deleted: boolean;
  right: Item | null;
  parent: unknown;
  content: { type?: Y.AbstractType<unknown> };
}
interface TypeInternals {
  _item: Item | null;
  _first: Item | null;
  _length: number;
}
const internals = (t: unknown) => t as TypeInternals;

/** One resolver per state of the text: its caches hold only while the text does not change. */
export function createAnchorResolver(binding: AnchorBinding) {
  const { doc, type: root, mapping } = binding;
  // Per parent: each child's offset inside it (start tag excluded), or null for a child after an
  // unmapped sibling (y-tiptap gives up there too).
  const offsets = new Map<unknown, Map<unknown, number | null>>();

  const sizeOf = (t: Y.AbstractType<unknown>): number | null => {
    if (t instanceof Y.XmlText) return internals(t)._length;
    const mapped = mapping.get(t) as { nodeSize: number } | undefined;
    return mapped == null ? null : mapped.nodeSize;
  };

  const childOffsets = (parent: unknown): Map<unknown, number | null> => {
    let found = offsets.get(parent);
    if (found) return found;
    found = new Map();
    let pos: number | null = 0;
    for (let n = internals(parent)._first; n !== null; n = n.right) {
      const child = n.content.type;
      if (!child) continue;
      found.set(child, pos);
      if (n.deleted || pos === null) continue;
      const size = sizeOf(child);
      pos = size === null ? null : pos + size;
    }
    offsets.set(parent, found);
    return found;
  };

  return function resolve(relPos: Y.RelativePosition): number | null {
    const decoded = Y.createAbsolutePositionFromRelativePosition(relPos, doc);
    if (!decoded || (decoded.type !== root && !Y.isParentOf(root, internals(decoded.type)._item as never))) return null;
    let type: unknown = decoded.type;
    let pos = 0;
    if (decoded.type instanceof Y.XmlText) pos = decoded.index;
    else if (!internals(type)._item?.deleted) {
      // A position between blocks (rare for a comment): walk to it, as y-tiptap does.
      let i = 0;
      for (
        let n = internals(type)._first;
        n !== null && i < internals(type)._length && i < decoded.index;
        n = n.right
      ) {
        if (n.deleted) continue;
        i++;
        const size = sizeOf(n.content.type!);
        if (size === null) return null;
        pos += size;
      }
      pos += 1;
    }
    while (type !== root && internals(type)._item !== null) {
      const parent = internals(type)._item!.parent;
      const parentItem = internals(parent)._item;
      if (!parentItem?.deleted) {
        const at = childOffsets(parent).get(type);
        if (at === undefined || at === null) return null;
        pos += 1 + at;
      }
      type = parent;
    }
    const absolute = pos - 1;
    // y-tiptap's guard: a text position that resolves to the very start is a misresolved one.
    if (decoded.type instanceof Y.XmlText && relPos.item !== null && absolute <= 1) return null;
    return absolute;
  };
}

/** The current ranges of these anchors; an anchor whose text was deleted (collapsed) or that cannot be placed is absent. */
export function anchorRanges(
  binding: AnchorBinding,
  anchors: readonly RelativeAnchor[],
): Map<string, { from: number; to: number }> {
  const resolve = createAnchorResolver(binding);
  const ranges = new Map<string, { from: number; to: number }>();
  for (const a of anchors) {
    const from = resolve(a.start);
    const to = resolve(a.end);
    if (from !== null && to !== null && to > from) ranges.set(a.id, { from, to });
  }
  return ranges;
}
