/**
 * The pdfkit document of an export: A4, embedded Source Sans 3 faces, and the PDF/A-2b
 * identification (pdfkit writes the XMP metadata and an sRGB output intent). The creation date
 * comes from the model, and pdfkit derives the file id from it, so equal models give equal bytes.
 */
import PDFDocument from "pdfkit";
import type { DocModel } from "../docModel.ts";
import { exportFonts } from "../fonts.ts";
import { A4, MARGIN } from "./style.ts";

export type Doc = InstanceType<typeof PDFDocument>;

/** XMP metadata is written unescaped by pdfkit: keep its fields free of XML syntax. */
const xmpSafe = (s: string) => s.replace(/&/g, "en").replace(/[<>]/g, "");

/** A new document for `model`, the path of its regular face, and its bytes once `doc.end()` is called. */
export function createPdfDocument(model: DocModel): { doc: Doc; regularPath: string; bytes: Promise<Buffer> } {
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
  });
  // The regular face is the document's default font, registered under its path; pdfkit would
  // re-parse the TTF on every switch to a second alias of the same file (measured: ~18 ms each).
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  doc.registerFont("boldItalic", fonts.boldItalic);

  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, regularPath: fonts.regular, bytes };
}
