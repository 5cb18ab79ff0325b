/**
 * Points end to end over the network: a real server on port 0, real y-websocket editing of a
 * point's text, the REST workflow, and the SSE stream that tells other clients. Proves the text
 * watcher is wired to the sync server's `document.stored`, and the agenda lock to its access
 * check.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/collab/protocol.ts";
import { textHash } from "../../shared/domain/textHash.ts";
import type { BoardView, PointDetail, PointSummary, SignoffView } from "../../shared/schemas/points.ts";
import type { WorkspaceView } from "../../shared/schemas/workspace.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { reply, type Reply } from "../testing/json.ts";
import { appendParagraph, login, openClient, waitFor, type TestClient } from "../sync/testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let ws: string;
const cookie: Record<string, string> = {};
const clients: TestClient[] = [];

async function api<T>(who: string, method: string, path: string, body?: unknown): Promise<Reply<T>> {
  return reply<T>(
    await fetch(`${running.url}${path}`, {
      method,
      headers: { cookie: cookie[who]!, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
  );
}
const get = async (id: string): Promise<PointDetail> =>
  (await api<PointDetail>(DEMO.secretaris, "GET", `/api/points/${id}`)).body;

/** Reads `event: change` messages from a real SSE response, with arrival times. */
function liveChanges(res: Response) {
  const seen: Array<{ type: string; entityId: string; at: number }> = [];
  // Node's fetch types leave a body's chunk type open; a response body yields bytes.
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: change$/m.test(block) && data) {
          const change = JSON.parse(data) as { type: string; entityId: string };
          seen.push({ ...change, at: Date.now() });
        }
      }
    }
  })();
  return { seen, stop: () => reader.cancel() };
}

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-points-live-");
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: true });
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  ws = tafel!.id;
  for (const email of [
    DEMO.swvTrekker,
    DEMO.groningenTrekker,
    DEMO.swvBestuurder,
    DEMO.groningenWethouder,
    DEMO.secretaris,
    DEMO.waarnemer,
  ]) {
    cookie[email] = await login(running.url, email);
  }
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running?.close();
  tmp?.cleanup();
});

describe("a point's life over the network", () => {
  it("edits over y-websocket, agreement by stances and signatures, a signed text locked, Herzien voids it, all heard live", async () => {
    const live = await fetch(`${running.url}/api/workspaces/${ws}/events`, {
      headers: { cookie: cookie[DEMO.waarnemer]! },
    });
    expect(live.status).toBe(200);
    const changes = liveChanges(live);

    const tafel = (await api<WorkspaceView>(DEMO.secretaris, "GET", `/api/workspaces/${ws}`)).body;
    const groningen = tafel.parties.find((p) => p.name === "Gemeente Groningen")!.id;
    const created = await api<PointDetail>(DEMO.swvTrekker, "POST", `/api/workspaces/${ws}/points`, {
      theme: "leerplicht_thuiszitters",
      title: "Live: verzuimmelding binnen drie dagen",
      scope: [groningen],
      text: "Scholen melden ongeoorloofd verzuim binnen drie schooldagen.",
    });
    expect(created.status).toBe(201);
    const point = created.body;

    // The ambtenaar edits the text live; the watcher follows the durable state.
    const editor = openClient(running.url, point.documentName, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(editor);
    await waitFor(() => editor.provider.synced, "editor synced");
    appendParagraph(editor.doc, "Leerplicht neemt binnen een week contact op met ouders.");
    const edited = await waitFor(async () => {
      const d = await get(point.id);
      return d.textHash !== point.textHash ? d : null;
    }, "hash follows the edit");
    expect(edited.textHash).toBe(textHash(await running.deps.documents.readJson(point.documentName)));

    expect(
      (
        await api(DEMO.groningenTrekker, "POST", `/api/points/${point.id}/transitions`, {
          to: "in_bespreking",
          reason: "Start",
          expectedVersion: edited.version,
        })
      ).status,
    ).toBe(200);
    await api(DEMO.swvTrekker, "POST", `/api/points/${point.id}/stances`, {
      stance: "akkoord",
      textHash: edited.textHash,
    });
    const akkoord = await api<PointDetail>(DEMO.groningenTrekker, "POST", `/api/points/${point.id}/stances`, {
      stance: "akkoord",
      textHash: edited.textHash,
    });
    expect(akkoord.body.status).toBe("ambtelijk_akkoord");
    await api(DEMO.swvBestuurder, "POST", `/api/points/${point.id}/signoffs`, { textHash: edited.textHash });
    const signed = await api<{ signoff: SignoffView; point: PointDetail }>(
      DEMO.groningenWethouder,
      "POST",
      `/api/points/${point.id}/signoffs`,
      { textHash: edited.textHash },
    );
    expect(signed.status).toBe(201);
    expect(signed.body.point.status).toBe("overeenstemming");
    await waitFor(
      () => changes.seen.some((c) => c.entityId === point.id && c.type === "point.signed"),
      "sign-off heard live",
    );

    // Nobody voids a signature by typing: the open editor is re-authorised read-only, its edit refused.
    await waitFor(() => editor.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED), "editor re-authorised");
    await waitFor(() => editor.provider.synced, "editor reconnected");
    appendParagraph(editor.doc, "Na de ondertekening toegevoegd.");
    await waitFor(() => editor.denied.length > 0, "edit refused");
    await running.sync.flush();
    expect((await get(point.id)).textHash).toBe(edited.textHash);

    // Herzien reopens the agreement: both signatures are voided (logged), and every client hears it.
    const agreed = await get(point.id);
    const herzien = await api(DEMO.secretaris, "POST", `/api/points/${point.id}/transitions`, {
      to: "herzien",
      reason: "De afspraak wordt herzien.",
      expectedVersion: agreed.version,
    });
    expect(herzien.status).toBe(200);
    await waitFor(
      () => changes.seen.find((c) => c.entityId === point.id && c.type === "point.reopened"),
      "voided signatures heard live",
    );
    const voided = await get(point.id);
    expect(voided.status).toBe("herzien");
    expect(voided.signoffs.map((s) => s.verouderd)).toEqual([true, true]);
    const board = (await api<BoardView>(DEMO.waarnemer, "GET", `/api/workspaces/${ws}/board`)).body;
    expect(board.points.find((p) => p.id === point.id)).toMatchObject({
      status: "herzien",
      verouderdeSignoffs: 2,
    });
    await changes.stop();
  });

  it("agendating locks the text: open editors are re-authorised read-only and their edits are not stored", async () => {
    const list = (
      await api<{ points: PointSummary[] }>(
        DEMO.secretaris,
        "GET",
        `/api/workspaces/${ws}/points?status=ambtelijk_akkoord`,
      )
    ).body.points;
    const target = list[0]!;
    const editor = openClient(running.url, `tafel.${ws}.punt.${target.id}`, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(editor);
    await waitFor(() => editor.provider.synced, "editor synced");
    const before = await get(target.id);
    const res = await api(DEMO.secretaris, "POST", `/api/points/${target.id}/transitions`, {
      to: "geagendeerd",
      reason: "Formeel OOGO",
      expectedVersion: before.version,
    });
    expect(res.status).toBe(200);
    await waitFor(() => editor.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED), "socket closed for re-authorisation");
    await waitFor(() => editor.provider.synced, "reconnected");
    appendParagraph(editor.doc, "Dit mag niet meer worden opgeslagen.");
    await waitFor(() => editor.denied.length > 0, "edit refused: the socket is read-only now");
    await running.sync.flush();
    expect(textHash(await running.deps.documents.readJson(before.documentName))).toBe(before.textHash);
    expect((await get(target.id)).status).toBe("geagendeerd");
  });
});
