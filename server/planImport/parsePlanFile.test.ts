import { describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import { blockText, type PlanText } from "../../shared/domain/planText.ts";
import { parseInWorker } from "./parseInWorker.ts";
import { parsePlanFile } from "./parsePlanFile.ts";
import { makePlanDocx, makePlanPdf } from "./testing/planFiles.ts";

// Every upload boots a parser thread (1–2 s, far more on a machine busy with other suites).
vi.setConfig({ testTimeout: 120_000 });

const outline = (t: PlanText) => t.sections.map((s) => `${s.level}|${s.number}|${s.title}`);
const sectionText = (t: PlanText, id: string) =>
  t.sections
    .find((s) => s.id === id)!
    .blocks.map(blockText)
    .join("\n");
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );

describe("DOCX import", () => {
  it("reads headings as the outline, keeps lists nested, tables, bold/italic and footnotes as notes", async () => {
    const { kind, text } = await parsePlanFile(await makePlanDocx());
    expect(kind).toBe("docx");
    expect(outline(text)).toEqual(["0||", "1|1|Inleiding", "2|1.1|Doelen", "1|2|Leerlingenvervoer", "1|3|Middelen"]);
    expect(text.sections.map((s) => s.id)).toEqual(["s0", "s1", "s1.1", "s2", "s3"]);
    const [intro, note] = text.sections[1]!.blocks;
    expect(intro).toMatchObject({ kind: "paragraph" });
    expect(intro?.kind === "paragraph" && intro.runs).toEqual([
      { text: "Dit plan beschrijft hoe het samenwerkingsverband " },
      { text: "passend onderwijs", bold: true },
      { text: " regelt, in " },
      { text: "nauwe samenwerking", italic: true },
      { text: " met de gemeenten.[1]" },
    ]);
    expect(note).toEqual({ kind: "note", text: "1. Zie de Wet passend onderwijs, artikel 18a." });
    expect(text.sections[2]!.blocks[1]).toEqual({
      kind: "list",
      ordered: false,
      items: [
        { text: "Thuisnabij onderwijs", depth: 0 },
        { text: "Basisondersteuning op elke school", depth: 1 },
        { text: "Geen thuiszitters", depth: 0 },
      ],
    });
    expect(text.sections[4]!.blocks).toEqual([
      {
        kind: "table",
        rows: [
          ["Post", "Bedrag"],
          ["Basisondersteuning", "€ 1.200.000"],
        ],
      },
    ]);
  });
});

describe("PDF import", () => {
  it("infers chapters and sections from font size, drops running headers, footers and page numbers", async () => {
    const { kind, text } = await parsePlanFile(await makePlanPdf());
    expect(kind).toBe("pdf");
    expect(outline(text)).toEqual(["1|1|Inleiding", "2|1.1|Leerplicht", "1|2|Vervoer", "1|3|Huisvesting"]);
    const all = text.sections.flatMap((s) => s.blocks.map(blockText)).join("\n");
    expect(all).not.toContain("Ondersteuningsplan SWV Voorbeeld");
    expect(all).not.toMatch(/Pagina \d/);
  });

  it("joins lines into paragraphs, undoes hyphenation and continues a sentence across the page break", async () => {
    const { text } = await parsePlanFile(await makePlanPdf());
    expect(sectionText(text, "s1")).toContain(
      "Dit hoofdstuk beschrijft de extra ondersteuning die scholen bieden aan leerlingen die dat nodig hebben.",
    );
    expect(sectionText(text, "s1.1")).toContain(
      "Deze alinea begint onderaan de eerste pagina en loopt door op de volgende pagina zonder dat de zin ophoudt bij de paginagrens.",
    );
  });

  it("repairs kerning artefacts ('Hoof dstuk', 'E en')", async () => {
    const { text } = await parsePlanFile(await makePlanPdf());
    const vervoer = text.sections.find((s) => s.id === "s2")!;
    expect(vervoer.title).toBe("Vervoer");
    expect(vervoer.blocks[0]).toEqual({
      kind: "paragraph",
      text: "Een leerling met een beperking heeft recht op vervoer naar school.",
    });
  });

  it("reads a two-column page column by column", async () => {
    const { text } = await parsePlanFile(await makePlanPdf());
    const [left, right] = text.sections.find((s) => s.id === "s3")!.blocks.map(blockText);
    expect(left).toMatch(/^Linkerkolom begint hier\..*Linkerkolom eindigt hier\.$/);
    expect(right).toMatch(/^Rechterkolom begint hier\..*Rechterkolom eindigt hier\.$/);
  });
});

describe("refused files change nothing and say why in Dutch", () => {
  it("refuses an empty file", async () => {
    expect(await refusal(parsePlanFile(new Uint8Array()))).toMatchObject({ code: "FILE_EMPTY" });
  });

  it("judges by content, not name: a text file, an image, an .xlsx-like zip and an old .doc", async () => {
    expect(await refusal(parsePlanFile(Buffer.from("Dit is gewoon tekst.")))).toMatchObject({
      code: "FILE_TYPE_UNSUPPORTED",
    });
    expect(await refusal(parsePlanFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).toMatchObject({
      code: "FILE_TYPE_UNSUPPORTED",
    });
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    expect(await refusal(parsePlanFile(await zip.generateAsync({ type: "uint8array" })))).toMatchObject({
      code: "FILE_TYPE_UNSUPPORTED",
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const old = await refusal(parsePlanFile(ole));
    expect(old).toMatchObject({ code: "FILE_TYPE_UNSUPPORTED" });
    expect(old.message).toContain(".doc");
  });

  it("refuses a password-protected PDF and Word document", async () => {
    const pdf = await refusal(parsePlanFile(await makePlanPdf({ userPassword: "geheim" })));
    expect(pdf).toMatchObject({ code: "FILE_ENCRYPTED" });
    expect(pdf.message).toContain("wachtwoord");
    const encryptedDocx = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(64),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    expect(await refusal(parsePlanFile(encryptedDocx))).toMatchObject({ code: "FILE_ENCRYPTED" });
  });

  it("refuses a truncated PDF and a damaged DOCX", async () => {
    const pdf = await makePlanPdf();
    expect(await refusal(parsePlanFile(pdf.subarray(0, 600)))).toMatchObject({ code: "FILE_UNREADABLE" });
    const docx = await makePlanDocx();
    expect(await refusal(parsePlanFile(docx.subarray(0, docx.length / 2)))).toMatchObject({ code: "FILE_UNREADABLE" });
  });

  it("refuses a PDF without text (a scan)", async () => {
    const PDFDocument = (await import("pdfkit")).default;
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((r) => doc.on("end", () => r(Buffer.concat(chunks))));
    doc.rect(50, 50, 400, 600).fill("#888"); // a page that is only a picture
    doc.end();
    const result = await refusal(parsePlanFile(await done));
    expect(result).toMatchObject({ code: "FILE_NO_TEXT" });
    expect(result.message).toContain("scan");
  });
});

describe("the parser thread", () => {
  it("reads a file in a worker thread like on the main thread", async () => {
    const bytes = await makePlanDocx();
    expect(await parseInWorker(bytes)).toEqual(await parsePlanFile(bytes));
  });

  it("passes a refusal on with its code", async () => {
    expect(await refusal(parseInWorker(Buffer.from("geen plan")))).toMatchObject({ code: "FILE_TYPE_UNSUPPORTED" });
  });

  const hostile = (mode: string) => ({
    timeoutMs: mode === "hang" ? 3000 : 20_000,
    maxOldGenerationSizeMb: 64,
    entry: new URL(`./testing/hostileWorkers.ts?mode=${mode}`, import.meta.url).href,
  });

  it.each([
    ["hang", "te lang"],
    ["balloon", "geheugen"],
    ["exit", "onverwacht gestopt"],
    ["throw", "mislukt"],
  ])(
    "contains a parser that goes wrong (%s): a Dutch refusal, and this process reads the next file",
    async (mode, says) => {
      const result = await refusal(parseInWorker(Buffer.from("x"), hostile(mode)));
      expect(result.code).toBe("PARSER_FAILED");
      expect(result.message).toContain(says);
      expect((await parseInWorker(await makePlanDocx())).kind).toBe("docx");
    },
  );
});
