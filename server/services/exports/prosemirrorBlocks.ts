/**
 * ProseMirror JSON (the shared editor schema) → the neutral document model, for printing the
 * exact text of points, the procedure and minutes: headings, paragraphs with bold/italic/
 * underline/strike/code, bullet and ordered lists (nested), tables, blockquotes, code blocks.
 * Unknown nodes keep their text, so nothing a party wrote is silently dropped; an embedded point
 * is drawn by the caller (it holds no text of its own). Unknown marks are ignored.
 */
import { POINT_EMBED_NODE } from "../../../shared/domain/pointEmbeds.ts";
import type { Block, Run } from "./docModel.ts";

interface PmMark {
  type?: string;
}
interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: PmMark[];
  content?: PmNode[];
}

const asNode = (value: unknown): PmNode => (value && typeof value === "object" ? value : {});

function runsOf(node: PmNode): Run[] {
  const out: Run[] = [];
  const visit = (n: PmNode) => {
    if (n.type === "text") {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      const r: Run = { text: n.text ?? "" };
      if (marks.has("bold")) r.bold = true;
      if (marks.has("italic")) r.italic = true;
      if (marks.has("underline")) r.underline = true;
      if (marks.has("strike")) r.strike = true;
      if (marks.has("code")) r.mono = true;
      out.push(r);
    } else if (n.type === "hardBreak") {
      out.push({ text: "\n" });
    } else {
      for (const c of n.content ?? []) visit(c);
    }
  };
  for (const c of node.content ?? []) visit(c);
  return mergeRuns(out);
}

/** Joins neighbouring runs with the same style (fewer, longer runs lay out better). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (
      last &&
      !!last.bold === !!r.bold &&
      !!last.italic === !!r.italic &&
      !!last.underline === !!r.underline &&
      !!last.strike === !!r.strike &&
      !!last.mono === !!r.mono
    ) {
      last.text += r.text;
    } else out.push({ ...r });
  }
  return out;
}

function plain(node: PmNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const parts = (node.content ?? []).map(plain);
  const blockish = ["paragraph", "heading", "listItem", "bulletList", "orderedList", "blockquote", "codeBlock"];
  return (node.content ?? []).some((c) => blockish.includes(c.type ?? "")) ? parts.join("\n") : parts.join("");
}

/** How a document that is the export's own body (the spiegelparagraaf) differs from quoted text. */
export interface BlockOptions {
  /** Blocks for an embedded overeenstemmingspunt (by its id); without this it is left out. */
  embed?: (pointId: string) => Block[];
  /** Headings are this document's own (table-of-contents entries at level 2), not quoted ones. */
  ownHeadings?: boolean;
}

/** Internal: numbers the own headings' anchors across nested calls. */
type WalkOptions = BlockOptions & { headings: { n: number } };

function blocksOf(nodes: PmNode[], opts: WalkOptions): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case "paragraph": {
        const runs = runsOf(n);
        out.push({ kind: "paragraph", runs: runs.length ? runs : [{ text: "" }] });
        break;
      }
      case "heading": {
        // Headings inside quoted text are not entries of the dossier's own table of contents.
        const level = Math.min(3, Math.max(1, Number(n.attrs?.level ?? 2))) as 1 | 2 | 3;
        if (opts.ownHeadings && level < 3)
          out.push({ kind: "heading", level: 2, text: plain(n), anchor: `kop-${++opts.headings.n}` });
        else out.push({ kind: "heading", level: level === 1 ? 2 : 3, text: plain(n) });
        break;
      }
      case "bulletList":
      case "orderedList":
        out.push({
          kind: "list",
          ordered: n.type === "orderedList",
          items: (n.content ?? []).map((li) => blocksOf(li.content ?? [], opts)),
        });
        break;
      case "table": {
        const rows = (n.content ?? []).map((row) => (row.content ?? []).map((cell) => plain(cell).trim()));
        const first = n.content?.[0];
        const headerRow = !!first?.content?.length && first.content.every((c) => c.type === "tableHeader");
        out.push({ kind: "table", header: headerRow ? rows[0]! : null, rows: headerRow ? rows.slice(1) : rows });
        break;
      }
      case "blockquote":
        out.push({ kind: "quote", blocks: blocksOf(n.content ?? [], opts) });
        break;
      case "codeBlock":
        out.push({ kind: "paragraph", runs: [{ text: plain(n), mono: true }] });
        break;
      case "horizontalRule":
        break;
      case POINT_EMBED_NODE: {
        const id = n.attrs?.pointId;
        if (opts.embed && typeof id === "string") out.push(...opts.embed(id));
        break;
      }
      default: {
        const text = plain(n).trim();
        if (text) out.push({ kind: "paragraph", runs: [{ text }] });
      }
    }
  }
  return out;
}

/** The blocks of a ProseMirror document; an empty document gives one muted line saying so. */
export function prosemirrorToBlocks(json: unknown, emptyText = "(lege tekst)", opts: BlockOptions = {}): Block[] {
  const blocks = blocksOf(asNode(json).content ?? [], { ...opts, headings: { n: 0 } });
  const hasText = blocks.some((b) => b.kind !== "paragraph" || b.runs.some((r) => r.text.trim()));
  return hasText
    ? blocks.filter(
        (b, i, all) => !(b.kind === "paragraph" && !b.runs.some((r) => r.text.trim()) && i === all.length - 1),
      )
    : [{ kind: "paragraph", runs: [{ text: emptyText, italic: true }], style: "muted" }];
}
