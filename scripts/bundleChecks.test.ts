/** The build's guard for the editor bundle: flags editor code on the first load and a second Yjs. */
import { describe, expect, it } from "vitest";
import type { Rolldown } from "vite";
import { checkBundle } from "./bundleChecks.ts";

const nm = "/app/node_modules";
const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], isEntry = false) =>
  ({ type: "chunk", fileName, moduleIds, imports, isEntry }) as unknown as Rolldown.OutputChunk;
const bundle = (...chunks: Rolldown.OutputChunk[]) =>
  Object.fromEntries(chunks.map((c) => [c.fileName, c])) as Rolldown.OutputBundle;

describe("checkBundle", () => {
  it("accepts the editor in a lazily loaded chunk", () => {
    const ok = bundle(
      chunk("index.js", ["/app/client/main.tsx"], ["web.js"], true),
      chunk("web.js", [`${nm}/solid-js/web/dist/web.js`]),
      chunk("Editor.js", [
        `${nm}/yjs/dist/yjs.mjs`,
        `${nm}/prosemirror-view/dist/index.js`,
        `${nm}/@tiptap/core/dist/index.js`,
      ]),
    );
    expect(checkBundle(ok)).toEqual([]);
  });

  it("refuses editor code in the entry chunk or in what it imports", () => {
    const bad = bundle(
      chunk("index.js", ["/app/client/main.tsx"], ["shared.js"], true),
      chunk("shared.js", [`${nm}/prosemirror-model/dist/index.js`]),
    );
    expect(checkBundle(bad).join()).toContain("shared.js is loaded on every page");
  });

  it("refuses a second copy of Yjs", () => {
    const twice = bundle(
      chunk("index.js", ["/app/client/main.tsx"], [], true),
      chunk("a.js", [`${nm}/yjs/dist/yjs.mjs`]),
      chunk("b.js", [`${nm}/y-websocket/node_modules/yjs/dist/yjs.mjs`]),
    );
    expect(checkBundle(twice).join()).toContain("Yjs is bundled 2 times");
  });
});
