/**
 * Builds a PlanText from a stream of headings and blocks, as both parsers read them: numbers the
 * outline, gives every section a stable id (its outline path, "s3.2") and keeps text before the
 * first heading in a level-0 section.
 */
import type { PlanBlock, PlanSection, PlanText } from "../../shared/domain/planText.ts";

/** "3", "3.2", "3.2.1" (optionally with a trailing dot), "Hoofdstuk 3", "§ 3.2", "Bijlage 2". */
const NUMBERED = /^(?:(?:hoofdstuk|paragraaf|§)\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/iu;
const CHAPTER_WORD = /^(hoofdstuk|bijlage)\s+(\d{1,2}|[ivx]{1,5})\b[\s.:–-]*(.*)$/iu;

export interface HeadingNumber {
  number: string;
  title: string;
  /** Depth of the printed number (3.2 → 2), or 0 when there is none. */
  depth: number;
}

/** Splits a printed number off a heading's text. */
export function splitHeadingNumber(text: string): HeadingNumber {
  const t = text.trim();
  const word = CHAPTER_WORD.exec(t);
  // "Hoofdstuk 3" alone: the title may follow as the next short line (OutlineBuilder takes it).
  if (word) return { number: word[2]!, title: word[3]!.trim(), depth: 1 };
  const m = NUMBERED.exec(t);
  if (m) return { number: m[1]!, title: m[2]!.trim(), depth: m[1]!.split(".").length };
  return { number: "", title: t, depth: 0 };
}

/** True for a line that is only a chapter marker: "Hoofdstuk 3", "Bijlage 2". */
export function isChapterMarker(text: string): boolean {
  return /^(hoofdstuk|bijlage)\s+(\d{1,2}|[ivx]{1,5})$/iu.test(text.trim());
}

/** True when a line reads like a numbered heading ("3.2 Leerlingenvervoer"), not a sentence or a list item. */
export function looksLikeNumberedHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 120 || /[.;,]$/.test(t)) return false;
  const { depth, title } = splitHeadingNumber(t);
  return depth > 0 && /^\p{Lu}/u.test(title) && title.split(/\s+/).length <= 14;
}

export class OutlineBuilder {
  readonly #sections: PlanSection[] = [];
  readonly #counters = [0, 0, 0];
  readonly #ids = new Set<string>();
  #current: PlanSection | null = null;
  /** The current heading printed no title ("Hoofdstuk 3"): the next short line is its title. */
  #awaitingTitle = false;

  heading(level: 1 | 2 | 3, text: string): void {
    const { number, title } = splitHeadingNumber(text);
    const printed = number.split(".").map(Number);
    // A printed number sets the counters, so the computed path matches what the plan prints.
    if (number && printed.every((n) => Number.isInteger(n)) && printed.length === level) {
      for (let i = 0; i < 3; i++) this.#counters[i] = i < level ? printed[i]! : 0;
    } else {
      this.#counters[level - 1]!++;
      for (let i = level; i < 3; i++) this.#counters[i] = 0;
    }
    const path = this.#counters.slice(0, level).join(".");
    let id = `s${path}`;
    for (let n = 2; this.#ids.has(id); n++) id = `s${path}-${n}`;
    this.#ids.add(id);
    this.#current = { id, number, title: title || text.trim(), level, blocks: [] };
    this.#awaitingTitle = title === "";
    this.#sections.push(this.#current);
  }

  block(block: PlanBlock): void {
    if (this.#awaitingTitle && this.#current) {
      this.#awaitingTitle = false;
      if (block.kind === "paragraph" && block.text.length <= 100 && !/[.;,:]$/.test(block.text)) {
        this.#current.title = block.text;
        return;
      }
    }
    if (!this.#current) {
      this.#current = { id: "s0", number: "", title: "", level: 0, blocks: [] };
      this.#ids.add("s0");
      this.#sections.push(this.#current);
    }
    this.#current.blocks.push(block);
  }

  /** The last block of the current section (parsers join a paragraph that runs on across a page). */
  lastBlock(): PlanBlock | undefined {
    return this.#current?.blocks[this.#current.blocks.length - 1];
  }

  result(): PlanText {
    return { sections: this.#sections };
  }
}

/** Characters of readable text in a plan (the "empty" and "scanned" checks). */
export function textLength(plan: PlanText): number {
  let n = 0;
  for (const s of plan.sections) {
    n += s.title.length;
    for (const b of s.blocks) {
      if (b.kind === "paragraph" || b.kind === "note") n += b.text.length;
      else if (b.kind === "list") for (const i of b.items) n += i.text.length;
      else for (const r of b.rows) for (const c of r) n += c.length;
    }
  }
  return n;
}
