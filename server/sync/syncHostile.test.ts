/**
 * Issue 9 end to end: a message is applied whole or refused whole, poisoned storage loads (with
 * the faulty parts quarantined), presence carries the identity the server knows, and foreign
 * origins are refused on the socket and the API in development and production alike.
 */
import { apiError } from "../testing/json.ts";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { points } from "../../db/schema/index.ts";
import { CLOSE_CODES, documentNames } from "../../shared/collab/protocol.ts";
import { DEMO_ACCOUNTS } from "../demo/demoAccounts.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import {
  ackCovers,
  appendParagraph,
  awarenessMessage,
  closed,
  login,
  openClient,
  rawConnect,
  updateMessage,
  waitFor,
  type TestClient,
} from "./testSupport.ts";

const DEV_ORIGIN = "http://localhost:5173";
let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let workspaceId: string;
const cookies: Record<string, string> = {};
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];
let pointSeq = 0;

const wsUrl = (name: string) => `${running.url.replace(/^http/, "ws")}/sync/${name}`;
const client = (who: string, name: string, opts: { saveAck?: boolean } = {}) => {
  const c = openClient(running.url, name, { cookie: cookies[who], saveAck: opts.saveAck });
  clients.push(c);
  return c;
};
const raw = async (who: string | undefined, name: string, headers: Record<string, string> = {}) => {
  const result = await rawConnect(wsUrl(name), who ? cookies[who] : undefined, headers);
  if (result.ws) sockets.push(result.ws);
  return result;
};
const rows = async (sql: string, args: Array<string | number | Uint8Array> = []) =>
  (await running.deps.database.client.execute({ sql, args })).rows;
/** A fresh point document of our own (the sync server only checks that the point exists). */
async function newPoint(): Promise<string> {
  const id = `hostile-${++pointSeq}`;
  const now = new Date().toISOString();
  await running.deps.database.db.insert(points).values({
    id,
    workspaceId,
    theme: "jeugdhulp",
    title: `Testpunt ${id}`,
    status: "concept",
    textHash: "0".repeat(64),
    createdAt: now,
    updatedAt: now,
  });
  return documentNames.point(workspaceId, id);
}
const logRows = async (name: string) =>
  Number((await rows("SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?", [name]))[0]!.n);

/** A v1 update with one section of client `client` from clock 0; structs written by `write`. */
function handUpdate(client: number, structs: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, structs);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  write(e);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}
/** The report's payload: `01 01 <client> 00 00 00 00`, one GC struct of length 0. */
const gcZero = (client: number) =>
  handUpdate(client, 1, (e) => {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 0);
  });
/** Deleted content of length 0 in root text "t": Yjs throws inside the transaction's cleanup. */
const deletedZero = (client: number) =>
  handUpdate(client, 1, (e) => {
    encoding.writeUint8(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "t");
    encoding.writeVarUint(e, 0);
  });

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-sync-hostile-");
  running = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: tmp.url,
    demo: true,
    devOrigins: [DEV_ORIGIN],
    sync: { log: () => undefined },
  });
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  workspaceId = tafel!.id;
  for (const who of [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker, DEMO.waarnemer])
    cookies[who] = await login(running.url, who);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  await running.close();
  tmp.cleanup();
});

describe("updates are refused whole", () => {
  test("the reported 11-byte update is refused: nothing stored, the oplegger and later edits keep working", async () => {
    const name = await newPoint();
    const a = client(DEMO.swvTrekker, name, { saveAck: true });
    await waitFor(() => a.provider.synced, "synced");
    const before = await logRows(name);
    const { ws } = await raw(DEMO.groningenTrekker, name);
    const code = closed(ws!);
    const frame = updateMessage(gcZero(0x0bad));
    expect(frame.length).toBe(11);
    ws!.send(frame);
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
    await running.sync.flush();
    expect(await logRows(name)).toBe(before);
    const oplegger = await fetch(`${running.url}/api/workspaces/${workspaceId}/oplegger`, {
      headers: { cookie: cookies[DEMO.swvTrekker]! },
    });
    expect(oplegger.status).toBe(200);
    appendParagraph(a.doc, "na de aanval");
    await waitFor(() => ackCovers(a.acks.at(-1), a.doc), "the edit is acknowledged");
  });

  test("a new joiner receives exactly what connected clients hold after a refused update (was: wedged Y.Doc)", async () => {
    // Before the check, this update made Yjs throw inside the server's transaction cleanup; the
    // Y.Doc then applied every later update without emitting it: connected clients stopped
    // receiving edits, storage missed them, and new joiners loaded a different document.
    const name = await newPoint();
    const a = client(DEMO.swvTrekker, name);
    const b = client(DEMO.groningenTrekker, name);
    await waitFor(() => a.provider.synced && b.provider.synced, "synced");
    const { ws } = await raw(DEMO.tynaarloTrekker, name);
    const code = closed(ws!);
    ws!.send(updateMessage(deletedZero(0x0bad)));
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
    a.doc.getText("t").insert(0, "eerlijk");
    await waitFor(() => b.doc.getText("t").toJSON() === "eerlijk", "the edit reaches the other client");
    const c = client(DEMO.tynaarloTrekker, name);
    await waitFor(() => c.provider.synced, "new joiner synced");
    expect(Y.encodeStateAsUpdate(c.doc)).toEqual(Y.encodeStateAsUpdate(a.doc));
    await running.sync.flush();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await running.store.load(name))!);
    expect(stored.getText("t").toJSON()).toBe("eerlijk");
  });

  test("an update whose dependency has not arrived is kept pending, as Yjs does, and completes later", async () => {
    const name = await newPoint();
    const observer = client(DEMO.swvTrekker, name);
    await waitFor(() => observer.provider.synced, "synced");
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on("update", (u: Uint8Array) => updates.push(u));
    author.getText("t").insert(0, "eerst ");
    author.getText("t").insert(6, "daarna");
    const { ws } = await raw(DEMO.groningenTrekker, name);
    // The second edit first: accepted (not malformed), held pending by the server.
    ws!.send(updateMessage(updates[1]!));
    const late = client(DEMO.tynaarloTrekker, name);
    await waitFor(() => late.provider.synced, "late joiner synced");
    expect(late.doc.getText("t").toJSON()).toBe("");
    ws!.send(updateMessage(updates[0]!));
    await waitFor(() => observer.doc.getText("t").toJSON() === "eerst daarna", "both edits reach the observer");
    await waitFor(() => late.doc.getText("t").toJSON() === "eerst daarna", "and the late joiner");
    expect(ws!.readyState).toBe(WebSocket.OPEN);
    await running.sync.flush();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await running.store.load(name))!);
    expect(stored.getText("t").toJSON()).toBe("eerst daarna");
  });

  test("a read-only socket's hostile update is refused as malformed too, before the role matters", async () => {
    const name = await newPoint();
    const { ws } = await raw(DEMO.waarnemer, name);
    const code = closed(ws!);
    ws!.send(updateMessage(gcZero(77)));
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
  });
});

describe("poisoned storage loads, with the faulty parts in sync_quarantine", () => {
  test("faulty log rows are skipped and quarantined; the document, its readers and compaction keep working", async () => {
    const name = await newPoint();
    const honest = new Y.Doc();
    appendParagraph(honest, "bewaard");
    // As stored before the check existed: an honest row between two poisoned ones.
    await running.store.append(name, [gcZero(4242), Y.encodeStateAsUpdate(honest), deletedZero(4343)]);

    // The export path (DocumentReader) reads it without throwing.
    const json = JSON.stringify(await running.deps.documents.readJson(name));
    expect(json).toContain("bewaard");
    const quarantined = await rows(
      "SELECT source, source_id, reason FROM sync_quarantine WHERE doc_name = ? ORDER BY source_id",
      [name],
    );
    expect(quarantined.map((r) => [r.source, r.reason])).toEqual([
      ["log", "zero-length struct"],
      ["log", "zero-length struct"],
    ]);

    // The sync server loads it, edits are acknowledged.
    const a = client(DEMO.swvTrekker, name, { saveAck: true });
    await waitFor(() => a.provider.synced, "synced");
    expect(a.doc.getXmlFragment("default").toJSON()).toContain("bewaard");
    appendParagraph(a.doc, "verder");
    await waitFor(() => ackCovers(a.acks.at(-1), a.doc), "acknowledged");

    // Compaction folds the honest rows and moves nothing faulty into the snapshot; the faulty
    // rows leave the log but stay in quarantine (recorded once).
    await running.sync.flush();
    await running.store.compact(name);
    expect(await logRows(name)).toBe(0);
    expect(await rows("SELECT id FROM sync_quarantine WHERE doc_name = ?", [name])).toHaveLength(2);
    const reread = JSON.stringify(await running.deps.documents.readJson(name));
    expect(reread).toContain("bewaard");
    expect(reread).toContain("verder");
  });

  test("a snapshot with zero-length structs is repaired on load; the original is quarantined", async () => {
    const name = await newPoint();
    const honest = new Y.Doc();
    honest.clientID = 5;
    honest.getText("t").insert(0, "snapshot");
    const good = Y.encodeStateAsUpdate(honest);
    // good = [1 client][1 struct][client 5][clock 0][item…][0 deletes]; add a second section (GC 0).
    const poisoned = new Uint8Array([2, ...good.subarray(1, good.length - 1), 1, 6, 0, 0, 0, 0]);
    await rows(`INSERT INTO doc_snapshots (doc_name, state, up_to_id, updated_at) VALUES (?, ?, 0, ?)`, [
      name,
      poisoned,
      new Date().toISOString(),
    ]);
    const a = client(DEMO.swvTrekker, name);
    await waitFor(() => a.provider.synced, "synced");
    expect(a.doc.getText("t").toJSON()).toBe("snapshot");
    const [row] = await rows("SELECT source, reason FROM sync_quarantine WHERE doc_name = ?", [name]);
    expect([row!.source, row!.reason]).toEqual(["snapshot", "zero-length struct"]);
  });
});

describe("presence carries the identity the server knows", () => {
  const nameOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!.name;

  test("a waarnemer cannot forge another person's presence; its own shows its real name", async () => {
    const name = await newPoint();
    const observer = client(DEMO.swvTrekker, name);
    const victim = client(DEMO.groningenTrekker, name);
    await waitFor(() => observer.provider.synced && victim.provider.synced, "synced");
    victim.provider.awareness.setLocalStateField("user", {
      name: "Sanne (zelf gekozen)",
      partyName: "x",
      color: "#000000",
    });
    const victimState = () =>
      observer.provider.awareness.getStates().get(victim.doc.clientID) as
        { user?: { name: string; partyName: string; color: string }; forged?: boolean } | undefined;
    await waitFor(() => victimState()?.user, "victim's presence");
    // The server replaced what the victim's client claimed.
    expect(victimState()!.user!.name).toBe(nameOf(DEMO.groningenTrekker));
    expect(victimState()!.user!.partyName).not.toBe("x");
    const victimColour = victimState()!.user!.color;
    expect(victimColour).toMatch(/^#[0-9a-f]{6}$/);

    const { ws } = await raw(DEMO.waarnemer, name);
    const attackerId = 999_001;
    const forged = { user: { name: "Vervalst", partyName: "Gemeente", color: victimColour }, forged: true };
    // First the victim's id (with a far higher clock), then a mixed message: victim + own id.
    ws!.send(awarenessMessage([{ clientId: victim.doc.clientID, clock: 1_000_000, state: forged }]));
    ws!.send(
      awarenessMessage([
        { clientId: victim.doc.clientID, clock: 1_000_001, state: forged },
        { clientId: attackerId, clock: 1, state: forged },
      ]),
    );
    await waitFor(() => observer.provider.awareness.getStates().get(attackerId), "the waarnemer's own presence");
    const own = observer.provider.awareness.getStates().get(attackerId) as { user: { name: string; color: string } };
    expect(own.user.name).toBe(nameOf(DEMO.waarnemer));
    expect(victimState()!.forged).toBeUndefined();
    expect(victimState()!.user!.name).toBe(nameOf(DEMO.groningenTrekker));
    // The server's own record (what new joiners get) is clean too.
    const late = client(DEMO.tynaarloTrekker, name);
    await waitFor(() => late.provider.awareness.getStates().get(attackerId), "late joiner sees presence");
    expect(
      (late.provider.awareness.getStates().get(victim.doc.clientID) as { forged?: boolean } | undefined)?.forged,
    ).toBeUndefined();
  });

  test("awareness messages that do not decode whole are refused and change nothing", async () => {
    const name = await newPoint();
    const observer = client(DEMO.swvTrekker, name);
    await waitFor(() => observer.provider.synced, "synced");
    const { ws } = await raw(DEMO.waarnemer, name);
    const code = closed(ws!);
    // One valid entry followed by a broken one: y-protocols would apply the first and then throw.
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 2);
    encoding.writeVarUint(inner, 31337);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify({ a: 1 }));
    encoding.writeVarUint(inner, 31338);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, "{nee");
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    ws!.send(encoding.toUint8Array(outer));
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
    const late = client(DEMO.groningenTrekker, name);
    await waitFor(() => late.provider.synced, "late joiner synced");
    expect(late.provider.awareness.getStates().has(31337)).toBe(false);
    expect(observer.provider.awareness.getStates().has(31337)).toBe(false);
  });
});

describe("Origin", () => {
  const api = (path: string, headers: Record<string, string>) => fetch(`${running.url}${path}`, { headers });

  test("development: a foreign origin is refused on the socket (403, before any data) and on the API (CSRF_REJECTED)", async () => {
    const name = documentNames.spiegelparagraaf(workspaceId);
    // Another port of the same host: the attack from the report.
    const foreign = "http://127.0.0.1:8080";
    expect((await raw(DEMO.swvTrekker, name, { origin: foreign })).status).toBe(403);
    for (const path of ["/api/me", `/api/workspaces/${workspaceId}`]) {
      const res = await api(path, { cookie: cookies[DEMO.swvTrekker]!, origin: foreign });
      expect(res.status).toBe(403);
      expect((await apiError(res)).code).toBe("CSRF_REJECTED");
    }
  });

  test("development: the dev server's origin, the server's own origin and no Origin are accepted", async () => {
    const name = documentNames.spiegelparagraaf(workspaceId);
    for (const headers of [{ origin: DEV_ORIGIN }, { origin: running.url }, {}] as Array<Record<string, string>>) {
      expect((await raw(DEMO.swvTrekker, name, headers)).status).toBe(101);
      expect((await api("/api/me", { cookie: cookies[DEMO.swvTrekker]!, ...headers })).status).toBe(200);
    }
    // Without Origin a socket still needs a valid session.
    expect((await raw(undefined, name)).status).toBe(401);
  });

  test("production: PUBLIC_ORIGIN accepted, foreign and dev origins refused", async () => {
    const prodTmp = tempDatabaseUrl("oogo-sync-origin-prod-");
    const publicOrigin = "https://oogo.example.nl";
    const prod = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: prodTmp.url,
      production: true,
      publicOrigin,
      devOrigins: [DEV_ORIGIN],
      // Production refuses to start without a mail server; nothing is sent in this test.
      mail: { smtpUrl: "smtp://127.0.0.1:9" },
    });
    try {
      const url = `${prod.url.replace(/^http/, "ws")}/sync/${documentNames.spiegelparagraaf("x")}`;
      // Origin is checked before the session: a refused origin learns nothing else.
      expect((await rawConnect(url, undefined, { origin: "https://kwaadaardig.example" })).status).toBe(403);
      expect((await rawConnect(url, undefined, { origin: DEV_ORIGIN })).status).toBe(403);
      expect((await rawConnect(url, undefined, { origin: publicOrigin })).status).toBe(401);
      expect((await rawConnect(url)).status).toBe(401);
      const foreign = await fetch(`${prod.url}/api/health`, {
        headers: { origin: "https://kwaadaardig.example", cookie: "oogo_sessie=x" },
      });
      expect(foreign.status).toBe(403);
      expect((await apiError(foreign)).code).toBe("CSRF_REJECTED");
      expect((await fetch(`${prod.url}/api/health`, { headers: { origin: DEV_ORIGIN } })).status).toBe(403);
      expect((await fetch(`${prod.url}/api/health`, { headers: { origin: publicOrigin } })).status).toBe(200);
      expect((await fetch(`${prod.url}/api/health`)).status).toBe(200);
    } finally {
      await prod.close();
      prodTmp.cleanup();
    }
  });
});
