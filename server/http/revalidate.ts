import { createHash } from "node:crypto";
import { createMiddleware } from "hono/factory";

/** Answers whose bytes are known in full when the handler returns (no streams, no downloads). */
const REVALIDATED = /^(?:application\/json|text\/html)\s*(?:;|$)/i;

/**
 * `Cache-Control: no-cache` + ETag for JSON and the HTML shell, and 304 when the browser already
 * holds exactly these bytes. The browser may keep the answer but must ask every time; the handler
 * always runs, with the caller's session and role checks, and the ETag is a hash of what it
 * would send *this* caller now. So a 304 never hands one person's answer to another: it only
 * says "the copy you hold is byte for byte what you would get". That is why no `Vary: Cookie` is
 * needed; API answers are `private` so that shared caches (proxies) keep no copy of them.
 *
 * Weak ETags (`W/"…"`): the compression middleware encodes the body after this, and one ETag then
 * stands for the brotli, gzip and plain bytes of the same content (RFC 9110 §8.8.1).
 * An answer that sets a cookie, or already says how it may be cached (downloads: `no-store`),
 * is left as it is.
 */
export const revalidate = () =>
  createMiddleware(async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method !== "GET" || res.status !== 200 || !res.body) return;
    if (!REVALIDATED.test(res.headers.get("content-type") ?? "")) return;
    if (res.headers.has("cache-control") || res.headers.has("etag") || res.headers.has("set-cookie")) return;

    const body = new Uint8Array(await res.arrayBuffer());
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const cacheControl = c.req.path.startsWith("/api/") ? "private, no-cache" : "no-cache";
    c.res = undefined; // otherwise Hono's setter copies the old headers over the new ones
    if (matches(c.req.header("if-none-match"), etag)) {
      c.res = new Response(null, {
        status: 304,
        headers: { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding" },
      });
      return;
    }
    const headers = new Headers(res.headers);
    headers.set("ETag", etag);
    headers.set("Cache-Control", cacheControl);
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  });

/** Weak comparison (RFC 9110 §13.1.2): `W/` is ignored on either side; `*` matches anything. */
function matches(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
