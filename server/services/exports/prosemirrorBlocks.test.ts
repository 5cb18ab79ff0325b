import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { editorExtensions } from "../../../shared/editor/extensions.ts";
import { modelText, sealModel, type DocModel } from "./docModel.ts";
import { prosemirrorToBlocks } from "./prosemirrorBlocks.ts";

const text = (t: string, marks?: string[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const cell = (type: string, t: string) => ({ type, content: [p(text(t))] });

const DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text("Afspraak")] },
    p(
      text("Gewoon, "),
      text("vet", ["bold"]),
      text(" en "),
      text("schuin", ["italic"]),
      { type: "hardBreak" },
      text("nieuwe regel"),
    ),
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            p(text("een")),
            { type: "orderedList", content: [{ type: "listItem", content: [p(text("genest"))] }] },
          ],
        },
      ],
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Actie"), cell("tableHeader", "Wie")] },
        { type: "tableRow", content: [cell("tableCell", "Monitor"), cell("tableCell", "Leerplicht")] },
      ],
    },
    { type: "blockquote", content: [p(text("geciteerd"))] },
  ],
};

describe("ProseMirror → document model", () => {
  it("accepts the shared editor schema's own documents", () => {
    // The fixture is a valid document of the schema the editors use.
    expect(() => PmNode.fromJSON(getSchema(editorExtensions()), DOC).check()).not.toThrow();
  });

  it("keeps headings (not as TOC entries), marks, hard breaks, nested lists, tables and quotes", () => {
    const blocks = prosemirrorToBlocks(DOC);
    expect(blocks[0]).toEqual({ kind: "heading", level: 2, text: "Afspraak" });
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      runs: [
        { text: "Gewoon, " },
        { text: "vet", bold: true },
        { text: " en " },
        { text: "schuin", italic: true },
        { text: "\nnieuwe regel" },
      ],
    });
    expect(blocks[2]).toMatchObject({
      kind: "list",
      ordered: false,
      items: [[{ kind: "paragraph" }, { kind: "list", ordered: true }]],
    });
    expect(blocks[3]).toEqual({ kind: "table", header: ["Actie", "Wie"], rows: [["Monitor", "Leerplicht"]] });
    expect(blocks[4]).toMatchObject({ kind: "quote", blocks: [{ kind: "paragraph" }] });
  });

  it("says so when a text is empty, and survives junk", () => {
    expect(prosemirrorToBlocks({ type: "doc", content: [{ type: "paragraph" }] })).toEqual([
      { kind: "paragraph", runs: [{ text: "(lege tekst)", italic: true }], style: "muted" },
    ]);
    expect(prosemirrorToBlocks(null)).toHaveLength(1);
    expect(
      prosemirrorToBlocks({ type: "doc", content: [{ type: "mystery", content: [text("toch bewaard")] }] }),
    ).toEqual([{ kind: "paragraph", runs: [{ text: "toch bewaard" }] }]);
  });
});

describe("sealModel", () => {
  const model = (extra: string): DocModel => ({
    meta: {
      title: "t",
      subject: "s",
      author: "a",
      keywords: "k",
      createdAt: "2024-01-01T00:00:00.000Z",
      headerLeft: "",
      headerRight: "",
      footerLeft: "{{INHOUDSHASH_KORT}}",
    },
    cover: [],
    body: [{ kind: "paragraph", runs: [{ text: `Hash: {{INHOUDSHASH}} ${extra}` }] }],
  });
  it("hashes everything but the hash itself, and fills it in", () => {
    const a = sealModel(model("x"));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(modelText(a.model)).toContain(`Hash: ${a.contentHash} x`);
    expect(a.model.meta.footerLeft).toBe(a.contentHash.slice(0, 16));
    expect(sealModel(model("x")).contentHash).toBe(a.contentHash);
    expect(sealModel(model("y")).contentHash).not.toBe(a.contentHash);
  });
});
