/**
 * The state of one PDF layout pass, shared by the block, table, contents and furniture
 * modules: the document, where text may go on the page, and what the final pass still has to
 * draw (table-of-contents page numbers, quote bars).
 */
import type { Run } from "../docModel.ts";
import type { Doc } from "./document.ts";
import { BODY_SIZE, LINE_GAP, MARGIN } from "./style.ts";

/** A heading in the table of contents and the outline, with the page it landed on. */
export interface Anchor {
  anchor: string;
  text: string;
  level: 1 | 2;
  page: number;
}
export type TocEntry = Omit<Anchor, "page">;
export interface QuoteBar {
  page: number;
  x: number;
  y0: number;
  y1: number;
}

export class PdfLayout {
  readonly anchors: Anchor[] = [];
  /** Quote bars to draw in the final pass, per page. */
  readonly bars: QuoteBar[] = [];
  /** Bars of quotes still being laid out: where each started on its current page. */
  readonly openBars: Array<{ x: number; page: number; y0: number }> = [];
  outlineParent: PDFKit.PDFOutline | null = null;
  private yBeforeBreak = 0;
  /** Per page index, where its text ended when the next page was started. */
  readonly pageEnds: number[] = [];
  coverMode = false;
  /** Where the table of contents goes: its reserved pages and title, drawn in the final pass. */
  tocAt: { firstPage: number; title: string } | null = null;

  constructor(
    readonly doc: Doc,
    readonly regularPath: string,
    readonly tocList: TocEntry[],
  ) {
    // Where the text stood when a page break was taken: a break is often taken early (keep-
    // with-next), and a bar drawn on to the page bottom then ran beside nothing (issue 15).
    const addPage = doc.addPage.bind(doc);
    doc.addPage = (...args: Parameters<Doc["addPage"]>) => {
      this.yBeforeBreak = Math.min(doc.y, this.bottom);
      this.pageEnds[this.pageIndex()] = this.yBeforeBreak;
      return addPage(...args);
    };
    doc.on("pageAdded", () => {
      // A quote running over a page break: close its bar where its text ended on the old page
      // (a bar beside no text is dropped), reopen it on the new one.
      const page = this.pageIndex();
      for (const bar of this.openBars) {
        const y1 = Math.min(this.yBeforeBreak, this.doc.page.height - MARGIN.bottom) - 3;
        if (y1 > bar.y0 + 1) this.bars.push({ page: bar.page, x: bar.x, y0: bar.y0, y1 });
        bar.page = page;
        bar.y0 = MARGIN.top;
      }
    });
  }

  pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }
  get left() {
    return MARGIN.left;
  }
  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }
  get usable() {
    return this.bottom - MARGIN.top;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  font(run: Partial<Run>): string {
    if (run.bold && run.italic) return "boldItalic";
    if (run.bold) return "bold";
    if (run.italic) return "italic";
    return this.regularPath;
  }

  lineHeight(size = BODY_SIZE): number {
    this.doc.font(this.regularPath).fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }
}
