/**
 * "Gebruik als basis" for the spiegelparagraaf (issue 12): chosen plan sections are appended to
 * the spiegelparagraaf through the sync server, each with a "Bron:" line linking to the section,
 * what was there stays, the plan page shows where the sections went, and the log records it.
 * Refused: roles without text.edit, other tafels, unknown sections, bad input — changing nothing.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { auditEvents, planSectionLinks, workspacePlans } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { PlanVersionDetail, PlanVersionSummary } from "../../shared/schemas/plans.ts";
import { makePlanDocx, VERVOER_V1 } from "../planImport/testing/planFiles.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import { apiError, json } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

// The upload boots a parser thread (1–2 s, far more on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

let ctx: TestContext;
let versionId: string;
let doc: string;
const cookies: Record<string, string> = {};
const use = (body: unknown, who = "gemeente") =>
  ctx.request(`/api/plan-versions/${versionId}/use-in-spiegelparagraaf`, { cookie: cookies[who], body });

beforeAll(async () => {
  ctx = await createTestContext();
  await createOtherTafel(ctx);
  for (const [k, email] of Object.entries({
    swv: DEMO.swvTrekker,
    gemeente: DEMO.groningenTrekker,
    waarnemer: DEMO.waarnemer,
    wethouder: DEMO.groningenWethouder,
    other: OTHER_SECRETARY,
  }))
    cookies[k] = await ctx.login(email);
  const [plan] = await ctx.deps.database.db
    .select()
    .from(workspacePlans)
    .where(eq(workspacePlans.workspaceId, ctx.demo.workspaceId));
  const res = await ctx.app.request(`/api/plans/${plan!.id}/versions?fileName=plan.docx&label=concept%200.1`, {
    method: "POST",
    headers: { cookie: cookies.swv!, "content-type": "application/octet-stream" },
    body: await makePlanDocx(),
  });
  expect(res.status).toBe(201);
  versionId = (await json<PlanVersionSummary>(res)).id;
  doc = documentNames.spiegelparagraaf(ctx.demo.workspaceId);
});
afterAll(() => ctx.cleanup());

it("appends the sections after the existing text, each with a linked Bron line, and logs it", async () => {
  const before = (await ctx.deps.documents.readJson(doc)) as { content: unknown[] };
  const res = await use({ sectionIds: ["s1.1", "s2"] });
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ document: doc, sections: 2 });

  const after = (await ctx.deps.documents.readJson(doc)) as { content: unknown[] };
  // What stood there stays, untouched, in front.
  expect(after.content.slice(0, before.content.length)).toEqual(before.content);
  const added = JSON.stringify(after.content.slice(before.content.length));
  expect(added).toContain("1.1 Doelen");
  expect(added).toContain(VERVOER_V1);
  expect(added).toContain('"text":"Bron: "');
  expect(added).toContain(`/plan?versie=${versionId}#plan-${versionId}-s2`);
  expect(added).toMatch(/"text":"[^"]+ \(concept 0\.1\) §2"/);

  const detail = await json<PlanVersionDetail>(
    await ctx.request(`/api/plan-versions/${versionId}`, { cookie: cookies.gemeente }),
  );
  expect(detail.canUseInSpiegelparagraaf).toBe(true);
  expect(detail.links).toContainEqual({
    sectionId: "s2",
    targetType: "spiegelparagraaf",
    targetId: doc,
    targetTitle: "de spiegelparagraaf",
  });
  const [event] = await ctx.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.type, "plan.sections_used"));
  expect(event).toMatchObject({ entityType: "document", entityId: doc });
  expect(JSON.parse(event!.data)).toMatchObject({ target: "spiegelparagraaf", versionId, sectionIds: ["s1.1", "s2"] });
});

it("refuses roles without text.edit, other tafels, unknown sections and bad input, changing nothing", async () => {
  const text = await ctx.deps.documents.readJson(doc);
  const links = async () => (await ctx.deps.database.db.select({ n: count() }).from(planSectionLinks))[0]!.n;
  const linksBefore = await links();
  expect((await apiError(await use({ sectionIds: ["s9"] }))).field).toBe("sectionIds");
  expect((await use({ sectionIds: [] })).status).toBe(400);
  expect((await use({ sectionIds: ["s2", "s2"] })).status).toBe(400);
  expect((await use({ sectionIds: ["<script>"] })).status).toBe(400);
  expect((await use("geen json")).status).toBe(400);
  expect((await use({ sectionIds: ["s2"] }, "waarnemer")).status).toBe(403);
  expect((await use({ sectionIds: ["s2"] }, "wethouder")).status).toBe(403);
  expect([403, 404]).toContain((await use({ sectionIds: ["s2"] }, "other")).status);
  expect(await ctx.deps.documents.readJson(doc)).toEqual(text);
  expect(await links()).toBe(linksBefore);
});
