/** Tables and label–value fields: column widths, row measuring, drawing with a repeated header. */
import type { Block } from "../docModel.ts";
import { autoColumnWidths } from "../tableLayout.ts";
import type { PdfLayout } from "./layout.ts";
import { BODY_SIZE, COLOR, MARGIN } from "./style.ts";

export type TableBlock = Extract<Block, { kind: "table" | "fields" }>;

/**
 * Column widths and row measuring of a table. Label–value fields keep a fixed label column;
 * other tables get widths from their content, so words are never cut (see tableLayout).
 */
export function tableGeometry(l: PdfLayout, b: TableBlock, indent: number) {
  const doc = l.doc;
  const plain = b.kind === "fields";
  const header = b.kind === "table" ? b.header : null;
  const rows = b.kind === "table" ? b.rows : b.rows.map(([k, v]) => [k, v]);
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const padX = plain ? 0 : 5;
  const padY = plain ? 2 : 4;
  const size = plain ? BODY_SIZE : BODY_SIZE - 1;
  const available = l.width - indent;
  const colW = plain
    ? [available * 0.3, available * 0.7]
    : autoColumnWidths({ header, rows, columns }, available, 2 * padX, (text, bold) => {
        doc.font(bold ? "bold" : l.regularPath).fontSize(size);
        return doc.widthOfString(text);
      });
  const measure = (cells: string[], bold: boolean) =>
    Math.max(
      ...colW.map((cw, i) => {
        doc.font(bold || (plain && i === 0) ? "bold" : l.regularPath).fontSize(size);
        const text = cells[i] ?? "";
        // An empty cell is still one line high.
        return doc.heightOfString(text === "" ? " " : text, { width: cw - 2 * padX, lineGap: 1.5 });
      }),
    ) +
    2 * padY;
  return { plain, header, rows, columns, padX, padY, size, colW, measure };
}

/** Header plus first row (or the first two label rows): what must follow a lead-in on its page. */
export function tableStart(l: PdfLayout, b: TableBlock, indent: number): number {
  const t = tableGeometry(l, b, indent);
  const first = t.rows.slice(0, t.header ? 1 : 2).reduce((sum, r) => sum + t.measure(r, false), 0);
  return (t.header ? t.measure(t.header, true) : 0) + first;
}

/** Rough height of the whole table (for keep-together decisions only). */
export function tableHeight(l: PdfLayout, b: TableBlock, indent: number): number {
  const t = tableGeometry(l, b, indent);
  return t.rows.reduce((sum, r) => sum + t.measure(r, false), t.header ? t.measure(t.header, true) : 0) + 8;
}

export function drawTable(l: PdfLayout, b: TableBlock, indent: number): void {
  const doc = l.doc;
  const { plain, header, rows, columns, padX, padY, size, colW, measure } = tableGeometry(l, b, indent);
  const x0 = l.left + indent;

  const drawRow = (cells: string[], isHeader: boolean) => {
    const maxH = l.bottom - MARGIN.top;
    let h = Math.min(measure(cells, isHeader), maxH);
    if (doc.y + h > l.bottom) {
      doc.addPage();
      if (header && !isHeader) drawRow(header, true);
      h = Math.min(measure(cells, isHeader), maxH);
    }
    const y = doc.y;
    if (isHeader)
      doc
        .rect(
          x0,
          y,
          colW.reduce((a, b) => a + b, 0),
          h,
        )
        .fillColor(COLOR.headerBg)
        .fill();
    let x = x0;
    for (let i = 0; i < columns; i++) {
      const bold = isHeader || (plain && i === 0);
      doc
        .font(bold ? "bold" : l.regularPath)
        .fontSize(size)
        .fillColor(plain && i === 0 ? COLOR.muted : COLOR.text);
      doc.text(cells[i] ?? "", x + padX, y + padY, {
        width: colW[i]! - 2 * padX,
        lineGap: 1.5,
        height: h - 2 * padY,
        ellipsis: true,
      });
      x += colW[i]!;
    }
    if (!plain) {
      doc.lineWidth(0.5).strokeColor(COLOR.rule);
      doc
        .moveTo(x0, y + h)
        .lineTo(x, y + h)
        .stroke();
      if (isHeader) doc.moveTo(x0, y).lineTo(x, y).stroke();
    }
    doc.y = y + h;
    doc.x = l.left;
  };

  if (header) {
    l.ensureSpace(measure(header, true) + (rows[0] ? measure(rows[0], false) : 0));
    drawRow(header, true);
  }
  for (const r of rows) drawRow(r, false);
  if (!header && rows.length === 0) return;
  doc.y += 8;
}
