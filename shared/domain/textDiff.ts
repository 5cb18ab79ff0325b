/**
 * What changed between two versions of a text (a point text since it was signed, a document
 * between two of its versions): words marked inside paragraphs, paragraphs paired, moved
 * paragraphs recognised. The word and array diffs are jsdiff's (Myers); this module adds what a
 * reader of a legal text needs on top: pairing a changed paragraph with its old self, and not
 * showing a moved paragraph as deleted here and new there. An imported plan (PlanText) is compared
 * the same way, section by section (`comparePlanTexts`).
 */
import { diffArrays, diffWordsWithSpace, wordsWithSpaceDiff } from "diff";
import type { PlanSection, PlanText } from "./planText.ts";

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
/** How many removed blocks ahead an added block looks for its old self. */
const PAIRING_WINDOW = 20;

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
 * enough of it stayed; an added block may skip removed ones to find its old self), the rest is
 * added or removed, and a removed block whose exact text is
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
      // Each added block takes the first still-unpaired removed one that it rewrites (within a
      // window, so a wholly rewritten long text stays cheap); removed ones it skips are removed.
      // Unpaired added blocks wait, so a plain replacement reads as removed, then added.
      let r = 0;
      let pending: BlockChange[] = [];
      for (const a of added) {
        let match: { k: number; parts: DiffPart[] } | null = null;
        for (let k = r; k < Math.min(removed.length, r + PAIRING_WINDOW); k++) {
          // similarityBound is cheap: skip the word diff of pairs that cannot reach the threshold.
          if (similarityBound(removed[k]!.text, a.text) < PAIRING_THRESHOLD) continue;
          const parts = diffWords(removed[k]!.text, a.text);
          if (similarity(parts) >= PAIRING_THRESHOLD) {
            match = { k, parts };
            break;
          }
        }
        if (!match) {
          pending.push({ change: "added", ...a, moved: false });
          continue;
        }
        while (r < match.k) out.push({ change: "removed", ...removed[r++]!, moved: false });
        out.push(...pending, { change: "changed", kind: a.kind, parts: match.parts });
        pending = [];
        r++;
      }
      while (r < removed.length) out.push({ change: "removed", ...removed[r++]!, moved: false });
      out.push(...pending);
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

// ---- Versions of an imported plan (issue 14): the same block comparison, per section ----

/** A plan section's blocks as a reader sees them: a list item and a table row are blocks of their own. */
export function planBlocksOf(section: PlanSection): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const b of section.blocks) {
    if (b.kind === "list") for (const item of b.items) blocks.push({ kind: "listItem", text: item.text });
    else if (b.kind === "table") for (const row of b.rows) blocks.push({ kind: "tableRow", text: row.join(" | ") });
    else blocks.push({ kind: "paragraph", text: b.text });
  }
  return blocks.filter((b) => b.text.trim() !== "");
}

export interface PlanSectionChange {
  status: "added" | "removed" | "changed" | "unchanged";
  /** The section in the newer version (null when removed). */
  sectionId: string | null;
  /** The paired section in the older version (null when added). */
  previousSectionId: string | null;
  number: string;
  title: string;
  /** Set when the pair's title changed. */
  previousTitle?: string;
  /** Every block of the pair in reading order, each with its change (compareBlocks). */
  blocks: BlockChange[];
}

const normalTitle = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Pairs the sections of two versions: index in `prev` for each section of `next`, or -1. By title
 * first (a chapter inserted before renumbers the rest, their titles stay), then by number (a
 * renamed section keeps its place), then by a similar title.
 */
function pairSections(prev: readonly PlanSection[], next: readonly PlanSection[]): number[] {
  const pairing = next.map(() => -1);
  const taken = new Set<number>();
  const claim = (test: (p: PlanSection, n: PlanSection) => boolean) => {
    next.forEach((n, ni) => {
      if (pairing[ni] !== -1) return;
      const pi = prev.findIndex((p, k) => !taken.has(k) && test(p, n));
      if (pi >= 0) {
        pairing[ni] = pi;
        taken.add(pi);
      }
    });
  };
  claim((p, n) => p.level === n.level && normalTitle(p.title) === normalTitle(n.title));
  claim((p, n) => p.level === n.level && p.number !== "" && p.number === n.number);
  claim((p, n) => p.level === n.level && similarity(diffWords(normalTitle(p.title), normalTitle(n.title))) >= 0.6);
  return pairing;
}

/** Per section of the newer version (each removed one after its predecessor): what changed. */
export function comparePlanTexts(prev: PlanText, next: PlanText): PlanSectionChange[] {
  const pairing = pairSections(prev.sections, next.sections);
  const nextOfPrev = new Map<number, number>();
  pairing.forEach((pi, ni) => pi >= 0 && nextOfPrev.set(pi, ni));
  // A removed section goes after the newest section paired with something before it.
  const removedAfter = new Map<number, number[]>();
  let lastPairedNext = -1;
  prev.sections.forEach((_, pi) => {
    const ni = nextOfPrev.get(pi);
    if (ni !== undefined) lastPairedNext = ni;
    else removedAfter.set(lastPairedNext, [...(removedAfter.get(lastPairedNext) ?? []), pi]);
  });
  const changes: PlanSectionChange[] = [];
  const pushRemoved = (key: number) => {
    for (const pi of removedAfter.get(key) ?? []) {
      const s = prev.sections[pi]!;
      changes.push({
        status: "removed",
        sectionId: null,
        previousSectionId: s.id,
        number: s.number,
        title: s.title,
        blocks: compareBlocks(planBlocksOf(s), []),
      });
    }
  };
  pushRemoved(-1);
  next.sections.forEach((s, ni) => {
    const pi = pairing[ni]!;
    if (pi < 0) {
      changes.push({
        status: "added",
        sectionId: s.id,
        previousSectionId: null,
        number: s.number,
        title: s.title,
        blocks: compareBlocks([], planBlocksOf(s)),
      });
    } else {
      const p = prev.sections[pi]!;
      const blocks = compareBlocks(planBlocksOf(p), planBlocksOf(s));
      const titleChanged = normalTitle(p.title) !== normalTitle(s.title);
      changes.push({
        status: !titleChanged && blocks.every((b) => b.change === "same") ? "unchanged" : "changed",
        sectionId: s.id,
        previousSectionId: p.id,
        number: s.number,
        title: s.title,
        ...(titleChanged ? { previousTitle: p.title } : {}),
        blocks,
      });
    }
    pushRemoved(ni);
  });
  // A paragraph moved to another section is a move there too, not a loss here and a gain there.
  const all = changes.flatMap((c) => c.blocks);
  const added = new Set(all.flatMap((b) => (b.change === "added" ? [b.text] : [])));
  const removed = new Set(all.flatMap((b) => (b.change === "removed" ? [b.text] : [])));
  for (const b of all)
    if ((b.change === "added" && removed.has(b.text)) || (b.change === "removed" && added.has(b.text))) b.moved = true;
  return changes;
}
