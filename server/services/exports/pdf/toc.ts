/**
 * The table of contents. It needs the page of every heading, known only after layout: its
 * entries are known up front, so its pages are measured and reserved first, the body is laid
 * out, and the entries are drawn on the reserved pages at the end (pdfkit keeps pages in memory).
 */
import type { Block, DocModel } from "../docModel.ts";
import type { PdfLayout, TocEntry } from "./layout.ts";
import { BODY_SIZE, COLOR, MARGIN } from "./style.ts";

const TITLE_HEIGHT = 17 * 1.3 + 12;

/** The TOC entries a model will produce (anchored level-1/2 headings, in order). */
export function tocEntries(model: DocModel): TocEntry[] {
  const out: TocEntry[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "heading" && b.anchor && b.level <= 2)
        out.push({ anchor: b.anchor, text: b.text, level: b.level as 1 | 2 });
      if (b.kind === "quote") walk(b.blocks);
      if (b.kind === "list") b.items.forEach(walk);
    }
  };
  walk(model.body);
  return out;
}

/** Reserves the pages the table of contents will need (entries are known; numbers are not yet). */
export function reserveToc(l: PdfLayout, title: string): void {
  const pages = tocPages(l).length;
  l.tocAt = { firstPage: l.pageIndex(), title };
  for (let i = 1; i < pages; i++) l.doc.addPage();
  l.doc.addPage();
}

function entryHeight(l: PdfLayout, e: TocEntry): number {
  l.doc.font(e.level === 1 ? "bold" : l.regularPath).fontSize(e.level === 1 ? BODY_SIZE + 0.5 : BODY_SIZE);
  const h = l.doc.heightOfString(e.text, { width: textWidth(l, e), lineGap: 1.5 });
  return Math.max(h, l.lineHeight()) + (e.level === 1 ? 4 : 1.5);
}

function textWidth(l: PdfLayout, e: TocEntry): number {
  return l.width - (e.level === 1 ? 0 : 16) - 34 - 8;
}

/** The entries per reserved page: the same split when measuring and when drawing. */
function tocPages(l: PdfLayout): TocEntry[][] {
  const pages: TocEntry[][] = [[]];
  let y = MARGIN.top + TITLE_HEIGHT;
  for (const e of l.tocList) {
    const h = entryHeight(l, e);
    if (y + h > l.bottom && pages.at(-1)!.length > 0) {
      pages.push([]);
      y = MARGIN.top;
    }
    pages.at(-1)!.push(e);
    y += h;
  }
  return pages;
}

/** Draws the entries, with links and the page each heading landed on, on the reserved pages. */
export function drawToc(l: PdfLayout): void {
  const tocAt = l.tocAt;
  if (!tocAt) return;
  const doc = l.doc;
  const pageOf = new Map(l.anchors.map((a) => [a.anchor, a.page]));
  tocPages(l).forEach((entries, i) => {
    doc.switchToPage(tocAt.firstPage + i);
    doc.y = MARGIN.top;
    if (i === 0) {
      doc.font("bold").fontSize(17).fillColor(COLOR.heading);
      doc.text(tocAt.title, l.left, MARGIN.top, { width: l.width, lineBreak: false });
      doc.y = MARGIN.top + TITLE_HEIGHT;
    }
    for (const e of entries) {
      const indent = e.level === 1 ? 0 : 16;
      const y = doc.y;
      const h = entryHeight(l, e);
      doc
        .font(e.level === 1 ? "bold" : l.regularPath)
        .fontSize(e.level === 1 ? BODY_SIZE + 0.5 : BODY_SIZE)
        .fillColor(COLOR.text);
      doc.text(e.text, l.left + indent, y, { width: textWidth(l, e), lineGap: 1.5, goTo: e.anchor });
      const page = pageOf.get(e.anchor);
      doc.font(l.regularPath).fontSize(BODY_SIZE).fillColor(COLOR.muted);
      doc.text(page ? String(page) : "", l.left + l.width - 34, y, { width: 34, align: "right", lineBreak: false });
      doc.y = y + h;
    }
  });
}
