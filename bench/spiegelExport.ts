/**
 * `npm run bench:spiegel-export`: how long exporting the spiegelparagraaf takes with 40 embedded
 * overeenstemmingspunten (issue 12, target under 2 s), as DOCX and as PDF, through the real verb
 * on the demo tafel (libSQL file in a temp folder). The demo's own points plus generated ones,
 * each with a few paragraphs; one cold run and then `BENCH_N` warm runs per format (default 5).
 * `BENCH_OUT=<dir>` also writes the files there to look at.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentNames } from "../shared/collab/protocol.ts";
import { embeddedPointIds } from "../shared/domain/pointEmbeds.ts";
import { setContent } from "../server/documents/prosemirror.ts";
import { exportSpiegelparagraaf } from "../server/services/exports/exportSpiegelparagraaf.ts";
import { insertPoint } from "../server/services/meetings/meetingFixtures.ts";
import { createTestContext, DEMO } from "../server/testing/testContext.ts";

const N = Number(process.env.BENCH_N ?? 5);
const POINTS = 40;
const THEMES = ["jeugdhulp", "leerlingenvervoer", "leerplicht_thuiszitters", "doorgaande_lijn"];

const t = await createTestContext();
try {
  const ws = t.demo.workspaceId;
  const name = documentNames.spiegelparagraaf(ws);
  const ids = embeddedPointIds(await t.deps.documents.readJson(name));
  for (let i = ids.length; i < POINTS; i++) {
    const p = await insertPoint(t, {
      workspaceId: ws,
      theme: THEMES[i % THEMES.length]!,
      title: `Afspraak ${i + 1} over de samenwerking tussen school en gemeente`,
      status: i % 3 === 0 ? "ambtelijk_akkoord" : "in_bespreking",
      text: [
        "School en gemeente spreken aan het begin van elk schooljaar af hoe ze elkaar bereiken en hoe snel een vraag wordt opgepakt. ".repeat(
          2,
        ),
        "Partijen evalueren na één schooljaar wat het oplevert en wat het kost, en leggen de uitkomst voor aan het OOGO.",
        "Blijkt meer nodig, dan volgt een voorstel in het eerstvolgende ambtelijk overleg.",
      ],
    });
    ids.push(p.id);
  }
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  await t.deps.documents.write(
    name,
    setContent({
      type: "doc",
      content: ids.flatMap((id, i) => [
        ...(i % 4 === 0
          ? [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `Thema ${i / 4 + 1}` }] }]
          : []),
        paragraph("Partijen stemmen hun beleid op dit punt op elkaar af; de tekst van het punt hieronder geldt."),
        { type: "overeenstemmingspunt", attrs: { pointId: id } },
      ]),
    }),
  );

  const ctx = t.as(DEMO.secretaris);
  const out = process.env.BENCH_OUT;
  if (out) mkdirSync(out, { recursive: true });
  console.log(`Spiegelparagraaf met ${ids.length} opgenomen punten; ${N} warme runs per formaat.`);
  for (const format of ["docx", "pdf"] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i <= N; i++) {
      const start = performance.now();
      const file = await exportSpiegelparagraaf(ctx, { workspaceId: ws, format });
      times.push(performance.now() - start);
      size = file.bytes.length;
      if (out && i === 0) writeFileSync(join(out, `spiegelparagraaf-40.${format}`), file.bytes);
    }
    const [cold, ...warm] = times;
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)] ?? cold!;
    console.log(
      `${format.toUpperCase()}: koud ${cold!.toFixed(0)} ms, warm mediaan ${median.toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KB — doel < 2000 ms: ${Math.max(cold!, ...warm) < 2000 ? "gehaald" : "NIET gehaald"}`,
    );
  }
} finally {
  t.cleanup();
}
