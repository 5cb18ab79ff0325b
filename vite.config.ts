import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { precompress } from "./scripts/precompress.ts";

/** The client lives in client/ and is built to dist/, which server/main.ts serves. */
export default defineConfig({
  root: "client",
  plugins: [solid(), precompress()],
  build: { outDir: "../dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    // `npm run dev`: the API and sync endpoint run on API_PORT (see scripts/dev.ts).
    proxy: {
      "/api": `http://127.0.0.1:${process.env.API_PORT ?? 3001}`,
      "/sync": { target: `ws://127.0.0.1:${process.env.API_PORT ?? 3001}`, ws: true },
    },
  },
});
