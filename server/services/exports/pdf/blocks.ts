/**
 * Laying out the model's blocks in reading order: headings (with bookmarks and TOC anchors),
 * paragraphs, lists, quotes, and the keep-with-next rules that decide page breaks.
 */
import type { Block } from "../docModel.ts";
import type { PdfLayout } from "./layout.ts";
import { BODY_SIZE, COLOR, LINE_GAP, MARGIN, headingSize, paragraphSize } from "./style.ts";
import { drawTable, tableHeight, tableStart } from "./tables.ts";
import { drawRuns } from "./text.ts";
import { reserveToc } from "./toc.ts";

/** The cover page: larger headings, no keep-with-next, no anchors. */
export function drawCover(l: PdfLayout, blocks: Block[]): void {
  l.coverMode = true;
  l.doc.y = MARGIN.top + 90;
  drawBlocks(l, blocks, 0);
  l.coverMode = false;
}

export function drawBlocks(l: PdfLayout, blocks: Block[], indent: number): void {
  blocks.forEach((b, i) => {
    if (!l.coverMode) keepWithNext(l, blocks, i, indent);
    drawBlock(l, b, indent);
  });
}

/** Blocks that must not end a page: headings, lead-ins ending in ":", one-line bold labels. */
function keeps(b: Block): boolean {
  if (b.kind === "heading") return true;
  if (b.kind !== "paragraph") return false;
  const text = b.runs
    .map((r) => r.text)
    .join("")
    .trim();
  if (text.endsWith(":")) return true;
  return text.length > 0 && text.length <= 90 && b.runs.every((r) => r.bold === true || !r.text.trim());
}

/**
 * Keep-with-next: a heading, a lead-in ("… de volgende punten:") or a one-line bold label (a
 * party's name above its table) never ends a page; it moves to the next page together with
 * what it introduces — all of a short list or section, else its first lines or rows. Checked
 * once at the start of a chain of such blocks (heading → lead-in → list).
 */
function keepWithNext(l: PdfLayout, blocks: Block[], i: number, indent: number): void {
  const b = blocks[i]!;
  if (!keeps(b) || (i > 0 && keeps(blocks[i - 1]!))) return;
  if (b.kind === "heading" && b.level === 1) return; // starts a page anyway
  let need = 0;
  let j = i;
  for (; j < blocks.length && keeps(blocks[j]!); j++) need += estimate(l, blocks[j]!, indent);
  const next = blocks[j];
  if (next) need += firstPart(l, next, indent);
  if (b.kind === "heading") {
    // A short section (up to the next heading of its level or higher) stays whole.
    let end = i + 1;
    while (
      end < blocks.length &&
      !(blocks[end]!.kind === "heading" && (blocks[end] as { level: number }).level <= b.level)
    )
      end++;
    const section = blocks.slice(i, end).reduce((sum, x) => sum + estimate(l, x, indent), 0);
    if (section < l.usable * 0.3) need = Math.max(need, section);
  }
  if (need < l.usable && l.doc.y + need > l.bottom) l.doc.addPage();
}

/** How much of a block must follow what introduces it on the same page. */
function firstPart(l: PdfLayout, b: Block, indent: number): number {
  const line = l.lineHeight();
  switch (b.kind) {
    case "paragraph": {
      const h = estimate(l, b, indent);
      return h <= line * 3 + 5 ? h : line * 2 + 5;
    }
    case "list": {
      const h = estimate(l, b, indent);
      const first = b.items[0] ? b.items[0].reduce((sum, x) => sum + estimate(l, x, indent + 16), 0) : line;
      return h < l.usable * 0.4 ? h : Math.min(first, line * 3);
    }
    case "table":
    case "fields":
      return tableStart(l, b, indent);
    case "quote":
      return (b.caption ? line : 0) + line * 3;
    case "heading":
      return estimate(l, b, indent) + line * 2;
    default:
      return line * 2;
  }
}

/** Rough height of a block (for keep-together decisions only). */
function estimate(l: PdfLayout, b: Block, indent: number): number {
  const doc = l.doc;
  switch (b.kind) {
    case "paragraph": {
      doc.font(b.runs.every((r) => r.bold) ? "bold" : l.regularPath).fontSize(paragraphSize(b.style));
      return (
        doc.heightOfString(b.runs.map((r) => r.text).join("") || " ", { width: l.width - indent, lineGap: LINE_GAP }) +
        5
      );
    }
    case "heading": {
      doc.font("bold").fontSize(headingSize(b.level));
      const h = doc.heightOfString(b.text, { width: l.width - indent, lineGap: 2 });
      return h + (b.level === 1 ? 12 : b.level === 2 ? 16 : 10);
    }
    case "list":
      return b.items.reduce((sum, item) => sum + item.reduce((s, x) => s + estimate(l, x, indent + 16), 0), 2);
    case "table":
    case "fields":
      return tableHeight(l, b, indent);
    case "quote":
      return (b.caption ? l.lineHeight() : 0) + b.blocks.reduce((sum, x) => sum + estimate(l, x, indent + 14), 0) + 6;
    default:
      return l.lineHeight();
  }
}

function drawBlock(l: PdfLayout, b: Block, indent: number): void {
  switch (b.kind) {
    case "heading":
      return drawHeading(l, b, indent);
    case "paragraph":
      return drawRuns(l, b.runs, indent, paragraphSize(b.style), b.style === "muted" ? COLOR.muted : COLOR.text, 5);
    case "list":
      return drawList(l, b, indent);
    case "table":
    case "fields":
      return drawTable(l, b, indent);
    case "quote":
      return drawQuote(l, b, indent);
    case "pageBreak":
      l.doc.addPage();
      return;
    case "toc":
      return reserveToc(l, b.title);
  }
}

function drawHeading(l: PdfLayout, b: Extract<Block, { kind: "heading" }>, indent: number): void {
  const doc = l.doc;
  if (l.coverMode) {
    const size = b.level === 1 ? 26 : b.level === 2 ? 15 : 12;
    doc
      .font(b.level === 3 ? l.regularPath : "bold")
      .fontSize(size)
      .fillColor(COLOR.heading);
    doc.text(b.text, l.left, doc.y, { width: l.width, lineGap: 3 });
    doc.y += b.level === 1 ? 14 : 8;
    return;
  }
  const size = headingSize(b.level);
  const before = b.level === 1 ? 0 : b.level === 2 ? 12 : 8;
  if (b.level === 1 && doc.y > MARGIN.top + 1) doc.addPage();
  doc.y += doc.y > MARGIN.top + 1 ? before : 0;
  // Fallback when nothing follows in the same block list (keepWithNext handles the rest).
  l.ensureSpace(size * 1.6 + l.lineHeight() * 2);
  if (b.anchor && b.level <= 2) {
    doc.addNamedDestination(b.anchor, "XYZ", l.left, doc.y, null);
    l.anchors.push({ anchor: b.anchor, text: b.text, level: b.level as 1 | 2, page: l.pageIndex() + 1 });
    if (b.level === 1) l.outlineParent = doc.outline.addItem(b.text);
    else (l.outlineParent ?? doc.outline).addItem(b.text);
  }
  doc.font("bold").fontSize(size).fillColor(COLOR.heading);
  doc.text(b.text, l.left + indent, doc.y, { width: l.width - indent, lineGap: 2 });
  if (b.level === 1) {
    const y = doc.y + 3;
    doc
      .moveTo(l.left, y)
      .lineTo(l.left + l.width, y)
      .lineWidth(0.8)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.y = y + 9;
  } else {
    doc.y += b.level === 2 ? 4 : 2;
  }
  doc.x = l.left;
}

function drawList(l: PdfLayout, b: Extract<Block, { kind: "list" }>, indent: number): void {
  const doc = l.doc;
  b.items.forEach((item, i) => {
    l.ensureSpace(l.lineHeight() * 2);
    // No widow: the last item does not go to a new page alone; the one before it goes along.
    if (i === b.items.length - 2 && b.items.length > 2) {
      const est = (x: Block[]) => x.reduce((sum, blk) => sum + estimate(l, blk, indent + 16), 0);
      const both = est(item) + est(b.items[i + 1]!);
      if (both < l.usable && doc.y + both > l.bottom) doc.addPage();
    }
    const marker = b.ordered ? `${i + 1}.` : "•";
    const y = doc.y;
    const page = l.pageIndex();
    drawBlocks(l, item.length ? item : [{ kind: "paragraph", runs: [{ text: "" }] }], indent + 16);
    // Draw the marker where the item's first line ended up (same page: nothing broke before it).
    const endPage = l.pageIndex();
    const endY = doc.y;
    if (endPage !== page) doc.switchToPage(page);
    doc.font(l.regularPath).fontSize(BODY_SIZE).fillColor(COLOR.text);
    doc.text(marker, l.left + indent + 2, y, { width: 14, lineBreak: false });
    if (endPage !== page) doc.switchToPage(endPage);
    doc.y = endY;
    doc.x = l.left;
  });
  doc.y += 2;
}

function drawQuote(l: PdfLayout, b: Extract<Block, { kind: "quote" }>, indent: number): void {
  const doc = l.doc;
  if (b.caption) {
    // The caption never stays behind alone: it goes along with the quote's first lines.
    const first = b.blocks[0] ? firstPart(l, b.blocks[0], indent + 14) : 0;
    l.ensureSpace(l.lineHeight() * 2 + first);
    drawRuns(l, [{ text: b.caption, bold: true }], indent, BODY_SIZE - 1.5, COLOR.muted, 2);
  }
  const bar = { x: l.left + indent + 1.5, page: l.pageIndex(), y0: doc.y };
  l.openBars.push(bar);
  drawBlocks(l, b.blocks, indent + 14);
  l.openBars.pop();
  if (doc.y - 3 > bar.y0 + 1) l.bars.push({ page: bar.page, x: bar.x, y0: bar.y0, y1: doc.y - 3 });
  doc.y += 6;
}
