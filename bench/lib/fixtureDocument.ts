/**
 * The ~120 KB benchmark document: the public Zuid-Limburg ondersteuningsplan (plain text
 * extracted from a PDF) turned into our editor schema, then into one Yjs update.
 * Lives outside the repository (`../shared/fixtures`), so callers must handle its absence.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { jsonToUpdate } from "../../server/documents/prosemirror.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURE_PATH = resolve(REPO, "../shared/fixtures/ondersteuningsplan-zuid-limburg-2019-2023.txt");

interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
}

const text = (t: string): PmNode => ({ type: "text", text: t });
const paragraph = (t: string): PmNode => ({ type: "paragraph", content: t ? [text(t)] : [] });

/**
 * Rebuilds structure from PDF text: numbered section titles become headings, bullet and
 * "1." lines become lists, wrapped lines are joined until a sentence ends.
 */
export function fixtureTextToProseMirror(raw: string): PmNode {
  const blocks: PmNode[] = [];
  let para: string[] = [];
  // Typed through `as`: flushList() (a closure) resets it, which flow analysis would not see.
  let list = null as { ordered: boolean; items: string[][] } | null;

  const flushPara = () => {
    if (para.length) blocks.push(paragraph(para.join(" ")));
    para = [];
  };
  const flushList = () => {
    if (!list) return;
    blocks.push({
      type: list.ordered ? "orderedList" : "bulletList",
      content: list.items.map((item) => ({ type: "listItem", content: [paragraph(item.join(" "))] })),
    });
    list = null;
  };

  for (const rawLine of raw.split(/\r?\n/)) {
    const indented = rawLine.startsWith("\t\t");
    const line = rawLine.replace(/\s+/g, " ").trim();
    if (!line) continue;
    const chapter = /^Hoof ?dstuk (\d+)$/.exec(line);
    const section = /^(\d+(?:\.\d+){1,3})\.?\s+(.{2,120})$/.exec(line);
    const bullet = /^[•●▪-]\s*(.+)$/.exec(line);
    const numbered = /^(\d{1,2})\.\s*(.+)$/.exec(line);
    if (chapter) {
      flushPara();
      flushList();
      blocks.push({ type: "heading", attrs: { level: 1 }, content: [text(`Hoofdstuk ${chapter[1]}`)] });
    } else if (section && !/[.;,]$/.test(section[2]!)) {
      flushPara();
      flushList();
      const depth = section[1]!.split(".").length;
      blocks.push({
        type: "heading",
        attrs: { level: depth <= 2 ? 2 : 3 },
        content: [text(`${section[1]} ${section[2]}`)],
      });
    } else if (bullet || (numbered && line.length < 200)) {
      flushPara();
      const ordered = !bullet;
      if (list?.ordered !== ordered) {
        flushList();
        list = { ordered, items: [] };
      }
      list.items.push([(bullet ? bullet[1] : numbered![2])!]);
    } else if (list && indented) {
      list.items.at(-1)!.push(line);
    } else {
      flushList();
      para.push(line);
      if (/[.!?:;]$/.test(line)) flushPara();
    }
  }
  flushPara();
  flushList();
  return { type: "doc", content: blocks };
}

export interface FixtureDocument {
  /** One Yjs update holding the whole document. */
  update: Uint8Array;
  /** State vector of that update (client → next clock), to tell when a client has all of it. */
  stateVector: Map<number, number>;
  characters: number;
  blocks: number;
}

/** Loads and converts the fixture, or returns null (with the reason) when it is not there. */
export function loadFixtureDocument(): FixtureDocument | { missing: string } {
  if (!existsSync(FIXTURE_PATH)) {
    return {
      missing: `Fixture niet gevonden: ${FIXTURE_PATH}. The ~120 KB document benchmarks need ../shared/fixtures next to the repository.`,
    };
  }
  const raw = readFileSync(FIXTURE_PATH, "utf8");
  const json = fixtureTextToProseMirror(raw);
  const update = jsonToUpdate(json);
  return {
    update,
    stateVector: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)),
    characters: raw.length,
    blocks: json.content!.length,
  };
}

/** A small schema-valid document with one paragraph, used for the fan-out, save-ack and heap docs. */
export function smallDocumentUpdate(label: string): Uint8Array {
  return jsonToUpdate({ type: "doc", content: [paragraph(label)] });
}
