/**
 * Mammoth's HTML (headings, paragraphs, lists, tables, footnotes) → PlanText. Mammoth writes a
 * small, well-formed subset of HTML with only &amp; &lt; &gt; &quot; escaped, so a tiny tree
 * builder is enough here; no HTML parser dependency.
 */
import type { PlanBlock, PlanText, TextRun } from "../../shared/domain/planText.ts";
import { isChapterMarker, looksLikeNumberedHeading, OutlineBuilder, splitHeadingNumber } from "./outline.ts";
import { makeSpacingRepair } from "./repairSpacing.ts";

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

const VOID = new Set(["br", "img", "hr"]);

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#(\d+)|#x([0-9a-f]+));/gi, (all, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" }[name.toLowerCase()] ?? all;
  });

export function parseHtml(html: string): El {
  const root: El = { tag: "#root", attrs: {}, children: [] };
  const stack: El[] = [root];
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.children.push(decode(m[4]));
      continue;
    }
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      // Close up to the matching tag; a stray end tag is ignored.
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([a-z-]+)="([^"]*)"/gi)) attrs[a[1]!.toLowerCase()] = decode(a[2]!);
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    if (tag === "br") el.children.push("\n");
    if (!VOID.has(tag) && !m[3]!.endsWith("/")) stack.push(el);
  }
  return root;
}

const isEl = (n: Node | undefined): n is El => typeof n === "object";

function textOf(n: Node, skip?: (e: El) => boolean): string {
  if (!isEl(n)) return n;
  if (skip?.(n)) return "";
  return n.children.map((c) => textOf(c, skip)).join("");
}

const clean = (s: string) =>
  s
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();

const isFootnoteList = (e: El) =>
  (e.tag === "ol" || e.tag === "ul") &&
  e.children.some((c) => isEl(c) && /^(foot|end)note-\d+$/.test(c.attrs.id ?? ""));

/** Runs of a paragraph with bold/italic as marked; adjacent runs of the same style merge. */
function runsOf(el: El): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (n: Node, bold: boolean, italic: boolean) => {
    if (!isEl(n)) {
      const last = runs[runs.length - 1];
      if (last && !!last.bold === bold && !!last.italic === italic) last.text += n;
      else runs.push({ text: n, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
      return;
    }
    const b = bold || n.tag === "strong" || n.tag === "b";
    const i = italic || n.tag === "em" || n.tag === "i";
    for (const c of n.children) walk(c, b, i);
  };
  walk(el, false, false);
  return runs;
}

/** Trims the runs like `clean` trims the text, so they still concatenate to it. */
function cleanRuns(runs: TextRun[]): TextRun[] {
  const out = runs
    .map((r) => ({ ...r, text: r.text.replace(/[ \t\u00a0]+/g, " ").replace(/ *\n */g, "\n") }))
    .filter((r) => r.text !== "");
  // Collapse spaces across run borders, then trim both ends.
  for (let k = 1; k < out.length; k++) {
    if (out[k - 1]!.text.endsWith(" ") && out[k]!.text.startsWith(" ")) out[k]!.text = out[k]!.text.slice(1);
  }
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, "");
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, "");
  return out.filter((r) => r.text !== "");
}

function footnoteRefs(el: El): string[] {
  const refs: string[] = [];
  const walk = (n: Node) => {
    if (!isEl(n)) return;
    const href = n.attrs.href ?? "";
    if (n.tag === "a" && /^#(foot|end)note-\d+$/.test(href)) refs.push(href.slice(1));
    n.children.forEach(walk);
  };
  walk(el);
  return refs;
}

export function htmlToPlanText(html: string): PlanText {
  const root = parseHtml(html);
  // Footnotes come last in mammoth's output; read them first so each note follows its paragraph.
  const notes = new Map<string, string>();
  for (const c of root.children) {
    if (!isEl(c) || !isFootnoteList(c)) continue;
    for (const li of c.children) {
      if (!isEl(li) || !li.attrs.id) continue;
      // The back-link "↑" is navigation, not text.
      notes.set(li.attrs.id, clean(textOf(li, (e) => e.tag === "a" && (e.attrs.href ?? "").includes("-ref-"))));
    }
  }
  // Documents made from PDF text carry its artefacts: "Hoof dstuk", headings typed as plain
  // paragraphs, paragraphs broken mid-sentence. Repaired here as in the PDF reader.
  const repair = makeSpacingRepair(root.children.map((c) => textOf(c)));
  const out = new OutlineBuilder();
  const noteBlocks = (el: El) => {
    for (const ref of footnoteRefs(el)) {
      const text = notes.get(ref);
      if (text) out.block({ kind: "note", text: `${ref.replace(/\D+/g, "")}. ${text}` });
    }
  };
  const list = (el: El): PlanBlock => {
    const items: Array<{ text: string; depth: number }> = [];
    const walk = (l: El, depth: number) => {
      for (const li of l.children) {
        if (!isEl(li) || li.tag !== "li") continue;
        const text = clean(textOf(li, (e) => e.tag === "ul" || e.tag === "ol"));
        if (text) items.push({ text, depth });
        for (const sub of li.children) if (isEl(sub) && (sub.tag === "ul" || sub.tag === "ol")) walk(sub, depth + 1);
      }
    };
    walk(el, 0);
    return { kind: "list", ordered: el.tag === "ol", items };
  };
  const table = (el: El): PlanBlock => {
    const rows: string[][] = [];
    const walk = (n: El) => {
      for (const c of n.children) {
        if (!isEl(c)) continue;
        if (c.tag === "tr")
          rows.push(
            c.children
              .filter(isEl)
              .flatMap((cell) => (cell.tag === "td" || cell.tag === "th" ? [clean(textOf(cell))] : [])),
          );
        else if (c.tag !== "table") walk(c);
      }
    };
    walk(el);
    return { kind: "table", rows: rows.filter((r) => r.some((c) => c !== "")) };
  };
  for (const c of root.children) {
    if (!isEl(c)) {
      const text = clean(c);
      if (text) out.block({ kind: "paragraph", text });
      continue;
    }
    const h = /^h([1-6])$/.exec(c.tag);
    if (h) {
      const text = clean(textOf(c));
      if (text) out.heading(Math.min(3, Number(h[1])) as 1 | 2 | 3, text);
      continue;
    }
    if (c.tag === "ul" || c.tag === "ol") {
      if (isFootnoteList(c)) continue;
      const block = list(c);
      if (block.kind === "list" && block.items.length > 0) out.block(block);
      noteBlocks(c);
    } else if (c.tag === "table") {
      const block = table(c);
      if (block.kind === "table" && block.rows.length > 0) out.block(block);
      noteBlocks(c);
    } else {
      const raw = clean(textOf(c));
      if (!raw) continue;
      const text = repair(raw);
      if (isChapterMarker(text)) {
        out.heading(1, text);
        continue;
      }
      // A typed "3.2 Titel" paragraph is a heading; a typed "1 Titel" is more often a numbered list.
      if (looksLikeNumberedHeading(text) && splitHeadingNumber(text).depth >= 2 && footnoteRefs(c).length === 0) {
        out.heading(Math.min(3, splitHeadingNumber(text).depth) as 1 | 2 | 3, text);
        continue;
      }
      const last = out.lastBlock();
      // A paragraph broken mid-sentence: the sentence did not end and the next part starts in lower case.
      if (last?.kind === "paragraph" && !last.runs && !/[.!?:;]["')\]]?$/.test(last.text) && /^\p{Ll}/u.test(text)) {
        last.text = `${last.text} ${text}`;
        noteBlocks(c);
        continue;
      }
      const runs = text === raw ? cleanRuns(runsOf(c)) : [];
      const styled = runs.some((r) => r.bold === true || r.italic === true);
      out.block({ kind: "paragraph", text, ...(styled && runs.map((r) => r.text).join("") === text ? { runs } : {}) });
      noteBlocks(c);
    }
  }
  return out.result();
}
