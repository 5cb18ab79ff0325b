import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { precompress } from "./scripts/precompress.ts";
import { bundleChecks } from "./scripts/bundleChecks.ts";
import { createRequire } from "node:module";
import { pruneUtrechtCss, pruneUtrechtTokens, utrechtClassesIn } from "./scripts/pruneUtrechtCss.ts";

/** The client lives in client/ and is built to dist/, which server/main.ts serves. */
export default defineConfig(({ command }) => ({
  root: "client",
  plugins: [solid(), bundleChecks(), precompress()],
  css: {
    // Build only: the dev server keeps all of Utrecht, so a class added while working shows at once.
    postcss: { plugins: command === "build" ? utrechtPruning() : [] },
  },
  build: { outDir: "../dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    // `npm run dev`: the API and sync endpoint run on API_PORT (see scripts/dev.ts).
    proxy: {
      "/api": `http://127.0.0.1:${process.env.API_PORT ?? 3001}`,
      "/sync": { target: `ws://127.0.0.1:${process.env.API_PORT ?? 3001}`, ws: true },
    },
  },
}));

/** Only the Utrecht component CSS, and the design tokens, that the client uses (scripts/pruneUtrechtCss.ts). */
function utrechtPruning() {
  const used = utrechtClassesIn("client");
  return [
    pruneUtrechtCss({ file: /@utrecht[\\/]component-library-css[\\/]dist[\\/]index\.css$/, used }),
    pruneUtrechtTokens({
      file: /@utrecht[\\/]design-tokens[\\/]dist[\\/]index\.css$/,
      componentCss: createRequire(import.meta.url).resolve("@utrecht/component-library-css/dist/index.css"),
      clientDir: "client",
      used,
    }),
  ];
}
