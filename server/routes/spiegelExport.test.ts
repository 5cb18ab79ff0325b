/**
 * The spiegelparagraaf as a document (issue 12): DOCX read back with mammoth, PDF text with
 * unpdf; embedded points printed with text, status, stances and signatures; the "versie met
 * wijzigingen" with insertions underlined and deletions struck; an export keeps a version and
 * is logged; denials, hostile ids and other tafels' points and versions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { auditEvents, documentVersions } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { embeddedPointIds } from "../../shared/domain/pointEmbeds.ts";
import type { VersionSummary } from "../../shared/schemas/versions.ts";
import { setContent } from "../documents/prosemirror.ts";
import { createOtherTafel, insertPoint, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import { reply } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
let ws: string;
let other: Awaited<ReturnType<typeof createOtherTafel>>;
const cookies: Record<string, string> = {};
const spiegel = () => documentNames.spiegelparagraaf(ws);

const get = (who: string | null, query: string) =>
  t.request(`/api/workspaces/${ws}/spiegelparagraaf/export${query}`, { cookie: who ? cookies[who] : undefined });
async function docxHtml(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const buffer = Buffer.from(await res.arrayBuffer());
  // Underline is not kept by mammoth unless asked for.
  const { value } = await mammoth.convertToHtml({ buffer }, { styleMap: ["u => u"] });
  return value;
}
async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}
const versionRows = async () =>
  (
    await t.deps.database.db
      .select({ n: count() })
      .from(documentVersions)
      .where(eq(documentVersions.docName, spiegel()))
  )[0]!.n;
async function setSpiegel(json: unknown) {
  await t.deps.documents.write(spiegel(), setContent(json));
}

beforeAll(async () => {
  t = await createTestContext();
  ws = t.demo.workspaceId;
  other = await createOtherTafel(t);
  for (const [k, email] of Object.entries({
    groningen: DEMO.groningenTrekker,
    waarnemer: DEMO.waarnemer,
    beheerder: DEMO.beheerder,
    other: OTHER_SECRETARY,
  }))
    cookies[k] = await t.login(email);
});
afterAll(() => t?.cleanup());

describe("the demo spiegelparagraaf as a document", () => {
  it("prints the prose and each embedded point with its text, status, stances and signatures (DOCX)", async () => {
    const res = await get("waarnemer", "?format=docx");
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    expect(res.headers.get("content-disposition")).toMatch(/spiegelparagraaf-.*\.docx/);
    const html = await docxHtml(res);
    expect(html).toContain("Jeugdhulp is zichtbaar aanwezig");
    expect(html).toContain("Overeenstemmingspunt: Casusoverleg binnen tien schooldagen bij dreigend thuiszitten");
    expect(html).toContain("organiseert de school binnen tien schooldagen een casusoverleg");
    expect(html).toContain("Overeenstemmingspunt: Kwartaalmonitor thuiszitters per gemeente");
    expect(html).toMatch(/Status/);
    expect(html).toContain("Akkoord");
    expect(html).toMatch(/Ja, door [^<]+ op /);
    // What the old draft said is gone: the points are the one source.
    expect(html).not.toContain("twee weken");
  });

  it("says the same in the PDF, and keeps a version and logs the download", async () => {
    const before = await versionRows();
    const text = await pdfText(await get("groningen", "?format=pdf"));
    expect(text).toContain("Spiegelparagraaf");
    expect(text).toContain("Kwartaalmonitor thuiszitters per gemeente");
    expect(text).toContain("Ja, door");
    const [logged] = await t.deps.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, ws), eq(auditEvents.type, "spiegelparagraaf.exported")));
    expect(logged!.n).toBeGreaterThanOrEqual(1);
    // The first export of a changed text keeps it; equal text is not kept twice.
    expect(await versionRows()).toBeGreaterThanOrEqual(before);
    const list = await reply<{ versions: VersionSummary[] }>(
      await t.request(`/api/workspaces/${ws}/versions?document=${spiegel()}`, { cookie: cookies.groningen }),
    );
    expect(list.body.versions.some((v) => v.reason === "export")).toBe(true);
  });

  it("shows the changes since the werkgroep's first draft as insertions and deletions", async () => {
    const list = await reply<{ versions: VersionSummary[] }>(
      await t.request(`/api/workspaces/${ws}/versions?document=${spiegel()}`, { cookie: cookies.groningen }),
    );
    const draft = list.body.versions.find((v) => v.name === "Eerste concept van de werkgroep")!;
    const html = await docxHtml(await get("groningen", `?format=docx&sinds=${draft.id}`));
    expect(html).toContain("versie met wijzigingen");
    expect(html).toMatch(/<s>[^<]*twee weken[^<]*<\/s>/);
    expect(html).toContain("[ingevoegd]");
    expect(html).toMatch(/<u>Overeenstemmingspunt “Casusoverleg binnen tien schooldagen/);
    expect(html).toContain("[verwijderd]");
  });
});

describe("who may export, and what never leaks", () => {
  it("refuses without a session, to a role without content.read and to another tafel, changing nothing", async () => {
    const before = await versionRows();
    expect((await get(null, "?format=pdf")).status).toBe(401);
    expect((await get("beheerder", "?format=pdf")).status).toBe(403);
    expect((await get("other", "?format=pdf")).status).toBe(403);
    const bad = await reply(await get("groningen", "?format=odt"));
    expect(bad.status).toBe(400);
    expect(bad.error.field).toBe("format");
    expect((await get("groningen", "?format=pdf&sinds=..%2F..")).status).toBe(400);
    expect(await versionRows()).toBe(before);
  });

  it("404s a version of another tafel or another document", async () => {
    const otherDoc = documentNames.spiegelparagraaf(other.workspaceId);
    const [foreign] = await t.deps.database.db
      .insert(documentVersions)
      .values({
        id: "vreemdeversie1",
        workspaceId: other.workspaceId,
        docName: otherDoc,
        reason: "handmatig",
        name: "van een andere tafel",
        content: Buffer.from([]),
        contentHash: "x",
        createdBy: null,
        createdAt: new Date().toISOString(),
      })
      .returning();
    const res = await reply(await get("groningen", `?format=docx&sinds=${foreign!.id}`));
    expect(res.status).toBe(404);
    expect(res.error.code).toBe("NOT_FOUND");
    const pointVersion = (
      await t.deps.database.db.select().from(documentVersions).where(eq(documentVersions.workspaceId, ws))
    ).find((v) => v.docName !== spiegel());
    if (pointVersion) expect((await get("groningen", `?format=docx&sinds=${pointVersion.id}`)).status).toBe(404);
  });

  it("prints another tafel's point, or an unknown id, only as “Punt niet gevonden”", async () => {
    const foreign = await insertPoint(t, {
      workspaceId: other.workspaceId,
      theme: "jeugdhulp",
      title: "Geheim punt van een andere tafel",
      status: "in_bespreking",
      text: ["Deze tekst mag nooit in een andere tafel verschijnen."],
    });
    const own = embeddedPointIds(await t.deps.documents.readJson(spiegel()))[0]!;
    await setSpiegel({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Proza met drie punten." }] },
        { type: "overeenstemmingspunt", attrs: { pointId: foreign.id } },
        { type: "overeenstemmingspunt", attrs: { pointId: "bestaat-niet" } },
        { type: "overeenstemmingspunt", attrs: { pointId: own } },
      ],
    });
    for (const format of ["docx", "pdf"] as const) {
      const res = await get("groningen", `?format=${format}`);
      const text = format === "docx" ? await docxHtml(res) : await pdfText(res);
      expect(text).toContain("Proza met drie punten.");
      expect(text).not.toContain("Geheim punt");
      expect(text).not.toContain("nooit in een andere tafel");
      expect(text).not.toContain(foreign.id);
      expect(text.match(/Punt niet gevonden/g)).toHaveLength(2);
      expect(text).toContain("Overeenstemmingspunt:");
    }
  });
});
