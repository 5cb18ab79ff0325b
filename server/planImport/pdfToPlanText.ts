/**
 * Text runs of a PDF's pages → PlanText. PDFs carry no structure, only positioned text, so the
 * structure is inferred: the most common font size is body text, larger sizes are headings
 * (largest = chapter), a numbered line in another font at body size is a heading too. Lines are
 * read column by column, joined into paragraphs across line and page breaks, running headers,
 * footers and page numbers dropped, hyphenation and letter-spacing artefacts repaired. Pure: the
 * caller reads the runs with unpdf (parsePlanFile.ts), tests can hand it runs directly.
 */
import type { PlanText } from "../../shared/domain/planText.ts";
import { isChapterMarker, looksLikeNumberedHeading, OutlineBuilder, splitHeadingNumber } from "./outline.ts";
import { makeSpacingRepair } from "./repairSpacing.ts";

export interface PdfItem {
  str: string;
  /** Baseline start, PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  page: number;
  /** 0 = full width, 1 = left column, 2 = right column. */
  column: number;
}

const round = (n: number) => Math.round(n * 2) / 2;

/** Items on one baseline, close enough to be one line; a wide gap starts another (the other column). */
function linesOf(page: PdfPage, pageIndex: number): Line[] {
  const lines: Line[] = [];
  let current: { items: PdfItem[]; y: number; x1: number } | null = null;
  const flush = () => {
    if (!current) return;
    const items = current.items.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    const sizes = new Map<number, number>();
    const fonts = new Map<string, number>();
    for (const it of items) {
      const gap = it.x - end;
      if (text && gap > it.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += " ";
      text += it.str;
      end = it.x + it.width;
      sizes.set(round(it.size), (sizes.get(round(it.size)) ?? 0) + it.str.length);
      fonts.set(it.font, (fonts.get(it.font) ?? 0) + it.str.length);
    }
    text = text.replace(/\s+/g, " ").trim();
    if (text)
      lines.push({
        text,
        x0: items[0]!.x,
        x1: end,
        y: current.y,
        size: [...sizes].sort((a, b) => b[1] - a[1])[0]![0],
        font: [...fonts].sort((a, b) => b[1] - a[1])[0]![0],
        page: pageIndex,
        column: 0,
      });
    current = null;
  };
  for (const it of page.items) {
    if (it.str === "" || it.size <= 0) continue;
    const sameLine =
      current &&
      Math.abs(current.y - it.y) < it.size * 0.4 &&
      it.x - current.x1 < it.size * 3 &&
      it.x >= current.x1 - it.size;
    if (!sameLine) flush();
    current ??= { items: [], y: it.y, x1: it.x };
    current.items.push(it);
    current.x1 = Math.max(current.x1, it.x + it.width);
  }
  flush();
  return lines;
}

/** Reading order: full-width lines and the two columns of a two-column page, each top to bottom. */
function readingOrder(lines: Line[], pageWidth: number): Line[] {
  const mid = pageWidth / 2;
  const margin = pageWidth * 0.02;
  for (const l of lines) l.column = l.x1 <= mid + margin ? 1 : l.x0 >= mid - margin ? 2 : 0;
  const left = lines.filter((l) => l.column === 1);
  const right = lines.filter((l) => l.column === 2);
  if (right.length < 3 || left.length < 3) {
    for (const l of lines) l.column = 0;
    return [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  }
  // Full-width lines above the columns come first, those below them last.
  const top = Math.max(...left.map((l) => l.y), ...right.map((l) => l.y));
  const spans = lines.filter((l) => l.column === 0);
  const byY = (a: Line, b: Line) => b.y - a.y;
  return [
    ...spans.filter((l) => l.y > top).sort(byY),
    ...left.sort(byY),
    ...right.sort(byY),
    ...spans.filter((l) => l.y <= top).sort(byY),
  ];
}

const PAGE_NUMBER = /^(pagina|page|blz\.?)?\s*\d{1,4}(\s*(van|of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

/** Drops running headers and footers: lines in the top or bottom band that repeat on many pages, and page numbers. */
function dropRunning(pages: Line[][], heights: number[]): Line[][] {
  const band = (l: Line) => {
    const h = heights[l.page]!;
    return l.y > h * 0.9 || l.y < h * 0.1;
  };
  const key = (l: Line) => l.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
  const seen = new Map<string, Set<number>>();
  for (const lines of pages)
    for (const l of lines) if (band(l)) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  const threshold = Math.max(2, Math.ceil(pages.length * 0.3));
  return pages.map((lines) =>
    lines.filter((l) => !(band(l) && (PAGE_NUMBER.test(l.text) || (seen.get(key(l))?.size ?? 0) >= threshold))),
  );
}

function weightedMode<T>(entries: Array<[T, number]>): T | undefined {
  const totals = new Map<T, number>();
  for (const [k, w] of entries) totals.set(k, (totals.get(k) ?? 0) + w);
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const BULLET = /^([•·▪◦‣●○■□►➢✓*]|[–-](?=\s)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))\s*/u;

/** Joins two lines of one paragraph, undoing hyphenation ("onder-" + "steuning"). */
export function joinLines(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) && !/^(en|of|tot|en\/of)\b/.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

const ENDS_SENTENCE = /[.!?:;]["')\]]?$/;

export function pdfToPlanText(pages: PdfPage[]): PlanText {
  const perPage = dropRunning(
    pages.map((p, i) => linesOf(p, i)),
    pages.map((p) => p.height),
  ).map((lines, i) => readingOrder(lines, pages[i]!.width));
  const all = perPage.flat();
  const body = weightedMode(all.map((l) => [l.size, l.text.length] as [number, number])) ?? 10;
  const bodyFont = weightedMode(
    all.filter((l) => l.size === body).map((l) => [l.font, l.text.length] as [string, number]),
  );
  const headingSizes = [
    ...new Set(all.filter((l) => l.size >= body * 1.15 && l.text.length < 150).map((l) => l.size)),
  ].sort((a, b) => b - a);
  const levelOfSize = (size: number) => Math.min(3, headingSizes.indexOf(size) + 1) as 1 | 2 | 3;

  const repairSpacing = makeSpacingRepair(all.map((l) => l.text));
  const out = new OutlineBuilder();
  type Open =
    | { kind: "paragraph"; text: string; last: Line }
    | { kind: "list"; items: Array<{ text: string; depth: number }>; bulletXs: number[]; last: Line; ordered: boolean }
    | { kind: "note"; text: string; last: Line }
    | { kind: "heading"; level: 1 | 2 | 3; text: string; last: Line };
  let open: Open | null = null;
  const close = () => {
    if (!open) return;
    if (open.kind === "heading") out.heading(open.level, repairSpacing(open.text));
    else if (open.kind === "list")
      out.block({
        kind: "list",
        ordered: open.ordered,
        items: open.items.map((i) => ({ ...i, text: repairSpacing(i.text) })),
      });
    else out.block({ kind: open.kind, text: repairSpacing(open.text) });
    open = null;
  };
  /** Vertical distance from the previous line of the same column and page, or null across a break. */
  const gapFrom = (prev: Line, l: Line) => (prev.page === l.page && prev.column === l.column ? prev.y - l.y : null);

  for (const l of all) {
    const prev: Line | undefined = open?.last;
    const gap = prev ? gapFrom(prev, l) : null;
    const numbered = looksLikeNumberedHeading(l.text);
    // Headings: "Hoofdstuk 3" alone on a line, a larger size, or a numbered line in another font than the body's.
    const headingLevel = isChapterMarker(repairSpacing(l.text))
      ? 1
      : l.size >= body * 1.15 && l.text.length < 150
        ? (() => {
            const { depth } = splitHeadingNumber(l.text);
            return depth > 0 && numbered ? (Math.min(3, depth) as 1 | 2 | 3) : levelOfSize(l.size);
          })()
        : // Only "3.2"-style numbers: a lone "1" in another font is more often a numbered list.
          numbered && splitHeadingNumber(l.text).depth >= 2 && l.font !== bodyFont && l.size >= body * 0.8
          ? (Math.min(3, splitHeadingNumber(l.text).depth) as 1 | 2 | 3)
          : 0;
    if (headingLevel) {
      // A heading that wraps onto a second line of the same size continues.
      if (open?.kind === "heading" && gap !== null && gap < l.size * 1.6 && open.last.size === l.size && !numbered) {
        open.text += ` ${l.text}`;
        open.last = l;
        continue;
      }
      close();
      open = { kind: "heading", level: headingLevel, text: l.text, last: l };
      continue;
    }
    if (l.size < body * 0.9 && (/^\d{1,3}\s/.test(l.text) || open?.kind === "note")) {
      if (open?.kind === "note" && !/^\d{1,3}\s/.test(l.text)) {
        open.text = joinLines(open.text, l.text);
        open.last = l;
        continue;
      }
      close();
      open = { kind: "note", text: l.text.replace(/^(\d{1,3})\s+/, "$1. "), last: l };
      continue;
    }
    const bullet = BULLET.exec(l.text);
    if (bullet) {
      const text = l.text.slice(bullet[0].length);
      const ordered = /\d|[a-z]/.test(bullet[1]!.charAt(0));
      if (open?.kind !== "list") {
        close();
        open = { kind: "list", items: [], bulletXs: [], last: l, ordered };
      }
      const list: Extract<Open, { kind: "list" }> = open;
      let depth = list.bulletXs.findIndex((x) => Math.abs(x - l.x0) < 4);
      if (depth < 0) {
        list.bulletXs = [...list.bulletXs, l.x0].sort((a, b) => a - b);
        depth = list.bulletXs.indexOf(l.x0);
      }
      list.items.push({ text, depth: Math.min(depth, 3) });
      list.last = l;
      continue;
    }
    if (open?.kind === "list") {
      // A line indented past the bullet, right under it, continues the item.
      const item = open.items[open.items.length - 1]!;
      if (gap !== null && gap < l.size * 1.6 && l.x0 > (open.bulletXs[item.depth] ?? 0) + 2) {
        item.text = joinLines(item.text, l.text);
        open.last = l;
        continue;
      }
    }
    if (open?.kind === "paragraph") {
      const continues =
        gap === null
          ? // Across a column or page break: the sentence runs on when it did not end.
            !ENDS_SENTENCE.test(open.text)
          : (gap < l.size * 1.75 && gap > 0) ||
            // A paragraph broken mid-sentence: the sentence did not end and the line goes on in lower case.
            (!ENDS_SENTENCE.test(open.text) && /^\p{Ll}/u.test(l.text));
      if (continues) {
        open.text = joinLines(open.text, l.text);
        open.last = l;
        continue;
      }
    }
    close();
    open = { kind: "paragraph", text: l.text, last: l };
  }
  close();
  return out.result();
}
