/**
 * Plan files made on the spot for tests (and the browser test): a DOCX through `docx` and a PDF
 * through `pdfkit`, each with the structures the import must read — headings, nested lists, a
 * table, a footnote, bold and italic; running headers and footers, page numbers, a two-column
 * page, hyphenation across lines, a paragraph across a page break and a kerning artefact.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import PDFDocument from "pdfkit";

export interface DocxOptions {
  /** Replaces the vervoer paragraph (a second version). */
  vervoer?: string;
  /** Adds a chapter about thuiszitters (a second version). */
  extraChapter?: boolean;
}

export const VERVOER_V1 = "De gemeente regelt het leerlingenvervoer voor leerlingen in het speciaal onderwijs.";

export async function makePlanDocx(options: DocxOptions = {}): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph("Zie de Wet passend onderwijs, artikel 18a.")] } },
    sections: [
      {
        children: [
          new Paragraph({ text: "Ondersteuningsplan 2026–2030", alignment: AlignmentType.CENTER }),
          new Paragraph({ text: "1 Inleiding", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("Dit plan beschrijft hoe het samenwerkingsverband "),
              new TextRun({ text: "passend onderwijs", bold: true }),
              new TextRun(" regelt, in "),
              new TextRun({ text: "nauwe samenwerking", italics: true }),
              new TextRun(" met de gemeenten."),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: "1.1 Doelen", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Wij werken aan drie doelen:" }),
          new Paragraph({ text: "Thuisnabij onderwijs", bullet: { level: 0 } }),
          new Paragraph({ text: "Basisondersteuning op elke school", bullet: { level: 1 } }),
          new Paragraph({ text: "Geen thuiszitters", bullet: { level: 0 } }),
          new Paragraph({ text: "2 Leerlingenvervoer", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: options.vervoer ?? VERVOER_V1 }),
          new Paragraph({ text: "Zij beslist binnen zes weken op een aanvraag." }),
          ...(options.extraChapter
            ? [
                new Paragraph({ text: "3 Thuiszitters", heading: HeadingLevel.HEADING_1 }),
                new Paragraph({ text: "Elke thuiszitter krijgt binnen vier weken een plan." }),
              ]
            : []),
          new Paragraph({ text: `${options.extraChapter ? 4 : 3} Middelen`, heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({
                children: ["Post", "Bedrag"].map((t) => new TableCell({ children: [new Paragraph(t)] })),
              }),
              new TableRow({
                children: ["Basisondersteuning", "€ 1.200.000"].map(
                  (t) => new TableCell({ children: [new Paragraph(t)] }),
                ),
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

const LOREM =
  "Het samenwerkingsverband en de gemeenten stemmen hun plannen op elkaar af. Zij bespreken elk jaar de resultaten en maken waar nodig nieuwe afspraken over de ondersteuning van leerlingen.";

/** A three-page PDF with running header and footer, a hyphenated line break, a paragraph across a page break, a two-column page and a kerning artefact. */
export async function makePlanPdf(options: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 72,
    autoFirstPage: false,
    ...(options.userPassword ? { userPassword: options.userPassword } : {}),
  });
  const done = collect(doc);
  let pageNo = 0;
  const addPage = () => {
    doc.addPage();
    pageNo++;
    // Running header and footer in the margins, as Word prints them.
    const { x, y } = doc;
    doc.font("Helvetica").fontSize(8);
    doc.text("Ondersteuningsplan SWV Voorbeeld 2026–2030", 72, 40, { lineBreak: false });
    doc.text(`Pagina ${pageNo} van 3`, 72, 800, { lineBreak: false });
    doc.x = x;
    doc.y = y;
  };
  const heading = (text: string, size: number) => {
    doc.moveDown(0.5).font("Helvetica-Bold").fontSize(size).text(text).moveDown(0.3);
  };
  const body = (text: string) => doc.font("Helvetica").fontSize(11).text(text, { width: 451 }).moveDown(0.8);

  addPage();
  heading("1 Inleiding", 18);
  body(LOREM);
  // A word broken at the end of a line: "onder-" / "steuning".
  doc.font("Helvetica").fontSize(11).text("Dit hoofdstuk beschrijft de extra onder-", { width: 451 });
  doc.text("steuning die scholen bieden aan leerlingen die dat nodig hebben.", { width: 451 }).moveDown(0.8);
  heading("1.1 Leerplicht", 14);
  body("De leerplichtambtenaar en het samenwerkingsverband overleggen elke maand over verzuim.");
  // Fill the page so the next paragraph runs across the page break.
  while (doc.y < 700) body(LOREM);
  doc.font("Helvetica").fontSize(11);
  doc.text("Deze alinea begint onderaan de eerste pagina en loopt door op de volgende pagina zonder", 72, 735, {
    width: 451,
    lineBreak: false,
  });
  addPage();
  doc
    .font("Helvetica")
    .fontSize(11)
    .text("dat de zin ophoudt bij de paginagrens.", 72, 72, { width: 451 })
    .moveDown(0.8);
  // A kerning artefact: "Hoof" and "dstuk" as separate runs with a gap, as some PDF writers do.
  doc.font("Helvetica-Bold").fontSize(18);
  const y = doc.y + 10;
  doc.text("Hoof", 72, y, { lineBreak: false });
  doc.text("dstuk 2 Vervoer", 72 + doc.widthOfString("Hoof") + 5, y, { lineBreak: false });
  doc.x = 72;
  doc.y = y + 30;
  doc.font("Helvetica").fontSize(11);
  doc.text("E", 72, doc.y, { lineBreak: false });
  doc.text(
    "en leerling met een beperking heeft recht op vervoer naar school.",
    72 + doc.widthOfString("E") + 3,
    doc.y,
    {
      width: 440,
    },
  );
  doc.x = 72;
  doc.moveDown(0.8);
  body("Wij zullen onderzoeken of het vervoer beter kan.");
  addPage();
  heading("3 Huisvesting", 18);
  const top = doc.y;
  // A two-column page: the left column is read to its end before the right one.
  doc.font("Helvetica").fontSize(11);
  doc.text(`Linkerkolom begint hier. ${LOREM} Linkerkolom eindigt hier.`, 72, top, { width: 210 });
  doc.text(`Rechterkolom begint hier. ${LOREM} Rechterkolom eindigt hier.`, 313, top, { width: 210 });
  doc.end();
  return done;
}
