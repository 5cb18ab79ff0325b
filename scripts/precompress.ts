/** Vite plugin: after `vite build`, write .br and .gz next to the client's files (server/http/precompress.ts). */
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { precompressDir } from "../server/http/precompress.ts";

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "oogo-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
