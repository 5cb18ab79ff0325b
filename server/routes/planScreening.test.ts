/**
 * The stored screening of a plan version (issue 14) through the real app on a real libSQL file:
 * screened at import and stored, screened lazily for a version stored without one or by an older
 * algorithm, read with the parties' opinions and a disagreement flag, re-screened for a second
 * version with what moved, and "Maak bespreekpunt" — plus the denials.
 */
import { and, asc, eq } from "drizzle-orm";
import { writeFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, bespreekpunten, memberships, planScreenings, users, workspacePlans } from "../../db/schema/index.ts";
import { SCREENING_ALGORITHM_VERSION } from "../../shared/domain/screening/index.ts";
import type { BespreekpuntView } from "../../shared/schemas/bespreekpunten.ts";
import type { PlanScreeningView } from "../../shared/schemas/screening.ts";
import {
  makeScreeningDocx,
  SCREENING_JEUGDHULP,
  SCREENING_VERVOER_V1,
  SCREENING_VERVOER_V2,
} from "../planImport/testing/screeningPlan.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import { addPlan } from "../services/tafels/tafelPlans.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

// Every import (and a lazy screening) boots a parser thread: 1–2 s, more on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
let ws: string;
let planId: string;
let v1: string;
let v2: string;
const cookies = {} as Record<"swv" | "gro" | "amb" | "sec" | "waarnemer" | "beheerder" | "otherSec", string>;
const AMBTENAAR = DEMO.tynaarloTrekker;

const screening = async (version: string, cookie = cookies.waarnemer, tafel = ws) => {
  const res = await ctx.request(`/api/workspaces/${tafel}/screening/${version}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<PlanScreeningView>(res);
};
const theme = (s: PlanScreeningView, key: string) => s.themes.find((t) => t.key === key)!;
const setOpinion = (version: string, key: string, body: unknown, cookie: string, tafel = ws) =>
  ctx.request(`/api/workspaces/${tafel}/screening/${version}/opinions/${key}`, { method: "PUT", body, cookie });
const makeBespreekpunt = (version: string, key: string, cookie: string, tafel = ws) =>
  ctx.request(`/api/workspaces/${tafel}/screening/${version}/themes/${key}/bespreekpunt`, { method: "POST", cookie });
/** PDF text breaks lines anywhere: compare without whitespace. */
const squash = (t: string) => t.replace(/\s+/g, "");
const stored = async (version: string) =>
  (await ctx.deps.database.db.select().from(planScreenings).where(eq(planScreenings.versionId, version)))[0];

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  await createOtherTafel(ctx);
  // A member of the ambtelijke werkgroep who is not the trekker: reads, may not judge for the party.
  const [amb] = await ctx.deps.database.db.select({ id: users.id }).from(users).where(eq(users.email, AMBTENAAR));
  await ctx.deps.database.db
    .update(memberships)
    .set({ role: "ambtenaar" })
    .where(and(eq(memberships.userId, amb!.id), eq(memberships.workspaceId, ws)));
  for (const [key, email] of Object.entries({
    swv: DEMO.swvTrekker,
    gro: DEMO.groningenTrekker,
    amb: AMBTENAAR,
    sec: DEMO.secretaris,
    waarnemer: DEMO.waarnemer,
    beheerder: DEMO.beheerder,
    otherSec: OTHER_SECRETARY,
  }))
    cookies[key as keyof typeof cookies] = await ctx.login(email);
  // A plan of the SWV without versions: the demo's own plan already has the version it imported.
  ({ planId } = await addPlan(ctx.as(DEMO.beheerder), {
    workspaceId: ws,
    partyId: ctx.demo.parties.swv.id,
    kind: "ondersteuningsplan",
    title: "Ondersteuningsplan 2027–2031",
    periodStart: 2027,
    periodEnd: 2031,
  }));
  v1 = (
    await importPlanVersion(ctx.as(DEMO.swvTrekker), {
      planId,
      fileName: "plan.docx",
      label: "concept 0.1",
      bytes: await makeScreeningDocx(1),
    })
  ).id;
});
afterAll(() => ctx?.cleanup());

describe("a plan version's screening", () => {
  it("is made at import and stored with the algorithm version; the upload's log names the scores", async () => {
    const row = await stored(v1);
    expect(row).toMatchObject({ workspaceId: ws, algorithmVersion: SCREENING_ALGORITHM_VERSION });
    const [event] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, ws),
          eq(auditEvents.type, "plan.version_uploaded"),
          eq(auditEvents.entityId, planId),
        ),
      );
    expect(eventData(event!)).toMatchObject({
      screening: { algorithmVersion: SCREENING_ALGORITHM_VERSION, scores: { jeugdhulp: 3, leerlingenvervoer: 1 } },
    });
  });

  it("is read per theme and overleg question with score, scale label, evidence and signals in words", async () => {
    const s = await screening(v1);
    expect(s.previous).toBeNull();
    expect(s.moves).toEqual([]);
    expect(s.themes.map((t) => t.key)).toContain("bestuurlijk_overleg");
    expect(s.themes.map((t) => t.key)).toContain("ambtelijk_overleg");
    const jeugd = theme(s, "jeugdhulp");
    expect(jeugd).toMatchObject({ score: 3, scoreLabel: "Uitgewerkt", offersBespreekpunt: false });
    expect(jeugd.evidence[0]).toMatchObject({
      sectionNumber: "1",
      sectionTitle: "Jeugdhulp",
      quote: SCREENING_JEUGDHULP,
    });
    expect(jeugd.evidence[0]!.signals).toContain("afspraak als feit");
    expect(jeugd.signals.join(" ")).toContain("binnen zes weken");
    // No internal keys reach the reader.
    expect(JSON.stringify(jeugd.signals) + JSON.stringify(jeugd.evidence)).not.toMatch(/theme_word|agreement|_case/);
    expect(theme(s, "leerlingenvervoer")).toMatchObject({
      score: 1,
      scoreLabel: "Standaardtekst",
      offersBespreekpunt: true,
    });
    expect(theme(s, "onderwijshuisvesting")).toMatchObject({ score: 0, evidence: [], offersBespreekpunt: true });
    // The waarnemer reads but neither judges nor makes bespreekpunten.
    expect(s).toMatchObject({ opinionPartyId: null, canMakeBespreekpunt: false });
    expect(await screening(v1, cookies.swv)).toMatchObject({
      opinionPartyId: ctx.demo.parties.swv.id,
      canMakeBespreekpunt: true,
    });
  });

  it("is screened on first read when it was stored without one or by an older algorithm, and then kept", async () => {
    await ctx.deps.database.db.delete(planScreenings).where(eq(planScreenings.versionId, v1));
    expect(theme(await screening(v1), "jeugdhulp").score).toBe(3);
    const again = await stored(v1);
    expect(again?.algorithmVersion).toBe(SCREENING_ALGORITHM_VERSION);

    // An older algorithm's proposal (here: a made-up one) is replaced, not shown.
    const old = JSON.parse(again!.result) as { themes: Array<{ key: string; score: number }> };
    old.themes.find((t) => t.key === "jeugdhulp")!.score = 0;
    await ctx.deps.database.db
      .update(planScreenings)
      .set({ algorithmVersion: SCREENING_ALGORITHM_VERSION - 1, result: JSON.stringify(old) })
      .where(eq(planScreenings.versionId, v1));
    expect(theme(await screening(v1), "jeugdhulp").score).toBe(3);
    // The same algorithm's stored proposal is what readers get: no second screening.
    await ctx.deps.database.db
      .update(planScreenings)
      .set({ result: JSON.stringify(old) })
      .where(eq(planScreenings.versionId, v1));
    expect(theme(await screening(v1), "jeugdhulp").score).toBe(0);
    old.themes.find((t) => t.key === "jeugdhulp")!.score = 3;
    await ctx.deps.database.db
      .update(planScreenings)
      .set({ result: JSON.stringify(old) })
      .where(eq(planScreenings.versionId, v1));
  });

  it("shows every party's opinion next to the proposal and says when parties differ", async () => {
    const swv = await setOpinion(
      v1,
      "leerlingenvervoer",
      { score: 2, reason: "Hoofdstuk 2 gaat over onze eigen regio.", quote: SCREENING_VERVOER_V1 },
      cookies.swv,
    );
    expect(swv.status, await swv.clone().text()).toBe(200);
    let vervoer = theme(await screening(v1), "leerlingenvervoer");
    expect(vervoer).toMatchObject({ score: 1, disagreement: false, agreed: 2 });
    expect(vervoer.opinions).toMatchObject([{ score: 2, quote: SCREENING_VERVOER_V1 }]);
    expect(
      (await setOpinion(v1, "leerlingenvervoer", { score: 1, reason: "Er staat geen afspraak." }, cookies.gro)).status,
    ).toBe(200);
    vervoer = theme(await screening(v1), "leerlingenvervoer");
    expect(vervoer).toMatchObject({ score: 1, disagreement: true, agreed: null });
    expect(vervoer.opinions.map((o) => o.score).sort()).toEqual([1, 2]);
  });

  it("refuses an opinion from the ambtenaar, waarnemer, secretaris and beheerder, and stores nothing", async () => {
    const body = { score: 0, reason: "Niets over jeugdhulp." };
    for (const who of ["amb", "waarnemer", "sec", "beheerder"] as const) {
      const res = await setOpinion(v1, "jeugdhulp", body, cookies[who]);
      expect(res.status, who).toBe(403);
    }
    expect(theme(await screening(v1), "jeugdhulp").opinions).toEqual([]);
  });

  it("answers 404 for another tafel's version and for a version under another tafel's id", async () => {
    // The other tafel's secretaris asks for this tafel's version under its own tafel: unknown there.
    const [otherWs] = await ctx.deps.database.db
      .select({ id: memberships.workspaceId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(users.email, OTHER_SECRETARY));
    const res = await ctx.request(`/api/workspaces/${otherWs!.id}/screening/${v1}`, { cookie: cookies.otherSec });
    expect(res.status).toBe(404);
    expect(
      (await setOpinion(v1, "jeugdhulp", { score: 1, reason: "Reden." }, cookies.otherSec, otherWs!.id)).status,
    ).toBe(404);
    expect((await makeBespreekpunt(v1, "leerlingenvervoer", cookies.otherSec, otherWs!.id)).status).toBe(404);
    // And a stranger cannot read this tafel's screening at all.
    expect((await ctx.request(`/api/workspaces/${ws}/screening/${v1}`, { cookie: cookies.otherSec })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${ws}/screening/onbekend`, { cookie: cookies.swv })).status).toBe(404);
    expect((await ctx.request(`/api/workspaces/${ws}/screening/${v1}`, { cookie: cookies.beheerder })).status).toBe(
      403,
    );
  });

  it.each([
    ["a score of 7", { score: 7, reason: "Heel goed." }],
    ["a score as text", { score: "3", reason: "Tekst." }],
    ["a control character in the reason", { score: 1, reason: "Zie\u0007 hier." }],
    ["a control character in the quote", { score: 1, reason: "Zie citaat.", quote: "een\u001bcitaat" }],
    ["a lone surrogate in the quote", { score: 1, reason: "Zie citaat.", quote: "half \ud800 teken" }],
    ["an extra field", { score: 1, reason: "Zie citaat.", proposal: 3 }],
  ])("refuses %s with VALIDATION_FAILED and changes nothing", async (_name, body) => {
    const res = await setOpinion(v1, "jeugdhulp", body, cookies.swv);
    expect(res.status).toBe(400);
    expect((await apiError(res)).code).toBe("VALIDATION_FAILED");
    expect(theme(await screening(v1), "jeugdhulp").opinions).toEqual([]);
  });
});

describe("Maak bespreekpunt", () => {
  it("makes a bespreekpunt for a theme at 0–1 with theme, question and a link to version and section; logged", async () => {
    const res = await makeBespreekpunt(v1, "leerlingenvervoer", cookies.gro);
    expect(res.status, await res.clone().text()).toBe(201);
    const { bespreekpunt } = await json<{ bespreekpunt: BespreekpuntView }>(res);
    expect(bespreekpunt).toMatchObject({
      theme: "leerlingenvervoer",
      planVersionId: v1,
      planSectionId: "s2",
      status: "niet_besproken",
      askedBy: "gemeente",
    });
    expect(bespreekpunt.question).toContain("concept 0.1");
    const [event] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, bespreekpunt.id), eq(auditEvents.type, "bespreekpunt.created")));
    expect(eventData(event!)).toMatchObject({ planVersionId: v1, planSectionId: "s2", theme: "leerlingenvervoer" });
    expect(theme(await screening(v1), "leerlingenvervoer").bespreekpuntId).toBe(bespreekpunt.id);
  });

  it("lists the bespreekpunt with its source: the plan's title, the version and the section's number and title", async () => {
    const res = await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, { cookie: cookies.waarnemer });
    expect(res.status).toBe(200);
    const { items } = await json<{ items: BespreekpuntView[] }>(res);
    const [plan] = await ctx.deps.database.db.select().from(workspacePlans).where(eq(workspacePlans.id, planId));
    const made = items.find((i) => i.planVersionId === v1 && i.theme === "leerlingenvervoer");
    expect(made?.planSource).toEqual({
      planTitle: plan!.title,
      versionId: v1,
      versionLabel: "concept 0.1",
      sectionId: "s2",
      sectionNumber: "2",
      sectionTitle: "Leerlingenvervoer",
    });
    // The leeswijzer's own questions come from no plan section: no source.
    expect(items.filter((i) => !i.planVersionId).every((i) => i.planSource === null)).toBe(true);
    expect(items.some((i) => !i.planVersionId)).toBe(true);
  });

  it("works for an overleg question (no theme of the tafel), refuses a second one and a theme worked out", async () => {
    const amb = await makeBespreekpunt(v1, "ambtelijk_overleg", cookies.amb);
    expect(amb.status, await amb.clone().text()).toBe(201);
    expect((await json<{ bespreekpunt: BespreekpuntView }>(amb)).bespreekpunt).toMatchObject({ theme: null });
    expect(theme(await screening(v1), "ambtelijk_overleg").bespreekpuntId).not.toBeNull();
    const again = await makeBespreekpunt(v1, "leerlingenvervoer", cookies.swv);
    expect(again.status).toBe(409);
    const worked = await makeBespreekpunt(v1, "jeugdhulp", cookies.swv);
    expect(worked.status).toBe(409);
    expect((await apiError(worked)).code).toBe("ILLEGAL_TRANSITION");
  });

  it("is refused to the waarnemer and for an unknown theme, and makes nothing", async () => {
    const before = await ctx.deps.database.db.select().from(bespreekpunten).where(eq(bespreekpunten.workspaceId, ws));
    expect((await makeBespreekpunt(v1, "onderwijshuisvesting", cookies.waarnemer)).status).toBe(403);
    expect((await makeBespreekpunt(v1, "zwemles", cookies.swv)).status).toBe(404);
    expect((await makeBespreekpunt(v1, "Zwem-les", cookies.swv)).status).toBe(400);
    const after = await ctx.deps.database.db.select().from(bespreekpunten).where(eq(bespreekpunten.workspaceId, ws));
    expect(after).toHaveLength(before.length);
  });
});

describe("a new version", () => {
  it("is screened again and shows per theme the previous and the new score and the passages that came and went", async () => {
    v2 = (
      await importPlanVersion(ctx.as(DEMO.swvTrekker), {
        planId,
        fileName: "plan-v2.docx",
        label: "concept 0.2",
        bytes: await makeScreeningDocx(2),
      })
    ).id;
    const s = await screening(v2);
    expect(s.previous).toMatchObject({ versionId: v1, label: "concept 0.1", seq: 1 });
    const vervoer = s.moves.find((m) => m.key === "leerlingenvervoer")!;
    expect(vervoer).toMatchObject({ previousScore: 1, score: 3, moved: true });
    expect(vervoer.evidenceAdded.map((e) => e.quote)).toEqual([SCREENING_VERVOER_V2]);
    expect(vervoer.evidenceRemoved.map((e) => e.quote)).toEqual([SCREENING_VERVOER_V1]);
    expect(s.moves.find((m) => m.key === "jeugdhulp")).toMatchObject({ previousScore: 3, score: 3, moved: false });
    // Opinions belong to the version they judged: the new version starts without.
    expect(theme(s, "leerlingenvervoer").opinions).toEqual([]);
    expect(
      (await ctx.deps.database.db.select().from(planScreenings).orderBy(asc(planScreenings.screenedAt))).map(
        (r) => r.versionId,
      ),
    ).toEqual(expect.arrayContaining([v1, v2]));
  });
});

describe("the oplegger's screening appendix", () => {
  it("gives per theme the proposal, the cited passages and each party's opinion, in Dutch", async () => {
    expect(
      (
        await setOpinion(
          v2,
          "onderwijshuisvesting",
          { score: 1, reason: "Huisvesting staat in het IHP, niet in het plan.", quote: null },
          cookies.gro,
        )
      ).status,
    ).toBe(200);
    const res = await ctx.request(`/api/workspaces/${ws}/oplegger?format=pdf`, { cookie: cookies.sec });
    expect(res.status, await res.clone().text()).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // OPLEGGER_PDF=/tmp/x.pdf keeps the file, to look at the page (pdftoppm) while working on it.
    if (process.env.OPLEGGER_PDF) writeFileSync(process.env.OPLEGGER_PDF, bytes);
    const pdf = await getDocumentProxy(bytes.slice(0));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    const appendix = text.slice(text.indexOf("Bijlage: screening van het plan"));
    expect(appendix.length).toBeLessThan(text.length);
    for (const s of [
      "Versie 2: concept 0.2",
      "Voorstel: 3 – Uitgewerkt.",
      "Voorstel: 0 – Niet beschreven.",
      "2 Leerlingenvervoer",
      "Gemeente Groningen",
      "Huisvesting staat in het IHP, niet in het plan.",
      "Nog geen partij gaf een eigen score.",
      "1 – Standaardtekst",
    ])
      expect(appendix, s).toContain(s);
    expect(squash(appendix)).toContain(squash(SCREENING_VERVOER_V2));
    expect(appendix).not.toMatch(/theme_word|agreement|"score"/);
  });
});
