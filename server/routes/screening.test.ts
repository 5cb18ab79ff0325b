import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents, workspacePlans } from "../../db/schema/index.ts";
import { makeScreeningDocx } from "../planImport/testing/screeningPlan.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import type { ScreeningOpinionView } from "../../shared/schemas/screening.ts";
import { verdictOf } from "../../shared/domain/screening/index.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";

// The import boots a parser thread (1–2 s, more on a busy machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let ctx: TestContext;
let ws: string;
const cookies: Record<string, string> = {};
let VERSION = "";
const url = (theme: string, version = VERSION, tafel = ws) =>
  `/api/workspaces/${tafel}/screening/${version}/opinions/${theme}`;

async function opinions(cookie = cookies.waarnemer): Promise<ScreeningOpinionView[]> {
  const res = await ctx.request(`/api/workspaces/${ws}/screening/${VERSION}/opinions`, { cookie });
  expect(res.status).toBe(200);
  return (await json<{ opinions: ScreeningOpinionView[] }>(res)).opinions;
}

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  await createOtherTafel(ctx);
  cookies.swv = await ctx.login(DEMO.swvTrekker);
  cookies.gro = await ctx.login(DEMO.groningenTrekker);
  cookies.wethouder = await ctx.login(DEMO.groningenWethouder);
  cookies.sec = await ctx.login(DEMO.secretaris);
  cookies.waarnemer = await ctx.login(DEMO.waarnemer);
  cookies.otherSec = await ctx.login(OTHER_SECRETARY);
  const [plan] = await ctx.deps.database.db.select().from(workspacePlans).where(eq(workspacePlans.workspaceId, ws));
  VERSION = (
    await importPlanVersion(ctx.as(DEMO.swvTrekker), {
      planId: plan!.id,
      fileName: "plan.docx",
      bytes: await makeScreeningDocx(),
    })
  ).id;
});
afterAll(() => ctx?.cleanup());

describe("screening opinions", () => {
  it("each party's trekker sets a score with reason and quote; both stay visible and differ", async () => {
    const swv = await ctx.request(url("leerlingenvervoer"), {
      method: "PUT",
      body: { score: 2, reason: "Paragraaf 3.1 noemt de spreiding per gemeente.", quote: "De onderwijskaart…" },
      cookie: cookies.swv,
    });
    expect(swv.status, await swv.clone().text()).toBe(200);
    const gro = await ctx.request(url("leerlingenvervoer"), {
      method: "PUT",
      body: { score: 1, reason: "Geen afspraak over vervoer; alleen een verwachting." },
      cookie: cookies.gro,
    });
    expect(gro.status).toBe(200);
    const list = await opinions();
    expect(list.map((o) => [o.partyName, o.score])).toEqual([
      ["Gemeente Groningen", 1],
      ["Samenwerkingsverband VO Groningen Stad", 2],
    ]);
    const verdict = verdictOf(
      1,
      list.map((o) => ({ ...o, score: o.score as 0 | 1 | 2 | 3 })),
    );
    expect(verdict).toMatchObject({ disagreement: true, agreed: null });

    const logged = (
      await ctx.deps.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.workspaceId, ws))
        .orderBy(asc(auditEvents.seq))
    ).filter((e) => e.type === "screening.opinion_set" && e.entityId === VERSION);
    expect(logged).toHaveLength(2);
    expect(eventData(logged[0]!)).toMatchObject({ themeKey: "leerlingenvervoer", score: 2, previousScore: null });
  });

  it("a new opinion replaces the party's earlier one and the log keeps both", async () => {
    const res = await ctx.request(url("leerlingenvervoer"), {
      method: "PUT",
      body: { score: 1, reason: "Na overleg: het blijft bij een verwachting." },
      cookie: cookies.swv,
    });
    expect(res.status).toBe(200);
    const list = await opinions();
    expect(list.filter((o) => o.score === 1)).toHaveLength(2);
    expect(
      verdictOf(
        1,
        list.map((o) => ({ ...o, score: o.score as 0 | 1 | 2 | 3 })),
      ),
    ).toMatchObject({ agreed: 1 });
  });

  it("accepts the overleg questions as themes", async () => {
    const res = await ctx.request(url("bestuurlijk_overleg"), {
      method: "PUT",
      body: { score: 3, reason: "Twee keer per jaar met de wethouders." },
      cookie: cookies.gro,
    });
    expect(res.status).toBe(200);
  });

  it("refuses whoever does not speak for a party as trekker, and strangers", async () => {
    const body = { score: 0, reason: "Niet beschreven." };
    for (const cookie of [cookies.wethouder, cookies.sec, cookies.waarnemer, cookies.otherSec]) {
      const res = await ctx.request(url("jeugdhulp"), { method: "PUT", body, cookie });
      expect(res.status).toBe(403);
    }
    expect((await ctx.request(url("jeugdhulp"), { method: "PUT", body })).status).toBe(401);
    expect((await opinions()).some((o) => o.themeKey === "jeugdhulp")).toBe(false);
  });

  it.each([
    ["a score of 4", "jeugdhulp", { score: 4, reason: "Heel goed." }],
    ["a fractional score", "jeugdhulp", { score: 1.5, reason: "Ertussenin." }],
    ["no reason", "jeugdhulp", { score: 1 }],
    ["a control character in the quote", "jeugdhulp", { score: 1, reason: "Zie citaat.", quote: "a\u0000b" }],
    ["an unknown theme", "zwemles", { score: 1, reason: "Geen thema." }],
    ["a theme key with capitals", "Jeugdhulp", { score: 1, reason: "Fout thema." }],
  ])("refuses %s and stores nothing", async (_name, theme, body) => {
    const res = await ctx.request(url(theme), { method: "PUT", body, cookie: cookies.swv });
    expect(res.status).toBe(400);
    expect((await apiError(res)).code).toBe("VALIDATION_FAILED");
    expect((await opinions()).some((o) => o.themeKey === "jeugdhulp" || o.themeKey === "zwemles")).toBe(false);
  });

  it("refuses a plan version id that is not an id", async () => {
    const res = await ctx.request(url("jeugdhulp", "..%2Fx"), {
      method: "PUT",
      body: { score: 1, reason: "Reden." },
      cookie: cookies.swv,
    });
    expect(res.status).toBe(400);
  });
});
