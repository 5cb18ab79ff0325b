/**
 * "Deze versie terugzetten" (issue 12): the text becomes the version's text as one new edit
 * through the sync server, nothing is lost (the text as it stood is kept as a version), the log
 * names the version and who restored it, and comments whose text came back are anchored again.
 * Refused: read-only roles, other tafels' versions (404), bad ids, protected text (409).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { auditEvents, points } from "../../db/schema/index.ts";
import { anchoredText, encodeAnchor } from "../../shared/collab/commentAnchors.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { TEXT_LOCKED_STATUSES } from "../../shared/domain/pointStatus.ts";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import type { CommentThreadView } from "../../shared/schemas/comments.ts";
import type { RestoreOutcome, VersionSummary } from "../../shared/schemas/versions.ts";
import { setContent } from "../documents/prosemirror.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import { reply } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
let ws: string;
let doc: string;
const cookies: Record<string, string> = {};
const call = <T>(who: string | null, method: string, path: string, body?: unknown) =>
  t.request(path, { method, body, cookie: who ? cookies[who] : undefined }).then((r) => reply<T>(r));
const paragraphs = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});
const stored = async (name: string) => {
  const d = new Y.Doc();
  const state = await t.deps.documents.readState(name);
  if (state) Y.applyUpdate(d, state);
  return d;
};
const saveVersion = async (document: string, name: string) =>
  (await call<VersionSummary>("swv", "POST", `/api/workspaces/${ws}/versions`, { document, name })).body;

beforeAll(async () => {
  t = await createTestContext();
  ws = t.demo.workspaceId;
  doc = documentNames.spiegelparagraaf(ws);
  await createOtherTafel(t);
  for (const [k, email] of Object.entries({
    swv: DEMO.swvTrekker,
    groningen: DEMO.groningenTrekker,
    waarnemer: DEMO.waarnemer,
    beheerder: DEMO.beheerder,
    other: OTHER_SECRETARY,
  }))
    cookies[k] = await t.login(email);
});
afterAll(() => t?.cleanup());

describe("restoring a version of the spiegelparagraaf", () => {
  it("makes the text the version's again, keeps what stood as a version, logs it and re-anchors comments", async () => {
    const then = paragraphs("Overleg is tweemaandelijks met alle partijen.", "Tweede alinea.");
    await t.deps.documents.write(doc, setContent(then));
    const v1 = await saveVersion(doc, "na werkgroep 12 maart");

    // A comment on "tweemaandelijks", as the editor anchors it.
    const before = await stored(doc);
    const text = (before.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = text.toJSON().indexOf("tweemaandelijks");
    const anchor = encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, at, -1),
      Y.createRelativePositionFromTypeIndex(text, at + "tweemaandelijks".length, -1),
    );
    const thread = await call<CommentThreadView>("groningen", "POST", `/api/workspaces/${ws}/comments`, {
      document: doc,
      anchor,
      quote: "tweemaandelijks",
      body: "Is dat niet te vaak?",
      mentions: { userIds: [], partyIds: [] },
    });
    expect(thread.status).toBe(201);
    // The SWV's internal note on the same words: re-anchored too, but never counted for another party.
    const note = await call<CommentThreadView>("swv", "POST", `/api/workspaces/${ws}/comments`, {
      document: doc,
      anchor,
      quote: "tweemaandelijks",
      body: "Intern: vasthouden aan tweemaandelijks.",
      visibility: "partij",
      mentions: { userIds: [], partyIds: [] },
    });
    expect(note.status).toBe(201);

    // Later the word is typed over: the comment's text is gone.
    await t.deps.documents.write(
      doc,
      setContent(paragraphs("Overleg is elk kwartaal met alle partijen.", "Tweede alinea.", "Derde alinea.")),
    );
    expect(anchoredText(await stored(doc), anchor)).toBe("verwijderd");

    const restored = await call<RestoreOutcome>("groningen", "POST", `/api/versions/${v1.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.reanchored).toBe(1);
    expect(restored.body.version.reason).toBe("hersteld");
    expect(restored.body.version.name).toBe("Teruggezet: na werkgroep 12 maart");
    expect(await t.deps.documents.readJson(doc)).toEqual(then);

    // The thread covers its quote again.
    const threads = await call<{ threads: CommentThreadView[] }>(
      "groningen",
      "GET",
      `/api/workspaces/${ws}/comments?document=${doc}`,
    );
    const again = threads.body.threads.find((x) => x.id === thread.body.id)!;
    expect(anchoredText(await stored(doc), again.anchor)).toEqual({ text: "tweemaandelijks" });
    const own = await call<{ threads: CommentThreadView[] }>(
      "swv",
      "GET",
      `/api/workspaces/${ws}/comments?document=${doc}`,
    );
    const internal = own.body.threads.find((x) => x.id === note.body.id)!;
    expect(anchoredText(await stored(doc), internal.anchor)).toEqual({ text: "tweemaandelijks" });

    // Nothing lost: the text as it stood is a version too.
    const list = (
      await call<{ versions: VersionSummary[] }>("swv", "GET", `/api/workspaces/${ws}/versions?document=${doc}`)
    ).body.versions;
    expect(list.map((v) => v.reason).slice(0, 3)).toEqual(["hersteld", "teruggezet", "handmatig"]);
    const keptBefore = await call<{ json: unknown }>("swv", "GET", `/api/versions/${list[1]!.id}`);
    expect(JSON.stringify(keptBefore.body.json)).toContain("elk kwartaal");

    const [event] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, ws), eq(auditEvents.type, "document.version_restored")));
    expect(event!.actorUserId).toBe(t.demo.members[DEMO.groningenTrekker]!.userId);
    expect(JSON.parse(event!.data)).toMatchObject({ versionId: v1.id, versionName: "na werkgroep 12 maart" });
    expect(event!.entityId).toBe(doc);
  });

  it("refuses read-only roles, other tafels, unknown and malformed ids, and changes nothing", async () => {
    const v = await saveVersion(doc, "een versie om niet terug te zetten");
    await t.deps.documents.write(doc, setContent(paragraphs("Nieuwe tekst die moet blijven.")));
    const now = await t.deps.documents.readJson(doc);
    const waarnemer = await call("waarnemer", "POST", `/api/versions/${v.id}/restore`);
    expect(waarnemer.status).toBe(403);
    expect(waarnemer.error.message).toMatch(/mag bewerken/);
    expect((await call("other", "POST", `/api/versions/${v.id}/restore`)).status).toBe(404);
    // The beheerder manages the tafel, not its texts.
    expect((await call("beheerder", "POST", `/api/versions/${v.id}/restore`)).status).toBe(403);
    expect((await call(null, "POST", `/api/versions/${v.id}/restore`)).status).toBe(401);
    expect((await call("swv", "POST", `/api/versions/bestaat-niet/restore`)).status).toBe(404);
    const bad = await call("swv", "POST", `/api/versions/${encodeURIComponent("x'; drop table--")}/restore`);
    expect(bad.status).toBe(400);
    expect(bad.error.code).toBe("VALIDATION_FAILED");
    expect(await t.deps.documents.readJson(doc)).toEqual(now);
  });
});

describe("restoring a version of protected text", () => {
  it("is refused with 409 and a Dutch reason while the point's text is locked", async () => {
    const [locked] = await t.deps.database.db
      .select()
      .from(points)
      .where(and(eq(points.workspaceId, ws), inArray(points.status, [...TEXT_LOCKED_STATUSES])))
      .limit(1);
    const name = documentNames.point(ws, locked!.id);
    const v = await saveVersion(name, "vastgelegde tekst");
    const before = await t.deps.documents.readJson(name);
    const refused = await call("swv", "POST", `/api/versions/${v.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.error.message).toMatch(/De tekst ligt vast.*geen oudere versie/);
    expect(await t.deps.documents.readJson(name)).toEqual(before);
  });
});
