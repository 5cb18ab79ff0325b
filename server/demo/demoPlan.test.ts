/**
 * Issue 14 in the demo: a new visitor finds the ondersteuningsplan imported and screened, with the
 * whole scale, a disagreement between the SWV and Groningen, and bespreekpunten that point back to
 * the plan (version, and the passage where there is one) they come from.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, workspacePlans } from "../../db/schema/index.ts";
import type { PlanScreeningView } from "../../shared/schemas/screening.ts";
import { listBespreekpunten } from "../services/bespreekpunten/listBespreekpunten.ts";
import { getPlanVersionText, listPlanVersions } from "../services/plans/readPlanVersions.ts";
import { getPlanScreening } from "../services/screening/planScreening.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { DEMO_PLAN } from "./demoTexts.ts";

let t: TestContext;
let versionId: string;
let screening: PlanScreeningView;
beforeAll(async () => {
  t = await createTestContext();
  const [plan] = await t.deps.database.db
    .select({ id: workspacePlans.id })
    .from(workspacePlans)
    .where(eq(workspacePlans.workspaceId, t.demo.workspaceId));
  const list = await listPlanVersions(t.as(DEMO.waarnemer), { planId: plan!.id });
  expect(list.versions).toHaveLength(1);
  versionId = list.versions[0]!.id;
  screening = await getPlanScreening(t.as(DEMO.waarnemer), {
    workspaceId: t.demo.workspaceId,
    planVersionId: versionId,
  });
});
afterAll(() => t?.cleanup());

const theme = (key: string) => screening.themes.find((th) => th.key === key)!;

describe("the demo's ondersteuningsplan", () => {
  it("is concept 0.4 as a DOCX, imported by the SWV's trekker", async () => {
    const [plan] = await t.deps.database.db
      .select({ id: workspacePlans.id })
      .from(workspacePlans)
      .where(eq(workspacePlans.workspaceId, t.demo.workspaceId));
    const [version] = (await listPlanVersions(t.as(DEMO.secretaris), { planId: plan!.id })).versions;
    expect(version).toMatchObject({ label: DEMO_PLAN.label, fileName: DEMO_PLAN.fileName, fileKind: "docx" });
    expect(version!.sectionCount).toBeGreaterThanOrEqual(DEMO_PLAN.chapters.length);
    const [event] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, t.demo.workspaceId), eq(auditEvents.type, "plan.version_uploaded")));
    expect(event?.actorUserId).toBe(t.demo.members[DEMO.swvTrekker]!.userId);
  });

  it("is screened with the whole scale: themes at 0–1 and at 2–3", () => {
    const scores = screening.themes.filter((th) => th.kind === "theme").map((th) => th.score);
    expect(scores.some((s) => s <= 1)).toBe(true);
    expect(scores.some((s) => s >= 2)).toBe(true);
    expect(Object.fromEntries(screening.themes.map((th) => [th.key, th.score]))).toMatchObject({
      onderwijshuisvesting: 0,
      leerlingenvervoer: 1,
      doorgaande_lijn: 2,
      onderwijs_arbeidsmarkt: 2,
      jeugdhulp: 3,
      leerplicht_thuiszitters: 3,
    });
    // Every proposal above 0 cites a passage of the plan.
    for (const th of screening.themes.filter((x) => x.score > 0)) expect(th.evidence.length).toBeGreaterThan(0);
  });

  it("shows the SWV and Groningen disagreeing on leerplicht, each with a reason, Groningen with a quote from the plan", async () => {
    const leerplicht = theme("leerplicht_thuiszitters");
    expect(leerplicht.disagreement).toBe(true);
    expect(leerplicht.agreed).toBeNull();
    const byParty = Object.fromEntries(leerplicht.opinions.map((o) => [o.partyId, o]));
    expect(byParty[t.demo.parties.swv.id]?.score).toBe(3);
    const groningen = byParty[t.demo.parties.groningen.id]!;
    expect(groningen.score).toBe(2);
    expect(groningen.reason.length).toBeGreaterThan(20);
    const text = await getPlanVersionText(t.as(DEMO.waarnemer), { versionId });
    const paragraphs = text.sections.flatMap((s) => s.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")));
    expect(paragraphs.some((p) => groningen.quote && p.includes(groningen.quote))).toBe(true);
    // Only this theme is disputed, so the disagreement stands out.
    expect(screening.themes.filter((th) => th.disagreement).map((th) => th.key)).toEqual(["leerplicht_thuiszitters"]);
  });

  it("has bespreekpunten that link to their passage in the plan, and leaves one open theme for the visitor", async () => {
    const text = await getPlanVersionText(t.as(DEMO.waarnemer), { versionId });
    const { items } = await listBespreekpunten(t.as(DEMO.waarnemer), { workspaceId: t.demo.workspaceId });
    const linked = items.filter((b) => b.planVersionId === versionId);
    expect(linked.map((b) => b.theme).sort()).toEqual(["onderwijs_arbeidsmarkt", "onderwijshuisvesting"]);
    const stages = linked.find((b) => b.theme === "onderwijs_arbeidsmarkt")!;
    expect(text.sections.find((s) => s.id === stages.planSectionId)?.title).toBe("Onderwijs en arbeidsmarkt");
    expect(stages.leadPartyId).toBe(t.demo.parties.tynaarlo.id);

    // Made from the screening: the plan cites nothing on huisvesting, so the link is to the version only.
    const huisvesting = linked.find((b) => b.theme === "onderwijshuisvesting")!;
    expect(huisvesting).toMatchObject({ planSectionId: null, title: "Onderwijshuisvesting: afspraken in het plan" });
    expect(theme("onderwijshuisvesting").bespreekpuntId).toBe(huisvesting.id);
    // "Maak bespreekpunt" is still there to try, on the theme the plan describes only in general words.
    expect(theme("leerlingenvervoer")).toMatchObject({ score: 1, offersBespreekpunt: true, bespreekpuntId: null });
  });

  it("was imported and judged before the werkgroep started on the bespreekpunten", async () => {
    const log = await t.deps.database.db
      .select({ type: auditEvents.type, at: auditEvents.at })
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, t.demo.workspaceId))
      .orderBy(asc(auditEvents.seq));
    const first = (type: string) => log.findIndex((e) => e.type === type);
    const lastOpinion = log.map((e) => e.type).lastIndexOf("screening.opinion_set");
    expect(first("plan.version_uploaded")).toBeGreaterThan(-1);
    expect(first("plan.version_uploaded")).toBeLessThan(first("screening.opinion_set"));
    expect(lastOpinion).toBeLessThan(first("bespreekpunt.updated"));
  });
});
