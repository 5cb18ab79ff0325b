/**
 * Keeps only the part of the Utrecht component library CSS that the app can use. The library is
 * one 400 KB file (every NL Design System component); we use a few dozen classes. At build time
 * this PostCSS plugin (Vite runs PostCSS on every CSS file; no dependency of our own) drops each
 * selector that needs a `utrecht-…` class no source file of the client mentions, and each rule
 * left without selectors. It only ever removes: a class it cannot see (built at run time from
 * parts) keeps its rules when its prefix appears as `utrecht-alert--${…}`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AtRule, Plugin, Root, Rule } from "postcss";

const CLASS = /utrecht-[A-Za-z0-9_-]*/g;
const SOURCE = /\.(?:tsx?|html|css)$/;

/** Every `utrecht-…` name in the client's sources; names ending in `-` are prefixes (`utrecht-alert--${type}`). */
export function utrechtClassesIn(dir: string): UsedClasses {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) for (const m of readFileSync(path, "utf8").matchAll(CLASS)) names.add(m[0]);
    }
  };
  walk(dir);
  const prefixes = [...names].filter((n) => n.endsWith("-"));
  return { names, prefixes };
}

/**
 * The classes a selector cannot match without. Classes inside functional pseudo-classes do not
 * count: under `:not(.x)` an unused `.x` makes the selector match *more*, and `:is(.x, .y)`
 * needs only one of them.
 */
export function requiredClasses(selector: string): string[] {
  let s = selector;
  for (let before = ""; before !== s;) {
    before = s;
    s = s.replace(/:[\w-]+\([^()]*\)/g, "");
  }
  return [...s.matchAll(/\.(utrecht-[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
}

export interface UsedClasses {
  names: Set<string>;
  prefixes: string[];
}

/** Removes from a parsed stylesheet every selector that needs a class the app never uses. */
function pruneRules(root: Root, { names, prefixes }: UsedClasses) {
  const isUsed = (cls: string) => names.has(cls) || prefixes.some((p) => cls.startsWith(p));
  root.walkRules((rule: Rule) => {
    const parent = rule.parent as AtRule | undefined;
    if (parent?.type === "atrule" && /keyframes$/i.test(parent.name)) return;
    const kept = rule.selectors.filter((sel) => requiredClasses(sel).every(isUsed));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  removeEmpty(root);
}

/** Rules and @media / @supports blocks left with nothing in them. */
function removeEmpty(root: Root) {
  for (let removed = true; removed;) {
    removed = false;
    root.walk((node) => {
      if ((node.type === "rule" || node.type === "atrule") && node.nodes?.length === 0) {
        node.remove();
        removed = true;
      }
    });
  }
}

export function pruneUtrechtCss(options: { file: RegExp; used: UsedClasses }): Plugin {
  return {
    postcssPlugin: "oogo-prune-utrecht-css",
    Once(root, { result }) {
      if (options.file.test(result.opts.from ?? "")) pruneRules(root, options.used);
    },
  };
}

/** A custom property read by `var(--name…)` (fallbacks are `var()`s of their own and match too). */
const VAR_REF = /var\(\s*(--[A-Za-z0-9_-]+)/g;
/** Any custom-property-like name in the client's sources: more than it reads, which only keeps more. */
const ANY_PROPERTY = /--[A-Za-z][A-Za-z0-9_-]*/g;

/**
 * The design tokens file (180 KB) defines every token of every component (and of other NL Design
 * System themes' names) as a custom property on `.utrecht-theme`. A custom property nobody reads does nothing, so this keeps only the tokens
 * read — directly or through other tokens — by the pruned component CSS (parsed here with the
 * PostCSS that runs this plugin) and by the client's own sources.
 */
export function pruneUtrechtTokens(options: {
  file: RegExp;
  componentCss: string;
  clientDir: string;
  used: UsedClasses;
}): Plugin {
  return {
    postcssPlugin: "oogo-prune-utrecht-tokens",
    Once(root, { result, postcss }) {
      if (!options.file.test(result.opts.from ?? "")) return;
      // Theme variants the app never switches on (`utrecht-theme--media-query…`: dark mode, viewport scales).
      pruneRules(root, options.used);
      const components = postcss.parse(readFileSync(options.componentCss, "utf8"));
      pruneRules(components, options.used);
      const wanted = new Set([...components.toString().matchAll(VAR_REF)].map((m) => m[1]!));
      for (const token of tokensIn(options.clientDir)) wanted.add(token);
      // Tokens defined in terms of other tokens: follow them until nothing new turns up.
      const refs = new Map<string, string[]>();
      root.walkDecls(/^--/, (decl) => {
        const list = refs.get(decl.prop) ?? [];
        list.push(...[...decl.value.matchAll(VAR_REF)].map((m) => m[1]!));
        refs.set(decl.prop, list);
      });
      const queue = [...wanted];
      while (queue.length > 0) {
        for (const next of refs.get(queue.pop()!) ?? []) {
          if (!wanted.has(next)) {
            wanted.add(next);
            queue.push(next);
          }
        }
      }
      root.walkDecls(/^--/, (decl) => {
        if (!wanted.has(decl.prop)) decl.remove();
      });
      removeEmpty(root);
    },
  };
}

function tokensIn(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name))
        for (const m of readFileSync(path, "utf8").matchAll(ANY_PROPERTY)) found.add(m[0]);
    }
  };
  walk(dir);
  return found;
}
