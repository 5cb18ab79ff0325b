/**
 * How answers travel: compression (brotli/gzip by Accept-Encoding) decodes to the very bytes of
 * the plain answer, hashed assets are immutable, JSON and the HTML shell revalidate by ETag
 * (a 304 only for the same bytes for the same caller), and the live stream still arrives event
 * by event. Read through the real app (app.request gives the raw, still-encoded bytes) over the
 * real demo database and a client folder built the way `vite build` + scripts/precompress.ts do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { precompressDir } from "./precompress.ts";
import { negotiateEncoding } from "./compression.ts";
import { IMMUTABLE, serveClient } from "./static.ts";
import { apiError } from "../testing/json.ts";

let ctx: TestContext;
let dist: string;
let secretaris: string;
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
const decode = (coding: string | null, body: Buffer) =>
  coding === "br" ? brotliDecompressSync(body) : coding === "gzip" ? gunzipSync(body) : body;

/** A JavaScript file that compresses well, like a real bundle. */
const script = Array.from({ length: 400 }, (_, i) => `export const regel${i} = "tafel ${i} – overeenstemming";`).join(
  "\n",
);
const shell = `<!doctype html><html lang="nl"><head><title>OOGO Werkruimte</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="app"></div>${"<!-- ruimte -->".repeat(100)}</body></html>`;

beforeAll(async () => {
  ctx = await createTestContext();
  dist = mkdtempSync(join(tmpdir(), "oogo-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), shell);
  writeFileSync(join(dist, "assets", "index-Ab12Cd34.js"), script);
  writeFileSync(join(dist, "assets", "tiny-Zz99Yy88.js"), "export {};");
  writeFileSync(join(dist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(2000)}</svg>`);
  await precompressDir(dist);
  await serveClient(ctx.app, dist); // before the first request builds the router
  secretaris = await ctx.login(DEMO.secretaris);
});
afterAll(() => {
  ctx?.cleanup();
  rmSync(dist, { recursive: true, force: true });
});

describe("negotiateEncoding", () => {
  it("prefers brotli, honours q-values, q=0 and *", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0.1, br;q=0")).toBe("gzip");
    expect(negotiateEncoding("identity")).toBeUndefined();
    expect(negotiateEncoding("deflate")).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding("BR;Q=1")).toBe("br");
    expect(negotiateEncoding("br;q=abc, gzip")).toBe("gzip");
  });
});

describe("compressed API answers", () => {
  it("decode to the same bytes as the plain answer, with brotli or gzip as asked", async () => {
    const path = `/api/workspaces/${ctx.demo.workspaceId}/points`;
    const plain = await ctx.request(path, { cookie: secretaris });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const plainBytes = await bytes(plain);
    expect(plainBytes.length).toBeGreaterThan(2048);

    for (const [accept, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const res = await ctx.request(path, { cookie: secretaris, headers: { "accept-encoding": accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(coding);
      expect(res.headers.get("vary")).toContain("Accept-Encoding");
      const body = await bytes(res);
      expect(Number(res.headers.get("content-length"))).toBe(body.length);
      expect(body.length).toBeLessThan(plainBytes.length / 3);
      expect(decode(coding, body).equals(plainBytes)).toBe(true);
    }
  });

  it("compresses refusals too, and leaves small answers plain", async () => {
    const refused = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/points`, {
      headers: { "accept-encoding": "br" },
    });
    expect(refused.status).toBe(401);
    // Small JSON: not worth compressing, still a well-formed error body.
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect((await apiError(refused)).code).toBe("UNAUTHENTICATED");
  });
});

describe("static client", () => {
  it("serves hashed assets precompressed and immutable, decoding to the built file", async () => {
    const file = readFileSync(join(dist, "assets", "index-Ab12Cd34.js"));
    expect(existsSync(join(dist, "assets", "index-Ab12Cd34.js.br"))).toBe(true);
    for (const [accept, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["", null],
    ] as const) {
      const res = await ctx.request("/assets/index-Ab12Cd34.js", {
        headers: accept ? { "accept-encoding": accept } : {},
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-type")).toContain("javascript");
      expect(res.headers.get("content-encoding")).toBe(coding);
      const body = await bytes(res);
      if (coding) expect(body.length).toBeLessThan(file.length / 5);
      expect(decode(coding, body).equals(file)).toBe(true);
    }
    // Too small to be worth a compressed copy: the plain file, still immutable.
    const tiny = await ctx.request("/assets/tiny-Zz99Yy88.js", { headers: { "accept-encoding": "br" } });
    expect(tiny.headers.get("content-encoding")).toBeNull();
    expect(tiny.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(await tiny.text()).toBe("export {};");
  });

  it("answers a missing asset with 404, never with the app shell", async () => {
    const res = await ctx.request("/assets/index-Oud00000.js");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).not.toBe(IMMUTABLE);
    for (const hostile of ["/assets/../index.html", "/assets/%2e%2e/index.html", "/assets//etc/passwd"]) {
      const r = await ctx.request(hostile);
      expect(r.headers.get("cache-control")).not.toBe(IMMUTABLE);
      expect(await r.text()).not.toContain("root:");
    }
  });

  it("serves the favicon compressed and cacheable for a day", async () => {
    const res = await ctx.request("/favicon.svg", { headers: { "accept-encoding": "br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(decode(res.headers.get("content-encoding"), await bytes(res)).toString()).toContain("<svg");
  });

  it("gives every client route the shell, compressed, with no-cache and an ETag that answers 304", async () => {
    const first = await ctx.request("/tafels/abc/spiegelparagraaf", { headers: { "accept-encoding": "br" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/html");
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(await bytes(first)).toString()).toBe(shell);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    const again = await ctx.request("/inloggen", { headers: { "accept-encoding": "br", "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("no-cache");
    expect((await bytes(again)).length).toBe(0);

    const stale = await ctx.request("/inloggen", { headers: { "if-none-match": 'W/"iets-anders", "ook-niet"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(shell);
  });
});

describe("ETag on API answers", () => {
  it("answers 304 for the same bytes, 200 once they change, and never another member's copy", async () => {
    const me = await ctx.request("/api/account", { cookie: secretaris });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("private, no-cache");
    const etag = me.headers.get("etag")!;
    expect(etag).toBeTruthy();

    const same = await ctx.request("/api/account", { cookie: secretaris, headers: { "if-none-match": etag } });
    expect(same.status).toBe(304);
    expect(same.headers.get("cache-control")).toBe("private, no-cache");

    // Another person on the same browser sends the first one's ETag: they get their own answer.
    const other = await ctx.login(DEMO.waarnemer);
    const theirs = await ctx.request("/api/account", { cookie: other, headers: { "if-none-match": etag } });
    expect(theirs.status).toBe(200);
    expect(((await theirs.json()) as { email: string }).email).toBe(DEMO.waarnemer);

    // Logged out, the ETag opens nothing.
    const anonymous = await ctx.request("/api/account", { headers: { "if-none-match": etag } });
    expect(anonymous.status).toBe(401);

    const changed = await ctx.request("/api/account", {
      method: "PATCH",
      cookie: secretaris,
      body: { name: "Secretaris Nieuw", functie: "secretaris OOGO" },
    });
    expect(changed.status).toBe(200);
    const after = await ctx.request("/api/account", { cookie: secretaris, headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(((await after.json()) as { name: string }).name).toBe("Secretaris Nieuw");
  });

  it("leaves downloads and writes alone", async () => {
    const login = await ctx.request("/api/auth/login", {
      body: { email: DEMO.waarnemer, password: "oogo-demo" },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get("etag")).toBeNull();
  });
});

describe("live stream through compression", () => {
  it("is not compressed or held back: each event arrives on its own", async () => {
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/events`, {
      cookie: secretaris,
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("etag")).toBeNull();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // Read until one whole event is in; the next event is sent only after that.
    const nextEvent = async () => {
      let text = "";
      while (!text.includes("\n\n")) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error("stream ended");
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    };
    expect(await nextEvent()).toContain("event: ready");
    for (const entityId of ["p1", "p2"]) {
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: ctx.demo.workspaceId,
        entity: "point",
        entityId,
        type: "point.updated",
      });
      const event = await nextEvent();
      expect(event).toContain("event: change");
      expect(event).toContain(`"entityId":"${entityId}"`);
    }
    await reader.cancel();
  });
});
