/**
 * anchorRanges is y-tiptap's relativePositionToAbsolutePosition made fast for many anchors; it
 * must place every anchor exactly where y-tiptap does, through edits, deletions of whole blocks
 * (anchors collapse: "tekst verwijderd") and nested lists.
 */
import { initProseMirrorDoc, prosemirrorJSONToYDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FIELD, editorSchema } from "../editor/extensions.ts";
import { anchorRanges } from "./anchorRanges.ts";

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const json = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Afspraken over thuiszitters" }] },
    ...Array.from({ length: 12 }, (_, i) => para(`Alinea ${i}: het samenwerkingsverband meldt binnen tien dagen.`)),
    {
      type: "bulletList",
      content: [1, 2, 3].map((i) => ({ type: "listItem", content: [para(`Punt ${i} van de lijst`)] })),
    },
    para("Slot."),
  ],
};

function texts(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return node.toArray().flatMap((c) => (c instanceof Y.XmlText ? [c] : c instanceof Y.XmlElement ? texts(c) : []));
}

describe("anchorRanges", () => {
  it("places every anchor where y-tiptap does, through edits and deleted blocks", () => {
    const random = rng(3);
    const doc = prosemirrorJSONToYDoc(editorSchema(), json, DOCUMENT_FIELD);
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    const anchors = Array.from({ length: 120 }, (_, i) => {
      const all = texts(fragment);
      const text = all[Math.floor(random() * all.length)]!;
      const from = Math.floor(random() * (text.length - 3));
      const to = Math.min(text.length, from + 1 + Math.floor(random() * 20));
      return {
        id: `a${i}`,
        start: Y.createRelativePositionFromTypeIndex(text, from),
        end: Y.createRelativePositionFromTypeIndex(text, to),
      };
    });
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 10; i++) {
        const all = texts(fragment);
        const text = all[Math.floor(random() * all.length)]!;
        const at = Math.floor(random() * text.length);
        if (random() < 0.5) text.insert(at, "nieuwe woorden ");
        else text.delete(at, Math.min(8, text.length - at));
      }
      fragment.delete(1 + Math.floor(random() * (fragment.length - 2)), 1);
      const { mapping } = initProseMirrorDoc(fragment, editorSchema()) as {
        mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
      };
      const ranges = anchorRanges({ doc, type: fragment, mapping }, anchors);
      const expected = new Map<string, { from: number; to: number }>();
      for (const a of anchors) {
        const from = relativePositionToAbsolutePosition(doc, fragment, a.start, mapping);
        const to = relativePositionToAbsolutePosition(doc, fragment, a.end, mapping);
        if (from !== null && to !== null && to > from) expected.set(a.id, { from, to });
      }
      expect(ranges).toEqual(expected);
      // Blocks were deleted: some anchors collapsed, the rest still placed.
      if (round === 5) {
        expect(ranges.size).toBeGreaterThan(20);
        expect(ranges.size).toBeLessThan(anchors.length);
      }
    }
  });
});
