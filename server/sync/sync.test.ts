/**
 * The sync endpoint end to end: a real server on port 0 with a real libSQL file, real
 * y-websocket providers (and raw sockets for protocol abuse), real HTTP logins.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { users } from "../../db/schema/index.ts";
import {
  CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  MESSAGE_SAVE_ACK,
  PERMISSION_DENIED_REASON,
  documentNames,
} from "../../shared/collab/protocol.ts";
import { createSession } from "../auth/sessions.ts";
import { newId } from "../auth/tokens.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import {
  ackCovers,
  closed,
  login,
  openClient,
  rawConnect,
  roundTrip,
  waitFor,
  type TestClient,
} from "./testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let workspaceId: string;
let docName: string;
const cookies: Record<string, string> = {};
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

const wsUrl = (name: string) => `${running.url.replace(/^http/, "ws")}/sync/${name}`;
const client = (cookie: string | undefined, opts: { saveAck?: boolean; name?: string } = {}) => {
  const c = openClient(running.url, opts.name ?? docName, { cookie, saveAck: opts.saveAck });
  clients.push(c);
  return c;
};
const raw = async (cookie: string | undefined, name = docName) => {
  const result = await rawConnect(wsUrl(name), cookie);
  if (result.ws) sockets.push(result.ws);
  return result;
};
/** The stored (durable) text of a field, read straight from the store. */
const storedText = async (field: string) => {
  const doc = new Y.Doc();
  const state = await running.store.load(docName);
  if (state) Y.applyUpdate(doc, state);
  return doc.getText(field).toJSON();
};

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-sync-");
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: true });
  const { db } = running.deps.database;
  const [tafel] = await db.query.workspaces.findMany({ limit: 1 });
  workspaceId = tafel!.id;
  docName = documentNames.spiegelparagraaf(workspaceId);
  const emails = [
    DEMO.swvTrekker,
    DEMO.groningenTrekker,
    DEMO.tynaarloTrekker,
    DEMO.waarnemer,
    DEMO.beheerder,
    DEMO.groningenWethouder,
  ];
  await Promise.all(
    emails.map(async (email) => {
      cookies[email] = await login(running.url, email);
    }),
  );
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  await running.close();
  tmp.cleanup();
});

describe("editing together", () => {
  test("two editors converge, and the store holds both edits", async () => {
    const stored: string[] = [];
    const off = running.deps.events.on("document.stored", ({ docName: name }) => stored.push(name));
    const a = client(cookies[DEMO.swvTrekker]);
    const b = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => a.provider.synced && b.provider.synced, "both synced");
    // The seeded spiegelparagraaf arrives with the first sync.
    expect(a.doc.getXmlFragment("default").length).toBeGreaterThan(0);
    a.doc.getText("converge").insert(0, "Eva schrijft. ");
    b.doc.getText("converge").insert(0, "Sanne vult aan. ");
    await waitFor(() => {
      const ta = a.doc.getText("converge").toJSON();
      return ta.length === "Eva schrijft. Sanne vult aan. ".length && ta === b.doc.getText("converge").toJSON();
    }, "convergence");
    await running.sync.flush();
    expect(await storedText("converge")).toBe(a.doc.getText("converge").toJSON());
    // Other features (text hashes) hear about every commit.
    off();
    expect(stored).toContain(docName);
  });

  test("save-ack (type 100) goes only to clients that ask, after the commit, and covers the edit", async () => {
    const a = client(cookies[DEMO.swvTrekker], { saveAck: true });
    const stock = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => a.provider.synced && stock.provider.synced, "synced");
    // The handshake's (empty) sync step 2 is acknowledged at once: nothing is pending.
    await waitFor(() => a.acks.length > 0, "initial ack");

    const seenAtAck: string[] = [];
    const handler = a.provider.messageHandlers[MESSAGE_SAVE_ACK]!;
    a.provider.messageHandlers[MESSAGE_SAVE_ACK] = (...args) => {
      handler(...args);
      // Record what storage holds at the moment the ack arrives.
      void storedText("ack").then((t) => seenAtAck.push(t));
    };
    a.doc.getText("ack").insert(0, "bewaard");
    await waitFor(() => ackCovers(a.acks.at(-1), a.doc), "ack covering the edit");
    await waitFor(() => seenAtAck.includes("bewaard"), "stored text seen at ack time");
    await waitFor(() => stock.doc.getText("ack").toJSON() === "bewaard", "broadcast to the stock client");
    expect(stock.received).not.toContain(MESSAGE_SAVE_ACK);
    expect(stock.acks).toHaveLength(0);

    // A deletion does not move a state vector; the trailing message count still says it is stored.
    const before = a.acks.at(-1)!.durableMessages!;
    a.doc.getText("ack").delete(0, 3);
    await waitFor(() => (a.acks.at(-1)?.durableMessages ?? 0) > before, "ack of the deletion");
    expect(await storedText("ack")).toBe("aard");
  });
});

describe("read-only members", () => {
  test("a waarnemer receives the document and presence, but its edits reach neither the store nor others", async () => {
    const w = client(cookies[DEMO.waarnemer], { saveAck: true });
    const e = client(cookies[DEMO.swvTrekker]);
    await waitFor(() => w.provider.synced && e.provider.synced, "synced");
    expect(w.doc.getXmlFragment("default").length).toBeGreaterThan(0);

    w.doc.getText("readonly").insert(0, "geheim");
    w.doc.getText("readonly").insert(0, "nogmaals");
    await roundTrip(w);
    expect(w.denied).toEqual([PERMISSION_DENIED_REASON]);

    e.doc.getText("readonly").insert(0, "open");
    await waitFor(() => w.doc.getText("readonly").toJSON().includes("open"), "editor's text reaches the waarnemer");
    expect(e.doc.getText("readonly").toJSON()).toBe("open");
    await running.sync.flush();
    expect(await storedText("readonly")).toBe("open");
    // Nothing of the waarnemer was ever acknowledged as stored.
    expect(w.acks.every((ack) => !ack.stateVector.has(w.doc.clientID))).toBe(true);

    // Presence is allowed, under the name the server knows (whatever the client claims).
    w.provider.awareness.setLocalStateField("user", { name: "Iemand Anders" });
    const presence = () =>
      e.provider.awareness.getStates().get(w.doc.clientID) as { user?: { name?: string } } | undefined;
    await waitFor(() => presence()?.user?.name === "Marloes Visser", "waarnemer presence");
  });

  test("a bestuurder (no text.edit) is read-only on the spiegelparagraaf", async () => {
    const b = client(cookies[DEMO.groningenWethouder]);
    await waitFor(() => b.provider.synced, "synced");
    b.doc.getText("bestuurder").insert(0, "x");
    await waitFor(() => b.denied.length === 1, "permission denied");
    await running.sync.flush();
    expect(await storedText("bestuurder")).toBe("");
  });
});

describe("authorisation at upgrade", () => {
  test("no or invalid session → 401; unknown route, bad name, unknown tafel or point → 404; non-member → 403", async () => {
    expect((await raw(undefined)).status).toBe(401);
    expect((await raw("oogo_sessie=ongeldig")).status).toBe(401);
    // 401 comes first: without a session nothing about documents is revealed.
    expect((await raw(undefined, "onzin")).status).toBe(401);
    const member = cookies[DEMO.swvTrekker];
    expect((await rawConnect(`${running.url.replace(/^http/, "ws")}/elders/${docName}`, member)).status).toBe(404);
    expect((await raw(member, "onzin")).status).toBe(404);
    expect((await raw(member, "tafel.bestaatniet.spiegelparagraaf")).status).toBe(404);
    expect((await raw(member, documentNames.point(workspaceId, "bestaatniet"))).status).toBe(404);
    expect((await raw(member, documentNames.minutes(workspaceId, "bestaatniet"))).status).toBe(404);

    const { db } = running.deps.database;
    const outsiderId = newId();
    await db.insert(users).values({
      id: outsiderId,
      email: "buiten@example.nl",
      name: "Buitenstaander",
      passwordHash: null,
      createdAt: new Date().toISOString(),
    });
    const session = await createSession(db, outsiderId, 1);
    expect((await raw(`oogo_sessie=${session.token}`)).status).toBe(403);

    const ok = await raw(member);
    expect(ok.status).toBe(101);
  });

  test("revoking a role closes the socket with 4001; the client returns with the new rights", async () => {
    const memberRes = await fetch(`${running.url}/api/workspaces/${workspaceId}/members`, {
      headers: { cookie: cookies[DEMO.beheerder]! },
    });
    const { members } = (await memberRes.json()) as { members: Array<{ id: string; email: string }> };
    // The secretaris edits texts too; a party's only trekker may not be demoted (409, issue 15).
    const target = members.find((m) => m.email === DEMO.secretaris)!;
    const tynaarloCookie = await login(running.url, DEMO.secretaris);

    const t = client(tynaarloCookie);
    await waitFor(() => t.provider.synced, "synced");
    const patch = await fetch(`${running.url}/api/workspaces/${workspaceId}/members/${target.id}`, {
      method: "PATCH",
      headers: { cookie: cookies[DEMO.beheerder]!, "content-type": "application/json" },
      body: JSON.stringify({ role: "waarnemer" }),
    });
    expect(patch.status).toBe(200);
    await waitFor(() => t.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED), "close 4001 after the role change");
    // Reconnected, now read-only.
    await waitFor(() => t.provider.synced, "resynced");
    t.doc.getText("revoked").insert(0, "mag niet meer");
    await waitFor(() => t.denied.length === 1, "denied after the role change");

    const del = await fetch(`${running.url}/api/workspaces/${workspaceId}/members/${target.id}`, {
      method: "DELETE",
      headers: { cookie: cookies[DEMO.beheerder]! },
    });
    expect(del.status).toBe(200);
    await waitFor(
      () => t.closeCodes.filter((c) => c === CLOSE_CODES.ACCESS_CHANGED).length === 2,
      "close 4001 after removal",
    );
    expect((await raw(tynaarloCookie)).status).toBe(403);
    await running.sync.flush();
    expect(await storedText("revoked")).toBe("");
  });

  test("logging out closes that session's sockets with 4005", async () => {
    const cookie = await login(running.url, DEMO.groningenTrekker);
    const c = client(cookie);
    const other = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => c.provider.synced && other.provider.synced, "synced");
    const res = await fetch(`${running.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect(res.status).toBeLessThan(300);
    await waitFor(() => c.closeCodes.includes(CLOSE_CODES.SESSION_ENDED), "close 4005");
    // The same user's other session is untouched.
    expect(other.closeCodes).toEqual([]);
  });

  test("document.accessChanged closes every socket of that document with 4001", async () => {
    const a = client(cookies[DEMO.swvTrekker]);
    const b = client(cookies[DEMO.waarnemer]);
    await waitFor(() => a.provider.synced && b.provider.synced, "synced");
    running.deps.events.emit("document.accessChanged", { docName });
    await waitFor(
      () => a.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED) && b.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED),
      "both closed",
    );
    await waitFor(() => a.provider.synced && b.provider.synced, "both back");
  });
});

describe("hygiene", () => {
  const garbage: Array<[string, number[]]> = [
    ["overlong varint", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    ["unknown message type", [7, 1, 2]],
    ["unknown sync message", [0, 9, 0]],
    ["truncated update", [0, 2, 50, 1, 2]],
    ["update that Yjs rejects", [0, 2, 6, 1, 1, 200, 1, 0, 255]],
    ["bad state vector", [0, 0, 3, 5, 0xff, 0xff]],
    ["bad awareness", [1, 4, 1, 1, 1, 0x7b]],
    ["empty frame", []],
  ];

  test.each(garbage)("%s closes only that connection with 4003", async (_label, bytes) => {
    const e = client(cookies[DEMO.swvTrekker]);
    await waitFor(() => e.provider.synced, "synced");
    const { ws } = await raw(cookies[DEMO.groningenTrekker]);
    const code = closed(ws!);
    ws!.send(new Uint8Array(bytes));
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
    // The server keeps serving the others.
    const f = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => f.provider.synced, "a new client syncs");
    e.doc.getText("after-garbage").insert(0, "x");
    await waitFor(() => f.doc.getText("after-garbage").toJSON().length > 0, "edit still flows");
  });

  test("an update malformed halfway is refused whole: nothing of it is applied, stored or broadcast", async () => {
    const e = client(cookies[DEMO.swvTrekker]);
    await waitFor(() => e.provider.synced, "synced");
    const src = new Y.Doc();
    src.getText("halfway").insert(0, "xyz");
    const update = Y.encodeStateAsUpdate(src);
    // Valid structs, then a delete set that claims 5 clients and ends: Yjs throws after integrating.
    update[update.length - 1] = 5;
    const frame = new Uint8Array([0, 2, update.length, ...update]);
    const { ws } = await raw(cookies[DEMO.groningenTrekker]);
    const code = closed(ws!);
    ws!.send(frame);
    expect(await code).toBe(CLOSE_CODES.MALFORMED_MESSAGE);
    await running.sync.flush();
    const fresh = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => fresh.provider.synced, "fresh client synced");
    expect(fresh.doc.getText("halfway").toJSON()).toBe("");
    expect(e.doc.getText("halfway").toJSON()).toBe("");
    expect(await storedText("halfway")).toBe("");
  });

  test("an oversize frame closes with 1009 and nothing of it is applied", async () => {
    const e = client(cookies[DEMO.swvTrekker]);
    await waitFor(() => e.provider.synced, "synced");
    const big = new Y.Doc();
    big.getText("oversize").insert(0, "x".repeat(MAX_MESSAGE_BYTES));
    const update = Y.encodeStateAsUpdate(big);
    const header = [0, 2];
    let n = update.length;
    while (n > 0x7f) {
      header.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    header.push(n);
    const frame = new Uint8Array(header.length + update.length);
    frame.set(header);
    frame.set(update, header.length);
    const { ws } = await raw(cookies[DEMO.groningenTrekker]);
    const code = closed(ws!);
    ws!.send(frame);
    expect(await code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
    const f = client(cookies[DEMO.groningenTrekker]);
    await waitFor(() => f.provider.synced, "a new client syncs");
    expect(f.doc.getText("oversize").length).toBe(0);
    await running.sync.flush();
    expect(await storedText("oversize")).toBe("");
  });
});
