/**
 * Plan import through the real app on a real libSQL file with the demo tafel: upload a DOCX and
 * a PDF the test makes, read the text and the outline, download the file byte for byte, a second
 * version's changes, "Gebruik als basis", and every refusal and denial — which change nothing.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, planSectionLinks, planVersions, points, workspacePlans } from "../../db/schema/index.ts";
import { createHash } from "node:crypto";
import type {
  PlanVersionChanges,
  PlanVersionDetail,
  PlanVersionList,
  PlanVersionSummary,
} from "../../shared/schemas/plans.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { getPlanVersionText } from "../services/plans/readPlanVersions.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import { addPlan } from "../services/tafels/tafelPlans.ts";
import { makePlanDocx, makePlanPdf, VERVOER_V1 } from "../planImport/testing/planFiles.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { apiError, json } from "../testing/json.ts";

// Every upload boots a parser thread (1–2 s, far more on a machine busy with other suites).
vi.setConfig({ testTimeout: 120_000 });

let ctx: TestContext;
let planId: string;
let swv: string;
let gemeente: string;
let secretaris: string;
let beheerder: string;
let waarnemer: string;

const upload = (bytes: Uint8Array, cookie: string, query = "fileName=plan.docx&label=concept%200.1", id = planId) =>
  ctx.app.request(`/api/plans/${id}/versions?${query}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/octet-stream" },
    body: bytes,
  });
const versionCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(planVersions))[0]!.n;
const eventCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext();
  [swv, gemeente, secretaris, beheerder, waarnemer] = (await Promise.all(
    [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.secretaris, DEMO.beheerder, DEMO.waarnemer].map((e) => ctx.login(e)),
  )) as [string, string, string, string, string];
  // A plan of the SWV without versions: the demo's own plan already has the version it imported.
  ({ planId } = await addPlan(ctx.as(DEMO.beheerder), {
    workspaceId: ctx.demo.workspaceId,
    partyId: ctx.demo.parties.swv.id,
    kind: "ondersteuningsplan",
    title: "Ondersteuningsplan 2027–2031",
    periodStart: 2027,
    periodEnd: 2031,
  }));
  const [plan] = await ctx.deps.database.db.select().from(workspacePlans).where(eq(workspacePlans.id, planId));
  expect(plan!.organisationId).toBe(ctx.demo.parties.swv.id);
});
afterAll(() => ctx.cleanup());

describe("uploading a plan version", () => {
  let first: PlanVersionSummary;

  it("stores a DOCX as version 1 with its hash, text and outline, and logs it", async () => {
    const bytes = await makePlanDocx();
    const res = await upload(bytes, swv);
    expect(res.status).toBe(201);
    first = await json<PlanVersionSummary>(res);
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(first).toMatchObject({ seq: 1, label: "concept 0.1", fileName: "plan.docx", fileKind: "docx", sha256: sha });
    expect(first.kenmerk).toBe(sha.slice(0, 12).toUpperCase().match(/.{4}/g)!.join("-"));

    const detail = await json<PlanVersionDetail>(
      await ctx.request(`/api/plan-versions/${first.id}`, { cookie: gemeente }),
    );
    expect(detail.text.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      " ",
      "1 Inleiding",
      "1.1 Doelen",
      "2 Leerlingenvervoer",
      "3 Middelen",
    ]);
    const [event] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "plan.version_uploaded"), eq(auditEvents.entityId, planId)));
    expect(event).toMatchObject({ entityType: "plan", entityId: planId });
    expect(JSON.parse(event!.data)).toMatchObject({ versionId: first.id, seq: 1, sha256: sha, fileName: "plan.docx" });
  });

  it("gives the original file back byte for byte", async () => {
    const res = await ctx.request(`/api/plan-versions/${first.id}/file`, { cookie: waarnemer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    expect(res.headers.get("content-disposition")).toContain("plan.docx");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(first.sha256);
  });

  it("stores a second upload as version 2 and shows per section what changed", async () => {
    const res = await upload(
      await makePlanDocx({ vervoer: `${VERVOER_V1.slice(0, -1)} en in het voortgezet onderwijs.`, extraChapter: true }),
      secretaris,
      "fileName=plan-v2.docx",
    );
    expect(res.status).toBe(201);
    const second = await json<PlanVersionSummary>(res);
    expect(second).toMatchObject({ seq: 2, label: "versie 2" });
    const changes = await json<PlanVersionChanges>(
      await ctx.request(`/api/plan-versions/${second.id}/changes`, { cookie: gemeente }),
    );
    expect(changes.previous?.id).toBe(first.id);
    expect(changes.changes.map((c) => `${c.status} ${c.title}`)).toEqual([
      "unchanged ",
      "unchanged Inleiding",
      "unchanged Doelen",
      "changed Leerlingenvervoer",
      "added Thuiszitters",
      "unchanged Middelen",
    ]);
    const vervoer = changes.changes[3]!.blocks[0]!;
    // Only the words that were added are marked; nothing was removed.
    expect(vervoer.change === "changed" && vervoer.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "added", text: expect.stringContaining("en in het voortgezet") as string },
    ]);
    const list = await json<PlanVersionList>(await ctx.request(`/api/plans/${planId}/versions`, { cookie: gemeente }));
    expect(list.versions.map((v) => v.seq)).toEqual([2, 1]);
    expect(list.canImport).toBe(false);
    const first2 = await json<PlanVersionChanges>(
      await ctx.request(`/api/plan-versions/${first.id}/changes`, { cookie: swv }),
    );
    expect(first2).toEqual({ previous: null, changes: [] });
  });

  it("reads a PDF too", async () => {
    const res = await upload(await makePlanPdf(), swv, "fileName=plan.pdf");
    expect(res.status).toBe(201);
    const version = await json<PlanVersionSummary>(res);
    expect(version.fileKind).toBe("pdf");
    const text = await getPlanVersionText(ctx.as(DEMO.groningenTrekker), { versionId: version.id });
    expect(text.sections.map((s) => s.number)).toEqual(["1", "1.1", "2", "3"]);
  });
});

describe("refusals change nothing", () => {
  const refused = async (res: Response | Promise<Response>, status: number, code: string) => {
    const r = await res;
    expect(r.status).toBe(status);
    const error = await apiError(r);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[a-z]/);
    return error;
  };

  it("refuses bad files with a Dutch reason and stores nothing", async () => {
    const before = [await versionCount(), await eventCount()];
    await refused(upload(new Uint8Array(), swv), 422, "FILE_EMPTY");
    await refused(upload(Buffer.from("%!PS-Adobe tekst"), swv, "fileName=plan.pdf"), 415, "FILE_TYPE_UNSUPPORTED");
    const pdf = await makePlanPdf({ userPassword: "geheim" });
    expect((await refused(upload(pdf, swv, "fileName=plan.pdf"), 422, "FILE_ENCRYPTED")).message).toContain(
      "wachtwoord",
    );
    const docx = await makePlanDocx();
    await refused(upload(docx.subarray(0, 2000), swv), 422, "FILE_UNREADABLE");
    expect([await versionCount(), await eventCount()]).toEqual(before);
  });

  it("refuses a file over 25 MB before reading it", async () => {
    const before = await versionCount();
    const error = await refused(upload(new Uint8Array(25 * 1024 * 1024 + 1), swv), 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toContain("25 MB");
    expect(await versionCount()).toBe(before);
  });

  it("refuses bad names and labels", async () => {
    const bytes = await makePlanDocx();
    await refused(upload(bytes, swv, "label=x"), 400, "VALIDATION_FAILED");
    await refused(upload(bytes, swv, "fileName=a%00b.docx"), 400, "VALIDATION_FAILED");
    await refused(upload(bytes, swv, `fileName=p.docx&label=${"x".repeat(81)}`), 400, "VALIDATION_FAILED");
  });

  it("contains a parser that hangs: a Dutch error, nothing stored, the next upload works", async () => {
    const before = await versionCount();
    const hang = importPlanVersion(ctx.as(DEMO.swvTrekker), {
      planId,
      fileName: "plan.docx",
      bytes: await makePlanDocx(),
      parser: {
        timeoutMs: 3000,
        maxOldGenerationSizeMb: 64,
        entry: new URL("../planImport/testing/hostileWorkers.ts?mode=hang", import.meta.url).href,
      },
    });
    await expect(hang).rejects.toMatchObject({ code: "PARSER_FAILED" });
    expect(await versionCount()).toBe(before);
    expect((await upload(await makePlanDocx(), swv)).status).toBe(201);
  });

  it("lets only the owning party's werkgroep and the secretaris upload", async () => {
    const before = await versionCount();
    const bytes = await makePlanDocx();
    await refused(upload(bytes, gemeente), 403, "FORBIDDEN");
    await refused(upload(bytes, waarnemer), 403, "FORBIDDEN");
    await refused(upload(bytes, beheerder), 403, "FORBIDDEN");
    await refused(upload(bytes, await ctx.login(DEMO.swvBestuurder)), 403, "FORBIDDEN");
    await refused(upload(bytes, ""), 401, "UNAUTHENTICATED");
    await refused(upload(bytes, swv, undefined, "onbekend"), 404, "NOT_FOUND");
    expect(await versionCount()).toBe(before);
  });

  it("keeps plan text from whoever may not read the tafel's content", async () => {
    const [v] = await ctx.deps.database.db.select({ id: planVersions.id }).from(planVersions).limit(1);
    for (const path of [
      `/api/plan-versions/${v!.id}`,
      `/api/plan-versions/${v!.id}/file`,
      `/api/plans/${planId}/versions`,
    ])
      await refused(ctx.request(path, { cookie: beheerder }), 403, "FORBIDDEN");
    await refused(ctx.request(`/api/plan-versions/${v!.id}`), 401, "UNAUTHENTICATED");
  });
});

describe("Gebruik als basis", () => {
  let versionId: string;
  beforeAll(async () => {
    const [v] = await ctx.deps.database.db
      .select({ id: planVersions.id })
      .from(planVersions)
      .where(and(eq(planVersions.planId, planId), eq(planVersions.seq, 1)))
      .limit(1);
    versionId = v!.id;
  });

  it("starts a point from chosen sections, with bold and lists kept and a link to each section", async () => {
    const res = await ctx.request(`/api/plan-versions/${versionId}/use`, {
      cookie: gemeente,
      body: { sectionIds: ["s1.1", "s2"], theme: "leerlingenvervoer", title: "Vervoer volgens het plan" },
    });
    expect(res.status).toBe(201);
    const { pointId } = await json<{ pointId: string }>(res);
    const point = await json<PointDetail>(await ctx.request(`/api/points/${pointId}`, { cookie: gemeente }));
    expect(point.title).toBe("Vervoer volgens het plan");
    const doc = JSON.stringify(await ctx.deps.documents.readJson(documentNames.point(ctx.demo.workspaceId, pointId)));
    expect(doc).toContain("1.1 Doelen");
    expect(doc).toContain('"bulletList"');
    expect(doc).toContain(VERVOER_V1);
    expect(doc).toContain("paragrafen 1.1, 2");
    const links = await ctx.deps.database.db
      .select()
      .from(planSectionLinks)
      .where(eq(planSectionLinks.targetId, pointId));
    expect(links.map((l) => l.sectionId).sort()).toEqual(["s1.1", "s2"]);
    const detail = await json<PlanVersionDetail>(await ctx.request(`/api/plan-versions/${versionId}`, { cookie: swv }));
    expect(detail.links).toContainEqual({
      sectionId: "s2",
      targetType: "point",
      targetId: pointId,
      targetTitle: "Vervoer volgens het plan",
    });
    const [event] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "plan.sections_used"));
    expect(JSON.parse(event!.data)).toMatchObject({ versionId, sectionIds: ["s1.1", "s2"] });
  });

  it("refuses unknown sections, bad input and roles that do not make points, creating nothing", async () => {
    const pointsBefore = (await ctx.deps.database.db.select({ n: count() }).from(points))[0]!.n;
    const body = { sectionIds: ["s2"], theme: "leerlingenvervoer", title: "Vervoer" };
    const use = (b: unknown, cookie = swv) => ctx.request(`/api/plan-versions/${versionId}/use`, { cookie, body: b });
    expect((await apiError(await use({ ...body, sectionIds: ["s9"] }))).field).toBe("sectionIds");
    expect((await use({ ...body, sectionIds: [] })).status).toBe(400);
    expect((await use({ ...body, sectionIds: ["s2", "s2"] })).status).toBe(400);
    expect((await use({ ...body, sectionIds: ["<script>"] })).status).toBe(400);
    expect((await use({ ...body, theme: "onbekend-thema" })).status).toBe(400);
    expect((await use(body, waarnemer)).status).toBe(403);
    expect((await use(body, await ctx.login(DEMO.groningenWethouder))).status).toBe(403);
    expect((await ctx.deps.database.db.select({ n: count() }).from(points))[0]!.n).toBe(pointsBefore);
  });
});
