/**
 * A plan's text as structure (issue 14): what the DOCX/PDF import produces and what the
 * screening and the bespreekpunten read. Plain data, no editor or parser types, so the screening
 * stays a pure function of it and tests can write plans by hand.
 */

/**
 * Added by the import: a stretch of a paragraph in bold and/or italic, as the source had it.
 * Optional everywhere; `text` stays the whole paragraph, so readers that ignore runs lose nothing.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One block of body text inside a section. */
export type PlanBlock =
  /** `runs`, when present, concatenate to `text` (added by the import). */
  | { kind: "paragraph"; text: string; runs?: TextRun[] }
  /** A (possibly nested) list; `depth` 0 is the outer level. */
  | { kind: "list"; ordered: boolean; items: Array<{ text: string; depth: number }> }
  | { kind: "table"; rows: string[][] }
  /** A footnote or endnote, kept as a note next to the text it belongs to. */
  | { kind: "note"; text: string };

export interface PlanSection {
  /** Stable within one plan version: the outline path, e.g. "s3.2" (used in links and evidence). */
  id: string;
  /** The number as the plan prints it ("3.2"), or "" for an unnumbered heading. */
  number: string;
  title: string;
  /** 1 = chapter (hoofdstuk), 2 = section, 3 = subsection. 0 = text before the first heading. */
  level: 0 | 1 | 2 | 3;
  blocks: PlanBlock[];
}

export interface PlanText {
  sections: PlanSection[];
}

/** All readable text of a block, for search, screening and diffs. */
export function blockText(block: PlanBlock): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "list":
      return block.items.map((i) => i.text).join("\n");
    case "table":
      return block.rows.map((r) => r.join(" | ")).join("\n");
  }
}

/**
 * Added by the import: how a section is named on screen and in evidence, "3.2 Leerlingenvervoer"
 * ("Hoofdstuk 3" stays as it is; text before the first heading has no name).
 */
export function sectionLabel(section: Pick<PlanSection, "number" | "title">): string {
  const { number, title } = section;
  if (!number || title.endsWith(` ${number}`)) return title;
  return title ? `${number} ${title}` : number;
}
