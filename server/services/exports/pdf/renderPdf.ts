/**
 * Draws a {@link DocModel} as an A4 PDF with pdfkit: cover, table of contents with page
 * numbers and links, bookmarks, running header and "Pagina X van Y" footer, embedded Source
 * Sans 3 fonts, and PDF/A-2b metadata (XMP identification + sRGB output intent).
 *
 * By concern: document.ts (pdfkit document, fonts, PDF/A metadata), layout.ts (page geometry and
 * the state of one pass), blocks.ts (headings, paragraphs, lists, quotes, page-break rules),
 * text.ts (flowing runs), tables.ts, toc.ts (reserved, then filled in), furniture.ts (quote bars,
 * running header, page numbers). Output is deterministic: the creation date comes from the model,
 * pdfkit derives the file id from it, and nothing random is drawn.
 */
import type { DocModel } from "../docModel.ts";
import { drawBlocks, drawCover } from "./blocks.ts";
import { createPdfDocument } from "./document.ts";
import { drawHeadersAndFooters, drawQuoteBars } from "./furniture.ts";
import { PdfLayout } from "./layout.ts";
import { drawToc, tocEntries } from "./toc.ts";

/** Renders the model; resolves to the PDF bytes. */
export async function renderPdf(model: DocModel): Promise<Buffer> {
  return layOutPdf(model).bytes;
}

/** Renders the model and keeps the layout pass, so tests can check where things landed. */
export function layOutPdf(model: DocModel): { bytes: Promise<Buffer>; layout: PdfLayout } {
  const { doc, regularPath, bytes } = createPdfDocument(model);
  const l = new PdfLayout(doc, regularPath, tocEntries(model));
  drawCover(l, model.cover);
  doc.addPage();
  drawBlocks(l, model.body, 0);
  // The final pass, on pages pdfkit keeps in memory: contents page numbers, then what is drawn on every page.
  drawToc(l);
  drawQuoteBars(l);
  drawHeadersAndFooters(l, model.meta);
  doc.end();
  return { bytes, layout: l };
}
