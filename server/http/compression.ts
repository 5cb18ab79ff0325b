import { brotliCompress, constants, gzip } from "node:zlib";
import { promisify } from "node:util";
import { createMiddleware } from "hono/factory";

/** The content codings we produce, best first (brotli is ~15–20 % smaller than gzip on our JSON). */
export type Coding = "br" | "gzip";
const CODINGS: readonly Coding[] = ["br", "gzip"];

/**
 * Picks a coding from an Accept-Encoding header (RFC 9110 §12.5.3): the first of `offered` with
 * the highest non-zero q-value the client accepts, `*` included; undefined → send it as it is.
 */
export function negotiateEncoding(acceptEncoding: string | undefined, offered: readonly Coding[] = CODINGS) {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: Coding | undefined;
  let bestQ = 0;
  for (const coding of offered) {
    const value = q.get(coding) ?? q.get("*") ?? 0;
    if (value > bestQ) [best, bestQ] = [coding, value];
  }
  return best;
}

/**
 * Text answers worth compressing. Everything else passes untouched: event streams (they must reach
 * the browser event by event, never held back to fill a compressor's window), and downloads that
 * are compressed formats already (PDF, DOCX, ZIP).
 */
const COMPRESSIBLE =
  /^(?:application\/(?:json|javascript|xml)|text\/(?:html|css|javascript|plain|csv|calendar|xml)|image\/svg\+xml)\s*(?:;|$)/i;
/** Below this a compressed body plus its header costs about as much as the plain one. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Compresses dynamic answers (API JSON, the HTML shell) with brotli or gzip as the client asks.
 * The body is already complete in memory for these types, so it is compressed in one go and sent
 * with its Content-Length; brotli at quality 5 costs about as much CPU as gzip level 6 and is
 * still markedly smaller. Static assets come precompressed from the build (server/http/static.ts)
 * and already carry a Content-Encoding, so they are left alone here.
 */
export const compression = () =>
  createMiddleware(async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === "HEAD" || !res.body || res.headers.has("content-encoding")) return;
    if (!COMPRESSIBLE.test(res.headers.get("content-type") ?? "")) return;
    if (/\bno-transform\b/i.test(res.headers.get("cache-control") ?? "")) return;
    // Whatever we decide, a cache must not give this answer to a client that asked differently.
    res.headers.append("Vary", "Accept-Encoding");
    const coding = negotiateEncoding(c.req.header("accept-encoding"));
    if (!coding) return;
    const plain = new Uint8Array(await res.arrayBuffer());
    let body: Uint8Array = plain;
    if (plain.byteLength >= MIN_COMPRESS_BYTES) {
      body =
        coding === "br"
          ? await brotli(plain, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            })
          : await gz(plain, { level: 6 });
    }
    const headers = new Headers(res.headers);
    if (body !== plain) headers.set("Content-Encoding", coding);
    headers.set("Content-Length", String(body.byteLength));
    // Hono's setter would copy the old headers (the old Content-Length) over the new ones.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  });
