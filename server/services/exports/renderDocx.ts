/**
 * Draws a {@link DocModel} as a Word document (docx): the same cover, table of contents (a real
 * Word TOC field, pre-filled with the headings; Word adds page numbers when it updates fields),
 * headings, quoted text with a side bar, lists, tables, running header and "Pagina X van Y"
 * footer. Word has no fixed layout, so page numbers are Word's; the content is the model's.
 *
 * Note on determinism: the docx library stamps the package's core properties with the current
 * time, so the .docx bytes differ between runs; word/document.xml (the content) does not.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  Bookmark,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import PDFDocument from "pdfkit";
import type { Block, DocModel, Run } from "./docModel.ts";
import { exportFonts } from "./fonts.ts";
import { autoColumnWidths, type Measure } from "./tableLayout.ts";

const FONT = "Calibri";
const MONO = "Consolas";
const COLOR = {
  text: "1D1D1B",
  heading: "123A63",
  muted: "5B6168",
  rule: "AAB4BF",
  bar: "7F97B2",
  headerBg: "E7EDF3",
  quoteBg: "F5F7FA",
};
/** A4 width minus 2 × 2.2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1247;

type Child = Paragraph | Table | TableOfContents;

/**
 * Text widths for column layout, measured with the PDF's font (metrics close to Calibri's, with
 * a little extra because Calibri runs slightly wider in bold); only used to size columns.
 */
let measureDoc: InstanceType<typeof PDFDocument> | undefined;
function measurer(sizePt: number): Measure {
  const fonts = exportFonts();
  measureDoc ??= new PDFDocument({ autoFirstPage: false, font: fonts.regular });
  const doc = measureDoc;
  return (text, bold) =>
    doc
      .font(bold ? fonts.bold : fonts.regular)
      .fontSize(sizePt)
      .widthOfString(text) * 1.06;
}

/** Lead-ins ("… de volgende punten:") and one-line bold labels stay on the page of what follows. */
function keepsWithNext(b: Extract<Block, { kind: "paragraph" }>): boolean {
  const text = b.runs
    .map((r) => r.text)
    .join("")
    .trim();
  return (
    text.endsWith(":") ||
    (text.length > 0 && text.length <= 90 && b.runs.every((r) => r.bold === true || !r.text.trim()))
  );
}

export async function renderDocx(model: DocModel): Promise<Buffer> {
  const w = new DocxWriter();
  const cover = w.blocks(model.cover, { cover: true, indent: 0 });
  const body = w.blocks(model.body, { cover: false, indent: 0 });
  const doc = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.author,
    keywords: model.meta.keywords,
    description: model.meta.subject,
    lastModifiedBy: model.meta.author,
    revision: 1,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, color: COLOR.text },
          paragraph: { spacing: { after: 100, line: 276 } },
        },
        heading1: {
          run: { font: FONT, size: 34, bold: true, color: COLOR.heading },
          paragraph: { spacing: { before: 0, after: 180 } },
        },
        heading2: {
          run: { font: FONT, size: 27, bold: true, color: COLOR.heading },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { font: FONT, size: 23, bold: true, color: COLOR.heading },
          paragraph: { spacing: { before: 160, after: 60 } },
        },
        title: {
          run: { font: FONT, size: 52, bold: true, color: COLOR.heading },
          paragraph: { spacing: { after: 240 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1500, bottom: 1400, left: 1247, right: 1247, header: 700, footer: 600 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [twoSided(model.meta.headerLeft, [new TextRun(model.meta.headerRight)], true)],
          }),
        },
        footers: {
          first: new Footer({ children: [footer(model.meta.footerLeft)] }),
          default: new Footer({ children: [footer(model.meta.footerLeft)] }),
        },
        children: [...cover, new Paragraph({ pageBreakBefore: true, children: [] }), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function twoSided(left: string, right: ParagraphChild[], rule: boolean): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    ...(rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } } } : {}),
    children: [
      new TextRun({ text: left, size: 17, color: COLOR.muted }),
      new TextRun({ text: "\t", size: 17 }),
      ...right,
    ],
  });
}

function footer(left: string): Paragraph {
  const p = twoSided(
    left,
    [
      new TextRun({
        children: ["Pagina ", PageNumber.CURRENT, " van ", PageNumber.TOTAL_PAGES],
        size: 17,
        color: COLOR.muted,
      }),
    ],
    false,
  );
  return p;
}

interface Ctx {
  cover: boolean;
  indent: number;
  inQuote?: boolean;
}

class DocxWriter {
  private orderedLists = 0;

  blocks(blocks: Block[], ctx: Ctx): Child[] {
    return blocks.flatMap((b) => this.block(b, ctx));
  }

  private runs(runs: Run[], base: { size?: number; color?: string; bold?: boolean } = {}): TextRun[] {
    const out: TextRun[] = [];
    for (const r of runs) {
      r.text.split("\n").forEach((line, i) => {
        out.push(
          new TextRun({
            text: line,
            ...(i > 0 ? { break: 1 } : {}),
            bold: r.bold === true || base.bold,
            italics: r.italic,
            strike: r.strike,
            ...(r.underline ? { underline: {} } : {}),
            ...(r.mono ? { font: MONO, size: (base.size ?? 21) - 2 } : base.size ? { size: base.size } : {}),
            ...(base.color ? { color: base.color } : {}),
          }),
        );
      });
    }
    return out;
  }

  private paragraph(children: ParagraphChild[], ctx: Ctx, extra: IParagraphOptions = {}): Paragraph {
    const quote = ctx.inQuote
      ? {
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOR.bar, space: 10 } },
          shading: { type: ShadingType.CLEAR, fill: COLOR.quoteBg, color: "auto" },
        }
      : {};
    return new Paragraph({ ...quote, ...extra, indent: { left: ctx.indent, ...(extra.indent ?? {}) }, children });
  }

  private block(b: Block, ctx: Ctx): Child[] {
    switch (b.kind) {
      case "heading": {
        if (ctx.cover) {
          const size = b.level === 1 ? 52 : b.level === 2 ? 30 : 24;
          return [
            new Paragraph({
              spacing: { before: b.level === 1 ? 2400 : 120, after: 200 },
              children: [new TextRun({ text: b.text, bold: b.level < 3, size, color: COLOR.heading })],
            }),
          ];
        }
        if (!b.anchor) {
          // Headings inside quoted text: styled, but not entries of this document's contents.
          return [
            this.paragraph(
              [new TextRun({ text: b.text, bold: true, size: b.level === 2 ? 24 : 22, color: COLOR.heading })],
              ctx,
              { keepNext: true },
            ),
          ];
        }
        const level =
          b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
        return [
          new Paragraph({
            heading: level,
            keepNext: true,
            pageBreakBefore: b.level === 1,
            ...(b.level === 1
              ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR.rule, space: 4 } } }
              : {}),
            children: [new Bookmark({ id: b.anchor, children: [new TextRun(b.text)] })],
          }),
        ];
      }
      case "paragraph": {
        const size = b.style === "small" || b.style === "muted" ? 18 : b.style === "lead" ? 24 : undefined;
        const color = b.style === "muted" ? COLOR.muted : undefined;
        return [
          this.paragraph(
            this.runs(b.runs, { ...(size ? { size } : {}), ...(color ? { color } : {}) }),
            ctx,
            keepsWithNext(b) ? { keepNext: true } : {},
          ),
        ];
      }
      case "list": {
        const instance = b.ordered ? ++this.orderedLists : 0;
        const level = Math.min(3, Math.round(ctx.indent / 360));
        return b.items.flatMap((item) =>
          item.flatMap((inner, j) => {
            if (inner.kind === "paragraph" && j === 0) {
              return [
                new Paragraph({
                  ...(ctx.inQuote
                    ? {
                        shading: { type: ShadingType.CLEAR, fill: COLOR.quoteBg, color: "auto" },
                        border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOR.bar, space: 10 } },
                      }
                    : {}),
                  ...(b.ordered ? { numbering: { reference: "ordered", level, instance } } : { bullet: { level } }),
                  children: this.runs(inner.runs),
                }),
              ];
            }
            return this.block(inner, { ...ctx, indent: ctx.indent + 720 });
          }),
        );
      }
      case "table":
        return [this.table(b.header, b.rows, false), spacer()];
      case "fields":
        return [
          this.table(
            null,
            b.rows.map(([k, v]) => [k, v]),
            true,
          ),
          spacer(),
        ];
      case "quote": {
        const caption = b.caption
          ? [
              new Paragraph({
                keepNext: true,
                indent: { left: ctx.indent },
                spacing: { before: 120, after: 40 },
                children: [new TextRun({ text: b.caption, bold: true, size: 18, color: COLOR.muted })],
              }),
            ]
          : [];
        return [...caption, ...this.blocks(b.blocks, { ...ctx, inQuote: true, indent: ctx.indent + 200 })];
      }
      case "pageBreak":
        return [new Paragraph({ pageBreakBefore: true, children: [] })];
      case "toc":
        return [
          new Paragraph({
            spacing: { after: 200 },
            children: [new TextRun({ text: b.title, bold: true, size: 34, color: COLOR.heading })],
          }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: "1-2" }),
        ];
    }
  }

  private table(header: string[] | null, rows: string[][], plain: boolean): Table {
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
    // Widths from the content (points → twentieths of a point), as in the PDF: words are never cut.
    const colW = plain
      ? [Math.floor(TEXT_WIDTH * 0.3), TEXT_WIDTH - Math.floor(TEXT_WIDTH * 0.3)]
      : autoColumnWidths({ header, rows, columns }, TEXT_WIDTH / 20, 10, measurer(9.5)).map((w) => Math.floor(w * 20));
    const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
    const line = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };
    const cell = (text: string, i: number, isHeader: boolean) =>
      new TableCell({
        width: { size: colW[i]!, type: WidthType.DXA },
        margins: plain ? { top: 30, bottom: 30, left: 0, right: 120 } : { top: 60, bottom: 60, left: 100, right: 100 },
        ...(isHeader ? { shading: { type: ShadingType.CLEAR, fill: COLOR.headerBg, color: "auto" } } : {}),
        borders: plain
          ? { top: none, bottom: none, left: none, right: none }
          : { top: isHeader ? line : none, bottom: line, left: none, right: none },
        children: (text || "").split("\n").map(
          (t) =>
            new Paragraph({
              spacing: { after: 0 },
              children: [
                new TextRun({
                  text: t,
                  size: plain ? 21 : 19,
                  bold: isHeader || (plain && i === 0),
                  ...(plain && i === 0 ? { color: COLOR.muted } : {}),
                }),
              ],
            }),
        ),
      });
    const row = (cells: string[], isHeader: boolean) =>
      new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, i) => cell(cells[i] ?? "", i, isHeader)),
      });
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: colW,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [...(header ? [row(header, true)] : []), ...rows.map((r) => row(r, false))],
    });
  }
}

const spacer = () => new Paragraph({ spacing: { after: 120 }, children: [] });
