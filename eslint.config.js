// ESLint flat config: type-aware typescript-eslint everywhere, Solid's rules in client/, and the
// layering rules the README's architecture section promises (tsconfig project references enforce
// the same from the compiler's side: see tsconfig.json).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import solid from "eslint-plugin-solid/configs/typescript";

/** Relative imports that climb out of a layer into another: `../../server/x.ts`, `../db/schema`. */
const importOf = (...layers) => `^(\\.\\./)+(${layers.join("|")})(/|$)`;

const layerImport = (layers, message) => ({ regex: importOf(...layers), message });

// Only client/api/ knows the server's URLs; everything else calls its functions. A string literal
// or a piece of a template literal that starts with /api or /sync is a URL built somewhere else.
// (\x2F is "/": esquery's regex literals end at the first slash.)
const urlLiteral = "^\\x2F(api|sync)(\\x2F|\\?|$)";
const noUrlsOutsideApi = [
  {
    selector: `Literal[value=/${urlLiteral}/]`,
    message: "Alleen client/api/ bouwt URL's naar de server (/api, /sync): roep daar een functie aan.",
  },
  {
    selector: `TemplateElement[value.raw=/${urlLiteral}/]`,
    message: "Alleen client/api/ bouwt URL's naar de server (/api, /sync): roep daar een functie aan.",
  },
];

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", "db/migrations/", "bench/results/", "test-results/", ".tmp/", "data/"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The codebase writes `T[]` for simple element types and `Array<{ … }>` for object literals.
      "@typescript-eslint/array-type": ["error", { default: "array-simple" }],
      // `_`-prefixed names are deliberately unused (destructuring, callback positions).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // This file is plain JavaScript outside every tsconfig.
    files: ["eslint.config.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // ── Layering ────────────────────────────────────────────────────────────────────────────────
  {
    files: ["shared/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layerImport(
              ["server", "db", "client", "e2e", "bench", "scripts"],
              "shared/ staat onderaan: het importeert niets uit server/, db/ of client/.",
            ),
            { regex: "^node:", message: "shared/ draait ook in de browser: geen node:-modules." },
            {
              regex: "^(drizzle-orm|@libsql/|hono|@hono/|ws$|solid-js|@solidjs/|y-websocket|y-indexeddb)",
              message: "shared/ bevat alleen regels: geen database-, server- of UI-bibliotheken.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layerImport(
              ["server", "db", "e2e", "bench", "scripts"],
              "client/ importeert geen server- of databasecode; gedeelde regels staan in shared/.",
            ),
            { regex: "^node:", message: "client/ draait in de browser: geen node:-modules." },
          ],
        },
      ],
    },
  },
  {
    files: ["client/**"],
    ignores: ["client/api/**"],
    rules: { "no-restricted-syntax": ["error", ...noUrlsOutsideApi] },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layerImport(
              ["server", "client", "e2e", "bench", "scripts"],
              "db/ kent alleen het schema: het importeert niets uit server/ of client/.",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layerImport(
              ["client", "e2e", "bench", "scripts"],
              "server/ importeert geen client-, test- of benchmarkcode.",
            ),
          ],
        },
      ],
    },
  },

  // ── Solid ───────────────────────────────────────────────────────────────────────────────────
  {
    files: ["client/**/*.{ts,tsx}"],
    ...solid,
    rules: {
      ...solid.rules,
      "solid/reactivity": [
        "error",
        {
          // Functions that call the callbacks they are given later, the way the rule already knows
          // addEventListener and setTimeout do: reading signals and props inside those callbacks
          // reads the values of that moment, which is what the code means.
          // - emitter.on(event, fn): Tiptap, y-websocket and Yjs event subscriptions;
          // - queueMicrotask(fn): like setTimeout;
          // - action.run(fn) (features/meetings/createAction.ts): calls fn at once, in the event
          //   handler that called run;
          // - trackUnsaved(name, accessor) (collab/localCopies.ts): keeps the accessor and calls it
          //   when the user leaves or logs out.
          customReactiveFunctions: ["on", "queueMicrotask", "run", "trackUnsaved"],
        },
      ],
    },
  },
);
