/**
 * Loading, compaction, unloading, keepalive and back-pressure, on a real server whose timers
 * and thresholds are shortened (StartOptions.sync) so the behaviours show within a test.
 */
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { points } from "../../db/schema/index.ts";
import { CLOSE_CODES, documentNames } from "../../shared/collab/protocol.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { ackCovers, login, openClient, waitFor, type TestClient } from "./testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let workspaceId: string;
let pointIds: string[];
let editor: string;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

const client = (name: string, opts: { saveAck?: boolean } = {}) => {
  const c = openClient(running.url, name, { cookie: editor, saveAck: opts.saveAck });
  clients.push(c);
  return c;
};
const rows = async (sql: string, args: Array<string | number | Uint8Array>) =>
  (await running.deps.database.client.execute({ sql, args })).rows;
const storedDoc = async (name: string) => {
  const doc = new Y.Doc();
  const state = await running.store.load(name);
  if (state) Y.applyUpdate(doc, state);
  return doc;
};

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-sync-storage-");
  running = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: tmp.url,
    demo: true,
    sync: { idleUnloadMs: 100, dehydrateAfterMs: 200, compactRows: 20, maxBufferedBytes: 256 * 1024 },
  });
  const { db } = running.deps.database;
  const [tafel] = await db.query.workspaces.findMany({ limit: 1 });
  workspaceId = tafel!.id;
  // Point documents of our own (the sync server only checks that the point exists at this tafel).
  pointIds = ["sync-load", "sync-compaction", "sync-idle", "sync-dehydrate"];
  const now = new Date().toISOString();
  await db.insert(points).values(
    pointIds.map((id) => ({
      id,
      workspaceId,
      theme: "jeugdhulp",
      title: `Testpunt ${id}`,
      status: "concept" as const,
      textHash: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
    })),
  );
  editor = await login(running.url, DEMO.swvTrekker);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  await running.close();
  tmp.cleanup();
});

test("concurrent first joins load a cold document once", async () => {
  const name = documentNames.procedure(workspaceId);
  const before = running.sync.stats().loadsStarted;
  const joiners = Array.from({ length: 6 }, () => client(name));
  await waitFor(() => joiners.every((c) => c.provider.synced), "all synced");
  expect(running.sync.stats().loadsStarted - before).toBe(1);
  const stored = await storedDoc(name);
  for (const c of joiners) expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(stored));
});

test("a failed load fails the join with 4002 and never presents an empty document; the next join retries", async () => {
  const name = documentNames.point(workspaceId, pointIds[0]!);
  // An undecodable snapshot: damaged storage that cannot be repaired (a faulty log row would be
  // quarantined instead, see syncHostile.test.ts).
  const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  await rows(`INSERT INTO doc_snapshots (doc_name, state, up_to_id, updated_at) VALUES (?, ?, 0, ?)`, [
    name,
    garbage,
    new Date().toISOString(),
  ]);
  const before = running.sync.stats();
  const c = client(name);
  await waitFor(() => c.closeCodes.filter((code) => code === CLOSE_CODES.LOAD_FAILED).length >= 2, "two refused joins");
  expect(c.provider.synced).toBe(false);
  // Not one sync message reached the client: no empty document was ever offered.
  expect(c.received).not.toContain(0);
  expect(running.sync.stats().loadsFailed - before.loadsFailed).toBeGreaterThanOrEqual(2);

  await rows(`DELETE FROM doc_snapshots WHERE doc_name = ?`, [name]);
  await waitFor(() => c.provider.synced, "joined after the storage was repaired", 15_000);
  const stored = await storedDoc(name);
  expect(c.doc.getXmlFragment("default").toJSON()).toBe(stored.getXmlFragment("default").toJSON());
});

test("compaction folds the log into a snapshot while editing continues, losing nothing", async () => {
  const name = documentNames.point(workspaceId, pointIds[1]!);
  const a = client(name, { saveAck: true });
  await waitFor(() => a.provider.synced, "synced");
  const before = running.sync.stats().compactions;
  let expected = "";
  for (let i = 0; i < 150; i++) {
    const token = String.fromCharCode(97 + (i % 26));
    a.doc.getText("compaction").insert(expected.length, token);
    expected += token;
    // Spread over many commits, so compactions run while later updates are committed.
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  await waitFor(() => ackCovers(a.acks.at(-1), a.doc), "everything acknowledged");
  // How many compactions run depends on how the group commit batched the edits (machine load),
  // so only "at least one" is deterministic.
  await waitFor(() => running.sync.stats().compactions - before >= 1, "a compaction");
  await running.sync.flush();
  const [snapshot] = await rows("SELECT up_to_id FROM doc_snapshots WHERE doc_name = ?", [name]);
  expect(snapshot).toBeDefined();
  const [tail] = await rows("SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?", [name]);
  expect(Number(tail!.n)).toBeLessThan(150);
  expect((await storedDoc(name)).getText("compaction").toJSON()).toBe(expected);

  // And a cold load (after the idle unload) serves all of it.
  a.destroy();
  await waitFor(() => !running.sync.isLoaded(name), "unloaded");
  const b = client(name);
  await waitFor(() => b.provider.synced, "reloaded");
  expect(b.doc.getText("compaction").toJSON()).toBe(expected);
});

test("an idle document is unloaded only after its writes are committed, and reloads complete", async () => {
  const name = documentNames.point(workspaceId, pointIds[2]!);
  const a = client(name);
  await waitFor(() => a.provider.synced, "synced");
  const before = running.sync.stats();
  a.doc.getText("idle").insert(0, "voor het afsluiten");
  // No ack requested: unloading itself must wait for the commit.
  await waitFor(() => running.sync.stats().committedUpdates > before.committedUpdates, "committed");
  a.destroy();
  await waitFor(() => !running.sync.isLoaded(name), "unloaded");
  expect((await storedDoc(name)).getText("idle").toJSON()).toBe("voor het afsluiten");
  const loads = running.sync.stats().loadsStarted;
  const b = client(name);
  await waitFor(() => b.provider.synced, "reloaded");
  expect(running.sync.stats().loadsStarted).toBe(loads + 1);
  expect(b.doc.getText("idle").toJSON()).toBe("voor het afsluiten");
});

test("readers and fresh writers never build the Y.Doc; editing does, and stopping gives it up again", async () => {
  const name = documentNames.point(workspaceId, pointIds[3]!);
  const hydrated = () => running.sync.stats().hydrated;
  const reader = openClient(running.url, name, { cookie: await login(running.url, DEMO.waarnemer) });
  const writer = client(name, { saveAck: true });
  clients.push(reader);
  await waitFor(() => reader.provider.synced && writer.provider.synced, "synced");
  // The writer's handshake reply adds nothing: acknowledged without building the document.
  await waitFor(() => writer.acks.length > 0, "handshake acknowledged");
  expect(hydrated()).toBe(0);

  writer.doc.getText("d").insert(0, "eins");
  await waitFor(() => ackCovers(writer.acks.at(-1), writer.doc), "first edit stored");
  expect(running.sync.isLoaded(name)).toBe(true);
  await waitFor(() => hydrated() === 0, "Y.Doc given up after editing stopped");

  // A returning client with state: its sync step 1 is answered from the encoded state (diffUpdate).
  const returningDoc = new Y.Doc();
  Y.applyUpdate(returningDoc, Y.encodeStateAsUpdate(writer.doc));
  writer.doc.getText("d").insert(4, "zwei");
  writer.doc.getText("d").delete(0, 1);
  await waitFor(() => ackCovers(writer.acks.at(-1), writer.doc), "second edit stored");
  await waitFor(() => hydrated() === 0, "given up again");
  const returning = openClient(running.url, name, { cookie: editor, doc: returningDoc });
  clients.push(returning);
  await waitFor(() => returning.provider.synced, "returning client synced");
  await waitFor(() => returning.doc.getText("d").toJSON() === "inszwei", "exact difference received");
  expect(reader.doc.getText("d").toJSON()).toBe("inszwei");
  expect((await storedDoc(name)).getText("d").toJSON()).toBe("inszwei");
});

test("a connection that stops answering pings is terminated; one that answers stays", async () => {
  // Its own server: a 200 ms ping interval would also cut the paused client of the next test.
  const tmp2 = tempDatabaseUrl("oogo-sync-ping-");
  const pinging = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: tmp2.url,
    demo: true,
    sync: { pingIntervalMs: 200 },
  });
  try {
    const [tafel] = await pinging.deps.database.db.query.workspaces.findMany({ limit: 1 });
    const url = `${pinging.url.replace(/^http/, "ws")}/sync/${documentNames.spiegelparagraaf(tafel!.id)}`;
    const cookie = await login(pinging.url, DEMO.swvTrekker);
    const silent = new WebSocket(url, { headers: { cookie }, autoPong: false });
    const healthy = new WebSocket(url, { headers: { cookie } });
    sockets.push(silent, healthy);
    const code = new Promise<number>((resolve) => silent.once("close", (c) => resolve(c)));
    await Promise.all([silent, healthy].map((ws) => new Promise((resolve) => ws.once("open", resolve))));
    // 1006: the server dropped the TCP connection without a closing handshake.
    expect(await code).toBe(1006);
    expect(healthy.readyState).toBe(WebSocket.OPEN);
  } finally {
    await pinging.close();
    tmp2.cleanup();
  }
});

test("a client that stops reading is closed with 4004 (TOO_SLOW) while others keep receiving", async () => {
  const name = documentNames.spiegelparagraaf(workspaceId);
  const writer = client(name);
  const watcher = client(name);
  await waitFor(() => writer.provider.synced && watcher.provider.synced, "synced");
  const slow = new WebSocket(`${running.url.replace(/^http/, "ws")}/sync/${name}`, { headers: { cookie: editor } });
  sockets.push(slow);
  await new Promise((resolve) => slow.once("open", resolve));
  const code = new Promise<number>((resolve) => slow.once("close", (c) => resolve(c)));
  const connections = running.sync.stats().connections;
  // Stop reading: the kernel buffers fill, then the server's own backlog grows past the limit.
  (slow as unknown as { _socket: { pause(): void } })._socket.pause();
  const chunk = "y".repeat(256 * 1024);
  for (let i = 0; i < 60 && running.sync.stats().connections >= connections; i++) {
    writer.doc.getText("slow").insert(0, chunk);
    await new Promise((r) => setTimeout(r, 20));
  }
  await waitFor(() => running.sync.stats().connections < connections, "slow client dropped");
  (slow as unknown as { _socket: { resume(): void } })._socket.resume();
  expect(await code).toBe(CLOSE_CODES.TOO_SLOW);
  await waitFor(
    () => watcher.doc.getText("slow").length === writer.doc.getText("slow").length,
    "watcher has everything",
  );
});
