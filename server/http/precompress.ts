/**
 * Writes `file.br` and `file.gz` next to every compressible file of the built client, so the
 * server sends static assets compressed at the strongest levels without spending CPU per request
 * (static.ts picks one by Accept-Encoding). Run by the build (scripts/precompress.ts, a Vite
 * plugin); here because the server relies on the files it writes. Node's zlib instead of a plugin
 * dependency.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Smaller files gain less than the compressed headers cost. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Compresses the files under `dir`; zlib's thread pool does them side by side. Returns how many. */
export async function precompressDir(dir: string): Promise<number> {
  const files = await compressibleFiles(dir);
  await Promise.all(
    files.map(async (path) => {
      const plain = await readFile(path);
      const [br, gzipped] = await Promise.all([
        brotli(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gz(plain, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      // Only where it pays: the server falls back to the plain file when there is no variant.
      if (br.byteLength < plain.byteLength) await writeFile(`${path}.br`, br);
      if (gzipped.byteLength < plain.byteLength) await writeFile(`${path}.gz`, gzipped);
    }),
  );
  return files.length;
}

async function compressibleFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await compressibleFiles(path)));
    else if (COMPRESSIBLE.test(entry.name) && (await stat(path)).size >= MIN_BYTES) found.push(path);
  }
  return found;
}
