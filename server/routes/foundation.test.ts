import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notDemoInvitation } from "../testing/demoSetUp.ts";
import { invitationTokenOf } from "../testing/invitationLinks.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { auditEvents, invitations, memberships, users } from "../../db/schema/index.ts";
import { hashPassword } from "../auth/password.ts";
import { apiError, json } from "../testing/json.ts";
import type { MeView } from "../../shared/schemas/auth.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";
import type { InviteResult, WorkspaceSummary, WorkspaceView } from "../../shared/schemas/workspace.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const wsId = () => ctx.demo.workspaceId;

async function createOutsider(email = "buitenstaander@example.nl") {
  await ctx.deps.database.db.insert(users).values({
    id: "outsider1",
    email,
    name: "Buiten Staander",
    passwordHash: await hashPassword("geheim-wachtwoord"),
    createdAt: new Date().toISOString(),
  });
  return ctx.login(email, "geheim-wachtwoord");
}

const auditCount = async () => (await ctx.deps.database.db.select().from(auditEvents)).length;

describe("health and OpenAPI", () => {
  it("answers health without a session", async () => {
    const res = await ctx.request("/api/health");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: "ok" });
  });

  it("documents the public API as OpenAPI", async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(await ctx.request("/api/openapi.json"));
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/health",
      "/api/auth/login",
      "/api/auth/logout",
      "/api/me",
      "/api/workspaces",
      "/api/workspaces/{id}",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it("answers unknown API paths with the JSON error shape", async () => {
    const res = await ctx.request("/api/bestaat-niet");
    expect(res.status).toBe(404);
    expect((await apiError(res)).code).toBe("NOT_FOUND");
  });
});

describe("login and sessions", () => {
  it("logs in with a correct password and sets an httpOnly, SameSite session cookie", async () => {
    const res = await ctx.request("/api/auth/login", {
      body: { email: "Secretaris@Demo.OOGO.test", password: "oogo-demo" },
    });
    expect(res.status).toBe(200);
    expect((await json<{ user: MeView["user"] }>(res)).user.email).toBe(DEMO.secretaris);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/oogo_sessie=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it.each([
    ["wrong password", { email: DEMO.secretaris, password: "fout" }],
    ["unknown account", { email: "niemand@demo.oogo.test", password: "oogo-demo" }],
  ])("refuses a %s with 401 INVALID_CREDENTIALS and no cookie", async (_name, body) => {
    const res = await ctx.request("/api/auth/login", { body });
    expect(res.status).toBe(401);
    expect((await apiError(res)).code).toBe("INVALID_CREDENTIALS");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it.each([
    [{ password: "x" }, "email"],
    [{ email: "geen-adres", password: "x" }, "email"],
    [{ email: DEMO.secretaris }, "password"],
    [{ email: DEMO.secretaris, password: "" }, "password"],
    [{ email: 42, password: "x" }, "email"],
  ])("validates the login body %j and names the field", async (body, field) => {
    const res = await ctx.request("/api/auth/login", { body });
    expect(res.status).toBe(400);
    const err = await apiError(res);
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.field).toBe(field);
  });

  it("refuses malformed JSON with INVALID_JSON", async () => {
    const res = await ctx.request("/api/auth/login", {
      body: "{niet-json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect((await apiError(res)).code).toBe("INVALID_JSON");
  });

  it("refuses an oversize body with 413 before reading it", async () => {
    const res = await ctx.request("/api/auth/login", {
      body: { email: DEMO.secretaris, password: "x".repeat(70_000) },
    });
    expect(res.status).toBe(413);
    expect((await apiError(res)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("slows down repeated failures with 429 and Retry-After, and logs every attempt", async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await ctx.request("/api/auth/login", { body: { email: DEMO.secretaris, password: `fout-${i}` } })).status,
      ).toBe(401);
    }
    const limited = await ctx.request("/api/auth/login", { body: { email: DEMO.secretaris, password: "oogo-demo" } });
    expect(limited.status).toBe(429);
    expect((await apiError(limited)).code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account is not affected.
    expect(
      (await ctx.request("/api/auth/login", { body: { email: DEMO.beheerder, password: "oogo-demo" } })).status,
    ).toBe(200);
    const attempts = await ctx.deps.database.client.execute(
      "select count(*) as n from login_attempts where success = 0",
    );
    expect(Number(attempts.rows[0]!.n)).toBe(5);
  });

  it("ends the session on logout", async () => {
    const cookie = await ctx.login(DEMO.secretaris);
    expect((await ctx.request("/api/me", { cookie })).status).toBe(200);
    expect((await ctx.request("/api/auth/logout", { method: "POST", cookie, body: {} })).status).toBe(200);
    expect((await ctx.request("/api/me", { cookie })).status).toBe(401);
  });

  it("rejects a cross-site form post (CSRF)", async () => {
    const res = await ctx.request("/api/auth/login", {
      body: "email=secretaris%40demo.oogo.test&password=oogo-demo",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://kwaadwillend.example" },
    });
    expect(res.status).toBe(403);
    expect((await apiError(res)).code).toBe("CSRF_REJECTED");
  });

  it("rejects a cross-site bodyless DELETE from a browser, allows the same request from our own origin", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const path = `/api/workspaces/${wsId()}/members/${ctx.demo.members[DEMO.waarnemer]!.membershipId}`;
    const cross = await ctx.request(path, {
      method: "DELETE",
      cookie: admin,
      headers: { "sec-fetch-site": "cross-site", origin: "https://kwaadwillend.example" },
    });
    expect(cross.status).toBe(403);
    const own = await ctx.request(path, {
      method: "DELETE",
      cookie: admin,
      headers: { "sec-fetch-site": "same-origin", origin: "http://localhost" },
    });
    expect(own.status).toBe(200);
  });
});

describe("me and workspaces", () => {
  it.each([
    "/api/me",
    "/api/workspaces",
    "/api/workspaces/abc",
    "/api/workspaces/abc/members",
    "/api/workspaces/abc/log/verify",
  ])("%s needs a session (401)", async (path) => {
    const res = await ctx.request(path);
    expect(res.status).toBe(401);
    expect((await apiError(res)).code).toBe("UNAUTHENTICATED");
  });

  it("refuses a forged session cookie", async () => {
    expect((await ctx.request("/api/me", { cookie: "oogo_sessie=verzonnen" })).status).toBe(401);
  });

  it("returns the user with their memberships and capabilities", async () => {
    const me = await json<MeView>(await ctx.request("/api/me", { cookie: await ctx.login(DEMO.groningenWethouder) }));
    expect(me.user.name).toBe("Karim El Amrani");
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]).toMatchObject({
      workspaceId: wsId(),
      role: "bestuurder",
      party: { name: "Gemeente Groningen", kind: "gemeente" },
    });
    expect(me.memberships[0]?.capabilities).toContain("point.signoff");
    expect(me.memberships[0]?.capabilities).not.toContain("text.edit");
  });

  it("lists the tafels of the caller with id and name", async () => {
    const body = await json<{ workspaces: WorkspaceSummary[] }>(
      await ctx.request("/api/workspaces", { cookie: await ctx.login(DEMO.waarnemer) }),
    );
    expect(body.workspaces).toEqual([
      expect.objectContaining({ id: wsId(), name: "OOGO ondersteuningsplan 2023–2027" }),
    ]);
  });

  it("shows one tafel with its parties, themes, the caller's role and the spiegelparagraaf document", async () => {
    const w = await json<WorkspaceView>(
      await ctx.request(`/api/workspaces/${wsId()}`, { cookie: await ctx.login(DEMO.swvTrekker) }),
    );
    expect(w.role).toBe("trekker");
    expect(w.parties.map((p) => [p.name, p.swvCode ?? p.cbsCode])).toEqual([
      ["Samenwerkingsverband VO Groningen Stad", "VO 20.01"],
      ["Gemeente Groningen", "GM0014"],
      ["Gemeente Tynaarlo", "GM1730"],
    ]);
    expect(w.themes.map((t) => t.key)).toEqual(
      expect.arrayContaining(["jeugdhulp", "leerlingenvervoer", "onderwijshuisvesting", "leerplicht_thuiszitters"]),
    );
    expect(w.spiegelparagraafDocument).toBe(`tafel.${wsId()}.spiegelparagraaf`);
  });

  it("answers 404 for an unknown tafel, 403 for a tafel of others, 400 for a malformed id", async () => {
    const outsider = await createOutsider();
    expect((await ctx.request("/api/workspaces/onbekend123", { cookie: outsider })).status).toBe(404);
    const forbidden = await ctx.request(`/api/workspaces/${wsId()}`, { cookie: outsider });
    expect(forbidden.status).toBe(403);
    expect((await apiError(forbidden)).code).toBe("FORBIDDEN");
    expect((await ctx.request(`/api/workspaces/${wsId()}/members`, { cookie: outsider })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${wsId()}/log/verify`, { cookie: outsider })).status).toBe(403);
    expect((await ctx.request("/api/workspaces/niet%20geldig!", { cookie: outsider })).status).toBe(400);
    expect(
      (await json<{ workspaces: WorkspaceSummary[] }>(await ctx.request("/api/workspaces", { cookie: outsider })))
        .workspaces,
    ).toEqual([]);
  });
});

describe("members: invite, change, revoke", () => {
  const invite = { email: "nieuw.lid@groningen.example", name: "Nieuw Lid", role: "ambtenaar", partyId: "" };

  it("lets a beheerder invite a member, who then sets a password and logs in", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const res = await ctx.request(`/api/workspaces/${wsId()}/members`, {
      cookie: admin,
      body: { ...invite, partyId: ctx.demo.parties.groningen.id },
    });
    expect(res.status).toBe(201);
    const body = await json<InviteResult & { invitationUrl?: unknown }>(res);
    expect(body.invitation).toMatchObject({ name: "Nieuw Lid", role: "ambtenaar", state: "wordt_verstuurd" });
    expect(body.invitationUrl).toBeUndefined();
    const token = await invitationTokenOf(ctx.deps.database, body.invitation.id);
    expect((await ctx.request("/api/auth/invitation", { body: { token, password: "kort" } })).status).toBe(400);
    const accepted = await ctx.request("/api/auth/invitation", { body: { token, password: "een-goed-wachtwoord" } });
    expect(accepted.status).toBe(200);
    expect(
      (await ctx.request("/api/auth/invitation", { body: { token, password: "een-goed-wachtwoord" } })).status,
    ).toBe(404);
    const cookie = await ctx.login(invite.email, "een-goed-wachtwoord");
    expect((await json<WorkspaceView>(await ctx.request(`/api/workspaces/${wsId()}`, { cookie }))).role).toBe(
      "ambtenaar",
    );
    expect(
      (await json<LogVerdictView>(await ctx.request(`/api/workspaces/${wsId()}/log/verify`, { cookie }))).valid,
    ).toBe(true);
  });

  it.each([DEMO.swvTrekker, DEMO.groningenWethouder, DEMO.waarnemer])(
    "refuses invitations by %s (403) and changes nothing",
    async (email) => {
      const before = await auditCount();
      const res = await ctx.request(`/api/workspaces/${wsId()}/members`, {
        cookie: await ctx.login(email),
        body: { ...invite, partyId: ctx.demo.parties.groningen.id },
      });
      expect(res.status).toBe(403);
      expect(await auditCount()).toBe(before);
      expect(await ctx.deps.database.db.select().from(users).where(eq(users.email, invite.email))).toEqual([]);
      // The demo's members joined by invitation (issue 10); none other may exist.
      expect(await ctx.deps.database.db.select().from(invitations).where(notDemoInvitation())).toEqual([]);
    },
  );

  it.each([
    [{ ...invite, role: "koning" }, "role"],
    [{ ...invite, email: "geen-email" }, "email"],
    [{ ...invite, name: "" }, "name"],
    [{ ...invite, partyId: undefined }, "partyId"],
    [{ ...invite, partyId: "bestaatniet" }, "partyId"],
  ])("validates an invitation %j (field %s) and changes nothing", async (body, field) => {
    const before = await auditCount();
    const res = await ctx.request(`/api/workspaces/${wsId()}/members`, {
      cookie: await ctx.login(DEMO.beheerder),
      body,
    });
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe(field);
    expect(await auditCount()).toBe(before);
  });

  it("refuses to invite someone who is already a member (409)", async () => {
    const res = await ctx.request(`/api/workspaces/${wsId()}/members`, {
      cookie: await ctx.login(DEMO.beheerder),
      body: { ...invite, email: DEMO.waarnemer, role: "waarnemer", partyId: null },
    });
    expect(res.status).toBe(409);
  });

  it("changes a role with immediate effect on the member's next request", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const trekker = await ctx.login(DEMO.tynaarloTrekker);
    const membershipId = ctx.demo.members[DEMO.tynaarloTrekker]!.membershipId;
    // Tynaarlo first gets a second trekker (a change of party too), or it would be left without one.
    const second = await ctx.request(
      `/api/workspaces/${wsId()}/members/${ctx.demo.members[DEMO.waarnemer]!.membershipId}`,
      {
        method: "PATCH",
        cookie: admin,
        body: { role: "trekker", partyId: ctx.demo.parties.tynaarlo.id },
      },
    );
    expect(second.status).toBe(200);
    const changed: string[] = [];
    ctx.deps.events.on("membership.changed", (e) => changed.push(e.userId));
    const res = await ctx.request(`/api/workspaces/${wsId()}/members/${membershipId}`, {
      method: "PATCH",
      cookie: admin,
      body: { role: "waarnemer" },
    });
    expect(res.status).toBe(200);
    expect((await json<WorkspaceView>(await ctx.request(`/api/workspaces/${wsId()}`, { cookie: trekker }))).role).toBe(
      "waarnemer",
    );
    expect(changed).toEqual([ctx.demo.members[DEMO.tynaarloTrekker]!.userId]);
  });

  it("revokes a member: their open session loses access at once", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const victim = await ctx.login(DEMO.waarnemer);
    const membershipId = ctx.demo.members[DEMO.waarnemer]!.membershipId;
    expect(
      (await ctx.request(`/api/workspaces/${wsId()}/members/${membershipId}`, { method: "DELETE", cookie: admin }))
        .status,
    ).toBe(200);
    expect((await ctx.request(`/api/workspaces/${wsId()}`, { cookie: victim })).status).toBe(403);
    const events = await ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.type, "member.revoked"));
    expect(events).toHaveLength(1);
  });

  it("denies role changes to non-beheerders, unknown members and malformed bodies", async () => {
    const membershipId = ctx.demo.members[DEMO.waarnemer]!.membershipId;
    const path = `/api/workspaces/${wsId()}/members/${membershipId}`;
    expect(
      (
        await ctx.request(path, {
          method: "PATCH",
          cookie: await ctx.login(DEMO.swvTrekker),
          body: { role: "trekker" },
        })
      ).status,
    ).toBe(403);
    const admin = await ctx.login(DEMO.beheerder);
    expect(
      (
        await ctx.request(`/api/workspaces/${wsId()}/members/onbekend`, {
          method: "PATCH",
          cookie: admin,
          body: { role: "trekker" },
        })
      ).status,
    ).toBe(404);
    expect((await ctx.request(path, { method: "PATCH", cookie: admin, body: { role: 7 } })).status).toBe(400);
    expect((await ctx.request(path, { method: "DELETE" })).status).toBe(401);
    const [row] = await ctx.deps.database.db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(row!.role).toBe("waarnemer");
  });

  it("keeps the last member who can manage members (409); the secretaris counts as one (ADR 0011)", async () => {
    const member = (email: string) => `/api/workspaces/${wsId()}/members/${ctx.demo.members[email]!.membershipId}`;
    const secretaris = await ctx.login(DEMO.secretaris);
    const admin = await ctx.login(DEMO.beheerder);
    // Two managers: the secretaris may demote the beheerder …
    expect(
      (await ctx.request(member(DEMO.beheerder), { method: "PATCH", cookie: secretaris, body: { role: "waarnemer" } }))
        .status,
    ).toBe(200);
    const before = await auditCount();
    // … and is then the last one: not removable, not demotable, not even by themselves.
    for (const init of [
      { method: "DELETE" },
      { method: "PATCH", body: { role: "waarnemer" } },
      { method: "PATCH", body: { role: "trekker", partyId: ctx.demo.parties.swv.id } },
    ]) {
      const res = await ctx.request(member(DEMO.secretaris), { ...init, cookie: secretaris });
      expect(res.status, JSON.stringify(init)).toBe(409);
      expect((await apiError(res)).message).toContain("laatste deelnemer die de deelnemers van deze tafel kan beheren");
    }
    expect(await auditCount()).toBe(before);
    // The demoted beheerder no longer manages anything.
    expect((await ctx.request(member(DEMO.secretaris), { method: "DELETE", cookie: admin })).status).toBe(403);
    // Promote someone back, and the secretaris may step down.
    expect(
      (await ctx.request(member(DEMO.beheerder), { method: "PATCH", cookie: secretaris, body: { role: "beheerder" } }))
        .status,
    ).toBe(200);
    expect(
      (
        await ctx.request(member(DEMO.secretaris), {
          method: "PATCH",
          cookie: secretaris,
          body: { role: "waarnemer", partyId: ctx.demo.parties.swv.id },
        })
      ).status,
    ).toBe(200);
    expect((await ctx.request(member(DEMO.beheerder), { method: "DELETE", cookie: admin })).status).toBe(409);
  });
});
