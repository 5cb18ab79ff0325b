/**
 * `npm run bench:comments` (issue 12): on the ~120 KB Zuid-Limburg ondersteuningsplan
 * (../shared/fixtures, not in this repository):
 *
 *  (a) opening the document with 200 comment threads: decode their anchors, map them to ProseMirror
 *      positions through the Yjs binding and build the highlights, then check each thread's placement
 *      ("tekst verwijderd"?) — what the comments panel does when the text opens. Target < 50 ms.
 *  (b) the comparison of two versions (shared/domain/textDiff.ts: blocks paired, words marked, moves
 *      found): one week apart and a year apart. Target < 200 ms.
 *  (c) storage of a year of weekly editing: 52 versions kept as server/services/versions keeps them
 *      (gzipped canonical JSON), and the Yjs update log (one update per keystroke, as the editor
 *      sends them) with the snapshot the sync server compacts it into.
 *
 * A week of a werkgroep's editing, seeded so runs compare: 12 words replaced (deleted, the new word
 * typed key by key), two new paragraphs of ~300 characters typed, one paragraph deleted, one moved.
 * Yjs is edited directly (what the editor's binding produces), not through a browser.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { anchorRanges, type AnchorBinding, type RelativeAnchor } from "../shared/collab/anchorRanges.ts";
import { decodeAnchor, encodeAnchor } from "../shared/collab/commentAnchors.ts";
import { blocksOf, compareBlocks } from "../shared/domain/textDiff.ts";
import { canonicalJson } from "../shared/domain/textHash.ts";
import { DOCUMENT_FIELD, editorSchema } from "../shared/editor/extensions.ts";
import { docToJson, jsonToUpdate } from "../server/documents/prosemirror.ts";
import { fixtureTextToProseMirror } from "./lib/fixtureDocument.ts";
import { summarize } from "./lib/percentiles.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NAME = "shared/fixtures/ondersteuningsplan-zuid-limburg-2019-2023.txt";
// ../shared next to a checkout; ../../shared next to a worktree under wt/.
const FIXTURE = [resolve(REPO, "..", NAME), resolve(REPO, "../..", NAME)].find((p) => existsSync(p));
if (!FIXTURE) {
  console.log(`Fixture niet gevonden (${NAME} naast de repository): bench overgeslagen.`);
  process.exit(0);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const THREADS = 200;
const WEEKS = 52;

/** Deterministic pseudo-random numbers (mulberry32), so two runs edit the same way. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(12);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const WORDS = ["samenwerkingsverband", "gemeente", "jeugdhulp", "leerplicht", "thuiszitters", "onderwijs"];
const WORDS2 = ["binnen", "tien", "schooldagen", "afspraken", "overleg", "ondersteuning", "kwartaal", "evaluatie"];
const sentence = (chars: number) => {
  const out: string[] = [];
  while (out.join(" ").length < chars) out.push(pick(random() < 0.3 ? WORDS : WORDS2));
  return `${out.join(" ")}.`;
};

function textsOf(fragment: Y.XmlFragment): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  return found.filter((t) => t.length > 0);
}

/** Types `text` at `index` key by key: one Yjs transaction (one update) per character. */
function type(doc: Y.Doc, target: Y.XmlText, index: number, text: string) {
  for (let i = 0; i < text.length; i++) doc.transact(() => target.insert(index + i, text[i]!));
}

function editOneWeek(doc: Y.Doc) {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  for (let i = 0; i < 12; i++) {
    const target = pick(textsOf(fragment));
    // toString() would add formatting tags; the delta is the characters the index counts.
    const plain = (target.toDelta() as Array<{ insert?: unknown }>)
      .map((op) => (typeof op.insert === "string" ? op.insert : " "))
      .join("");
    const at = plain.indexOf(" ", Math.floor(random() * plain.length));
    if (at < 0) continue;
    const end = plain.indexOf(" ", at + 1);
    const length = (end < 0 ? plain.length : end) - at - 1;
    if (length > 0) doc.transact(() => target.delete(at + 1, length));
    type(doc, target, at + 1, pick([...WORDS, ...WORDS2]));
  }
  for (let i = 0; i < 2; i++) {
    const position = Math.floor(random() * fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    doc.transact(() => {
      paragraph.insert(0, [text]);
      fragment.insert(position, [paragraph]);
    });
    type(doc, text, 0, sentence(300));
  }
  const paragraphs = () =>
    fragment
      .toArray()
      .map((node, index) => ({ node, index }))
      .filter((p) => p.node instanceof Y.XmlElement && p.node.nodeName === "paragraph");
  doc.transact(() => fragment.delete(pick(paragraphs()).index, 1));
  // A move is a delete and an insert of a copy (what a cut and paste does).
  const moved = pick(paragraphs());
  const copy = (moved.node as Y.XmlElement).clone();
  doc.transact(() => {
    fragment.delete(moved.index, 1);
    fragment.insert(Math.floor(random() * fragment.length), [copy]);
  });
}

// ---------- the document and a year of editing ----------
const json = fixtureTextToProseMirror(readFileSync(FIXTURE, "utf8"));
const initial = jsonToUpdate(json);
const doc = new Y.Doc();
Y.applyUpdate(doc, initial);
const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `Document: ${kb(Buffer.byteLength(JSON.stringify(docToJson(doc))))} ProseMirror JSON, ` +
    `${fragment.length} blocks, Yjs state ${kb(initial.byteLength)}`,
);

// 200 threads on passages of 5–60 characters anywhere in the text, placed before the year's edits.
const anchors = Array.from({ length: THREADS }, (_, i) => {
  const text = pick(textsOf(fragment));
  const from = Math.floor(random() * Math.max(1, text.length - 5));
  const to = Math.min(text.length, from + 5 + Math.floor(random() * 55));
  return {
    id: `t${i}`,
    anchor: encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, from),
      Y.createRelativePositionFromTypeIndex(text, to),
    ),
  };
});

let updates = 0;
let updateBytes = 0;
doc.on("update", (u: Uint8Array) => {
  updates++;
  updateBytes += u.byteLength;
});
const versions: unknown[] = [];
const versionBytes: number[] = [];
const weekly: Array<{ updates: number; bytes: number }> = [];
for (let week = 1; week <= WEEKS; week++) {
  const [u0, b0] = [updates, updateBytes];
  editOneWeek(doc);
  weekly.push({ updates: updates - u0, bytes: updateBytes - b0 });
  const version = docToJson(doc);
  versions.push(version);
  versionBytes.push(gzipSync(canonicalJson(version)).byteLength);
}

// ---------- (a) anchors on opening ----------
const state = Y.encodeStateAsUpdate(doc);

/** What the panel does when the text opens: decode, place all anchors, highlight the placed ones. */
function openWith(
  place: (binding: AnchorBinding, decoded: RelativeAnchor[]) => Map<string, { from: number; to: number }>,
) {
  const times: number[] = [];
  let ranges = new Map<string, { from: number; to: number }>();
  for (let run = 0; run < RUNS + WARMUP; run++) {
    // A late joiner: the state arrives, the binding builds the ProseMirror document and its mapping.
    const opened = new Y.Doc();
    Y.applyUpdate(opened, state);
    const type = opened.getXmlFragment(DOCUMENT_FIELD);
    const { doc: pmDoc, mapping } = initProseMirrorDoc(type, editorSchema());
    const start = performance.now();
    const decoded = anchors.map((t) => ({ id: t.id, ...decodeAnchor(t.anchor) }));
    ranges = place({ doc: opened, type, mapping }, decoded);
    const decorations = DecorationSet.create(
      pmDoc,
      [...ranges].map(([id, r]) =>
        Decoration.inline(r.from, r.to, { class: "oogo-comment-anchor", "data-thread": id }),
      ),
    );
    const ms = performance.now() - start;
    if (decorations.find().length !== ranges.size) throw new Error("a highlight went missing");
    if (run >= WARMUP) times.push(ms);
    opened.destroy();
  }
  return { s: summarize(Float64Array.from(times)), ranges };
}

/** y-tiptap's own resolver, one position at a time (what the editor did before anchorRanges). */
const oneByOne = (binding: AnchorBinding, decoded: RelativeAnchor[]) => {
  const ranges = new Map<string, { from: number; to: number }>();
  const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  for (const a of decoded) {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, a.start, mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, a.end, mapping);
    if (from !== null && to !== null && to > from) ranges.set(a.id, { from, to });
  }
  return ranges;
};
const before = openWith(oneByOne);
const now = openWith(anchorRanges);
if (JSON.stringify([...before.ranges]) !== JSON.stringify([...now.ranges]))
  throw new Error("anchorRanges and y-tiptap place the anchors differently");
const line = (s: ReturnType<typeof summarize>) =>
  `p50 ${s.p50?.toFixed(1)} ms, p99 ${s.p99?.toFixed(1)} ms, max ${s.max?.toFixed(1)} ms`;
console.log(
  `(a) ${THREADS} anchors placed and highlighted on opening (after a year of edits), ${now.s.n} runs: ` +
    `${line(now.s)} (y-tiptap one by one: ${line(before.s)}); ${now.ranges.size} placed, ` +
    `${THREADS - now.ranges.size} "tekst verwijderd", both resolvers agree — target < 50 ms`,
);

// ---------- (b) comparing versions ----------
const diffTimes: number[] = [];
let changes = 0;
for (let run = 0; run < RUNS; run++) {
  const week = 1 + (run % (WEEKS - 1));
  const start = performance.now();
  changes = compareBlocks(blocksOf(versions[week - 1]), blocksOf(versions[week])).filter(
    (c) => c.change !== "same",
  ).length;
  diffTimes.push(performance.now() - start);
}
const b = summarize(Float64Array.from(diffTimes));
const firstText = docToJson(withInitial());
const yearTimes: number[] = [];
let yearChanges = 0;
for (let run = 0; run < 10; run++) {
  const yearStart = performance.now();
  yearChanges = compareBlocks(blocksOf(firstText), blocksOf(versions.at(-1))).filter((c) => c.change !== "same").length;
  yearTimes.push(performance.now() - yearStart);
}
const yearMs = summarize(Float64Array.from(yearTimes)).p50!;
console.log(
  `(b) diff of one week's versions: p50 ${b.p50?.toFixed(1)} ms, p99 ${b.p99?.toFixed(1)} ms, max ${b.max?.toFixed(1)} ms ` +
    `(${changes} changed blocks); first text vs a year later: p50 ${yearMs.toFixed(1)} ms over 10 (${yearChanges} changed blocks) — target < 200 ms`,
);

function withInitial(): Y.Doc {
  const first = new Y.Doc();
  Y.applyUpdate(first, initial);
  return first;
}

// ---------- (c) storage of a year ----------
const versionsTotal = versionBytes.reduce((s, n) => s + n, 0);
const finalState = Y.encodeStateAsUpdate(doc);
const perWeekUpdates = weekly.reduce((s, w) => s + w.updates, 0) / WEEKS;
console.log(
  `(c) versions: ${WEEKS} kept, ${kb(versionsTotal)} in total, ${kb(versionsTotal / WEEKS)} per version ` +
    `(gzipped canonical JSON; the text itself is ${kb(Buffer.byteLength(canonicalJson(versions.at(-1))))})`,
);
console.log(
  `    Yjs log: ${updates} updates (${perWeekUpdates.toFixed(0)} a week), ${kb(updateBytes)} if never compacted ` +
    `(${kb(updateBytes / WEEKS)} a week); compacted snapshot ${kb(initial.byteLength)} → ${kb(finalState.byteLength)} ` +
    `after a year (+${kb(finalState.byteLength - initial.byteLength)}, +${kb((finalState.byteLength - initial.byteLength) / WEEKS)} a week: ` +
    `deleted text leaves only its ids)`,
);
console.log(
  `    a year in total (snapshot + versions): ${kb(finalState.byteLength + versionsTotal)}; ` +
    `the sync server compacts its log at 256 KB or 500 rows, so the log tail adds at most that`,
);
doc.destroy();
