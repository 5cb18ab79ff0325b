/**
 * `npm run bench:plan-import`: how long importing a plan takes, how much memory it needs, and
 * whether the server stays responsive meanwhile (issue 14). Builds a ~60-page PDF (pdfkit) and a
 * DOCX (docx) from the Zuid-Limburg text in ../shared/fixtures, and also reads the fixture's own
 * 81-page PDF and its DOCX. Each is uploaded through the real app (POST /api/plans/:id/versions,
 * parser thread, libSQL file in a temp folder) as the SWV's trekker of the demo tafel: once cold
 * (no parser thread started yet) and then `BENCH_N` times warm (default 5).
 * Targets: import under 3 s; event-loop delay p99 under 50 ms while it runs.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";
import { createTestContext, DEMO } from "../server/testing/testContext.ts";
import { workspacePlans } from "../db/schema/index.ts";
import { eq } from "drizzle-orm";

// ../shared/fixtures beside the repository (bench/ → repository → its parent).
const FIXTURES = new URL("../../shared/fixtures/", import.meta.url);
const N = Number(process.env.BENCH_N ?? 5);

interface Line {
  kind: "chapter" | "section" | "text";
  text: string;
}

/** The fixture text as chapters, sections and paragraphs (blank lines separate paragraphs). */
function readFixture(): Line[] {
  const raw = readFileSync(new URL("ondersteuningsplan-zuid-limburg-2019-2023.txt", FIXTURES), "utf8");
  const out: Line[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push({ kind: "text", text: paragraph.join(" ").replace(/\s+/g, " ").trim() });
    paragraph = [];
  };
  for (const rawLine of raw.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) {
      flush();
      continue;
    }
    const chapter = /^Hoof ?dstuk (\d+)$/.exec(line);
    if (chapter) {
      flush();
      out.push({ kind: "chapter", text: `Hoofdstuk ${chapter[1]}` });
    } else if (/^\d+\.\d+(\.\d+)*\.?\s+\p{Lu}/u.test(line) && line.length < 90 && !/[.,;]$/.test(line)) {
      flush();
      out.push({ kind: "section", text: line.replace(/\.?\s+/, " ") });
    } else paragraph.push(line);
  }
  flush();
  return out;
}

async function buildPdf(lines: Line[]): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 80, bottom: 80, left: 80, right: 80 }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const l of lines) {
    if (l.kind === "chapter") doc.moveDown(1).font("Helvetica-Bold").fontSize(18).text(l.text).moveDown(0.5);
    else if (l.kind === "section") doc.moveDown(0.5).font("Helvetica-Bold").fontSize(13).text(l.text).moveDown(0.3);
    else doc.font("Helvetica").fontSize(11).text(l.text, { align: "left" }).moveDown(0.6);
  }
  // Running header and page numbers, as Word prints them.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8);
    doc.text("Ondersteuningsplan Zuid-Limburg 2019–2023", 80, 40, { lineBreak: false });
    doc.text(`Pagina ${i + 1} van ${range.count}`, 80, 800, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return { bytes: await done, pages: range.count };
}

async function buildDocx(lines: Line[]): Promise<Buffer> {
  const children = lines.map((l) =>
    l.kind === "chapter"
      ? new Paragraph({ text: l.text, heading: HeadingLevel.HEADING_1 })
      : l.kind === "section"
        ? new Paragraph({ text: l.text, heading: HeadingLevel.HEADING_2 })
        : new Paragraph(l.text),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const ctx = await createTestContext();
const cookie = await ctx.login(DEMO.swvTrekker);
const [plan] = await ctx.deps.database.db
  .select({ id: workspacePlans.id })
  .from(workspacePlans)
  .where(eq(workspacePlans.workspaceId, ctx.demo.workspaceId));

const lines = readFixture();
const textBytes = lines.reduce((n, l) => n + Buffer.byteLength(l.text), 0);
const built = await buildPdf(lines);
const files = [
  { name: `gebouwde PDF (${built.pages} pagina's)`, fileName: "zuid-limburg-gebouwd.pdf", bytes: built.bytes },
  { name: "gebouwde DOCX", fileName: "zuid-limburg-gebouwd.docx", bytes: await buildDocx(lines) },
  {
    name: "fixture-PDF (81 pagina's)",
    fileName: "zuid-limburg.pdf",
    bytes: readFileSync(new URL("ondersteuningsplan-zuid-limburg-2019-2023.pdf", FIXTURES)),
  },
  {
    name: "fixture-DOCX",
    fileName: "zuid-limburg.docx",
    bytes: readFileSync(new URL("ondersteuningsplan-zuid-limburg-2019-2023.docx", FIXTURES)),
  },
];

async function upload(bytes: Uint8Array, fileName: string) {
  const res = await ctx.app.request(`/api/plans/${plan!.id}/versions?fileName=${encodeURIComponent(fileName)}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/octet-stream" },
    body: bytes,
  });
  if (res.status !== 201) throw new Error(`upload ${fileName}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { sectionCount: number };
}

/** One measured upload: wall time, peak RSS above the start, event-loop delay while it ran. */
async function measure(bytes: Uint8Array, fileName: string) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  loop.enable();
  const t0 = performance.now();
  const version = await upload(bytes, fileName);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    ms,
    // CPU of every thread of the process (parser thread included): a figure the machine's other load does not inflate much.
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: peak / 1024 / 1024,
    extraRssMb: (peak - rss0) / 1024 / 1024,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    sections: version.sectionCount,
  };
}

/** Event-loop delay with nothing to do, for comparison: on a busy machine the loop waits for a core too. */
async function idleLoop(ms: number) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((r) => setTimeout(r, ms));
  loop.disable();
  return { p99: Number((loop.percentile(99) / 1e6).toFixed(1)), max: Number((loop.max / 1e6).toFixed(1)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = [];
const idle = await idleLoop(3000);
const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
console.log(`Machine: load average ${load}; event-loop delay idle p99 ${idle.p99} ms (max ${idle.max}).`);
console.log(
  `Tekst: ${(textBytes / 1024).toFixed(0)} KB in ${lines.length} regels/koppen; ${N} warme metingen per bestand.`,
);
for (const [i, f] of files.entries()) {
  const cold = i === 0 ? await measure(f.bytes, f.fileName) : null;
  const warm = [];
  for (let k = 0; k < N; k++) warm.push(await measure(f.bytes, f.fileName));
  const row = {
    file: f.name,
    bytes: f.bytes.length,
    sections: warm[0]!.sections,
    coldMs: cold ? Math.round(cold.ms) : null,
    warmMedianMs: Math.round(median(warm.map((w) => w.ms))),
    warmMaxMs: Math.round(Math.max(...warm.map((w) => w.ms))),
    warmCpuMedianMs: Math.round(median(warm.map((w) => w.cpuMs))),
    peakRssMb: Math.round(Math.max(...warm.map((w) => w.peakRssMb), cold?.peakRssMb ?? 0)),
    loopP99Ms: Number(Math.max(...warm.map((w) => w.loopP99Ms), cold?.loopP99Ms ?? 0).toFixed(1)),
    loopMaxMs: Number(Math.max(...warm.map((w) => w.loopMaxMs), cold?.loopMaxMs ?? 0).toFixed(1)),
  };
  results.push(row);
  console.log(
    `${row.file.padEnd(28)} ${(row.bytes / 1024).toFixed(0).padStart(5)} KB  ${String(row.sections).padStart(3)} koppen  ` +
      `${row.coldMs !== null ? `koud ${row.coldMs} ms, ` : ""}warm mediaan ${row.warmMedianMs} ms (max ${row.warmMaxMs}, CPU ${row.warmCpuMedianMs} ms)  ` +
      `piek RSS ${row.peakRssMb} MB  event-loop p99 ${row.loopP99Ms} ms (max ${row.loopMaxMs})`,
  );
}
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/plan-import.json",
  `${JSON.stringify({ at: new Date().toISOString(), load, idleLoop: idle, results }, null, 2)}\n`,
);
ctx.cleanup();
process.exit(0);
