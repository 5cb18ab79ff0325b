/**
 * Column widths from the content, the way browsers lay out an automatic table: every column is at
 * least as wide as its longest word (so words wrap at spaces and are never cut in the middle —
 * "Samenw erkingsverband"), and the room that is left goes to the columns whose text would
 * otherwise wrap most. Used by both renderers so PDF and DOCX tables look alike.
 */

/** Cells up to this many characters are kept on one line when the table has room for it. */
const SHORT_CELL = 28;

/** Width of a text in the table's font (bold for header cells). */
export type Measure = (text: string, bold: boolean) => number;

export interface TableContent {
  header: string[] | null;
  rows: string[][];
  columns: number;
}

/**
 * @param available total width to fill
 * @param padding horizontal padding of one cell (both sides together)
 */
export function autoColumnWidths(
  content: TableContent,
  available: number,
  padding: number,
  measure: Measure,
): number[] {
  const min = new Array<number>(content.columns).fill(0);
  // Short cells (a date with its time, a name) preferably stay on one line.
  const short = new Array<number>(content.columns).fill(0);
  const max = new Array<number>(content.columns).fill(0);
  const take = (cells: string[], bold: boolean) => {
    for (let i = 0; i < content.columns; i++) {
      const text = cells[i] ?? "";
      for (const line of text.split("\n")) {
        const w = measure(line, bold);
        max[i] = Math.max(max[i]!, w);
        if (line.length <= SHORT_CELL) short[i] = Math.max(short[i]!, w);
        for (const word of line.split(/\s+/)) if (word) min[i] = Math.max(min[i]!, measure(word, bold));
      }
    }
  };
  if (content.header) take(content.header, true);
  for (const r of content.rows) take(r, false);
  // A little slack so measuring and drawing never disagree by a rounding error.
  const words = min.map((w) => w + padding + 1);
  const unbroken = words.map((w, i) => Math.max(w, short[i]! + padding + 1));
  const lo = unbroken.reduce((a, b) => a + b, 0) <= available ? unbroken : words;
  const hi = max.map((w, i) => Math.max(w + padding + 1, lo[i]!));
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  if (sumLo >= available) return lo.map((w) => (w * available) / sumLo);
  if (sumHi <= available) {
    // Everything fits on one line: spread the spare room in proportion to the content.
    return hi.map((w) => w + ((available - sumHi) * w) / sumHi);
  }
  // Columns that want less than an even share of the spare room get all of it (a name or a
  // date on one line); the rest is shared in proportion to what the other columns want.
  let spare = available - sumLo;
  const want = hi.map((h, i) => h - lo[i]!);
  const out = [...lo];
  const open = new Set(want.map((_, i) => i));
  for (const i of [...open].sort((a, b) => want[a]! - want[b]!)) {
    if (want[i]! > spare / open.size) break;
    out[i] = hi[i]!;
    spare -= want[i]!;
    open.delete(i);
  }
  const sumWant = [...open].reduce((a, i) => a + want[i]!, 0);
  for (const i of open) out[i] = lo[i]! + (spare * want[i]!) / sumWant;
  return out;
}
