/**
 * A small word-level diff between two versions of a point text, so a bestuurder can see what
 * changed since they signed. Texts are short (a point is a few paragraphs), so a plain LCS
 * table is fast enough and keeps the result exact and predictable.
 */

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

interface PmNode {
  type?: string;
  text?: string;
  content?: PmNode[];
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "codeBlock"]);

/** Plain text of ProseMirror JSON: blocks separated by a blank line, hard breaks as newlines. */
export function proseMirrorToText(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: PmNode) => {
    if (typeof node.text === "string") out.push(node.text);
    if (node.type === "hardBreak") out.push("\n");
    for (const child of node.content ?? []) walk(child);
    if (node.type && BLOCKS.has(node.type)) out.push("\n\n");
  };
  if (doc && typeof doc === "object") walk(doc);
  return out
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Splits into words and the whitespace after them, so joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Above this many token pairs the diff falls back to "all removed, all added" to stay fast. */
const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Strip the common prefix and suffix first: most edits touch one spot.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", a.slice(0, start).join(""));
  if (midA.length * midB.length > MAX_CELLS) {
    push("removed", midA.join(""));
    push("added", midB.join(""));
  } else {
    // lcs[i][j] = length of the longest common subsequence of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push("same", midA[i]!);
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
        push("removed", midA[i]!);
        i++;
      } else {
        push("added", midB[j]!);
        j++;
      }
    }
    while (i < n) push("removed", midA[i++]!);
    while (j < m) push("added", midB[j++]!);
  }
  push("same", a.slice(endA).join(""));
  return parts;
}

/** True when the diff contains any change. */
export const hasChanges = (parts: DiffPart[]) => parts.some((p) => p.kind !== "same");
