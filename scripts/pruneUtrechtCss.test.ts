/**
 * The build-time pruning of Utrecht's CSS: it removes only what cannot apply to the app, and
 * keeps every rule and token a used class needs. Run with the PostCSS that Vite runs it with.
 */
import { describe, expect, it } from "vitest";
import postcss from "postcss";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  pruneUtrechtCss,
  pruneUtrechtTokens,
  requiredClasses,
  utrechtClassesIn,
  type UsedClasses,
} from "./pruneUtrechtCss.ts";

const require = createRequire(import.meta.url);
const LIBRARY = require.resolve("@utrecht/component-library-css/dist/index.css");
const TOKENS = require.resolve("@utrecht/design-tokens/dist/index.css");
const used: UsedClasses = {
  names: new Set(["utrecht-button", "utrecht-button--primary-action", "utrecht-theme"]),
  prefixes: [],
};
const prune = async (css: string, u: UsedClasses = used) =>
  (await postcss([pruneUtrechtCss({ file: /x\.css$/, used: u })]).process(css, { from: "/lib/x.css" })).css;

describe("requiredClasses", () => {
  it("counts classes a selector needs, not those under :not() or in an :is() list", () => {
    expect(requiredClasses(".utrecht-button.utrecht-button--hover")).toEqual([
      "utrecht-button",
      "utrecht-button--hover",
    ]);
    expect(requiredClasses(".utrecht-button:not(.utrecht-button--disabled)")).toEqual(["utrecht-button"]);
    expect(requiredClasses(".utrecht-a:is(.utrecht-b, :not(.utrecht-c)) > p")).toEqual(["utrecht-a"]);
  });
});

describe("pruneUtrechtCss", () => {
  it("drops selectors that need an unused class and keeps the rest of a list", async () => {
    const out = await prune(`
      .utrecht-button:hover, .utrecht-button--hover { color: red }
      .utrecht-accordion { display: grid }
      .utrecht-button:not(.utrecht-button--busy) { cursor: pointer }
      @media (forced-colors: active) { .utrecht-accordion__section { border: 1px solid } }
      @keyframes utrecht-spin { from { opacity: 0 } to { opacity: 1 } }
      .oogo-eigen { margin: 0 }`);
    expect(out).toContain(".utrecht-button:hover {");
    expect(out).not.toContain("utrecht-button--hover");
    expect(out).not.toContain("utrecht-accordion");
    expect(out).toContain(".utrecht-button:not(.utrecht-button--busy)");
    expect(out).not.toContain("forced-colors");
    expect(out).toContain("@keyframes utrecht-spin");
    expect(out).toContain(".oogo-eigen");
  });

  it("keeps modifiers the client builds at run time from a prefix", async () => {
    const out = await prune(`.utrecht-alert--warning { color: orange } .utrecht-alert { padding: 0 }`, {
      names: new Set(["utrecht-alert", "utrecht-alert--"]),
      prefixes: ["utrecht-alert--"],
    });
    expect(out).toContain(".utrecht-alert--warning");
  });

  it("leaves other files alone", async () => {
    const css = ".utrecht-accordion { display: grid }";
    const out = await postcss([pruneUtrechtCss({ file: /x\.css$/, used })]).process(css, { from: "/lib/y.css" });
    expect(out.css).toBe(css);
  });

  it("keeps a rule for every Utrecht class the client uses, from the real library", async () => {
    const client = utrechtClassesIn("client");
    const full = readFileSync(LIBRARY, "utf8");
    const out = (
      await postcss([pruneUtrechtCss({ file: /index\.css$/, used: client })]).process(full, { from: LIBRARY })
    ).css;
    expect(out.length).toBeLessThan(full.length / 3);
    const root = postcss.parse(full);
    for (const cls of client.names) {
      if (cls.endsWith("-") || !full.includes(`.${cls}`)) continue; // a token name or our own class
      const hadRule = root.some((n) => n.type === "rule" && n.selectors.some((s) => requiredClasses(s).includes(cls)));
      if (hadRule) expect(out, cls).toMatch(new RegExp(`\\.${cls}(?![\\w-])`));
    }
    expect(out).not.toContain(".utrecht-accordion");
  });
});

describe("pruneUtrechtTokens", () => {
  it("keeps the tokens the kept components and the client read, through other tokens too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "oogo-tokens-"));
    try {
      const components = join(dir, "components.css");
      writeFileSync(components, ".utrecht-button { color: var(--utrecht-button-color, var(--utrecht-fallback)) }");
      writeFileSync(join(dir, "app.tsx"), `const s = "var(--utrecht-space-md)";`);
      const tokens = `.utrecht-theme {
        --utrecht-button-color: var(--utrecht-color-blue);
        --utrecht-color-blue: #01689b;
        --utrecht-fallback: red;
        --utrecht-space-md: 16px;
        --utrecht-accordion-color: green;
        --nl-unused: 1px;
        color-scheme: light;
      }
      @media (prefers-color-scheme: dark) { .utrecht-theme--media-query-color-scheme { --utrecht-button-color: white } }`;
      const plugin = pruneUtrechtTokens({ file: /tokens\.css$/, componentCss: components, clientDir: dir, used });
      const out = (await postcss([plugin]).process(tokens, { from: "/lib/tokens.css" })).css;
      for (const kept of [
        "--utrecht-button-color:",
        "--utrecht-color-blue:",
        "--utrecht-fallback:",
        "--utrecht-space-md:",
      ])
        expect(out).toContain(kept);
      expect(out).toContain("color-scheme: light");
      expect(out).not.toContain("--utrecht-accordion-color");
      expect(out).not.toContain("--nl-unused");
      expect(out).not.toContain("prefers-color-scheme");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves the real tokens file a fraction of its size", async () => {
    const full = readFileSync(TOKENS, "utf8");
    const plugin = pruneUtrechtTokens({
      file: /index\.css$/,
      componentCss: LIBRARY,
      clientDir: "client",
      used: utrechtClassesIn("client"),
    });
    const out = (await postcss([plugin]).process(full, { from: TOKENS })).css;
    expect(out.length).toBeLessThan(full.length / 2);
    expect(out).toContain("--utrecht-button-primary-action-background-color");
  });
});
