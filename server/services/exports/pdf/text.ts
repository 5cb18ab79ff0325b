/** Flowing text: runs of mixed style as one paragraph. */
import type { Run } from "../docModel.ts";
import type { PdfLayout } from "./layout.ts";
import { LINE_GAP } from "./style.ts";

export function drawRuns(
  l: PdfLayout,
  runs: Run[],
  indent: number,
  size: number,
  color: string,
  gapAfter: number,
): void {
  const doc = l.doc;
  const parts = runs.filter((r) => r.text.length > 0);
  if (parts.length === 0) parts.push({ text: " " });
  l.ensureSpace(l.lineHeight(size));
  const x = l.left + indent;
  const width = l.width - indent;
  parts.forEach((r, i) => {
    doc
      .font(l.font(r))
      .fontSize(r.mono ? size - 0.5 : size)
      .fillColor(color);
    const options: PDFKit.Mixins.TextOptions = {
      width,
      lineGap: LINE_GAP,
      continued: i < parts.length - 1,
      underline: !!r.underline,
      strike: !!r.strike,
      ...(r.mono ? { features: ["tnum"] as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
    };
    if (i === 0) doc.text(r.text, x, doc.y, options);
    else doc.text(r.text, options);
  });
  doc.y += gapAfter;
  doc.x = l.left;
}
