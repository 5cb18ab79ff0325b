/**
 * A small, format-neutral document model. The dossier and the oplegger are composed ONCE into
 * this model; the PDF and DOCX renderers draw the same model, so both files say the same thing
 * and the content hash (of the model) is the same for both.
 */
import { canonicalJson, sha256Hex } from "../../../shared/domain/textHash.ts";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Hashes and identifiers. */
  mono?: boolean;
}

export type ParagraphStyle = "normal" | "small" | "muted" | "lead";

export type Block =
  /** `anchor` makes the heading a table-of-contents entry (levels 1 and 2) and a bookmark. */
  | { kind: "heading"; level: 1 | 2 | 3; text: string; anchor?: string }
  | { kind: "paragraph"; runs: Run[]; style?: ParagraphStyle }
  | { kind: "list"; ordered: boolean; items: Block[][] }
  /** Column widths follow the content (renderers use tableLayout.ts). */
  | { kind: "table"; header: string[] | null; rows: string[][] }
  /** Label–value pairs, e.g. a cover's particulars. */
  | { kind: "fields"; rows: Array<[string, string]> }
  /** Text quoted exactly from a source document (a point's text version, approved minutes). */
  | { kind: "quote"; caption?: string; blocks: Block[] }
  | { kind: "pageBreak" }
  /** Where the table of contents goes. */
  | { kind: "toc"; title: string };

export interface DocMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** Fixed creation time taken from the data (never "now"), so equal data gives equal files. */
  createdAt: string;
  /** Running header, left and right. */
  headerLeft: string;
  headerRight: string;
  /** Short text at the left of the footer (e.g. the content hash); page X of Y goes right. */
  footerLeft: string;
}

export interface DocModel {
  meta: DocMeta;
  /** The cover page: no running header. */
  cover: Block[];
  /** Everything after the cover; level-1 headings start a new page. */
  body: Block[];
}

// ── Helpers to write models tersely ─────────────────────────────────────────

export const run = (text: string, style: Omit<Run, "text"> = {}): Run => ({ text, ...style });
export const para = (...parts: Array<string | Run>): Block => ({
  kind: "paragraph",
  runs: parts.map((p) => (typeof p === "string" ? { text: p } : p)),
});
export const styled = (style: ParagraphStyle, ...parts: Array<string | Run>): Block => ({
  ...(para(...parts) as Extract<Block, { kind: "paragraph" }>),
  style,
});
export const heading = (level: 1 | 2 | 3, text: string, anchor?: string): Block => ({
  kind: "heading",
  level,
  text,
  ...(anchor ? { anchor } : {}),
});
export const bullets = (...items: Array<string | Block[]>): Block => ({
  kind: "list",
  ordered: false,
  items: items.map((i) => (typeof i === "string" ? [para(i)] : i)),
});
export const table = (header: string[] | null, rows: string[][]): Block => ({ kind: "table", header, rows });
export const fields = (rows: Array<[string, string]>): Block => ({ kind: "fields", rows });

/** Placeholders the composer puts where the content hash goes (full / first 16); replaced after hashing. */
export const CONTENT_HASH_PLACEHOLDER = "{{INHOUDSHASH}}";
export const CONTENT_HASH_SHORT_PLACEHOLDER = "{{INHOUDSHASH_KORT}}";

/**
 * SHA-256 of the canonical JSON of the model with the placeholder still in place, then the
 * model with the placeholder replaced by that hash. The hash therefore covers everything the
 * document says except the hash itself.
 */
export function sealModel(model: DocModel): { model: DocModel; contentHash: string } {
  const contentHash = sha256Hex(canonicalJson(model));
  const text = JSON.stringify(model)
    .split(CONTENT_HASH_PLACEHOLDER)
    .join(contentHash)
    .split(CONTENT_HASH_SHORT_PLACEHOLDER)
    .join(contentHash.slice(0, 16));
  const sealed = JSON.parse(text) as DocModel;
  return { model: sealed, contentHash };
}

/** Plain text of a model in reading order (tests and a quick look). */
export function modelText(model: DocModel): string {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.kind) {
        case "heading":
          out.push(b.text);
          break;
        case "paragraph":
          out.push(b.runs.map((r) => r.text).join(""));
          break;
        case "list":
          b.items.forEach(walk);
          break;
        case "table":
          if (b.header) out.push(b.header.join(" | "));
          b.rows.forEach((r) => out.push(r.join(" | ")));
          break;
        case "fields":
          b.rows.forEach(([k, v]) => out.push(`${k}: ${v}`));
          break;
        case "quote":
          if (b.caption) out.push(b.caption);
          walk(b.blocks);
          break;
        case "toc":
          out.push(b.title);
          break;
        case "pageBreak":
          break;
      }
    }
  };
  walk(model.cover);
  walk(model.body);
  return out.join("\n");
}
