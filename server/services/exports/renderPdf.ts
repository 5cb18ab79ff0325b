/**
 * Draws a {@link DocModel} as an A4 PDF with pdfkit: cover, table of contents with page
 * numbers and links, bookmarks, running header and "Pagina X van Y" footer, embedded Source
 * Sans 3 fonts, and PDF/A-2b metadata (XMP identification + sRGB output intent).
 *
 * The table of contents needs the page of every heading, known only after layout: its entries
 * are known up front, so its pages are measured and reserved first, the body is laid out, and
 * the entries are drawn on the reserved pages at the end (pdfkit keeps pages in memory). Output
 * is deterministic: the creation date comes from the model, pdfkit derives the file id from it,
 * and nothing random is drawn.
 */
import PDFDocument from "pdfkit";
import type { Block, DocModel, Run } from "./docModel.ts";
import { exportFonts } from "./fonts.ts";
import { autoColumnWidths } from "./tableLayout.ts";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 76, bottom: 72, left: 70, right: 70 };
const BODY_SIZE = 10.5;
const LINE_GAP = 2.6;
const COLOR = { text: "#1d1d1b", heading: "#123a63", muted: "#5b6168", rule: "#aab4bf", bar: "#7f97b2", headerBg: "#e7edf3", link: "#123a63" };

interface Anchor { anchor: string; text: string; level: 1 | 2; page: number }
type TocEntry = Omit<Anchor, "page">;
type Doc = InstanceType<typeof PDFDocument>;

/** Renders the model; resolves to the PDF bytes. */
export async function renderPdf(model: DocModel): Promise<Buffer> {
  return (await layout(model)).bytes;
}

/** XMP metadata is written unescaped by pdfkit: keep its fields free of XML syntax. */
const xmpSafe = (s: string) => s.replace(/&/g, "en").replace(/[<>]/g, "");

function layout(model: DocModel): Promise<{ bytes: Buffer; anchors: Anchor[] }> {
  const fonts = exportFonts();
  const doc: Doc = new PDFDocument({
    size: A4,
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    lang: "nl-NL",
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: xmpSafe(model.meta.title),
      Author: xmpSafe(model.meta.author),
      Subject: xmpSafe(model.meta.subject),
      Keywords: xmpSafe(model.meta.keywords),
      Creator: "OOGO Werkruimte",
      Producer: "OOGO Werkruimte (pdfkit)",
      CreationDate: new Date(model.meta.createdAt),
    },
  } as PDFKit.PDFDocumentOptions);
  // The regular face is the document's default font, registered under its path; pdfkit would
  // re-parse the TTF on every switch to a second alias of the same file (measured: ~18 ms each).
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  doc.registerFont("boldItalic", fonts.boldItalic);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = new Writer(doc, fonts.regular, tocEntries(model));
  w.cover(model.cover);
  doc.addPage();
  w.blocks(model.body, 0);
  w.finish(model);
  doc.end();
  return done.then((bytes) => ({ bytes, anchors: w.anchors }));
}

class Writer {
  readonly anchors: Anchor[] = [];
  /** Open quote bars: where each started, per page (drawn in the final pass). */
  private readonly bars: Array<{ page: number; x: number; y0: number; y1: number }> = [];
  private readonly openBars: Array<{ x: number; page: number; y0: number }> = [];
  private outlineParent: PDFKit.PDFOutline | null = null;
  private coverMode = false;

  /** Where the table of contents goes: its reserved pages and title, drawn in finish(). */
  private tocAt: { firstPage: number; title: string } | null = null;

  constructor(private readonly doc: Doc, private readonly regularPath: string, private readonly tocList: TocEntry[]) {
    doc.on("pageAdded", () => {
      // A quote running over a page break: close its bar on the old page, reopen on the new.
      const page = this.pageIndex();
      for (const bar of this.openBars) {
        this.bars.push({ page: bar.page, x: bar.x, y0: bar.y0, y1: this.doc.page.height - MARGIN.bottom });
        bar.page = page;
        bar.y0 = MARGIN.top;
      }
    });
  }

  private pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }
  private get left() { return MARGIN.left; }
  private get width() { return this.doc.page.width - MARGIN.left - MARGIN.right; }
  private get bottom() { return this.doc.page.height - MARGIN.bottom; }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private font(run: Partial<Run>): string {
    if (run.bold && run.italic) return "boldItalic";
    if (run.bold) return "bold";
    if (run.italic) return "italic";
    return this.regularPath;
  }

  private lineHeight(size = BODY_SIZE): number {
    this.doc.font(this.regularPath).fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /** Runs of mixed style as one flowing paragraph. */
  private runs(runs: Run[], indent: number, size: number, color: string, gapAfter: number): void {
    const doc = this.doc;
    const parts = runs.filter((r) => r.text.length > 0);
    if (parts.length === 0) parts.push({ text: " " });
    this.ensureSpace(this.lineHeight(size));
    const x = this.left + indent;
    const width = this.width - indent;
    parts.forEach((r, i) => {
      doc.font(this.font(r)).fontSize(r.mono ? size - 0.5 : size).fillColor(color);
      const options: PDFKit.Mixins.TextOptions = {
        width, lineGap: LINE_GAP, continued: i < parts.length - 1, underline: !!r.underline, strike: !!r.strike,
        ...(r.mono ? { features: ["tnum"] as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
      };
      if (i === 0) doc.text(r.text, x, doc.y, options);
      else doc.text(r.text, options);
    });
    doc.y += gapAfter;
    doc.x = this.left;
  }

  cover(blocks: Block[]): void {
    this.coverMode = true;
    this.doc.y = MARGIN.top + 90;
    this.blocks(blocks, 0);
    this.coverMode = false;
  }

  blocks(blocks: Block[], indent: number): void {
    blocks.forEach((b, i) => {
      if (!this.coverMode) this.keepWithNext(blocks, i, indent);
      this.block(b, indent);
    });
  }

  private get usable() { return this.bottom - MARGIN.top; }

  /**
   * Keep-with-next: a heading, a lead-in ("… de volgende punten:") or a one-line bold label (a
   * party's name above its table) never ends a page; it moves to the next page together with
   * what it introduces — all of a short list or section, else its first lines or rows. Checked
   * once at the start of a chain of such blocks (heading → lead-in → list).
   */
  private keepWithNext(blocks: Block[], i: number, indent: number): void {
    const b = blocks[i]!;
    if (!keeps(b) || (i > 0 && keeps(blocks[i - 1]!))) return;
    if (b.kind === "heading" && b.level === 1) return; // starts a page anyway
    let need = 0;
    let j = i;
    for (; j < blocks.length && keeps(blocks[j]!); j++) need += this.estimate(blocks[j]!, indent);
    const next = blocks[j];
    if (next) need += this.firstPart(next, indent);
    if (b.kind === "heading") {
      // A short section (up to the next heading of its level or higher) stays whole.
      let end = i + 1;
      while (end < blocks.length && !(blocks[end]!.kind === "heading" && (blocks[end] as { level: number }).level <= b.level)) end++;
      const section = blocks.slice(i, end).reduce((sum, x) => sum + this.estimate(x, indent), 0);
      if (section < this.usable * 0.3) need = Math.max(need, section);
    }
    if (need < this.usable && this.doc.y + need > this.bottom) this.doc.addPage();
  }

  /** How much of a block must follow what introduces it on the same page. */
  private firstPart(b: Block, indent: number): number {
    const line = this.lineHeight();
    switch (b.kind) {
      case "paragraph": { const h = this.estimate(b, indent); return h <= line * 3 + 5 ? h : line * 2 + 5; }
      case "list": {
        const h = this.estimate(b, indent);
        const first = b.items[0] ? b.items[0].reduce((sum, x) => sum + this.estimate(x, indent + 16), 0) : line;
        return h < this.usable * 0.4 ? h : Math.min(first, line * 3);
      }
      case "table": case "fields": return this.tableStart(b, indent);
      case "quote": return (b.caption ? line : 0) + line * 3;
      case "heading": return this.estimate(b, indent) + line * 2;
      default: return line * 2;
    }
  }

  /** Rough height of a block (for keep-together decisions only). */
  private estimate(b: Block, indent: number): number {
    const doc = this.doc;
    switch (b.kind) {
      case "paragraph": {
        const size = b.style === "small" || b.style === "muted" ? BODY_SIZE - 1.5 : b.style === "lead" ? BODY_SIZE + 1.5 : BODY_SIZE;
        doc.font(b.runs.every((r) => r.bold) ? "bold" : this.regularPath).fontSize(size);
        return doc.heightOfString(b.runs.map((r) => r.text).join("") || " ", { width: this.width - indent, lineGap: LINE_GAP }) + 5;
      }
      case "heading": {
        const size = b.level === 1 ? 17 : b.level === 2 ? 13.2 : 11.4;
        doc.font("bold").fontSize(size);
        const h = doc.heightOfString(b.text, { width: this.width - indent, lineGap: 2 });
        return h + (b.level === 1 ? 12 : b.level === 2 ? 16 : 10);
      }
      case "list": return b.items.reduce((sum, item) => sum + item.reduce((s, x) => s + this.estimate(x, indent + 16), 0), 2);
      case "table": case "fields": {
        const t = this.tableGeometry(b, indent);
        return t.rows.reduce((sum, r) => sum + t.measure(r, false), t.header ? t.measure(t.header, true) : 0) + 8;
      }
      case "quote": return (b.caption ? this.lineHeight() : 0) + b.blocks.reduce((sum, x) => sum + this.estimate(x, indent + 14), 0) + 6;
      default: return this.lineHeight();
    }
  }

  /** Header plus first row (or the first two label rows). */
  private tableStart(b: Extract<Block, { kind: "table" | "fields" }>, indent: number): number {
    const t = this.tableGeometry(b, indent);
    const first = t.rows.slice(0, t.header ? 1 : 2).reduce((sum, r) => sum + t.measure(r, false), 0);
    return (t.header ? t.measure(t.header, true) : 0) + first;
  }

  private block(b: Block, indent: number): void {
    switch (b.kind) {
      case "heading": return this.heading(b, indent);
      case "paragraph": {
        const size = b.style === "small" || b.style === "muted" ? BODY_SIZE - 1.5 : b.style === "lead" ? BODY_SIZE + 1.5 : BODY_SIZE;
        return this.runs(b.runs, indent, size, b.style === "muted" ? COLOR.muted : COLOR.text, 5);
      }
      case "list": return this.list(b, indent);
      case "table": case "fields": return this.table(b, indent);
      case "quote": return this.quote(b, indent);
      case "pageBreak": this.doc.addPage(); return;
      case "toc": return this.toc(b.title);
    }
  }

  private heading(b: Extract<Block, { kind: "heading" }>, indent: number): void {
    const doc = this.doc;
    if (this.coverMode) {
      const size = b.level === 1 ? 26 : b.level === 2 ? 15 : 12;
      doc.font(b.level === 3 ? this.regularPath : "bold").fontSize(size).fillColor(COLOR.heading);
      doc.text(b.text, this.left, doc.y, { width: this.width, lineGap: 3 });
      doc.y += b.level === 1 ? 14 : 8;
      return;
    }
    const size = b.level === 1 ? 17 : b.level === 2 ? 13.2 : 11.4;
    const before = b.level === 1 ? 0 : b.level === 2 ? 12 : 8;
    if (b.level === 1 && doc.y > MARGIN.top + 1) doc.addPage();
    doc.y += doc.y > MARGIN.top + 1 ? before : 0;
    // Fallback when nothing follows in the same block list (keepWithNext handles the rest).
    this.ensureSpace(size * 1.6 + this.lineHeight() * 2);
    if (b.anchor && b.level <= 2) {
      doc.addNamedDestination(b.anchor, "XYZ", this.left, doc.y, null);
      this.anchors.push({ anchor: b.anchor, text: b.text, level: b.level as 1 | 2, page: this.pageIndex() + 1 });
      if (b.level === 1) this.outlineParent = doc.outline.addItem(b.text);
      else (this.outlineParent ?? doc.outline).addItem(b.text);
    }
    doc.font("bold").fontSize(size).fillColor(COLOR.heading);
    doc.text(b.text, this.left + indent, doc.y, { width: this.width - indent, lineGap: 2 });
    if (b.level === 1) {
      const y = doc.y + 3;
      doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.8).strokeColor(COLOR.rule).stroke();
      doc.y = y + 9;
    } else {
      doc.y += b.level === 2 ? 4 : 2;
    }
    doc.x = this.left;
  }

  private list(b: Extract<Block, { kind: "list" }>, indent: number): void {
    const doc = this.doc;
    b.items.forEach((item, i) => {
      this.ensureSpace(this.lineHeight() * 2);
      // No widow: the last item does not go to a new page alone; the one before it goes along.
      if (i === b.items.length - 2 && b.items.length > 2) {
        const est = (x: Block[]) => x.reduce((sum, blk) => sum + this.estimate(blk, indent + 16), 0);
        const both = est(item) + est(b.items[i + 1]!);
        if (both < this.usable && doc.y + both > this.bottom) doc.addPage();
      }
      const marker = b.ordered ? `${i + 1}.` : "•";
      const y = doc.y;
      const page = this.pageIndex();
      this.blocks(item.length ? item : [{ kind: "paragraph", runs: [{ text: "" }] }], indent + 16);
      // Draw the marker where the item's first line ended up (same page: nothing broke before it).
      const endPage = this.pageIndex();
      const endY = doc.y;
      if (endPage !== page) doc.switchToPage(page);
      doc.font(this.regularPath).fontSize(BODY_SIZE).fillColor(COLOR.text);
      doc.text(marker, this.left + indent + 2, y, { width: 14, lineBreak: false });
      if (endPage !== page) doc.switchToPage(endPage);
      doc.y = endY;
      doc.x = this.left;
    });
    doc.y += 2;
  }

  private quote(b: Extract<Block, { kind: "quote" }>, indent: number): void {
    const doc = this.doc;
    if (b.caption) {
      this.ensureSpace(this.lineHeight() * 3);
      this.runs([{ text: b.caption, bold: true }], indent, BODY_SIZE - 1.5, COLOR.muted, 2);
    }
    const bar = { x: this.left + indent + 1.5, page: this.pageIndex(), y0: doc.y };
    this.openBars.push(bar);
    this.blocks(b.blocks, indent + 14);
    this.openBars.pop();
    this.bars.push({ page: bar.page, x: bar.x, y0: bar.y0, y1: doc.y - 3 });
    doc.y += 6;
  }

  /**
   * Column widths and row measuring of a table. Label–value fields keep a fixed label column;
   * other tables get widths from their content, so words are never cut (see tableLayout).
   */
  private tableGeometry(b: Extract<Block, { kind: "table" | "fields" }>, indent: number) {
    const doc = this.doc;
    const plain = b.kind === "fields";
    const header = b.kind === "table" ? b.header : null;
    const rows = b.kind === "table" ? b.rows : b.rows.map(([k, v]) => [k, v]);
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
    const padX = plain ? 0 : 5;
    const padY = plain ? 2 : 4;
    const size = plain ? BODY_SIZE : BODY_SIZE - 1;
    const available = this.width - indent;
    const colW = plain
      ? [available * 0.3, available * 0.7]
      : autoColumnWidths({ header, rows, columns }, available, 2 * padX, (text, bold) => {
        doc.font(bold ? "bold" : this.regularPath).fontSize(size);
        return doc.widthOfString(text);
      });
    const measure = (cells: string[], bold: boolean) => Math.max(...colW.map((cw, i) => {
      doc.font(bold || (plain && i === 0) ? "bold" : this.regularPath).fontSize(size);
      return doc.heightOfString(cells[i] || " ", { width: cw - 2 * padX, lineGap: 1.5 });
    })) + 2 * padY;
    return { plain, header, rows, columns, padX, padY, size, colW, measure };
  }

  private table(b: Extract<Block, { kind: "table" | "fields" }>, indent: number): void {
    const doc = this.doc;
    const { plain, header, rows, columns, padX, padY, size, colW, measure } = this.tableGeometry(b, indent);
    const x0 = this.left + indent;

    const drawRow = (cells: string[], isHeader: boolean) => {
      const maxH = this.bottom - MARGIN.top;
      let h = Math.min(measure(cells, isHeader), maxH);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        if (header && !isHeader) drawRow(header, true);
        h = Math.min(measure(cells, isHeader), maxH);
      }
      const y = doc.y;
      if (isHeader) doc.rect(x0, y, colW.reduce((a, b) => a + b, 0), h).fillColor(COLOR.headerBg).fill();
      let x = x0;
      for (let i = 0; i < columns; i++) {
        const bold = isHeader || (plain && i === 0);
        doc.font(bold ? "bold" : this.regularPath).fontSize(size).fillColor(plain && i === 0 ? COLOR.muted : COLOR.text);
        doc.text(cells[i] ?? "", x + padX, y + padY, { width: colW[i]! - 2 * padX, lineGap: 1.5, height: h - 2 * padY, ellipsis: true });
        x += colW[i]!;
      }
      if (!plain) {
        doc.lineWidth(0.5).strokeColor(COLOR.rule);
        doc.moveTo(x0, y + h).lineTo(x, y + h).stroke();
        if (isHeader) doc.moveTo(x0, y).lineTo(x, y).stroke();
      }
      doc.y = y + h;
      doc.x = this.left;
    };

    if (header) {
      this.ensureSpace(measure(header, true) + (rows[0] ? measure(rows[0], false) : 0));
      drawRow(header, true);
    }
    for (const r of rows) drawRow(r, false);
    if (!header && rows.length === 0) return;
    doc.y += 8;
  }

  /** Reserves the pages the table of contents will need (entries are known; numbers are not yet). */
  private toc(title: string): void {
    const pages = this.tocPages(title).length;
    this.tocAt = { firstPage: this.pageIndex(), title };
    for (let i = 1; i < pages; i++) this.doc.addPage();
    this.doc.addPage();
  }

  private tocEntryHeight(e: TocEntry): number {
    this.doc.font(e.level === 1 ? "bold" : this.regularPath).fontSize(e.level === 1 ? BODY_SIZE + 0.5 : BODY_SIZE);
    const h = this.doc.heightOfString(e.text, { width: this.tocTextWidth(e), lineGap: 1.5 });
    return Math.max(h, this.lineHeight()) + (e.level === 1 ? 4 : 1.5);
  }
  private tocTextWidth(e: TocEntry): number {
    return this.width - (e.level === 1 ? 0 : 16) - 34 - 8;
  }
  private readonly tocTitleHeight = 17 * 1.3 + 12;

  /** The entries per reserved page: the same split when measuring and when drawing. */
  private tocPages(_title: string): TocEntry[][] {
    const pages: TocEntry[][] = [[]];
    let y = MARGIN.top + this.tocTitleHeight;
    for (const e of this.tocList) {
      const h = this.tocEntryHeight(e);
      if (y + h > this.bottom && pages.at(-1)!.length > 0) {
        pages.push([]);
        y = MARGIN.top;
      }
      pages.at(-1)!.push(e);
      y += h;
    }
    return pages;
  }

  private drawToc(): void {
    if (!this.tocAt) return;
    const doc = this.doc;
    const pageOf = new Map(this.anchors.map((a) => [a.anchor, a.page]));
    this.tocPages(this.tocAt.title).forEach((entries, i) => {
      doc.switchToPage(this.tocAt!.firstPage + i);
      doc.y = MARGIN.top;
      if (i === 0) {
        doc.font("bold").fontSize(17).fillColor(COLOR.heading);
        doc.text(this.tocAt!.title, this.left, MARGIN.top, { width: this.width, lineBreak: false });
        doc.y = MARGIN.top + this.tocTitleHeight;
      }
      for (const e of entries) {
        const indent = e.level === 1 ? 0 : 16;
        const y = doc.y;
        const h = this.tocEntryHeight(e);
        doc.font(e.level === 1 ? "bold" : this.regularPath).fontSize(e.level === 1 ? BODY_SIZE + 0.5 : BODY_SIZE).fillColor(COLOR.text);
        doc.text(e.text, this.left + indent, y, { width: this.tocTextWidth(e), lineGap: 1.5, goTo: e.anchor });
        const page = pageOf.get(e.anchor);
        doc.font(this.regularPath).fontSize(BODY_SIZE).fillColor(COLOR.muted);
        doc.text(page ? String(page) : "", this.left + this.width - 34, y, { width: 34, align: "right", lineBreak: false });
        doc.y = y + h;
      }
    });
  }

  finish(model: DocModel): void {
    const doc = this.doc;
    this.drawToc();
    const range = doc.bufferedPageRange();
    for (const bar of this.bars) {
      if (bar.y1 <= bar.y0) continue;
      doc.switchToPage(bar.page);
      doc.moveTo(bar.x, bar.y0).lineTo(bar.x, bar.y1).lineWidth(2).strokeColor(COLOR.bar).stroke();
    }
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Drawing in the margins must not trigger pdfkit's automatic page break.
      const saved = doc.page.margins;
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      doc.font(this.regularPath).fontSize(8.5).fillColor(COLOR.muted);
      if (i > range.start) {
        // One line: the right part gets the width it needs, the left part what remains (cut
        // with an ellipsis if it must be), with a gap between them.
        const rightW = Math.min(doc.widthOfString(model.meta.headerRight) + 1, this.width * 0.45);
        const leftW = this.width - rightW - 18;
        doc.text(model.meta.headerLeft, MARGIN.left, 40, { width: leftW, height: 12, lineBreak: false, ellipsis: true });
        doc.text(model.meta.headerRight, MARGIN.left + this.width - rightW, 40, { width: rightW, height: 12, align: "right", lineBreak: false, ellipsis: true });
        doc.moveTo(MARGIN.left, 55).lineTo(MARGIN.left + this.width, 55).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      }
      const fy = doc.page.height - 46;
      doc.moveTo(MARGIN.left, fy - 8).lineTo(MARGIN.left + this.width, fy - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.text(model.meta.footerLeft, MARGIN.left, fy, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, MARGIN.left + this.width * 0.7, fy, { width: this.width * 0.3, align: "right", lineBreak: false });
      doc.page.margins = saved;
    }
  }
}

/** The TOC entries a model will produce (anchored level-1/2 headings, in order). */
export function tocEntries(model: DocModel): TocEntry[] {
  const out: TocEntry[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "heading" && b.anchor && b.level <= 2) out.push({ anchor: b.anchor, text: b.text, level: b.level as 1 | 2 });
      if (b.kind === "quote") walk(b.blocks);
      if (b.kind === "list") b.items.forEach(walk);
    }
  };
  walk(model.body);
  return out;
}

/** Blocks that must not end a page: headings, lead-ins ending in ":", one-line bold labels. */
function keeps(b: Block): boolean {
  if (b.kind === "heading") return true;
  if (b.kind !== "paragraph") return false;
  const text = b.runs.map((r) => r.text).join("").trim();
  if (text.endsWith(":")) return true;
  return text.length > 0 && text.length <= 90 && b.runs.every((r) => r.bold || !r.text.trim());
}
