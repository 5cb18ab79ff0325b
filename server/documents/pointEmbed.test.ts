/**
 * The embedded overeenstemmingspunt is part of the one editor schema: the server's document paths
 * (seeding, replacing, reading back) keep it with its id, and the export blocks draw it only
 * through the caller (it holds no text of its own).
 */
import { describe, expect, it } from "vitest";
import { Node as PmNode } from "@tiptap/pm/model";
import { editorSchema } from "../../shared/editor/extensions.ts";
import { embeddedPointIds } from "../../shared/domain/pointEmbeds.ts";
import { prosemirrorToBlocks } from "../services/exports/prosemirrorBlocks.ts";
import { jsonToUpdate, setContent, stateToJson } from "./prosemirror.ts";
import * as Y from "yjs";

const DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Jeugdhulp" }] },
    { type: "overeenstemmingspunt", attrs: { pointId: "punt-a" } },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "Ook:" }] },
            { type: "overeenstemmingspunt", attrs: { pointId: "punt-b" } },
          ],
        },
      ],
    },
    { type: "overeenstemmingspunt", attrs: { pointId: "punt-a" } },
  ],
};

describe("the overeenstemmingspunt node", () => {
  it("is valid in the shared schema and survives the server's Yjs paths with its id", () => {
    expect(() => PmNode.fromJSON(editorSchema(), DOC).check()).not.toThrow();
    const back = stateToJson(jsonToUpdate(DOC));
    expect(embeddedPointIds(back)).toEqual(["punt-a", "punt-b"]);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, jsonToUpdate({ type: "doc", content: [{ type: "paragraph" }] }));
    setContent(DOC)(doc);
    expect(embeddedPointIds(stateToJson(Y.encodeStateAsUpdate(doc)))).toEqual(["punt-a", "punt-b"]);
  });

  it("is drawn by the export's caller, wherever it stands, and otherwise left out", () => {
    const plain = prosemirrorToBlocks(DOC);
    expect(JSON.stringify(plain)).not.toContain("punt-a");
    const drawn = prosemirrorToBlocks(DOC, "(leeg)", {
      ownHeadings: true,
      embed: (id) => [{ kind: "paragraph", runs: [{ text: `PUNT ${id}` }] }],
    });
    const text = JSON.stringify(drawn);
    expect(text.match(/PUNT punt-a/g)).toHaveLength(2);
    expect(text).toContain("PUNT punt-b");
    expect(drawn[0]).toMatchObject({ kind: "heading", level: 2, text: "Jeugdhulp", anchor: "kop-1" });
  });
});
