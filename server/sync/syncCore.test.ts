/**
 * The sync core against an in-memory store whose failures a test can switch on: what happens to
 * acknowledgements, unloading and shutdown when storage fails. (Real auth, real app, real
 * providers; only the document store is in memory.)
 */
import { serve, type ServerType } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { documentNames } from "../../shared/collab/protocol.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { attachSync, createSyncCore, type SyncServer } from "./index.ts";
import type { SyncCore } from "./SyncCore.ts";
import { MemoryDocumentStore } from "./memoryStore.ts";
import { ackCovers, login, openClient, waitFor } from "./testSupport.ts";

let ctx: TestContext;
let http: ServerType;
let sync: SyncServer;
let core: SyncCore;
let base: string;
let cookie: string;
const store = new MemoryDocumentStore();
const logged: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: ctx.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const options = { idleUnloadMs: 50, commitRetryMs: 20, closeFlushTimeoutMs: 300, log: (m: string) => logged.push(m) };
  core = createSyncCore(ctx.deps, store, options);
  sync = attachSync(http as Server, ctx.deps, store, options, core);
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  cookie = await login(base, DEMO.swvTrekker);
});

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  ctx.cleanup();
});

test("while commits fail nothing is acknowledged and the document stays loaded; after recovery the ack comes", async () => {
  const name = documentNames.spiegelparagraaf(ctx.demo.workspaceId);
  const a = openClient(base, name, { cookie, saveAck: true });
  const b = openClient(base, name, { cookie });
  try {
    await waitFor(() => a.provider.synced && b.provider.synced, "synced");
    store.failAppends = true;
    const failed = sync.stats().failedCommits;
    a.doc.getText("t").insert(0, "wacht op de database");
    // Broadcast does not wait for storage…
    await waitFor(() => b.doc.getText("t").toJSON() === "wacht op de database", "broadcast");
    await waitFor(() => sync.stats().failedCommits >= failed + 3, "retried commits");
    // …the acknowledgement does.
    expect(ackCovers(a.acks.at(-1), a.doc)).toBe(false);
    a.destroy();
    b.destroy();
    // No sockets, but unsaved updates: the document must not be unloaded (they would be lost).
    await waitFor(() => sync.stats().failedCommits >= failed + 6, "more retries");
    expect(sync.isLoaded(name)).toBe(true);

    store.failAppends = false;
    await waitFor(() => !sync.isLoaded(name), "unloaded once stored");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load(name))!);
    expect(doc.getText("t").toJSON()).toBe("wacht op de database");
    expect(logged.some((m) => m.includes("acknowledgements wait"))).toBe(true);
  } finally {
    a.destroy();
    b.destroy();
    store.failAppends = false;
  }
});

test("a recovering store acknowledges the edits of a connected client", async () => {
  const name = documentNames.procedure(ctx.demo.workspaceId);
  const a = openClient(base, name, { cookie: await login(base, DEMO.secretaris), saveAck: true });
  try {
    await waitFor(() => a.provider.synced, "synced");
    store.failAppends = true;
    const failed = sync.stats().failedCommits;
    a.doc.getText("p").insert(0, "stap 1");
    await waitFor(() => sync.stats().failedCommits > failed, "a failed commit");
    expect(ackCovers(a.acks.at(-1), a.doc)).toBe(false);
    store.failAppends = false;
    await waitFor(() => ackCovers(a.acks.at(-1), a.doc), "ack after recovery");
  } finally {
    a.destroy();
    store.failAppends = false;
  }
});

test("a server write reaches connected clients at once but resolves only after its commit", async () => {
  const name = documentNames.procedure(ctx.demo.workspaceId);
  const a = openClient(base, name, { cookie });
  try {
    await waitFor(() => a.provider.synced, "synced");
    store.failAppends = true;
    const failed = sync.stats().failedCommits;
    let resolved = false;
    const write = core
      .write(name, ctx.demo.workspaceId, (doc) => doc.getText("s").insert(0, "van de server"))
      .then((changed) => (resolved = changed));
    await waitFor(() => a.doc.getText("s").toJSON() === "van de server", "broadcast before storage");
    await waitFor(() => sync.stats().failedCommits >= failed + 2, "failing commits");
    expect(resolved).toBe(false);
    store.failAppends = false;
    await write;
    expect(resolved).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load(name))!);
    expect(doc.getText("s").toJSON()).toBe("van de server");
  } finally {
    a.destroy();
    store.failAppends = false;
  }
});

test("close() gives up on a broken store after its timeout instead of hanging", async () => {
  const name = documentNames.spiegelparagraaf(ctx.demo.workspaceId);
  const a = openClient(base, name, { cookie });
  try {
    await waitFor(() => a.provider.synced, "synced");
    store.failAppends = true;
    const failed = sync.stats().failedCommits;
    a.doc.getText("t").insert(0, "verloren bij afsluiten");
    await waitFor(() => sync.stats().failedCommits > failed, "failing");
    const started = Date.now();
    await sync.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logged.some((m) => m.includes("unsaved updates"))).toBe(true);
    expect(sync.stats().documents).toBe(0);
  } finally {
    a.destroy();
    store.failAppends = false;
  }
});

test("an access change between authorisation and join closes the new socket (no stale rights)", async () => {
  const { WebSocketServer, WebSocket } = await import("ws");
  const { SyncCore } = await import("./SyncCore.ts");
  const { DEFAULT_SYNC_OPTIONS } = await import("./options.ts");
  const core = new SyncCore(
    new MemoryDocumentStore(),
    { ...DEFAULT_SYNC_OPTIONS, log: () => undefined },
    () => undefined,
  );
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => wss.once("listening", resolve));
  const port = (wss.address() as AddressInfo).port;
  const pair = async () => {
    const server = new Promise<import("ws").WebSocket>((resolve) => wss.once("connection", resolve));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    client.on("error", () => undefined); // the close code is what the test reads
    const code = new Promise<number>((resolve) => client.once("close", (c) => resolve(c)));
    return { ws: await server, code, client };
  };
  try {
    const grant = {
      access: "write" as const,
      userId: "u1",
      sessionId: "s1",
      workspaceId: "w1",
      user: { name: "U", partyName: "", color: "#3d3d3d" },
      author: { userId: "u1", name: "U", partyId: "", partyName: "", color: "#3d3d3d" },
      suggestOnly: false,
    };
    const doc = await core.acquire("tafel.w1.spiegelparagraaf", "w1");

    // Authorised at this epoch; then the membership changes; then the socket joins.
    const epoch = core.epoch;
    core.revoke((d, userId) => d.workspaceId === "w1" && userId === "u1", 4001);
    const late = await pair();
    doc.joining++;
    expect(core.join(late.ws, doc, grant, false, epoch)).toBeNull();
    expect(await late.code).toBe(4001);

    // A change that concerns someone else does not touch this socket.
    const epoch2 = core.epoch;
    core.revoke((_d, userId) => userId === "someone-else", 4001);
    const fine = await pair();
    doc.joining++;
    expect(core.join(fine.ws, doc, grant, false, epoch2)).not.toBeNull();
    fine.client.close();
  } finally {
    await core.close();
    wss.close();
  }
});
