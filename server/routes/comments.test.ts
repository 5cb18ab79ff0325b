/**
 * Comments anchored in a text (issue 12, ADR 0012), through the real app: who may comment, who
 * sees a party's internal note (only that party: not in the API, the live stream, the log or an
 * export), mentions, resolve/reopen, and every hostile input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, like } from "drizzle-orm";
import JSZip from "jszip";
import * as Y from "yjs";
import { auditEvents, commentMessages, commentThreads, points } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { CommentThreadView } from "../../shared/schemas/comments.ts";
import { createOtherTafel, OUTSIDER } from "../services/meetings/meetingFixtures.ts";
import { apiError, json } from "../testing/json.ts";
import { sseReader } from "../testing/sseReader.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
let ws: string;
let doc: string;
let otherWs: string;
const cookies: Record<string, string> = {};

/** A real encoded Yjs relative position (what the editor sends), base64url. */
function anchor(): { start: string; end: string } {
  const d = new Y.Doc();
  const text = d.getText("t");
  text.insert(0, "Het samenwerkingsverband meldt binnen tien schooldagen.");
  const enc = (i: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString("base64url");
  return { start: enc(4), end: enc(24) };
}

const post = (who: string, body: unknown, workspaceId = ws) =>
  t.request(`/api/workspaces/${workspaceId}/comments`, { cookie: cookies[who], body });
const list = async (who: string, document = doc) => {
  const res = await t.request(`/api/workspaces/${ws}/comments?document=${encodeURIComponent(document)}`, {
    cookie: cookies[who],
  });
  expect(res.status).toBe(200);
  return (await json<{ threads: CommentThreadView[] }>(res)).threads;
};
const thread = (body: string, extra: Record<string, unknown> = {}) => ({
  document: doc,
  anchor: anchor(),
  quote: "samenwerkingsverband",
  body,
  ...extra,
});
const dataOf = (m: Awaited<ReturnType<ReturnType<typeof sseReader>["next"]>>) => (m && "data" in m ? m.data : "");
const rows = async () => ({
  threads: (await t.deps.database.db.select({ n: count() }).from(commentThreads))[0]!.n,
  messages: (await t.deps.database.db.select({ n: count() }).from(commentMessages))[0]!.n,
});

beforeAll(async () => {
  t = await createTestContext();
  ws = t.demo.workspaceId;
  doc = documentNames.spiegelparagraaf(ws);
  otherWs = (await createOtherTafel(t)).workspaceId;
  const who = {
    swv: DEMO.swvTrekker,
    groningen: DEMO.groningenTrekker,
    groningenWethouder: DEMO.groningenWethouder,
    tynaarlo: DEMO.tynaarloTrekker,
    secretaris: DEMO.secretaris,
    waarnemer: DEMO.waarnemer,
    beheerder: DEMO.beheerder,
    outsider: OUTSIDER,
  };
  for (const [k, email] of Object.entries(who)) cookies[k] = await t.login(email);
});
afterAll(() => t?.cleanup());

describe("comments on the spiegelparagraaf", () => {
  it("an all-party comment reaches every reader, is logged, and a reply names a party", async () => {
    const res = await post("groningen", thread("Graag 'tien schooldagen', zoals in het punt."));
    expect(res.status).toBe(201);
    const created = await json<CommentThreadView>(res);
    expect(created).toMatchObject({ visibility: "alle", status: "open", partyName: "Gemeente Groningen" });
    expect(created.messages[0]).toMatchObject({ authorPartyName: "Gemeente Groningen" });

    for (const who of ["swv", "tynaarlo", "secretaris", "waarnemer", "groningenWethouder"])
      expect((await list(who)).map((x) => x.id)).toContain(created.id);

    const tynaarloParty = t.demo.parties.tynaarlo.id;
    const replied = await t.request(`/api/comments/${created.id}/replies`, {
      cookie: cookies.swv,
      body: { body: "Akkoord; Tynaarlo, kunt u hiermee leven?", mentions: { partyIds: [tynaarloParty] } },
    });
    expect(replied.status).toBe(201);
    expect((await json<CommentThreadView>(replied)).messages).toHaveLength(2);
    // "Aan mij gericht" for Tynaarlo, not for Groningen.
    expect((await list("tynaarlo")).find((x) => x.id === created.id)!.aimedAtMe).toBe(true);
    expect((await list("groningen")).find((x) => x.id === created.id)!.aimedAtMe).toBe(false);

    const logged = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(logged.map((e) => e.type)).toEqual(["comment.opened", "comment.replied"]);
  });

  it("read-only members comment too: the waarnemer and the wethouder; the beheerder and outsiders not", async () => {
    expect((await post("waarnemer", thread("Vraag van de waarnemer."))).status).toBe(201);
    expect((await post("groningenWethouder", thread("Opmerking van de wethouder."))).status).toBe(201);
    const before = await rows();
    expect((await post("beheerder", thread("Beheer"))).status).toBe(403);
    expect((await post("outsider", thread("Buiten"))).status).toBe(403);
    expect((await t.request(`/api/workspaces/${ws}/comments`, { body: thread("Anoniem") })).status).toBe(401);
    expect(await rows()).toEqual(before);
  });

  it("resolves and reopens, once each, logged", async () => {
    const id = (await json<CommentThreadView>(await post("tynaarlo", thread("Klopt dit?")))).id;
    const resolved = await t.request(`/api/comments/${id}/resolve`, { method: "POST", cookie: cookies.swv });
    expect(resolved.status).toBe(200);
    expect(await json<CommentThreadView>(resolved)).toMatchObject({
      status: "opgelost",
      resolvedByName: expect.any(String) as string,
    });
    const again = await t.request(`/api/comments/${id}/resolve`, { method: "POST", cookie: cookies.swv });
    expect(again.status).toBe(409);
    expect((await apiError(again)).message).toContain("al opgelost");
    const reopened = await t.request(`/api/comments/${id}/reopen`, { method: "POST", cookie: cookies.groningen });
    expect((await json<CommentThreadView>(reopened)).status).toBe("open");
    const logged = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(logged.map((e) => e.type)).toEqual(["comment.opened", "comment.resolved", "comment.reopened"]);
  });
});

describe("a party's internal note", () => {
  const SECRET = "Intern: wij gaan niet akkoord met de termijn, eerst wethouder raadplegen";

  it("reaches only that party — not the API, the live stream, the log or an export of another party", async () => {
    const tynaarloStream = sseReader(await t.request(`/api/workspaces/${ws}/events`, { cookie: cookies.tynaarlo }));
    const groningenStream = sseReader(
      await t.request(`/api/workspaces/${ws}/events`, { cookie: cookies.groningenWethouder }),
    );
    expect((await tynaarloStream.next())!).toMatchObject({ event: "ready" });
    expect((await groningenStream.next())!).toMatchObject({ event: "ready" });

    const res = await post("groningen", thread(SECRET, { visibility: "partij" }));
    expect(res.status).toBe(201);
    const note = await json<CommentThreadView>(res);

    // Groningen's own wethouder hears of it and reads it.
    expect(JSON.parse(dataOf(await groningenStream.next()))).toMatchObject({ entity: "comment" });
    expect((await list("groningenWethouder")).map((x) => x.id)).toContain(note.id);

    // Tynaarlo's stream stays silent until an all-party comment, which it does hear.
    await post("swv", thread("Voor iedereen"));
    const heard = JSON.parse(dataOf(await tynaarloStream.next())) as { type: string };
    expect(heard.type).toBe("comment.opened");
    await expect(tynaarloStream.next(300)).rejects.toThrow("no SSE data in time");
    await tynaarloStream.cancel();
    await groningenStream.cancel();

    for (const who of ["tynaarlo", "swv", "secretaris", "waarnemer"]) {
      const seen = await list(who);
      expect(seen.map((x) => x.id)).not.toContain(note.id);
      expect(JSON.stringify(seen)).not.toContain("wethouder raadplegen");
    }
    // Replying to or resolving it is answered as if it did not exist.
    for (const path of ["replies", "resolve", "reopen"]) {
      const r = await t.request(`/api/comments/${note.id}/${path}`, {
        method: "POST",
        cookie: cookies.tynaarlo,
        ...(path === "replies" ? { body: { body: "Meelezen?" } } : {}),
      });
      expect(r.status).toBe(404);
    }

    // Not in the tafel's log, which every party reads and exports print.
    const inLog = await t.deps.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(like(auditEvents.data, "%wethouder raadplegen%"));
    expect(inLog[0]!.n).toBe(0);
    expect((await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, note.id))).length).toBe(
      0,
    );

    // Not in an export either.
    const oplegger = await t.request(`/api/workspaces/${ws}/oplegger?format=docx`, { cookie: cookies.groningen });
    expect(oplegger.status).toBe(200);
    const zip = await JSZip.loadAsync(await oplegger.arrayBuffer());
    expect(await zip.file("word/document.xml")!.async("string")).not.toContain("wethouder raadplegen");
  });

  it("needs a party, and names only its own party's people", async () => {
    const before = await rows();
    const noParty = await post("secretaris", thread("Intern", { visibility: "partij" }));
    expect(noParty.status).toBe(400);
    expect((await apiError(noParty)).field).toBe("visibility");

    const swvMember = t.demo.members[DEMO.swvTrekker]!.userId;
    const otherParty = t.demo.parties.tynaarlo.id;
    const namesOther = await post(
      "groningen",
      thread("Intern", { visibility: "partij", mentions: { userIds: [swvMember] } }),
    );
    expect((await apiError(namesOther)).field).toBe("mentions.userIds");
    const namesParty = await post(
      "groningen",
      thread("Intern", { visibility: "partij", mentions: { partyIds: [otherParty] } }),
    );
    expect((await apiError(namesParty)).field).toBe("mentions.partyIds");
    expect(await rows()).toEqual(before);
  });
});

describe("hostile input changes nothing", () => {
  it("refuses other tafels' documents and threads, unknown documents, bad anchors, control characters", async () => {
    const before = await rows();
    const expectRefused = async (res: Response, status: number, field?: string) => {
      expect(res.status).toBe(status);
      if (field) expect((await apiError(res)).field).toBe(field);
    };
    // Another tafel's document under my tafel, and my document under another tafel.
    await expectRefused(
      await post("groningen", thread("x", { document: documentNames.spiegelparagraaf(otherWs) })),
      404,
      "document",
    );
    expect((await post("groningen", thread("x"), otherWs)).status).toBe(403);
    // A point that does not exist at this tafel; a name that is not a document at all.
    await expectRefused(
      await post("groningen", thread("x", { document: documentNames.point(ws, "bestaatniet") })),
      404,
    );
    await expectRefused(await post("groningen", thread("x", { document: "tafel/../../etc" })), 404);
    // Anchors: not base64url, not a relative position, too long.
    await expectRefused(await post("groningen", thread("x", { anchor: { start: "!!", end: "AA" } })), 400);
    await expectRefused(
      await post("groningen", thread("x", { anchor: { start: "_____", end: anchor().end } })),
      400,
      "anchor.start",
    );
    await expectRefused(await post("groningen", thread("x", { anchor: { start: "A".repeat(400), end: "AA" } })), 400);
    // Control characters and empty text.
    await expectRefused(await post("groningen", thread("bel\u0007tekst")), 400, "body");
    await expectRefused(await post("groningen", thread("   ")), 400, "body");
    await expectRefused(await post("groningen", thread("x", { quote: "a\u0000b" })), 400, "quote");
    await expectRefused(await post("groningen", thread("x", { visibility: "geheim" })), 400, "visibility");
    // Someone who is not at this tafel, mentioned.
    await expectRefused(
      await post("groningen", thread("x", { mentions: { userIds: ["niemand"] } })),
      400,
      "mentions.userIds",
    );
    expect(await rows()).toEqual(before);

    // A thread of another tafel is unknown here; its listing needs a document of this tafel.
    const [point] = await t.deps.database.db.select().from(points).where(eq(points.workspaceId, ws)).limit(1);
    expect((await list("groningen", documentNames.point(ws, point!.id))).length).toBeGreaterThanOrEqual(0);
    const foreign = await t.request(
      `/api/workspaces/${ws}/comments?document=${documentNames.spiegelparagraaf(otherWs)}`,
      {
        cookie: cookies.groningen,
      },
    );
    expect(foreign.status).toBe(404);
  });
});
