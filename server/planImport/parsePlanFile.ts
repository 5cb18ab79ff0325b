/**
 * Reads an uploaded plan file into a PlanText: recognises the format by its first bytes (never
 * by the name), refuses what cannot be read with a PlanFileProblem (a stable code and a Dutch
 * message), and otherwise hands it to mammoth (DOCX) or unpdf (PDF). Runs inside the parser
 * worker (parserWorker.ts); never call it on the main thread with a stranger's file.
 */
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";
import type { PlanText } from "../../shared/domain/planText.ts";
import { htmlToPlanText } from "./htmlToPlanText.ts";
import { textLength } from "./outline.ts";
import { pdfToPlanText, type PdfPage } from "./pdfToPlanText.ts";
import { PlanFileProblem } from "./planFileProblem.ts";

export type PlanFileKind = "docx" | "pdf";

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from = 0, to = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString("latin1");

/** The file's format from its magic bytes, or a problem saying why it is not a plan we can read. */
export function sniffPlanFile(bytes: Uint8Array): PlanFileKind {
  if (bytes.length === 0) throw new PlanFileProblem("FILE_EMPTY", "Het bestand is leeg.");
  // "%PDF-" may follow a little junk; readers accept it within the first 1024 bytes.
  if (ascii(bytes, 0, 1024).includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A DOCX is a zip with word/document.xml; an .xlsx or .pptx is a zip too.
    if (ascii(bytes).includes("word/")) return "docx";
    throw new PlanFileProblem(
      "FILE_TYPE_UNSUPPORTED",
      "Dit is geen Word-document (.docx) of PDF. Sla het plan op als .docx of .pdf en probeer het opnieuw.",
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE container: a password-protected .docx (EncryptedPackage) or an old .doc.
    if (Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le")))
      throw new PlanFileProblem(
        "FILE_ENCRYPTED",
        "Dit Word-document is met een wachtwoord beveiligd. Sla het zonder wachtwoord op en probeer het opnieuw.",
      );
    throw new PlanFileProblem(
      "FILE_TYPE_UNSUPPORTED",
      "Dit is een oud Word-bestand (.doc). Sla het in Word op als .docx of .pdf en probeer het opnieuw.",
    );
  }
  throw new PlanFileProblem(
    "FILE_TYPE_UNSUPPORTED",
    "Dit is geen Word-document (.docx) of PDF. Alleen .docx- en .pdf-bestanden kunnen worden ingelezen.",
  );
}

async function readDocx(bytes: Uint8Array): Promise<PlanText> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new PlanFileProblem(
      "FILE_UNREADABLE",
      "Dit Word-document is beschadigd of onvolledig en kan niet worden gelezen. Open het in Word, sla het opnieuw op en probeer het nog eens.",
    );
  }
  return htmlToPlanText(html);
}

async function readPdf(bytes: Uint8Array): Promise<PlanText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    if ((error as { name?: string }).name === "PasswordException")
      throw new PlanFileProblem(
        "FILE_ENCRYPTED",
        "Deze PDF is met een wachtwoord beveiligd. Sla hem zonder wachtwoord op en probeer het opnieuw.",
      );
    throw new PlanFileProblem(
      "FILE_UNREADABLE",
      "Deze PDF is beschadigd of onvolledig en kan niet worden gelezen. Maak de PDF opnieuw en probeer het nog eens.",
    );
  }
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfPage["items"] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!), font: it.fontName });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
  } catch {
    throw new PlanFileProblem(
      "FILE_UNREADABLE",
      "Een deel van deze PDF is beschadigd en kan niet worden gelezen. Maak de PDF opnieuw en probeer het nog eens.",
    );
  } finally {
    await pdf.destroy();
  }
  const plan = pdfToPlanText(pages);
  if (textLength(plan) < 40 && pages.length > 0)
    throw new PlanFileProblem(
      "FILE_NO_TEXT",
      "In deze PDF staat geen leesbare tekst: het is waarschijnlijk een scan. Vraag de opsteller om de PDF uit Word (of gebruik het Word-document).",
    );
  return plan;
}

export async function parsePlanFile(bytes: Uint8Array): Promise<{ kind: PlanFileKind; text: PlanText }> {
  const kind = sniffPlanFile(bytes);
  const text = kind === "docx" ? await readDocx(bytes) : await readPdf(bytes);
  if (textLength(text) === 0)
    throw new PlanFileProblem("FILE_EMPTY", "In dit bestand staat geen tekst. Kies het bestand met het plan.");
  return { kind, text };
}
