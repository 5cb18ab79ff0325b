/**
 * What an amendment changed in approved minutes, at the level of blocks (paragraphs, headings,
 * list items, table rows): the lines removed and the lines added, for the log and the UI.
 */

interface PmNode {
  type?: string;
  text?: string;
  content?: PmNode[];
}

/** Plain text of a node: text runs joined, hard breaks as spaces. */
export function nodeText(node: PmNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(nodeText).join("");
}

const CONTAINERS = new Set(["doc", "bulletList", "orderedList", "listItem", "blockquote", "table", "tableRow"]);

/** The document as lines of text, one per leaf block; table rows become one line with " | ". */
export function blockLines(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (node: PmNode) => {
    if (node.type === "tableRow") {
      out.push((node.content ?? []).map((cell) => nodeText(cell).trim()).join(" | "));
      return;
    }
    if (node.type && CONTAINERS.has(node.type)) {
      for (const child of node.content ?? []) walk(child);
      return;
    }
    const text = nodeText(node).trim();
    if (text) out.push(text);
  };
  if (doc && typeof doc === "object") walk(doc);
  return out;
}

const MAX_LINES = 40;
const MAX_CHARS = 300;
const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** Lines removed from `before` and added in `after` (longest common subsequence). */
export function diffLines(before: readonly string[], after: readonly string[]): { removed: string[]; added: string[] } {
  const n = before.length,
    m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const removed: string[] = [],
    added: string[] = [];
  let i = 0,
    j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(before[i++]!);
    else added.push(after[j++]!);
  }
  while (i < n) removed.push(before[i++]!);
  while (j < m) added.push(after[j++]!);
  return { removed: removed.slice(0, MAX_LINES).map(clip), added: added.slice(0, MAX_LINES).map(clip) };
}

export const minutesChanges = (before: unknown, after: unknown) => diffLines(blockLines(before), blockLines(after));
