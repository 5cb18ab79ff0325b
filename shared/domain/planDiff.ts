/**
 * What changed between two versions of a plan, per section (issue 14). Pure: two PlanTexts in,
 * a list of section changes out, so the server computes it and tests pin it down.
 *
 * Sections are paired by title first (a chapter inserted before them renumbers them, their title
 * stays), then by number (a renamed section keeps its place), then by a similar title. Within a
 * pair, paragraphs that are identical anchor the comparison (longest common subsequence); between
 * anchors a removed and an added paragraph that share most of their words are one changed
 * paragraph, shown as a word diff. Everything else is added or removed.
 */
import { blockText, type PlanSection, type PlanText } from "./planText.ts";

export interface WordOp {
  op: "same" | "added" | "removed";
  text: string;
}

export type ParagraphChange =
  | { kind: "unchanged"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "changed"; before: string; after: string; words: WordOp[] };

export interface SectionChange {
  status: "added" | "removed" | "changed" | "unchanged";
  /** The section in the newer version (null when removed). */
  sectionId: string | null;
  /** The paired section in the older version (null when added). */
  previousSectionId: string | null;
  number: string;
  title: string;
  /** Set when the pair's title changed. */
  previousTitle?: string;
  /** Every paragraph of the pair, in reading order, each with its change. */
  paragraphs: ParagraphChange[];
}

const normal = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

function words(s: string): string[] {
  return normal(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Dice coefficient of two texts' word multisets: 1 = the same words, 0 = none in common. */
export function wordSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Index pairs of a longest common subsequence of `a` and `b` under `eq`. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  // One row of lengths per i, kept for the walk back; n·m stays small (paragraphs of one section, words of one paragraph).
  const table = new Array<Uint32Array>(n + 1);
  for (let i = 0; i <= n; i++) table[i] = new Uint32Array(m + 1);
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i]!;
    const below = table[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = eq(a[i]!, b[j]!) ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (eq(a[i]!, b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Longest inputs the word diff compares token by token; longer paragraphs show as replaced. */
const MAX_DIFF_TOKENS = 3000;

/** Words and punctuation marks, each with the whitespace after it. */
const tokens = (s: string) => s.match(/[\p{L}\p{N}'’]+\s*|[^\p{L}\p{N}'’\s]\s*|\s+/gu) ?? [];

/**
 * Word-level diff of two paragraphs; whitespace travels with the word before it, punctuation is a
 * word of its own (so "vervoer." against "vervoer binnen" keeps "vervoer"). Unchanged words carry
 * the newer version's spacing.
 */
export function wordDiff(before: string, after: string): WordOp[] {
  const ta = tokens(before);
  const tb = tokens(after);
  if (ta.length > MAX_DIFF_TOKENS || tb.length > MAX_DIFF_TOKENS)
    return [
      { op: "removed", text: before },
      { op: "added", text: after },
    ];
  const pairs = lcsPairs(ta, tb, (x, y) => x.trimEnd() === y.trimEnd());
  const ops: WordOp[] = [];
  const push = (op: WordOp["op"], text: string) => {
    const last = ops[ops.length - 1];
    if (last?.op === op) last.text += text;
    else ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [ta.length, tb.length] as [number, number]]) {
    while (i < pi) push("removed", ta[i++]!);
    while (j < pj) push("added", tb[j++]!);
    if (pi < ta.length) {
      push("same", tb[pj]!);
      i++;
      j++;
    }
  }
  return ops;
}

/** Two paragraphs count as one changed paragraph when at least this share of their words is common. */
const CHANGED_PARAGRAPH_SIMILARITY = 0.5;

export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const anchors = lcsPairs(before, after, (x, y) => normal(x) === normal(y));
  const out: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [before.length, after.length] as [number, number]]) {
    // The gap before this anchor: pair similar removed/added paragraphs in order.
    const removed = before.slice(i, ai);
    const added = after.slice(j, aj);
    let r = 0;
    for (const text of added) {
      let match = -1;
      for (let k = r; k < removed.length; k++) {
        if (wordSimilarity(removed[k]!, text) >= CHANGED_PARAGRAPH_SIMILARITY) {
          match = k;
          break;
        }
      }
      if (match < 0) {
        out.push({ kind: "added", text });
        continue;
      }
      while (r < match) out.push({ kind: "removed", text: removed[r++]! });
      const prior = removed[r++]!;
      out.push({ kind: "changed", before: prior, after: text, words: wordDiff(prior, text) });
    }
    while (r < removed.length) out.push({ kind: "removed", text: removed[r++]! });
    if (ai < before.length) out.push({ kind: "unchanged", text: after[aj]! });
    i = ai + 1;
    j = aj + 1;
  }
  return out;
}

const paragraphsOf = (s: PlanSection) => s.blocks.map(blockText).filter((t) => t.trim() !== "");

/** Pairs the sections of two versions: index in `prev` for each section of `next`, or -1. */
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
  claim((p, n) => p.level === n.level && normal(p.title) === normal(n.title));
  claim((p, n) => p.level === n.level && p.number !== "" && p.number === n.number);
  claim((p, n) => p.level === n.level && wordSimilarity(p.title, n.title) >= 0.6);
  return pairing;
}

/** Per section of the newer version (and each removed one after its predecessor): what changed. */
export function diffPlanTexts(prev: PlanText, next: PlanText): SectionChange[] {
  const pairing = pairSections(prev.sections, next.sections);
  const paired = new Set(pairing.filter((p) => p >= 0));
  const changes: SectionChange[] = [];
  const removedAfter = new Map<number, number[]>();
  // A removed section goes after the newest section paired with something before it.
  let lastPairedNext = -1;
  const nextOfPrev = new Map<number, number>();
  pairing.forEach((pi, ni) => pi >= 0 && nextOfPrev.set(pi, ni));
  prev.sections.forEach((_, pi) => {
    if (nextOfPrev.has(pi)) lastPairedNext = nextOfPrev.get(pi)!;
    else if (!paired.has(pi)) removedAfter.set(lastPairedNext, [...(removedAfter.get(lastPairedNext) ?? []), pi]);
  });
  const pushRemoved = (key: number) => {
    for (const pi of removedAfter.get(key) ?? []) {
      const s = prev.sections[pi]!;
      changes.push({
        status: "removed",
        sectionId: null,
        previousSectionId: s.id,
        number: s.number,
        title: s.title,
        paragraphs: paragraphsOf(s).map((text) => ({ kind: "removed", text })),
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
        paragraphs: paragraphsOf(s).map((text) => ({ kind: "added", text })),
      });
    } else {
      const p = prev.sections[pi]!;
      const paragraphs = diffParagraphs(paragraphsOf(p), paragraphsOf(s));
      const titleChanged = normal(p.title) !== normal(s.title);
      const same = !titleChanged && paragraphs.every((c) => c.kind === "unchanged");
      changes.push({
        status: same ? "unchanged" : "changed",
        sectionId: s.id,
        previousSectionId: p.id,
        number: s.number,
        title: s.title,
        ...(titleChanged ? { previousTitle: p.title } : {}),
        paragraphs,
      });
    }
    pushRemoved(ni);
  });
  return changes;
}
