/**
 * Fails `vite build` when the bundle breaks two promises of issue 15: the editor (Tiptap,
 * ProseMirror, Yjs) is loaded only on pages that show one, never by the app's first script; and
 * Yjs is in the bundle once (two copies break its constructor checks and double the weight).
 */
import type { Plugin, Rolldown } from "vite";

const EDITOR_MODULE = /[\\/]node_modules[\\/](?:yjs|y-[\w-]+|prosemirror-[\w-]+|@tiptap[\\/][\w-]+)[\\/]/;
/** The folder a copy of yjs lives in: `…/node_modules/yjs/` or a nested `…/node_modules/x/node_modules/yjs/`. */
const YJS_COPY = /^(.*[\\/]node_modules[\\/]yjs)[\\/]/;

/** What is wrong with a finished bundle, in words for the build log; empty when all is well. */
export function checkBundle(bundle: Rolldown.OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === "chunk");
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const problems: string[] = [];

  // Everything the first page load fetches: the entry chunk and its static imports, transitively.
  const initial = new Set<string>();
  const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (initial.has(name)) continue;
    initial.add(name);
    queue.push(...(byName.get(name)?.imports ?? []));
  }
  for (const name of initial) {
    const editor = byName.get(name)!.moduleIds.filter((id) => EDITOR_MODULE.test(id));
    if (editor.length > 0)
      problems.push(`${name} is loaded on every page but holds editor code (${editor.slice(0, 3).join(", ")}).`);
  }

  const copies = new Set(chunks.flatMap((c) => c.moduleIds.flatMap((id) => YJS_COPY.exec(id)?.[1] ?? [])));
  if (copies.size > 1) problems.push(`Yjs is bundled ${copies.size} times: ${[...copies].join(", ")}.`);
  return problems;
}

export function bundleChecks(): Plugin {
  return {
    name: "oogo-bundle-checks",
    apply: "build",
    generateBundle(_options, bundle) {
      const problems = checkBundle(bundle);
      if (problems.length > 0) this.error(problems.join("\n"));
    },
  };
}
