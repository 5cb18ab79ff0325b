import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents, bespreekpunten, points } from "../../db/schema/index.ts";
import { JEUGDPLAN_SET, LEESWIJZER_SET } from "../../shared/data/bespreekpuntenSet.ts";
import type { BespreekpuntenList, BespreekpuntView } from "../../shared/schemas/bespreekpunten.ts";
import type { MeetingView } from "../../shared/schemas/meetings.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { createOtherTafel, OTHER_SECRETARY, OUTSIDER } from "../services/meetings/meetingFixtures.ts";
import { seedBespreekpunten } from "../services/bespreekpunten/seedBespreekpunten.ts";
import { readDurableText } from "../services/points/pointText.ts";

let ctx: TestContext;
let ws: string;
let other: Awaited<ReturnType<typeof createOtherTafel>>;
const cookies: Record<string, string> = {};

async function events(workspaceId = ws, type?: string) {
  const rows = await ctx.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(asc(auditEvents.seq));
  return type ? rows.filter((r) => r.type === type) : rows;
}

async function list(cookie = cookies.trekker, workspaceId = ws): Promise<BespreekpuntenList> {
  const res = await ctx.request(`/api/workspaces/${workspaceId}/bespreekpunten`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<BespreekpuntenList>(res);
}

async function byKey(key: string): Promise<BespreekpuntView> {
  return (await list()).items.find((i) => i.standardKey === key)!;
}

const patch = (id: string, body: unknown, cookie = cookies.trekker) =>
  ctx.request(`/api/bespreekpunten/${id}`, { method: "PATCH", body, cookie });

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  other = await createOtherTafel(ctx);
  cookies.sec = await ctx.login(DEMO.secretaris);
  cookies.trekker = await ctx.login(DEMO.swvTrekker);
  cookies.gemeente = await ctx.login(DEMO.groningenTrekker);
  cookies.wethouder = await ctx.login(DEMO.groningenWethouder);
  cookies.waarnemer = await ctx.login(DEMO.waarnemer);
  cookies.beheerder = await ctx.login(DEMO.beheerder);
  cookies.otherSec = await ctx.login(OTHER_SECRETARY);
  cookies.outsider = await ctx.login(OUTSIDER);
});
afterAll(() => ctx?.cleanup());

describe("bespreekpunten: seeding", () => {
  it("a tafel made through the wizard has the leeswijzer set from the start, logged once", async () => {
    const all = await ctx.deps.database.db.select().from(bespreekpunten).where(eq(bespreekpunten.workspaceId, ws));
    // The demo also has bespreekpunten of its own, made from its plan (server/demo/demoPlan.ts).
    const rows = all.filter((r) => r.standardKey !== null);
    expect(rows.map((r) => r.standardKey).sort()).toEqual(LEESWIJZER_SET.items.map((i) => i.key).sort());
    expect(rows.every((r) => r.source === "leeswijzer")).toBe(true);
    // The demo's werkgroep worked five of them through the verbs (server/demo/demoBespreekpunten.ts).
    const worked: Record<string, string> = {};
    for (const r of rows) if (r.status !== "niet_besproken") worked[r.standardKey!] = r.status;
    expect(worked).toEqual({
      "lw.huisvesting": "leidt_tot_punt",
      "lw.doorgaande_lijn": "leidt_tot_punt",
      "lw.eo.hulp_om_school": "leidt_tot_punt",
      "lw.mi.projecten": "naar_ontwikkelagenda",
      "lw.eo.dekkend": "besproken_geen_afspraak",
    });
    const seeded = await events(ws, "bespreekpunten.seeded");
    expect(seeded).toHaveLength(1);
    expect(eventData<{ keys: string[] }>(seeded[0]!).keys).toHaveLength(LEESWIJZER_SET.items.length);

    const view = await list();
    // The leeswijzer set and the demo's own bespreekpunten from its plan, all still open.
    const own = all.length - rows.length;
    expect(own).toBe(2);
    expect(view.coverage).toMatchObject({
      total: LEESWIJZER_SET.items.length + own,
      open: LEESWIJZER_SET.items.length + own - 5,
    });
    expect(view.items.find((i) => i.standardKey === "lw.huisvesting")!.points.map((p) => p.title)).toHaveLength(1);
    expect(view.sources).toEqual([{ source: "leeswijzer", citation: LEESWIJZER_SET.citation }]);
  });

  it("a tafel from before bespreekpunten gets them on first read, and only once", async () => {
    const first = await list(cookies.otherSec, other.workspaceId);
    expect(first.items).toHaveLength(LEESWIJZER_SET.items.length);
    const again = await list(cookies.otherSec, other.workspaceId);
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(await events(other.workspaceId, "bespreekpunten.seeded")).toHaveLength(1);
    // Calling the seed again adds nothing.
    expect(await seedBespreekpunten(ctx.system, { workspaceId: other.workspaceId })).toBe(0);
  });

  it("a jeugdplan at the tafel brings the mirrored set, marked as our own", async () => {
    const now = new Date().toISOString();
    const { workspacePlans } = await import("../../db/schema/index.ts");
    await ctx.deps.database.db.insert(workspacePlans).values({
      id: "plan-jeugd-test",
      workspaceId: other.workspaceId,
      kind: "jeugdplan",
      organisationId: other.gemeenteId,
      title: "Beleidsplan jeugd",
      periodStart: 2024,
      periodEnd: 2028,
      status: "concept",
      versionLabel: "1",
      position: 1,
      createdAt: now,
      updatedAt: now,
    });
    expect(await seedBespreekpunten(ctx.system, { workspaceId: other.workspaceId })).toBe(JEUGDPLAN_SET.items.length);
    const view = await list(cookies.otherSec, other.workspaceId);
    const mirrored = view.items.filter((i) => i.source === "spiegel_jeugdplan");
    expect(mirrored).toHaveLength(JEUGDPLAN_SET.items.length);
    // The other tafel has exactly one SWV, which asks these questions: it leads them.
    expect(mirrored.every((i) => i.askedBy === "swv" && i.leadPartyId === other.swvId)).toBe(true);
    expect(view.sources.map((s) => s.source)).toEqual(["leeswijzer", "spiegel_jeugdplan"]);
  });
});

describe("bespreekpunten: who may do what", () => {
  it("refuses a caller without session, a stranger and the beheerder (no content)", async () => {
    expect((await ctx.request(`/api/workspaces/${ws}/bespreekpunten`)).status).toBe(401);
    expect((await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, { cookie: cookies.outsider })).status).toBe(403);
    const res = await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, { cookie: cookies.beheerder });
    expect(res.status).toBe(403);
    expect((await apiError(res)).code).toBe("FORBIDDEN");
    expect((await ctx.request(`/api/workspaces/nope/bespreekpunten`, { cookie: cookies.trekker })).status).toBe(404);
  });

  it("lets the waarnemer and a wethouder read but not change, and another tafel's secretaris not at all", async () => {
    expect((await list(cookies.waarnemer)).items.length).toBeGreaterThan(0);
    const item = await byKey("lw.vervoer");
    for (const cookie of [cookies.waarnemer, cookies.wethouder, cookies.otherSec]) {
      const res = await patch(item.id, { expectedVersion: item.version, status: "in_voorbereiding" }, cookie);
      expect(res.status).toBe(403);
    }
    for (const cookie of [cookies.waarnemer, cookies.wethouder]) {
      const made = await ctx.request(`/api/bespreekpunten/${item.id}/point`, {
        body: { expectedVersion: item.version },
        cookie,
      });
      expect(made.status).toBe(403);
      const own = await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, {
        body: { title: "Eigen vraag", question: "Wat vinden we hiervan?", askedBy: "gemeente" },
        cookie,
      });
      expect(own.status).toBe(403);
    }
    expect((await byKey("lw.vervoer")).version).toBe(item.version);
  });

  it("only the secretaris puts a bespreekpunt on an agenda", async () => {
    const item = await byKey("lw.huisvesting");
    const meeting = await createMeeting();
    const res = await ctx.request(`/api/bespreekpunten/${item.id}/agenda`, {
      body: { expectedVersion: item.version, meetingId: meeting.id },
      cookie: cookies.trekker,
    });
    expect(res.status).toBe(403);
    expect((await byKey("lw.huisvesting")).agendaItems).toEqual([]);
  });
});

describe("bespreekpunten: hostile and stale input changes nothing", () => {
  it.each([
    ["an unknown status", { status: "afgerond" }, 400, "VALIDATION_FAILED"],
    ["a control character in the question", { question: "Wat\u0007 nu?" }, 400, "VALIDATION_FAILED"],
    ["a lone surrogate in the title", { title: "Titel \ud800" }, 400, "VALIDATION_FAILED"],
    ["an unknown field", { status: "in_voorbereiding", hash: "x" }, 400, "VALIDATION_FAILED"],
    ["no change at all", {}, 400, "VALIDATION_FAILED"],
    ["a plan section id with a slash", { planSectionId: "../s1" }, 400, "VALIDATION_FAILED"],
    ["a theme the tafel does not have", { theme: "zwemles" }, 400, "VALIDATION_FAILED"],
    ["'leidt tot punt' without a linked point", { status: "leidt_tot_punt" }, 409, "ILLEGAL_TRANSITION"],
  ])("refuses %s", async (_name, body, status, code) => {
    const item = await byKey("lw.missie");
    const res = await patch(item.id, { expectedVersion: item.version, ...body });
    expect(res.status).toBe(status);
    expect((await apiError(res)).code).toBe(code);
    expect(await byKey("lw.missie")).toEqual(item);
  });

  it("refuses a party or a point of another tafel", async () => {
    const item = await byKey("lw.missie");
    const lead = await patch(item.id, { expectedVersion: item.version, leadPartyId: other.swvId });
    expect(lead.status).toBe(400);
    expect((await apiError(lead)).field).toBe("leadPartyId");
    const now = new Date().toISOString();
    await ctx.deps.database.db.insert(points).values({
      id: "foreign-point",
      workspaceId: other.workspaceId,
      theme: "jeugdhulp",
      title: "Punt van een andere tafel",
      status: "concept",
      version: 1,
      textHash: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
    });
    const link = await patch(item.id, { expectedVersion: item.version, pointIds: ["foreign-point"] });
    expect(link.status).toBe(400);
    expect((await apiError(link)).field).toBe("pointIds");
    expect(await byKey("lw.missie")).toEqual(item);
  });

  it("refuses a stale version with 409", async () => {
    const item = await byKey("lw.professionals");
    expect((await patch(item.id, { expectedVersion: item.version, status: "in_voorbereiding" })).status).toBe(200);
    const stale = await patch(item.id, { expectedVersion: item.version, status: "niet_van_toepassing" });
    expect(stale.status).toBe(409);
    expect((await apiError(stale)).code).toBe("VERSION_CONFLICT");
    expect((await byKey("lw.professionals")).status).toBe("in_voorbereiding");
  });
});

describe("bespreekpunten: working the list", () => {
  it("a status change is logged with from and to, and the coverage moves", async () => {
    const before = await list();
    const item = before.items.find((i) => i.standardKey === "lw.arbeidsmarkt")!;
    const lead = (await ctx.as(DEMO.groningenTrekker).deps.database.db.query.organisations.findFirst({
      where: (o, { eq: is }) => is(o.name, "Gemeente Groningen"),
    }))!;
    const res = await patch(
      item.id,
      { expectedVersion: item.version, status: "besproken_geen_afspraak", leadPartyId: lead.id, planSectionId: "s7.2" },
      cookies.gemeente,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const view = await json<BespreekpuntView>(res);
    expect(view).toMatchObject({
      status: "besproken_geen_afspraak",
      leadPartyName: "Gemeente Groningen",
      planSectionId: "s7.2",
    });
    expect(view.version).toBe(item.version + 1);

    const after = await list();
    expect(after.coverage.open).toBe(before.coverage.open - 1);
    expect(after.coverage.percentDone).toBeGreaterThan(before.coverage.percentDone);

    const [event] = (await events(ws, "bespreekpunt.updated")).filter((e) => e.entityId === item.id);
    expect(event).toMatchObject({
      fromStatus: "niet_besproken",
      toStatus: "besproken_geen_afspraak",
      entityType: "bespreekpunt",
    });
    expect(eventData<{ changed: Record<string, unknown> }>(event!).changed).toMatchObject({
      status: { from: "niet_besproken", to: "besproken_geen_afspraak" },
      leadPartyId: { from: null, to: lead.id },
      planSectionId: { from: null, to: "s7.2" },
    });
  });

  it("'Maak overeenstemmingspunt' creates the point with theme and title prefilled, linked, in one go", async () => {
    const item = await byKey("lw.thuiszitters");
    const res = await ctx.request(`/api/bespreekpunten/${item.id}/point`, {
      body: { expectedVersion: item.version },
      cookie: cookies.trekker,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const point = await json<PointDetail>(res);
    expect(point).toMatchObject({ theme: "leerplicht_thuiszitters", title: item.title, status: "concept" });
    const text = await readDurableText(ctx.system, { id: point.id, workspaceId: ws });
    expect(JSON.stringify(text.json)).toContain("thuiszitten samen aan");

    const after = await byKey("lw.thuiszitters");
    expect(after.status).toBe("leidt_tot_punt");
    expect(after.points).toEqual([{ id: point.id, title: item.title, status: "concept" }]);
    const linked = (await events(ws, "bespreekpunt.point_created")).filter((e) => e.entityId === item.id);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ fromStatus: "niet_besproken", toStatus: "leidt_tot_punt" });
  });

  it("a bespreekpunt without a theme needs one chosen, and a stale one makes no point", async () => {
    const item = await byKey("lw.ontwikkelagenda");
    const count = async () =>
      (await ctx.deps.database.db.select().from(points).where(eq(points.workspaceId, ws))).length;
    const n = await count();
    const noTheme = await ctx.request(`/api/bespreekpunten/${item.id}/point`, {
      body: { expectedVersion: item.version },
      cookie: cookies.trekker,
    });
    expect(noTheme.status).toBe(400);
    expect((await apiError(noTheme)).field).toBe("theme");
    const stale = await ctx.request(`/api/bespreekpunten/${item.id}/point`, {
      body: { expectedVersion: item.version + 5, theme: "jeugdhulp" },
      cookie: cookies.trekker,
    });
    expect(stale.status).toBe(409);
    expect(await count()).toBe(n);
    const made = await ctx.request(`/api/bespreekpunten/${item.id}/point`, {
      body: { expectedVersion: item.version, theme: "doorgaande_lijn", title: "Ontwikkelagenda 2025" },
      cookie: cookies.sec,
    });
    expect(made.status).toBe(201);
    expect(await json<PointDetail>(made)).toMatchObject({ theme: "doorgaande_lijn", title: "Ontwikkelagenda 2025" });
    expect(await count()).toBe(n + 1);
  });

  it("'Agendeer' puts it on the meeting's agenda, links the item and moves it to in voorbereiding", async () => {
    const item = await byKey("lw.vervoer");
    const meeting = await createMeeting();
    const res = await ctx.request(`/api/bespreekpunten/${item.id}/agenda`, {
      body: { expectedVersion: item.version, meetingId: meeting.id },
      cookie: cookies.sec,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const view = await json<BespreekpuntView>(res);
    expect(view.status).toBe("in_voorbereiding");
    expect(view.agendaItems).toEqual([expect.objectContaining({ meetingId: meeting.id, meetingTitle: meeting.title })]);

    const agenda = await json<MeetingView>(await ctx.request(`/api/meetings/${meeting.id}`, { cookie: cookies.sec }));
    expect(agenda.agenda.map((a) => a.title)).toContain(`Bespreekpunt: ${item.title}`);
    expect((await events(ws, "meeting.agenda_item_added")).at(-1)!.entityId).toBe(meeting.id);

    const elsewhere = await ctx.request(`/api/bespreekpunten/${item.id}/agenda`, {
      body: { expectedVersion: view.version, meetingId: "no-such-meeting" },
      cookie: cookies.sec,
    });
    expect(elsewhere.status).toBe(400);
    expect((await apiError(elsewhere)).field).toBe("meetingId");
  });

  it("a tafel adds its own bespreekpunt, logged, and refuses one without a real question", async () => {
    const res = await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, {
      body: {
        title: "Zomerschool",
        question: "Kan de zomerschool ook open voor leerlingen met een arrangement?",
        askedBy: "gemeente",
        theme: "doorgaande_lijn",
      },
      cookie: cookies.gemeente,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const own = await json<BespreekpuntView>(res);
    expect(own).toMatchObject({ source: "eigen", standardKey: null, status: "niet_besproken", askedBy: "gemeente" });
    expect((await list()).items.at(-1)!.id).toBe(own.id);
    expect((await events(ws, "bespreekpunt.created")).map((e) => e.entityId)).toContain(own.id);

    const bad = await ctx.request(`/api/workspaces/${ws}/bespreekpunten`, {
      body: { title: "Ok titel", question: "?", askedBy: "burger" },
      cookie: cookies.gemeente,
    });
    expect(bad.status).toBe(400);
  });

  it("keeps the tafel's log intact", async () => {
    expect((await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ws })).valid).toBe(true);
  });
});

async function createMeeting(): Promise<MeetingView> {
  const res = await ctx.request(`/api/workspaces/${ws}/meetings`, {
    body: {
      type: "formeel_oogo",
      title: `Formeel OOGO ${Math.random().toString(36).slice(2, 7)}`,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      place: "Stadhuis",
    },
    cookie: cookies.sec,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<MeetingView>(res);
}
