/**
 * Writes `file.br` and `file.gz` next to every compressible file of the built client, so the
 * server sends static assets compressed at the strongest levels without spending CPU per request
 * (static.ts picks one by Accept-Encoding). Run by the build (scripts/precompress.ts, a Vite
 * plugin); here because the server relies on the files it writes. Node's zlib instead of a plugin
 * dependency.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Smaller files gain less than the compressed headers cost. */
const MIN_BYTES = 1024;

export function precompressDir(dir: string): number {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      written += precompressDir(path);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(path).size < MIN_BYTES) continue;
    const plain = readFileSync(path);
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION });
    // Only where it pays: the server falls back to the plain file when there is no variant.
    if (br.byteLength < plain.byteLength) writeFileSync(`${path}.br`, br);
    if (gz.byteLength < plain.byteLength) writeFileSync(`${path}.gz`, gz);
    written++;
  }
  return written;
}
