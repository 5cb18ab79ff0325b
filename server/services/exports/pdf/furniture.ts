/** What is drawn on finished pages: quote bars, the running header and the "Pagina X van Y" footer. */
import type { DocMeta } from "../docModel.ts";
import type { PdfLayout } from "./layout.ts";
import { COLOR, MARGIN } from "./style.ts";

/** The vertical bar beside quoted text, per page it spans. */
export function drawQuoteBars(l: PdfLayout): void {
  const doc = l.doc;
  for (const bar of l.bars) {
    if (bar.y1 <= bar.y0) continue;
    doc.switchToPage(bar.page);
    doc.moveTo(bar.x, bar.y0).lineTo(bar.x, bar.y1).lineWidth(2).strokeColor(COLOR.bar).stroke();
  }
}

/** Running header on every page but the cover; footer with the short text left and page X of Y right. */
export function drawHeadersAndFooters(l: PdfLayout, meta: DocMeta): void {
  const doc = l.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing in the margins must not trigger pdfkit's automatic page break.
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(l.regularPath).fontSize(8.5).fillColor(COLOR.muted);
    if (i > range.start) {
      // One line: the right part gets the width it needs, the left part what remains (cut
      // with an ellipsis if it must be), with a gap between them.
      const rightW = Math.min(doc.widthOfString(meta.headerRight) + 1, l.width * 0.45);
      const leftW = l.width - rightW - 18;
      doc.text(meta.headerLeft, MARGIN.left, 40, { width: leftW, height: 12, lineBreak: false, ellipsis: true });
      doc.text(meta.headerRight, MARGIN.left + l.width - rightW, 40, {
        width: rightW,
        height: 12,
        align: "right",
        lineBreak: false,
        ellipsis: true,
      });
      doc
        .moveTo(MARGIN.left, 55)
        .lineTo(MARGIN.left + l.width, 55)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    const fy = doc.page.height - 46;
    doc
      .moveTo(MARGIN.left, fy - 8)
      .lineTo(MARGIN.left + l.width, fy - 8)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.text(meta.footerLeft, MARGIN.left, fy, { width: l.width * 0.7, lineBreak: false, ellipsis: true });
    doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, MARGIN.left + l.width * 0.7, fy, {
      width: l.width * 0.3,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins = saved;
  }
}
