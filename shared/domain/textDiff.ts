/**
 * What changed between two versions of a text (a point text since it was signed, a document
 * between two of its versions): words marked inside paragraphs, paragraphs paired, moved
 * paragraphs recognised. The word and array diffs are jsdiff's (Myers); this module adds what a
 * reader of a legal text needs on top: pairing a changed paragraph with its old self, and not
 * showing a moved paragraph as deleted here and new there.
 */
import { diffArrays, diffWordsWithSpace, wordsWithSpaceDiff } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "codeBlock"]);

/** Plain text of ProseMirror JSON: blocks separated by a blank line, hard breaks as newlines. */
export function proseMirrorToText(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: PmNode) => {
    if (typeof node.text === "string") out.push(node.text);
    if (node.type === "hardBreak") out.push("\n");
    for (const child of node.content ?? []) walk(child);
    if (node.type && BLOCKS.has(node.type)) out.push("\n\n");
  };
  if (doc && typeof doc === "object") walk(doc);
  return out
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Word diff; joining the parts of one side gives that side's text back. A lone space between two
 * changes belongs to the change, so "twee weken" → "tien schooldagen" reads as one replacement,
 * not as two interleaved ones.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const raw: DiffPart[] = diffWordsWithSpace(before, after).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
  const out: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
    removed = added = "";
  };
  raw.forEach((part, i) => {
    const between =
      part.kind === "same" &&
      /^\s+$/.test(part.text) &&
      (removed || added) &&
      raw[i + 1] &&
      raw[i + 1]!.kind !== "same";
    if (part.kind === "removed" || between) removed += part.text;
    if (part.kind === "added" || between) added += part.text;
    if (part.kind === "same" && !between) {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

/** True when the diff contains any change. */
export const hasChanges = (parts: DiffPart[]) => parts.some((p) => p.kind !== "same");

/** One block of a document as a reader sees it: a heading, a paragraph, a list item, a table row. */
export interface TextBlock {
  kind: "heading" | "paragraph" | "listItem" | "tableRow" | "other";
  text: string;
}

const BLOCK_KIND: Record<string, TextBlock["kind"]> = {
  heading: "heading",
  paragraph: "paragraph",
  listItem: "listItem",
  tableRow: "tableRow",
};

/** The blocks of ProseMirror JSON in reading order; a list item's paragraphs are the item's text. */
export function blocksOf(doc: unknown): TextBlock[] {
  const blocks: TextBlock[] = [];
  const textOf = (node: PmNode): string =>
    typeof node.text === "string"
      ? node.text
      : node.type === "hardBreak"
        ? "\n"
        : (node.content ?? []).map(textOf).join(node.type === "tableRow" ? " | " : "");
  const walk = (node: PmNode) => {
    const kind = node.type ? BLOCK_KIND[node.type] : undefined;
    if (kind === "listItem" || kind === "tableRow") {
      blocks.push({ kind, text: (node.content ?? []).map(textOf).join(kind === "tableRow" ? " | " : "\n") });
      return;
    }
    if (kind) {
      blocks.push({ kind, text: textOf(node) });
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  if (doc && typeof doc === "object") walk(doc);
  return blocks.filter((b) => b.text.trim() !== "");
}

export type BlockChange =
  | { change: "same"; kind: TextBlock["kind"]; text: string }
  /** `moved`: the same text is removed here and added elsewhere. */
  | { change: "added" | "removed"; kind: TextBlock["kind"]; text: string; moved: boolean }
  | { change: "changed"; kind: TextBlock["kind"]; parts: DiffPart[] };

/** Below this share of unchanged characters two paragraphs are not the same paragraph rewritten. */
const PAIRING_THRESHOLD = 0.4;

function similarity(parts: DiffPart[]): number {
  let same = 0;
  let all = 0;
  for (const p of parts) {
    all += p.text.length;
    if (p.kind === "same") same += p.text.length;
  }
  return all === 0 ? 1 : same / all;
}

/**
 * At least `similarity(diffWords(before, after))`, cheaply: the word diff can keep unchanged only
 * tokens both texts hold, so their shared tokens bound what stays. Pairs that cannot reach the
 * pairing threshold skip the word diff, which is quadratic on two unlike paragraphs (a year of
 * edits to the 120 KB plan: 360 ms → see bench/comments.ts).
 */
export function similarityBound(before: string, after: string): number {
  const counts = new Map<string, number>();
  for (const t of wordsWithSpaceDiff.tokenize(before)) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of wordsWithSpaceDiff.tokenize(after)) {
    const n = counts.get(t);
    if (!n) continue;
    shared += t.length;
    counts.set(t, n - 1);
  }
  const all = before.length + after.length - shared;
  return all === 0 ? 1 : shared / all;
}

/**
 * Compares two versions block by block: unchanged blocks stay "same", a run of removed blocks
 * followed by a run of added ones is paired in order (a "changed" block with words marked when
 * enough of it stayed), the rest is added or removed, and a removed block whose exact text is
 * added elsewhere is marked moved on both sides.
 */
export function compareBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockChange[] {
  const key = (b: TextBlock) => `${b.kind}\u0000${b.text}`;
  const out: BlockChange[] = [];
  const changes = diffArrays(before.map(key), after.map(key));
  const blockOf = (k: string): TextBlock => {
    const i = k.indexOf("\u0000");
    return { kind: k.slice(0, i) as TextBlock["kind"], text: k.slice(i + 1) };
  };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const k of c.value) out.push({ change: "same", ...blockOf(k) });
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const removed = c.value.map(blockOf);
      const added = next.value.map(blockOf);
      const n = Math.max(removed.length, added.length);
      for (let j = 0; j < n; j++) {
        const r = removed[j];
        const a = added[j];
        if (r && a) {
          const parts = similarityBound(r.text, a.text) >= PAIRING_THRESHOLD ? diffWords(r.text, a.text) : null;
          if (parts && similarity(parts) >= PAIRING_THRESHOLD) out.push({ change: "changed", kind: a.kind, parts });
          else out.push({ change: "removed", ...r, moved: false }, { change: "added", ...a, moved: false });
        } else if (r) out.push({ change: "removed", ...r, moved: false });
        else if (a) out.push({ change: "added", ...a, moved: false });
      }
      i++;
      continue;
    }
    for (const k of c.value) out.push({ change: c.added ? "added" : "removed", ...blockOf(k), moved: false });
  }
  // A paragraph cut here and pasted there is one move, not a loss and a gain.
  const addedTexts = new Map<string, number>();
  for (const b of out) if (b.change === "added") addedTexts.set(b.text, (addedTexts.get(b.text) ?? 0) + 1);
  const removedTexts = new Map<string, number>();
  for (const b of out) if (b.change === "removed") removedTexts.set(b.text, (removedTexts.get(b.text) ?? 0) + 1);
  for (const b of out)
    if ((b.change === "added" && removedTexts.has(b.text)) || (b.change === "removed" && addedTexts.has(b.text)))
      b.moved = true;
  return out;
}
