/**
 * `npm run bench:screen`: shape check of the screening (issue 14) on a real plan — the Zuid-Limburg
 * ondersteuningsplan 2019–2023 as text in ../shared/fixtures (not part of this repository; the
 * tests never read it). The text is split into sections by its own headings ("Hoof dstuk 8",
 * "8.3. …"), letter-spacing artefacts of the PDF extraction are repaired roughly, and the scores
 * are printed theme by theme with the passages they cite, plus the time the screening took.
 *
 * This is not a test that fits numbers: it shows whether the proposals read sensibly on a real
 * plan. Oberon found "uitgewerkt" most often for jeugd, then leerplicht, vervoer, huisvesting.
 */
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { PlanSection, PlanText } from "../shared/domain/planText.ts";
import { SCREENING_SCALE, screenPlan } from "../shared/domain/screening/index.ts";
import { STANDARD_THEMES } from "../shared/domain/themes.ts";

const FIXTURE = "shared/fixtures/ondersteuningsplan-zuid-limburg-2019-2023.txt";
// ../shared next to a checkout; ../../shared next to a worktree under wt/.
const FILE =
  process.env.PLAN_TXT ?? [`../${FIXTURE}`, `../../${FIXTURE}`].find((p) => existsSync(p)) ?? `../${FIXTURE}`;
const GEMEENTEN = [
  "Beek",
  "Beekdaelen",
  "Sittard-Geleen",
  "Stein",
  "Eijsden-Margraten",
  "Gulpen-Wittem",
  "Maastricht",
  "Meerssen",
  "Vaals",
  "Valkenburg aan de Geul",
  "Brunssum",
  "Heerlen",
  "Kerkrade",
  "Landgraaf",
  "Simpelveld",
  "Voerendaal",
];

/** "T huiszitters" → "Thuiszitters", "Hoof dstuk" → "Hoofdstuk": the PDF's letter-spacing, roughly undone. */
function repair(line: string): string {
  return line.replace(/\b([A-Z])\s{1,2}([a-zé])/g, "$1$2").replace(/Hoof dstuk/g, "Hoofdstuk");
}

export function splitPlan(raw: string): PlanText {
  const lines = raw.split(/\r?\n/).map(repair);
  const sections: PlanSection[] = [{ id: "s0", number: "", title: "Voorwoord", level: 0, blocks: [] }];
  let buffer: string[] = [];
  const flush = () => {
    const text = buffer.join(" ").replace(/\s+/g, " ").trim();
    buffer = [];
    if (!text) return;
    // Bullets become paragraphs of their own, so a list item is its own passage.
    for (const piece of text.split(/\s*[•]\s*/))
      if (piece.trim()) sections.at(-1)!.blocks.push({ kind: "paragraph", text: piece.trim() });
  };
  let lastShort = "";
  for (const line of lines) {
    const chapter = /^\s*Hoofdstuk (\d+)\s*$/.exec(line);
    const section = /^\s*(\d+(?:\.\d+){1,2})\.?\s+(\S.{1,100})$/.exec(line);
    if (chapter) {
      flush();
      sections.push({ id: `s${chapter[1]}`, number: chapter[1]!, title: lastShort, level: 1, blocks: [] });
    } else if (section && !/[.,;:]\s*$/.test(section[2]!) && Number(section[1]!.split(".")[0]) <= 12) {
      flush();
      const number = section[1]!;
      sections.push({
        id: `s${number}`,
        number,
        title: section[2]!.trim(),
        level: number.split(".").length === 2 ? 2 : 3,
        blocks: [],
      });
    } else if (line.trim() === "") {
      continue;
    } else {
      buffer.push(line.trim());
    }
    if (line.trim()) lastShort = line.trim().length < 60 ? line.trim() : "";
  }
  flush();
  return { sections };
}

const raw = readFileSync(FILE, "utf8");
const text = splitPlan(raw);
const started = performance.now();
const result = screenPlan(text, STANDARD_THEMES, { gemeenten: GEMEENTEN, maxEvidence: 4 });
const ms = performance.now() - started;

console.log(
  `Zuid-Limburg: ${text.sections.length} secties, ${Math.round(raw.length / 1024)} KB tekst, screening in ${ms.toFixed(0)} ms\n`,
);
for (const t of result.themes) {
  const step = SCREENING_SCALE[t.score]!;
  console.log(`## ${t.label}: ${t.score} ${step.label.toLowerCase()}`);
  console.log(`   ${t.reason}`);
  const s = t.signals;
  console.log(
    `   signalen: themawoorden [${s.themeWords.slice(0, 8).join(", ")}]; afspraken ${s.agreements}; normen [${s.norms.slice(0, 6).join(", ")}]; ` +
      `namen [${s.localNames.slice(0, 8).join(", ")}]; voornemens [${s.intentions.slice(0, 5).join(", ")}]; standaard ${s.boilerplate}; ` +
      `bijlagen [${s.annexReferences.join(", ")}]; individueel ${s.individualCase}`,
  );
  for (const e of t.evidence)
    console.log(`   - ${e.sectionNumber || e.sectionTitle} ${e.sectionTitle}: "${e.quote}" [${e.signals.join(", ")}]`);
  if (t.perGemeente.length > 0)
    console.log(`   per gemeente: ${t.perGemeente.map((g) => `${g.gemeente} ${g.score}`).join(", ")}`);
  console.log("");
}
