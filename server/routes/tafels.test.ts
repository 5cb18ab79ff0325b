/**
 * Creating and keeping a tafel (ADR 0010) through the real app on a real libSQL file with the
 * demo tafel: the applicatiebeheerder's one request, every bad input (400 with the field, nothing
 * written), every denial, the later changes with their log events, and the next planperiode.
 */
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, memberships, organisations, points, users, workspaces } from "../../db/schema/index.ts";
import { CBS_GEMEENTEN } from "../../shared/data/cbsGemeenten.ts";
import { textHash } from "../../shared/domain/textHash.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { hashPassword } from "../auth/password.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { newId } from "../auth/tokens.ts";
import { createApplicatiebeheerder } from "../services/accounts/createApplicatiebeheerder.ts";
import { verifyChain } from "../../shared/domain/auditChain.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { invitationTokenOf } from "../testing/invitationLinks.ts";
import { apiError, json, reply } from "../testing/json.ts";
import * as match from "../testing/matchers.ts";
import type { MeView } from "../../shared/schemas/auth.ts";
import type { ProcedureStepView } from "../../shared/schemas/meetings.ts";
import type { BoardView, PointDetail } from "../../shared/schemas/points.ts";
import type { CreateTafelResult, InstanceTafelView, NextPeriodResult } from "../../shared/schemas/tafel.ts";
import type { WorkspaceView } from "../../shared/schemas/workspace.ts";

/** The tafel's chain recomputed from the stored rows (no member needed: the test reads the database). */
const chainOf = async (workspaceId: string) =>
  verifyChain(
    await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspaceId))
      .orderBy(asc(auditEvents.seq)),
  );
import { sixteenGemeenten } from "../testing/tafelPayloads.ts";

let ctx: TestContext;
let admin: string;
let demoTafel: string;
const ADMIN_EMAIL = "applicatiebeheer@regio.example";
const ADMIN_PASSWORD = "sterk-wachtwoord-1";

const cookieOf = (res: Response) => {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "");
  return match ? `${SESSION_COOKIE}=${match[1]}` : null;
};
const tokenOf = (url: string) => new URL(url).hash.slice(1);
const workspaceCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(workspaces))[0]!.n;
const eventTypes = async (workspaceId: string) =>
  (
    await ctx.deps.database.db
      .select({ type: auditEvents.type })
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspaceId))
  ).map((e) => e.type);

const createTafel = (body: unknown, cookie = admin) => ctx.request("/api/beheer/tafels", { cookie, body });

/** Accepts an appointee's invitation with a new password and returns their session cookie. */
async function accept(invitationId: string, password = "een-nieuw-wachtwoord") {
  // The link goes only by mail (ADR 0005): take it from the outbox, as the appointee takes it from their inbox.
  const res = await ctx.request("/api/auth/invitation", {
    body: { token: await invitationTokenOf(ctx.deps.database, invitationId), password },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return cookieOf(res)!;
}

beforeAll(async () => {
  ctx = await createTestContext();
  demoTafel = ctx.demo.workspaceId;
  const made = await createApplicatiebeheerder(ctx.system, { email: ADMIN_EMAIL, name: "Ada Applicatie" });
  const res = await ctx.request("/api/auth/password-link", {
    body: { token: tokenOf(made.link!), password: ADMIN_PASSWORD },
  });
  expect(res.status).toBe(200);
  admin = cookieOf(res)!;
});
afterAll(() => ctx.cleanup());

describe("the first applicatiebeheerder and the password link", () => {
  it("sets the password once, logs in, and the link does not work a second time", async () => {
    const made = await createApplicatiebeheerder(ctx.system, {
      email: "tweede@regio.example",
      name: "Tweede Beheerder",
    });
    const token = tokenOf(made.link!);
    expect(new URL(made.link!).pathname).toBe("/wachtwoord");
    const res = await ctx.request("/api/auth/password-link", { body: { token, password: "eerste-wachtwoord" } });
    expect(res.status).toBe(200);
    expect((await json<Pick<MeView, "user">>(res)).user.email).toBe("tweede@regio.example");
    expect((await ctx.request("/api/me", { cookie: cookieOf(res)! })).status).toBe(200);
    const again = await ctx.request("/api/auth/password-link", { body: { token, password: "ander-wachtwoord" } });
    expect(again.status).toBe(404);
    expect(await apiError(again)).toMatchObject({ code: "NOT_FOUND", field: "token" });
    expect(
      (await ctx.request("/api/auth/login", { body: { email: "tweede@regio.example", password: "ander-wachtwoord" } }))
        .status,
    ).toBe(401);
  });

  it("ends every other session of the account (session.ended, like logout)", async () => {
    const made = await createApplicatiebeheerder(ctx.system, { email: "derde@regio.example", name: "Derde Beheerder" });
    const first = await ctx.request("/api/auth/password-link", {
      body: { token: tokenOf(made.link!), password: "eerste-wachtwoord" },
    });
    const oldSession = cookieOf(first)!;
    const ended: string[] = [];
    const off = ctx.deps.events.on("session.ended", (e) => ended.push(e.userId));
    const { id } = (
      await ctx.deps.database.db.select({ id: users.id }).from(users).where(eq(users.email, "derde@regio.example"))
    )[0]!;
    const { issueAccountToken } = await import("../services/accounts/accountTokens.ts");
    const reset = await issueAccountToken(ctx.deps.database.db, id, "reset_password", new Date());
    const second = await ctx.request("/api/auth/password-link", {
      body: { token: reset, password: "tweede-wachtwoord" },
    });
    off();
    expect(second.status).toBe(200);
    expect(ended).toEqual([id]);
    expect((await ctx.request("/api/me", { cookie: oldSession })).status).toBe(401);
    expect((await ctx.request("/api/me", { cookie: cookieOf(second)! })).status).toBe(200);
  });

  it("refuses an expired link, a malformed token and a short password, changing nothing", async () => {
    const made = await createApplicatiebeheerder(ctx.system, {
      email: "vierde@regio.example",
      name: "Vierde Beheerder",
    });
    const { id } = (
      await ctx.deps.database.db.select({ id: users.id }).from(users).where(eq(users.email, "vierde@regio.example"))
    )[0]!;
    const { issueAccountToken } = await import("../services/accounts/accountTokens.ts");
    const old = await issueAccountToken(ctx.deps.database.db, id, "set_password", new Date(Date.now() - 73 * 3600_000));
    expect(
      (await ctx.request("/api/auth/password-link", { body: { token: old, password: "eerste-wachtwoord" } })).status,
    ).toBe(404);
    const bad = await apiError(
      await ctx.request("/api/auth/password-link", { body: { token: "kort", password: "eerste-wachtwoord" } }),
    );
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", field: "token" });
    const short = await apiError(
      await ctx.request("/api/auth/password-link", { body: { token: tokenOf(made.link!), password: "kort" } }),
    );
    expect(short).toMatchObject({ code: "VALIDATION_FAILED", field: "password" });
    const [user] = await ctx.deps.database.db.select().from(users).where(eq(users.id, id));
    expect(user!.passwordHash).toBeNull();
  });

  it("refuses a second create for the same address and changes nothing", async () => {
    await expect(
      createApplicatiebeheerder(ctx.system, { email: ADMIN_EMAIL.toUpperCase(), name: "Nog eens" }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("exposes the instance capabilities on /api/me: the Beheer link for the applicatiebeheerder only", async () => {
    const me = await json<MeView>(await ctx.request("/api/me", { cookie: admin }));
    expect(me.instanceCapabilities).toEqual(["instance.tafels.create", "instance.tafels.list"]);
    expect(me.memberships).toEqual([]);
    const member = await json<MeView>(await ctx.request("/api/me", { cookie: await ctx.login(DEMO.beheerder) }));
    expect(member.instanceCapabilities).toEqual([]);
  });
});

describe("creating a tafel (applicatiebeheerder)", () => {
  let created: CreateTafelResult;

  beforeAll(async () => {
    const res = await createTafel(sixteenGemeenten());
    expect(res.status, await res.clone().text()).toBe(201);
    created = await json<CreateTafelResult>(res);
  });

  it("creates plans, parties, themes and the invitations in one request, logged in the new tafel's chain", async () => {
    expect(created.appointments.map((a) => a.role)).toEqual(["beheerder", "secretaris"]);
    const beheerder = await accept(created.appointments[0]!.invitationId);
    const tafel = await json<WorkspaceView>(
      await ctx.request(`/api/workspaces/${created.workspaceId}`, { cookie: beheerder }),
    );
    expect(tafel.role).toBe("beheerder");
    expect(tafel.plans.map((p) => [p.kind, p.sector, p.party!.name, p.period])).toEqual([
      ["ondersteuningsplan", "po", "Samenwerkingsverband PO Drenthe-Noord", { start: 2026, end: 2030 }],
      ["jeugdplan", null, `Gemeente ${CBS_GEMEENTEN[0]!.name}`, { start: 2025, end: 2028 }],
    ]);
    expect(tafel.parties).toHaveLength(18);
    expect(tafel.parties.filter((p) => p.kind === "gemeente")).toHaveLength(16);
    expect(tafel.parties[4]!.coverageNote).toBe("Alleen de kernen Vries en Zuidlaren");
    expect(tafel.parties.at(-1)).toMatchObject({ kind: "overig", subtype: "opr" });
    expect(tafel.themes.map((t) => [t.key, t.label])).toEqual([
      ["jeugdhulp", "Jeugdhulp"],
      ["leerlingenvervoer", "Leerlingenvervoer"],
      ["onderwijshuisvesting", "Huisvesting"],
      ["zorg_in_de_wijk", "Zorg in de wijk"],
    ]);
    expect(await eventTypes(created.workspaceId)).toEqual([
      "workspace.created",
      // The leeswijzer's bespreekpunten arrive with the tafel (issue 14).
      "bespreekpunten.seeded",
      "member.invited",
      "member.invited",
      "member.joined",
    ]);
    expect(await chainOf(created.workspaceId)).toMatchObject({ valid: true });
    const [first] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, created.workspaceId))
      .limit(1);
    expect(first).toMatchObject({ actorName: "Ada Applicatie", actorRole: "applicatiebeheerder" });
  });

  it("lists the tafels of the instance with who runs each, and nothing more", async () => {
    const { tafels } = await json<{ tafels: InstanceTafelView[] }>(
      await ctx.request("/api/beheer/tafels", { cookie: admin }),
    );
    const mine = tafels.find((t) => t.id === created.workspaceId)!;
    expect(mine.runBy).toEqual(
      expect.arrayContaining([
        { name: "Bea Beheer", role: "beheerder", state: "lid" },
        { name: "Sam Secretaris", role: "secretaris", state: "uitgenodigd" },
      ]),
    );
    expect(mine.plans).toHaveLength(2);
    expect(Object.keys(mine).sort()).toEqual(["createdAt", "id", "level", "name", "plans", "runBy"]);
    expect(tafels.find((t) => t.id === demoTafel)!.runBy).toEqual(
      expect.arrayContaining([{ name: match.anyInstanceOf(String), role: "secretaris", state: "lid" }]),
    );
  });

  it("gives the applicatiebeheerder no content, no member list and no log of any tafel (403)", async () => {
    for (const tafel of [created.workspaceId, demoTafel]) {
      for (const path of ["", "/points", "/members", "/log/verify", "/meetings", "/board"]) {
        const res = await ctx.request(`/api/workspaces/${tafel}${path}`, { cookie: admin });
        expect(res.status, `${tafel}${path}`).toBe(403);
      }
      expect(
        (
          await ctx.request(`/api/workspaces/${tafel}/settings`, {
            method: "PATCH",
            cookie: admin,
            body: { name: "Overgenomen" },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await ctx.request(`/api/workspaces/${tafel}/next-period`, {
            cookie: admin,
            body: { name: "Volgende", periodStart: 2030, periodEnd: 2034 },
          })
        ).status,
      ).toBe(403);
    }
  });

  it("refuses anyone else: a tafel beheerder or secretaris (403), no session (401)", async () => {
    for (const who of [DEMO.beheerder, DEMO.secretaris]) {
      const cookie = await ctx.login(who);
      expect((await createTafel(sixteenGemeenten(), cookie)).status).toBe(403);
      expect((await ctx.request("/api/beheer/tafels", { cookie })).status).toBe(403);
    }
    expect((await ctx.request("/api/beheer/tafels", { body: sixteenGemeenten() })).status).toBe(401);
  });
});

describe("bad input to the wizard: a 400 naming the field, and nothing created", () => {
  const base = sixteenGemeenten();
  const { parties, plans } = base;
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    [
      "an SWV code of the wrong shape",
      { parties: [{ ...parties[0], swvCode: "PO-22-1" }, ...parties.slice(1)] },
      "parties.0.swvCode",
      /PO 31\.02/,
    ],
    [
      "a sector that does not match the code",
      { parties: [{ ...parties[0], sector: "vo" }, ...parties.slice(1)] },
      "parties.0.sector",
      /po-samenwerkingsverband/,
    ],
    [
      "a GM code not in the CBS list without a name",
      { parties: [...parties, { kind: "gemeente", cbsCode: "GM9998" }] },
      "parties.18.cbsCode",
      /niet in de CBS-lijst/,
    ],
    [
      "a GM code of the wrong shape",
      { parties: [...parties, { kind: "gemeente", cbsCode: "0014" }] },
      "parties.18.cbsCode",
      /GM met vier cijfers/,
    ],
    [
      "a period that ends before it starts",
      { plans: [{ ...plans[0], periodStart: 2030, periodEnd: 2026 }, plans[1]] },
      "plans.0.periodEnd",
      /vóór het begin/,
    ],
    [
      "a duplicate gemeente",
      { parties: [...parties, { kind: "gemeente", cbsCode: CBS_GEMEENTEN[2]!.code }] },
      "parties.18",
      /staat al bij de partijen/,
    ],
    [
      "a duplicate SWV",
      { parties: [...parties, { ...parties[0], ref: "swv2", swvCode: "po 22.01" }] },
      "parties.18",
      /staat al/,
    ],
    ["an unknown theme", { themes: [{ key: "ruimtevaart" }] }, "themes.0.key", /bestaat niet/],
    [
      "a plan naming no party of the request",
      { plans: [{ ...plans[0], partyRef: "nergens" }] },
      "plans.0.partyRef",
      /Kies de partij/,
    ],
    [
      "a jeugdplan of an SWV",
      { plans: [{ ...plans[1], partyRef: "swv" }] },
      "plans.0.partyRef",
      /beleidsplan jeugd is van een gemeente/i,
    ],
    [
      "no gemeente at all",
      { parties: [parties[0]], plans: [plans[0]] },
      "parties",
      /minstens één samenwerkingsverband en één gemeente/,
    ],
    [
      "the same person twice",
      { appointees: [base.appointees[0], { ...base.appointees[1], email: "BEA@swv-drenthe.example" }] },
      "appointees.1.email",
      /staat er al/,
    ],
    ["no appointee", { appointees: [] }, "appointees", /beheerder of een secretaris/],
    [
      "an unknown role for an appointee",
      { appointees: [{ ...base.appointees[0], role: "trekker" }] },
      "appointees.0.role",
      /beheerder of secretaris/,
    ],
    ["a year outside the range", { plans: [{ ...plans[0], periodStart: 1999 }] }, "plans.0.periodStart", /jaartal/],
    [
      "an unknown kind of participant",
      { parties: [...parties, { kind: "overig", subtype: "voetbalclub", name: "FC" }] },
      "parties.18.subtype",
      /soort deelnemer/,
    ],
    ["a control character in the name", { name: "Tafel\u0007" }, "name", /naam van de tafel/],
    [
      "a parent that does not exist",
      { level: "lokaal", parentWorkspaceId: "bestaatniet" },
      "parentWorkspaceId",
      /bestaat niet/,
    ],
    ["a regional tafel with a parent", { parentWorkspaceId: "bestaatniet" }, "parentWorkspaceId", /lokale tafel/],
  ];
  for (const [name, patch, field, message] of cases) {
    it(name, async () => {
      const before = await workspaceCount();
      const res = await createTafel({ ...base, ...patch });
      const body = await reply<unknown>(res);
      expect(res.status, JSON.stringify(body.body)).toBe(400);
      expect(body.error).toMatchObject({ code: "VALIDATION_FAILED", field });
      expect(body.error.message).toMatch(message);
      expect(await workspaceCount()).toBe(before);
    });
  }

  it("accepts a gemeente that is not in the CBS list when its name is given", async () => {
    const res = await createTafel(
      sixteenGemeenten({ parties: [...parties, { kind: "gemeente", cbsCode: "gm9998", name: "Nieuwland" }] }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const [org] = await ctx.deps.database.db.select().from(organisations).where(eq(organisations.cbsCode, "GM9998"));
    expect(org!.name).toBe("Gemeente Nieuwland");
  });
});

describe("keeping a tafel (tafel.manage)", () => {
  let tafel: string;
  let beheerder: string;
  let secretaris: string;

  beforeAll(async () => {
    const res = await json<CreateTafelResult>(
      await createTafel(
        sixteenGemeenten({
          name: "Tafel om in te richten",
          appointees: [
            { role: "beheerder", name: "Bert Beheer", email: "bert@b.example" },
            { role: "secretaris", name: "Saskia Secretaris", email: "saskia@b.example" },
          ],
        }),
      ),
    );
    tafel = res.workspaceId;
    beheerder = await accept(res.appointments[0]!.invitationId);
    secretaris = await accept(res.appointments[1]!.invitationId);
  });
  const patch = (path: string, body: unknown, cookie = beheerder) =>
    ctx.request(`/api/workspaces/${tafel}${path}`, { method: "PATCH", body, cookie });
  const post = (path: string, body: unknown, cookie = beheerder) =>
    ctx.request(`/api/workspaces/${tafel}${path}`, { body, cookie });

  it("changes details, plans, parties and themes, each an event in the tafel's chain", async () => {
    const before = (await eventTypes(tafel)).length;
    expect((await patch("/settings", { name: "Tafel Drenthe-Noord" })).status).toBe(200);
    const added = await json<WorkspaceView>(
      await post("/parties", { kind: "overig", subtype: "mbo_instelling", name: "Drenthe College" }, secretaris),
    );
    const mbo = added.parties.find((p) => p.name === "Drenthe College")!;
    const left = await json<WorkspaceView>(await patch(`/parties/${added.parties[5]!.id}`, { leftAt: "2027-01-01" }));
    expect(left.parties[5]!.leftAt).toBe("2027-01-01");
    const withPlan = await json<WorkspaceView>(
      await post("/plans", {
        kind: "jeugdplan",
        partyId: added.parties[2]!.id,
        title: "Jeugdplan twee",
        periodStart: 2026,
        periodEnd: 2029,
      }),
    );
    const plan = withPlan.plans.at(-1)!;
    expect(plan).toMatchObject({ kind: "jeugdplan", status: "concept" });
    expect((await patch(`/plans/${plan.id}`, { status: "vastgesteld", versionLabel: "1.0" })).status).toBe(200);
    const themed = await json<WorkspaceView>(await post("/themes", { label: "Thuiszitters" }));
    expect(themed.themes.at(-1)).toMatchObject({ key: "thuiszitters", label: "Thuiszitters", archived: false });
    expect((await patch("/themes/jeugdhulp", { label: "Jeugdhulp en onderwijs" })).status).toBe(200);
    const keys = themed.themes.map((t) => t.key).reverse();
    const reordered = await json<WorkspaceView>(
      await ctx.request(`/api/workspaces/${tafel}/themes/order`, { method: "PUT", body: { keys }, cookie: beheerder }),
    );
    expect(reordered.themes.map((t) => t.key)).toEqual(keys);
    const archived = await json<WorkspaceView>(await patch("/themes/leerlingenvervoer", { archived: true }));
    expect(archived.themes.find((t) => t.key === "leerlingenvervoer")!.archived).toBe(true);
    expect(
      (await ctx.request(`/api/workspaces/${tafel}/parties/${mbo.id}`, { method: "DELETE", cookie: beheerder })).status,
    ).toBe(200);
    expect((await eventTypes(tafel)).slice(before)).toEqual([
      "workspace.updated",
      "workspace.party_added",
      "workspace.party_left",
      "workspace.plan_added",
      "workspace.plan_updated",
      "workspace.theme_added",
      "workspace.theme_changed",
      "workspace.themes_reordered",
      "workspace.theme_archived",
      "workspace.party_removed",
    ]);
    expect(await chainOf(tafel)).toMatchObject({ valid: true });
  });

  it("refuses bad changes with a 400 naming the field", async () => {
    const view = await json<WorkspaceView>(await ctx.request(`/api/workspaces/${tafel}`, { cookie: beheerder }));
    const gemeente = view.parties.find((p) => p.kind === "gemeente")!;
    const cases: Array<[Response, string]> = [
      [await post("/parties", { kind: "gemeente", cbsCode: gemeente.cbsCode }), "cbsCode"],
      [await post("/parties", { kind: "swv", name: "SWV", swvCode: "XX 12.34", sector: "po" }), "swvCode"],
      [await patch(`/parties/${gemeente.id}`, { leftAt: "2027-02-30" }), "leftAt"],
      [await patch(`/plans/${view.plans[0]!.id}`, { periodEnd: 2020 }), "periodEnd"],
      [
        await post("/plans", {
          kind: "ondersteuningsplan",
          partyId: gemeente.id,
          title: "Verkeerd plan",
          periodStart: 2026,
          periodEnd: 2030,
        }),
        "partyId",
      ],
      [await post("/themes", { label: "jeugdhulp en onderwijs" }), "label"],
      [
        await ctx.request(`/api/workspaces/${tafel}/themes/order`, {
          method: "PUT",
          body: { keys: ["jeugdhulp", "ruimtevaart"] },
          cookie: beheerder,
        }),
        "keys",
      ],
      [await patch("/settings", { level: "lokaal", parentWorkspaceId: tafel }), "parentWorkspaceId"],
    ];
    for (const [res, field] of cases) {
      const body = await reply<unknown>(res);
      expect(res.status, JSON.stringify(body.body)).toBe(400);
      expect(body.error.field).toBe(field);
    }
    expect((await patch("/themes/ruimtevaart", { label: "Ruimtevaart" })).status).toBe(404);
  });

  it("never deletes a party with points in its scope, stances or members: 409, mark it left instead", async () => {
    const secretarisDemo = await ctx.login(DEMO.secretaris);
    const res = await ctx.request(`/api/workspaces/${demoTafel}/parties/${ctx.demo.parties.tynaarlo.id}`, {
      method: "DELETE",
      cookie: secretarisDemo,
    });
    expect(res.status).toBe(409);
    expect((await apiError(res)).message).toMatch(/niet meer aan tafel/);
  });

  it("refuses a waarnemer, a trekker and a bestuurder of the tafel (403)", async () => {
    for (const who of [DEMO.waarnemer, DEMO.swvTrekker, DEMO.groningenWethouder]) {
      const cookie = await ctx.login(who);
      const res = await ctx.request(`/api/workspaces/${demoTafel}/settings`, {
        method: "PATCH",
        cookie,
        body: { name: "Overgenomen" },
      });
      expect(res.status, who).toBe(403);
      expect(
        (await ctx.request(`/api/workspaces/${demoTafel}/themes`, { cookie, body: { label: "Nieuw" } })).status,
      ).toBe(403);
    }
    const [ws] = await ctx.deps.database.db.select().from(workspaces).where(eq(workspaces.id, demoTafel));
    expect(ws!.name).toBe("OOGO ondersteuningsplan 2023–2027");
  });

  it("refuses the beheerder of tafel A at tafel B (403) and changes nothing there", async () => {
    const before = (await eventTypes(demoTafel)).length;
    for (const [method, path, body] of [
      ["PATCH", "/settings", { name: "Van A" }],
      ["POST", "/parties", { kind: "overig", subtype: "opr", name: "OPR" }],
      ["PATCH", `/parties/${ctx.demo.parties.groningen.id}`, { leftAt: "2026-01-01" }],
      ["POST", "/themes", { label: "Van A" }],
      ["PATCH", "/themes/jeugdhulp", { archived: true }],
      ["POST", "/next-period", { name: "Van A", periodStart: 2027, periodEnd: 2031 }],
    ] as const) {
      const res = await ctx.request(`/api/workspaces/${demoTafel}${path}`, { method, body, cookie: beheerder });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await eventTypes(demoTafel)).length).toBe(before);
  });

  it("keeps an archived theme from taking new points, but not from labelling old ones", async () => {
    const secretarisDemo = await ctx.login(DEMO.secretaris);
    expect(
      (
        await ctx.request(`/api/workspaces/${demoTafel}/themes/doorgaande_lijn`, {
          method: "PATCH",
          cookie: secretarisDemo,
          body: { archived: true },
        })
      ).status,
    ).toBe(200);
    const res = await ctx.request(`/api/workspaces/${demoTafel}/points`, {
      cookie: await ctx.login(DEMO.swvTrekker),
      body: { theme: "doorgaande_lijn", title: "Nieuw punt", text: "Tekst." },
    });
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe("theme");
    const board = await json<BoardView>(
      await ctx.request(`/api/workspaces/${demoTafel}/board`, { cookie: secretarisDemo }),
    );
    expect(board.themes.find((t) => t.key === "doorgaande_lijn")!.label).toBe("Doorgaande lijn");
    expect(
      (
        await ctx.request(`/api/workspaces/${demoTafel}/themes/doorgaande_lijn`, {
          method: "PATCH",
          cookie: secretarisDemo,
          body: { archived: false },
        })
      ).status,
    ).toBe(200);
  });
});

describe("nieuwe tafel voor de volgende planperiode", () => {
  it("carries parties, members, themes, step titles and the agreed points as herzien with their text, logged in both tafels", async () => {
    const secretaris = await ctx.login(DEMO.secretaris);
    const { db } = ctx.deps.database;
    const origin = await db.select().from(points).where(eq(points.workspaceId, demoTafel));
    const agreed = origin.filter((p) => p.status === "vastgelegd" || p.status === "in_uitvoering");
    expect(agreed.length).toBeGreaterThan(0);
    const bad = await ctx.request(`/api/workspaces/${demoTafel}/next-period`, {
      cookie: secretaris,
      body: { name: "Volgende", periodStart: 2031, periodEnd: 2027 },
    });
    expect(bad.status).toBe(400);

    const res = await ctx.request(`/api/workspaces/${demoTafel}/next-period`, {
      cookie: secretaris,
      body: { name: "OOGO ondersteuningsplan 2027–2031", periodStart: 2027, periodEnd: 2031 },
    });
    const result = await json<NextPeriodResult>(res);
    expect(res.status, JSON.stringify(result)).toBe(201);
    expect(result.pointsCarried).toBe(agreed.length);

    const next = await json<WorkspaceView>(
      await ctx.request(`/api/workspaces/${result.workspaceId}`, { cookie: secretaris }),
    );
    expect(next).toMatchObject({ role: "secretaris", previousWorkspaceId: demoTafel });
    expect(next.parties.map((p) => p.name)).toEqual([
      "Samenwerkingsverband VO Groningen Stad",
      "Gemeente Groningen",
      "Gemeente Tynaarlo",
    ]);
    expect(next.plans.map((p) => [p.period, p.status])).toEqual([[{ start: 2027, end: 2031 }, "concept"]]);
    expect(next.themes.map((t) => t.key)).toEqual(
      (await json<WorkspaceView>(await ctx.request(`/api/workspaces/${demoTafel}`, { cookie: secretaris }))).themes.map(
        (t) => t.key,
      ),
    );
    const carriedMembers = await db.select().from(memberships).where(eq(memberships.workspaceId, result.workspaceId));
    const oldMembers = await db.select().from(memberships).where(eq(memberships.workspaceId, demoTafel));
    expect(carriedMembers.map((m) => [m.userId, m.role]).sort()).toEqual(
      oldMembers.map((m) => [m.userId, m.role]).sort(),
    );

    const steps = await json<{ today: string; steps: ProcedureStepView[] }>(
      await ctx.request(`/api/workspaces/${result.workspaceId}/procedure/steps`, { cookie: secretaris }),
    );
    expect(steps.steps.length).toBeGreaterThan(0);
    expect(steps.steps.every((s) => s.dueDate === null && s.doneOn === null)).toBe(true);

    const carried = await db.select().from(points).where(eq(points.workspaceId, result.workspaceId));
    expect(carried.map((p) => p.status)).toEqual(agreed.map(() => "herzien"));
    for (const p of carried) {
      const from = agreed.find((a) => a.id === p.originPointId)!;
      expect(from.title).toBe(p.title);
      expect(p.textHash).toBe(from.textHash);
      expect(textHash(await ctx.deps.documents.readJson(documentNames.point(result.workspaceId, p.id)))).toBe(
        p.textHash,
      );
    }
    expect(await eventTypes(demoTafel)).toContain("workspace.next_period_started");
    const types = await eventTypes(result.workspaceId);
    expect(types[0]).toBe("workspace.created");
    expect(types.filter((t) => t === "point.created")).toHaveLength(agreed.length);
    expect(types.filter((t) => t === "member.joined")).toHaveLength(oldMembers.length);
    expect(await chainOf(result.workspaceId)).toMatchObject({ valid: true });
    expect(await chainOf(demoTafel)).toMatchObject({ valid: true });
  });
});

describe("other participants (overig) sit at the table and never sign or hold a stance", () => {
  it("an OPR member with a trekker or bestuurder role is refused stance and signature (403), and never counts in scope", async () => {
    const secretaris = await ctx.login(DEMO.secretaris);
    const added = await json<WorkspaceView>(
      await ctx.request(`/api/workspaces/${demoTafel}/parties`, {
        cookie: secretaris,
        body: { kind: "overig", subtype: "opr", name: "OPR VO Groningen" },
      }),
    );
    const opr = added.parties.find((p) => p.kind === "overig")!;
    const { db } = ctx.deps.database;
    const now = new Date().toISOString();
    const cookies: Record<string, string> = {};
    for (const role of ["trekker", "bestuurder"] as const) {
      const id = newId();
      const email = `opr.${role}@opr.example`;
      await db
        .insert(users)
        .values({ id, email, name: `OPR ${role}`, passwordHash: await hashPassword("opr-wachtwoord"), createdAt: now });
      await db.insert(memberships).values({
        id: newId(),
        workspaceId: demoTafel,
        userId: id,
        organisationId: opr.id,
        role,
        title: null,
        createdAt: now,
        updatedAt: now,
      });
      cookies[role] = await ctx.login(email, "opr-wachtwoord");
    }
    const board = await json<BoardView>(
      await ctx.request(`/api/workspaces/${demoTafel}/board`, { cookie: secretaris }),
    );
    expect(board.parties.map((p) => p.name)).not.toContain("OPR VO Groningen");
    const inBespreking = board.points.find((p) => p.status === "in_bespreking")!;
    const signable = board.points.find((p) => p.status === "ambtelijk_akkoord" || p.status === "geagendeerd")!;
    const detail = await json<PointDetail>(
      await ctx.request(`/api/points/${inBespreking.id}`, { cookie: cookies.trekker! }),
    );
    expect(detail.parties.map((p) => p.id)).not.toContain(opr.id);
    const stance = await ctx.request(`/api/points/${inBespreking.id}/stances`, {
      cookie: cookies.trekker!,
      body: { stance: "akkoord", reasoning: "" },
    });
    expect(stance.status).toBe(403);
    const signDetail = await json<PointDetail>(
      await ctx.request(`/api/points/${signable.id}`, { cookie: cookies.bestuurder! }),
    );
    const sign = await ctx.request(`/api/points/${signable.id}/signoffs`, {
      cookie: cookies.bestuurder!,
      body: { textHash: signDetail.textHash },
    });
    expect(sign.status).toBe(403);
    expect((await apiError(sign)).message).toMatch(/buiten de scope/);
    // They do read: the tafel, its points.
    expect((await ctx.request(`/api/workspaces/${demoTafel}/points`, { cookie: cookies.trekker! })).status).toBe(200);
  });
});
