/**
 * Versions of a document (issue 12): kept at milestones and on demand, listed, read, compared
 * with words marked; who may keep one; other tafels' documents and versions stay unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { documentVersions } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import type { VersionComparison, VersionSummary, VersionView } from "../../shared/schemas/versions.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import { reply } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
let ws: string;
const cookies: Record<string, string> = {};
const call = <T>(who: string | null, method: string, path: string, body?: unknown) =>
  t.request(path, { method, body, cookie: who ? cookies[who] : undefined }).then((r) => reply<T>(r));
const versions = async (document: string, who = "groningen") =>
  (await call<{ versions: VersionSummary[] }>(who, "GET", `/api/workspaces/${ws}/versions?document=${document}`)).body
    .versions;
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("condition not met in time");
}

/** An edit inside the first paragraph, as a person typing over words would make it. */
function replaceWords(state: Uint8Array | null, from: string, to: string): Uint8Array {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const at = text.toJSON().indexOf(from);
  text.delete(at, from.length);
  text.insert(at, to);
  return Y.encodeStateAsUpdate(doc, before);
}

beforeAll(async () => {
  t = await createTestContext();
  ws = t.demo.workspaceId;
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

describe("versions of a point text", () => {
  it("keeps one at each milestone whose text changed, and compares two with words marked", async () => {
    const created = await call<PointDetail>("swv", "POST", `/api/workspaces/${ws}/points`, {
      theme: "jeugdhulp",
      title: "Versies van een punt",
      text: "Binnen twee weken is er overleg met het gebiedsteam.",
      scope: [t.demo.parties.groningen.id],
    });
    const point = created.body;
    const doc = point.documentName;
    const moved = await call<PointDetail>("groningen", "POST", `/api/points/${point.id}/transitions`, {
      to: "in_bespreking",
      reason: "Besproken in de werkgroep.",
      expectedVersion: point.version,
    });
    expect(moved.status).toBe(200);
    const first = await until(
      () => versions(doc),
      (v) => v.length === 1,
    );
    expect(first[0]).toMatchObject({ reason: "status", name: null });

    // The text changes; a stance on the new text keeps a second version; a second stance on
    // the same text keeps none.
    await t.store.append(doc, [replaceWords(await t.store.load(doc), "twee weken", "tien schooldagen")]);
    t.deps.events.emit("document.stored", { docName: doc });
    await until(
      () => call<PointDetail>("groningen", "GET", `/api/points/${point.id}`),
      (r) => r.body.textHash !== point.textHash,
    );
    expect((await call("swv", "POST", `/api/points/${point.id}/stances`, { stance: "akkoord" })).status).toBe(200);
    const two = await until(
      () => versions(doc),
      (v) => v.length === 2,
    );
    expect(two.map((v) => v.reason)).toEqual(["standpunt", "status"]);
    expect((await call("groningen", "POST", `/api/points/${point.id}/stances`, { stance: "akkoord" })).status).toBe(
      200,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await versions(doc)).toHaveLength(2);

    const old = await call<VersionView>("waarnemer", "GET", `/api/versions/${two[1]!.id}`);
    expect(JSON.stringify(old.body.json)).toContain("twee weken");
    const diff = await call<VersionComparison>(
      "waarnemer",
      "GET",
      `/api/versions/${two[1]!.id}/compare?with=${two[0]!.id}`,
    );
    expect(diff.status).toBe(200);
    const changed = diff.body.changes.filter((c) => c.change === "changed");
    expect(changed).toHaveLength(1);
    const words = changed[0]!.change === "changed" ? changed[0]!.parts : [];
    expect(words.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toContain("twee weken");
    expect(words.filter((p) => p.kind === "added").map((p) => p.text.trim())).toContain("tien schooldagen");
    // Against the current text by default.
    const current = await call<VersionComparison>("groningen", "GET", `/api/versions/${two[0]!.id}/compare`);
    expect(current.body.to).toBeNull();
    expect(current.body.changes.every((c) => c.change === "same")).toBe(true);
  });
});

describe("keeping a named version", () => {
  const spiegel = () => documentNames.spiegelparagraaf(ws);

  it("is for those who may write the text; everyone who reads may list and read", async () => {
    const saved = await call<VersionSummary>("groningen", "POST", `/api/workspaces/${ws}/versions`, {
      document: spiegel(),
      name: "na werkgroep 12 maart",
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ reason: "handmatig", name: "na werkgroep 12 maart" });
    expect(saved.body.createdByName).toBeTruthy();
    // Named versions are kept even when nothing changed.
    expect(
      (await call("swv", "POST", `/api/workspaces/${ws}/versions`, { document: spiegel(), name: "ongewijzigd" }))
        .status,
    ).toBe(201);
    // Newest first; the demo's own first draft of the werkgroep comes after these.
    expect((await versions(spiegel(), "waarnemer")).map((v) => v.name)).toEqual([
      "ongewijzigd",
      "na werkgroep 12 maart",
      "Eerste concept van de werkgroep",
    ]);

    const before = (await t.deps.database.db.select({ n: count() }).from(documentVersions))[0]!.n;
    const refused = await call("waarnemer", "POST", `/api/workspaces/${ws}/versions`, {
      document: spiegel(),
      name: "x y",
    });
    expect(refused.status).toBe(403);
    expect((await call("beheerder", "GET", `/api/workspaces/${ws}/versions?document=${spiegel()}`)).status).toBe(403);
    expect((await call(null, "GET", `/api/workspaces/${ws}/versions?document=${spiegel()}`)).status).toBe(401);
    // Bad names, other tafels, made-up documents.
    const bad = await call("groningen", "POST", `/api/workspaces/${ws}/versions`, {
      document: spiegel(),
      name: "a\u0007b",
    });
    expect(bad.status).toBe(400);
    expect(bad.error.field).toBe("name");
    expect((await call("other", "GET", `/api/versions/${saved.body.id}`)).status).toBe(403);
    expect((await call("other", "GET", `/api/versions/${saved.body.id}/compare`)).status).toBe(403);
    const foreignDoc = await call("groningen", "POST", `/api/workspaces/${ws}/versions`, {
      document: documentNames.point(ws, "bestaatniet"),
      name: "Versie",
    });
    expect(foreignDoc.status).toBe(404);
    expect((await call("groningen", "GET", `/api/versions/bestaatniet/compare`)).status).toBe(404);
    expect(
      (await call("groningen", "GET", `/api/versions/${saved.body.id}/compare?with=${"x".repeat(65)}`)).status,
    ).toBe(400);
    expect((await t.deps.database.db.select({ n: count() }).from(documentVersions))[0]!.n).toBe(before);
  });
});
