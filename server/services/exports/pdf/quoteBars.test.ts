/**
 * Quoted minutes in the dossier carry a bar beside them. A quote that crosses a page break
 * must not leave a bar running down an empty page end (the page is often broken early, so a
 * heading goes along with its text) nor a caption alone at the bottom (issue 15). Rendered
 * for real; the layout pass says where each bar and each page's text ended.
 */
import { describe, expect, it } from "vitest";
import type { Block, DocModel } from "../docModel.ts";
import { layOutPdf } from "./renderPdf.ts";

const p = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });
const LONG =
  "De werkgroep bespreekt de overdracht van leerlingen met extra ondersteuning en de inzet van jeugdhulp op school. ".repeat(
    3,
  );

/** Approved minutes of `n` meetings of varying length, as the dossier's appendix quotes them. */
function minutes(n: number): DocModel {
  const body: Block[] = [{ kind: "heading", level: 1, text: "Bijlage A. Vastgestelde notulen", anchor: "bijlage" }];
  for (let i = 0; i < n; i++) {
    const blocks: Block[] = [
      { kind: "heading", level: 3, text: "1. Opening" },
      p(LONG),
      { kind: "heading", level: 3, text: "2. Besluiten" },
      { kind: "list", ordered: false, items: [[p("Punt A akkoord.")], [p("Punt B doorgeschoven.")], [p(LONG)]] },
      p("Einde van de notulen."),
    ];
    body.push({ kind: "heading", level: 2, text: `Overleg ${i + 1}`, anchor: `overleg-${i}` });
    body.push({
      kind: "quote",
      caption: `Vastgesteld — SHA-256 ${"ab".repeat(32)}`,
      blocks: blocks.slice(0, 2 + (i % 4)),
    });
    body.push({ kind: "paragraph", style: "muted", runs: [{ text: "Wijziging 1: reden: typfout." }] });
  }
  return {
    meta: {
      title: "Dossier",
      subject: "s",
      author: "a",
      keywords: "k",
      createdAt: "2026-03-01T10:00:00.000Z",
      headerLeft: "l",
      headerRight: "r",
      footerLeft: "f",
    },
    cover: [{ kind: "heading", level: 1, text: "Dossier" }],
    body,
  };
}

describe("quote bars across page breaks", () => {
  it.each([6, 10, 14])("with %i meetings: no bar runs past the text of its page, none is empty", async (n) => {
    const { bytes, layout } = layOutPdf(minutes(n));
    expect((await bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const broken = layout.bars.filter((b) => layout.pageEnds[b.page] !== undefined);
    expect(broken.length).toBeGreaterThan(0);
    for (const bar of layout.bars) {
      expect(bar.y1 - bar.y0, `bar on page ${bar.page + 1}`).toBeGreaterThan(layout.lineHeight());
      const end = layout.pageEnds[bar.page];
      if (end !== undefined) expect(bar.y1, `bar on page ${bar.page + 1}`).toBeLessThanOrEqual(end);
    }
    // At least one page was broken early (keep-with-next) inside a quote: the case of the bug.
    expect(
      layout.bars.some((b) => (layout.pageEnds[b.page] ?? Infinity) < layout.bottom - layout.lineHeight() * 2),
    ).toBe(true);
  });
});
