import { serveStatic } from "@hono/node-server/serve-static";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createMiddleware } from "hono/factory";
import type { App } from "../app.ts";
import { ApiError } from "./errors.ts";

/** Vite names every file under /assets/ by its content hash: a new build means a new name. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Not hashed (its name is fixed in index.html), but it hardly ever changes. */
const FAVICON_CACHE = "public, max-age=86400";

/**
 * Serves the built client (vite build → dist/). Assets come with the `.br`/`.gz` files the build
 * wrote next to them (scripts/precompress.ts), picked by Accept-Encoding, and may be cached for a
 * year. Every other GET outside /api and /sync is a client-side route and gets the app shell,
 * which the revalidate and compression middlewares (createApp) give an ETag and compress.
 */
export async function serveClient(app: App, staticRoot: string) {
  const root = resolve(staticRoot);
  const indexHtml = await readFile(resolve(root, "index.html"), "utf8");
  // Set once the file is found and its answer made (serveStatic's onFound comes too late for that).
  const cacheFor = (value: string) =>
    createMiddleware(async (c, next) => {
      await next();
      if (c.res.status === 200 || c.res.status === 206) c.res.headers.set("Cache-Control", value);
    });
  app.use("/assets/*", cacheFor(IMMUTABLE), serveStatic({ root, precompressed: true }));
  // A missing chunk (an old tab after a new deploy) must not get the HTML shell as "JavaScript".
  app.get("/assets/*", () => {
    throw new ApiError("NOT_FOUND", "Dit bestand bestaat niet (meer). Laad de pagina opnieuw.");
  });
  app.get("/favicon.svg", cacheFor(FAVICON_CACHE), serveStatic({ root, precompressed: true }));
  app.get("*", (c, next) =>
    c.req.path.startsWith("/api/") || c.req.path.startsWith("/sync/") ? next() : c.html(indexHtml),
  );
}
