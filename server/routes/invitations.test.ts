/**
 * Invitations per tafel and the beheerder's rights (ADR 0005), through the real app on a real
 * libSQL file: the cross-tafel account takeover found in black-box testing, and the class of
 * holes around it.
 */
import { saveVersion } from "../services/versions/versionVerbs.ts";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  auditEvents,
  invitations,
  memberships,
  organisations,
  users,
  workspaceParties,
} from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { createSession, SESSION_COOKIE } from "../auth/sessions.ts";
import { newId } from "../auth/tokens.ts";
import { authorizeDocument } from "../sync/authorizeDocument.ts";
import { afterDemoSetUp, DEMO_EMAILS } from "../testing/demoSetUp.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import * as match from "../testing/matchers.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import type { AcceptInvitationResult, MeView } from "../../shared/schemas/auth.ts";
import type { MeetingSummary } from "../../shared/schemas/meetings.ts";
import type { PointSummary } from "../../shared/schemas/points.ts";
import type { InvitationView, InviteResult, MembersView, WorkspaceView } from "../../shared/schemas/workspace.ts";
import { insertBareTafel } from "../testing/bareTafel.ts";
import { invitationTokenOf } from "../testing/invitationLinks.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import { makePlanDocx } from "../planImport/testing/planFiles.ts";

let ctx: TestContext;
/** Tafel A is the demo tafel; tafel B is another tafel with its own beheerder. */
let A: string;
let B: { id: string; partyId: string; beheerder: string; cookie: string };
const B_BEHEERDER = "beheerder@tafel-b.example";
const PASSWORD = "wachtwoord-van-b";
const X = "x.persoon@gemeente.example";

/** The link is only in the mail (ADR 0005): read it from the outbox, as the invitee reads their inbox. */
const tokenOf = (body: { invitation: { id: string } }) => invitationTokenOf(ctx.deps.database, body.invitation.id);
const cookieOf = (res: Response) => {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "");
  return match ? `${SESSION_COOKIE}=${match[1]}` : null;
};

async function makeTafelB() {
  const { db } = ctx.deps.database;
  const now = new Date().toISOString();
  const id = newId();
  const partyId = newId();
  const userId = newId();
  await db.insert(organisations).values({
    id: partyId,
    kind: "swv",
    name: "SWV Tafel B",
    swvCode: "PO 98.01",
    sector: "po",
    cbsCode: null,
    createdAt: now,
  });
  await insertBareTafel(db, { id, name: "Tafel B", planTitle: "Plan B", createdAt: now });
  await db
    .insert(workspaceParties)
    .values({ workspaceId: id, organisationId: partyId, position: 0, coverageNote: null });
  await db.insert(users).values({
    id: userId,
    email: B_BEHEERDER,
    name: "Beheerder B",
    passwordHash: await hashPassword(PASSWORD),
    createdAt: now,
  });
  await db.insert(memberships).values({
    id: newId(),
    workspaceId: id,
    userId,
    organisationId: null,
    role: "beheerder",
    title: null,
    createdAt: now,
    updatedAt: now,
  });
  return { id, partyId, beheerder: userId, cookie: await ctx.login(B_BEHEERDER, PASSWORD) };
}

beforeEach(async () => {
  ctx = await createTestContext();
  A = ctx.demo.workspaceId;
  B = await makeTafelB();
});
afterEach(() => ctx.cleanup());

const invite = (tafel: string, cookie: string, body: Record<string, unknown>) =>
  ctx.request(`/api/workspaces/${tafel}/members`, { cookie, body });
const accept = (body: Record<string, unknown>, cookie?: string) =>
  ctx.request("/api/auth/invitation", { body, cookie });
const myTafels = async (cookie: string) =>
  (await json<MeView>(await ctx.request("/api/me", { cookie }))).memberships.map((m) => m.workspaceId).sort();
const membershipsOf = async (email: string) => {
  const { db } = ctx.deps.database;
  return db
    .select({ ws: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
};
// Leaves out the invitations the demo's own members joined by (issue 10).
const openInvitations = async (tafel: string, cookie: string) =>
  (await json<MembersView>(await ctx.request(`/api/workspaces/${tafel}/members`, { cookie }))).invitations.filter(
    (i) => !DEMO_EMAILS.includes(i.email),
  );

describe("the reported takeover: a pending invitation at A, then B's beheerder invites the same address", () => {
  it("B's link grants B only: the session is no trekker at A, reads and writes nothing there", async () => {
    const beheerderA = await ctx.login(DEMO.beheerder);
    const resA = await invite(A, beheerderA, {
      email: X,
      name: "X Persoon",
      role: "trekker",
      partyId: ctx.demo.parties.groningen.id,
    });
    expect(resA.status).toBe(201);
    const resB = await invite(B.id, B.cookie, { email: X, name: "X Persoon", role: "ambtenaar", partyId: B.partyId });
    expect(resB.status).toBe(201);
    const linkB = await json<InviteResult>(resB);

    // Exactly the reported step: the attacker sets a password through B's link.
    const accepted = await accept({ token: await tokenOf(linkB), password: "aanvaller-wachtwoord" });
    expect(accepted.status).toBe(200);
    expect((await json<AcceptInvitationResult>(accepted)).workspaceId).toBe(B.id);
    const attacker = cookieOf(accepted)!;

    expect(await myTafels(attacker)).toEqual([B.id]);
    expect((await ctx.request(`/api/workspaces/${A}`, { cookie: attacker })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${A}/points`, { cookie: attacker })).status).toBe(403);
    const created = await ctx.request(`/api/workspaces/${A}/points`, {
      cookie: attacker,
      body: { theme: "jeugdhulp", title: "Punt van de aanvaller" },
    });
    expect(created.status).toBe(403);
    expect(await membershipsOf(X)).toEqual([{ ws: B.id, role: "ambtenaar" }]);
    // A's invitation is untouched: still open at A, still A's to accept.
    expect((await openInvitations(A, beheerderA)).map((i) => [i.email, i.state])).toEqual([[X, "wordt_verstuurd"]]);
    // And A's link, now that the address has a password, sets no password and needs x logged in.
    const viaA = await accept({ token: await tokenOf(await json<InviteResult>(resA)), password: "nog-een-wachtwoord" });
    expect(viaA.status).toBe(401);
    expect(cookieOf(viaA)).toBeNull();
    expect(await membershipsOf(X)).toEqual([{ ws: B.id, role: "ambtenaar" }]);
  });
});

describe("an invitation grants its own tafel and nothing else", () => {
  it("accepting tafel B's token never yields a membership at A, for a new and for an existing account", async () => {
    const beheerderA = await ctx.login(DEMO.beheerder);
    // A new address with open invitations at both tafels.
    await invite(A, beheerderA, { email: X, name: "X Persoon", role: "secretaris", partyId: null });
    const newB = await json<InviteResult>(
      await invite(B.id, B.cookie, { email: X, name: "X Persoon", role: "waarnemer", partyId: B.partyId }),
    );
    const cookie = cookieOf(await accept({ token: await tokenOf(newB), password: "een-goed-wachtwoord" }))!;
    expect(await myTafels(cookie)).toEqual([B.id]);

    // An existing account (A's secretaris) invited at B, with another invitation at A open for nobody else.
    const existing = await json<InviteResult>(
      await invite(B.id, B.cookie, {
        email: DEMO.secretaris,
        name: "Secretaris",
        role: "waarnemer",
        partyId: B.partyId,
      }),
    );
    const secretaris = await ctx.login(DEMO.secretaris);
    expect((await accept({ token: await tokenOf(existing) }, secretaris)).status).toBe(200);
    expect((await membershipsOf(DEMO.secretaris)).sort((a, b) => a.ws.localeCompare(b.ws))).toEqual(
      [
        { ws: A, role: "secretaris" },
        { ws: B.id, role: "waarnemer" },
      ].sort((a, b) => a.ws.localeCompare(b.ws)),
    );
  });

  it("a pending invitee is no member: no tafel, no content, no sync socket until they accept", async () => {
    const { db } = ctx.deps.database;
    // A legacy account without password, with a session someone obtained earlier.
    const userId = newId();
    await db
      .insert(users)
      .values({ id: userId, email: X, name: "X Persoon", passwordHash: null, createdAt: new Date().toISOString() });
    const session = await createSession(db, userId, 1);
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    await invite(A, await ctx.login(DEMO.beheerder), {
      email: X,
      name: "X Persoon",
      role: "trekker",
      partyId: ctx.demo.parties.groningen.id,
    });
    expect(await myTafels(cookie)).toEqual([]);
    expect((await ctx.request(`/api/workspaces/${A}`, { cookie })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${A}/points`, { cookie })).status).toBe(403);
    expect(await authorizeDocument(db, session.token, documentNames.spiegelparagraaf(A))).toEqual({ deny: 403 });
  });
});

describe("accepting", () => {
  it("an existing account accepts while logged in as that account; another account is refused in Dutch", async () => {
    const beheerderA = await ctx.login(DEMO.beheerder);
    const res = await json<InviteResult>(
      await invite(A, beheerderA, { email: B_BEHEERDER, name: "Beheerder B", role: "waarnemer", partyId: null }),
    );
    const token = await tokenOf(res);

    const other = await accept({ token }, await ctx.login(DEMO.waarnemer));
    expect(other.status).toBe(403);
    expect(await apiError(other)).toMatchObject({
      code: "FORBIDDEN",
      message: match.stringContaining("ander e-mailadres"),
    });
    // Logged in as someone else also cannot set a first password for a new address.
    const fresh = await json<InviteResult>(
      await invite(A, beheerderA, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
    );
    expect(
      (await accept({ token: await tokenOf(fresh), password: "een-goed-wachtwoord" }, await ctx.login(DEMO.waarnemer)))
        .status,
    ).toBe(403);
    expect(await ctx.deps.database.db.select().from(users).where(eq(users.email, X))).toEqual([]);
    expect(await membershipsOf(B_BEHEERDER)).toEqual([{ ws: B.id, role: "beheerder" }]);

    const ok = await accept({ token }, B.cookie);
    expect(ok.status).toBe(200);
    expect(cookieOf(ok)).toBeNull(); // the existing session simply gains the tafel
    expect(await myTafels(B.cookie)).toEqual([A, B.id].sort());
    const members = await json<MembersView>(await ctx.request(`/api/workspaces/${A}/members`, { cookie: beheerderA }));
    expect(members.members.find((m) => m.email === B_BEHEERDER)).toMatchObject({ role: "waarnemer", party: null });
    expect(members.invitations.filter((i) => i.canWithdraw).map((i) => i.email)).toEqual([X]);
    expect(members.invitations.find((i) => i.email === B_BEHEERDER)).toMatchObject({
      state: "aangenomen",
      canResend: false,
      canWithdraw: false,
    });
    const [joined] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      // The demo's members joined by invitation too, on the day it was set up (issue 10).
      .where(and(eq(auditEvents.workspaceId, A), eq(auditEvents.type, "member.joined"), afterDemoSetUp()));
    expect(joined).toMatchObject({ actorUserId: B.beheerder, toStatus: "waarnemer" });
  });

  it("the link of an account that has a password never sets or changes it", async () => {
    const { db } = ctx.deps.database;
    const token = await tokenOf(
      await json<InviteResult>(
        await invite(A, await ctx.login(DEMO.beheerder), {
          email: B_BEHEERDER,
          name: "B Persoon",
          role: "waarnemer",
          partyId: null,
        }),
      ),
    );
    const before = (await db.select().from(users).where(eq(users.email, B_BEHEERDER)))[0]!.passwordHash;

    const anonymous = await accept({ token, password: "overgenomen-wachtwoord" });
    expect(anonymous.status).toBe(401);
    expect((await apiError(anonymous)).message).toContain("Log in met dat account");
    expect((await accept({ token })).status).toBe(401);
    const withSession = await accept({ token, password: "overgenomen-wachtwoord" }, B.cookie);
    expect(withSession.status).toBe(400);
    expect((await apiError(withSession)).field).toBe("password");

    const after = (await db.select().from(users).where(eq(users.email, B_BEHEERDER)))[0]!.passwordHash;
    expect(after).toBe(before);
    expect(await verifyPassword(after, "overgenomen-wachtwoord")).toBe(false);
    expect(await membershipsOf(B_BEHEERDER)).toEqual([{ ws: B.id, role: "beheerder" }]);
    expect(
      (await ctx.request("/api/auth/login", { body: { email: B_BEHEERDER, password: "overgenomen-wachtwoord" } }))
        .status,
    ).toBe(401);
  });

  it("setting the first password ends every other session of the account and closes their streams", async () => {
    const { db } = ctx.deps.database;
    const userId = newId();
    await db
      .insert(users)
      .values({ id: userId, email: X, name: "X Persoon", passwordHash: null, createdAt: new Date().toISOString() });
    const old = await createSession(db, userId, 12);
    const oldCookie = `${SESSION_COOKIE}=${old.token}`;
    expect((await ctx.request("/api/me", { cookie: oldCookie })).status).toBe(200);
    const ended: string[] = [];
    ctx.deps.events.on("session.ended", (e) => ended.push(e.sessionId));

    const token = await tokenOf(
      await json<InviteResult>(
        await invite(A, await ctx.login(DEMO.beheerder), {
          email: X,
          name: "X Nieuw",
          role: "waarnemer",
          partyId: null,
        }),
      ),
    );
    const res = await accept({ token, password: "mijn-eigen-wachtwoord" });
    expect(res.status).toBe(200);
    expect((await ctx.request("/api/me", { cookie: oldCookie })).status).toBe(401);
    expect(ended).toEqual([old.id]);
    const fresh = cookieOf(res)!;
    expect(await myTafels(fresh)).toEqual([A]);
    expect(
      (await ctx.request("/api/auth/login", { body: { email: X, password: "mijn-eigen-wachtwoord" } })).status,
    ).toBe(200);
  });

  it("a new address gets an account with the invited name and the chosen password", async () => {
    const token = await tokenOf(
      await json<InviteResult>(
        await invite(A, await ctx.login(DEMO.beheerder), {
          email: X,
          name: "Xandra Persoon",
          role: "trekker",
          partyId: ctx.demo.parties.tynaarlo.id,
        }),
      ),
    );
    expect((await accept({ token })).status).toBe(400); // a password is needed
    expect((await accept({ token, password: "kort" })).status).toBe(400);
    const res = await accept({ token, password: "een-goed-wachtwoord" });
    expect(res.status).toBe(200);
    const me = await json<MeView>(await ctx.request("/api/me", { cookie: cookieOf(res)! }));
    expect(me.user).toMatchObject({ email: X, name: "Xandra Persoon" });
    expect(me.memberships).toEqual([
      expect.objectContaining({
        workspaceId: A,
        role: "trekker",
        party: match.objectContaining({ id: ctx.demo.parties.tynaarlo.id }),
      }),
    ]);
  });

  it("a used token, a withdrawn one, an expired one and a made-up one grant nothing", async () => {
    const { db } = ctx.deps.database;
    const admin = await ctx.login(DEMO.beheerder);
    const used = await tokenOf(
      await json<InviteResult>(
        await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
      ),
    );
    expect((await accept({ token: used, password: "een-goed-wachtwoord" })).status).toBe(200);
    const again = await accept({ token: used, password: "ander-wachtwoord" });
    expect(again.status).toBe(404);
    expect(
      await verifyPassword(
        (await db.select().from(users).where(eq(users.email, X)))[0]!.passwordHash,
        "ander-wachtwoord",
      ),
    ).toBe(false);

    const expiredRes = await json<InviteResult>(
      await invite(A, admin, { email: "y@gemeente.example", name: "Y Persoon", role: "waarnemer", partyId: null }),
    );
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invitations.id, expiredRes.invitation.id));
    expect((await openInvitations(A, admin)).find((i) => i.id === expiredRes.invitation.id)?.state).toBe("verlopen");
    const expired = await accept({ token: await tokenOf(expiredRes), password: "een-goed-wachtwoord" });
    expect(expired.status).toBe(404);
    expect(await apiError(expired)).toMatchObject({
      code: "NOT_FOUND",
      field: "token",
      message: match.stringContaining("verlopen"),
    });
    expect(await db.select().from(users).where(eq(users.email, "y@gemeente.example"))).toEqual([]);
    // An expired invitation does not block a new one for the same address.
    expect(
      (await invite(A, admin, { email: "y@gemeente.example", name: "Y Persoon", role: "waarnemer", partyId: null }))
        .status,
    ).toBe(201);

    expect((await accept({ token: "a".repeat(43), password: "een-goed-wachtwoord" })).status).toBe(404);
    for (const body of [
      { token: "kort", password: "een-goed-wachtwoord" },
      { token: 42 },
      { password: "een-goed-wachtwoord" },
      { token: "a".repeat(500) },
    ]) {
      const res = await accept(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await apiError(res)).code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("inviting reveals nothing about accounts", () => {
  it("answers an existing and a new address with the same fields and values, and creates no account", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const body = { name: "Zelfde Naam", role: "waarnemer", partyId: ctx.demo.parties.swv.id, title: "lid OPR" };
    const existing = await invite(A, admin, { ...body, email: B_BEHEERDER });
    const fresh = await invite(A, admin, { ...body, email: X });
    expect([existing.status, fresh.status]).toEqual([201, 201]);
    const e = await json<InviteResult>(existing);
    const f = await json<InviteResult>(fresh);
    const strip = (r: InviteResult) => ({
      ...r,
      invitation: {
        ...r.invitation,
        id: "·",
        email: "·",
        createdAt: "·",
        expiresAt: "·",
        mail: { ...r.invitation.mail, id: "·" },
      },
    });
    expect(strip(e)).toEqual(strip(f));
    expect(Object.keys(e).sort()).toEqual(["invitation"]); // never the link: it goes by mail only
    expect(Object.keys(e.invitation).sort()).toEqual([
      "acceptedAt",
      "canResend",
      "canWithdraw",
      "createdAt",
      "email",
      "expiresAt",
      "id",
      "invitedBy",
      "mail",
      "name",
      "openedAt",
      "party",
      "role",
      "state",
      "title",
      "withdrawnAt",
    ]);
    expect(e.invitation).toMatchObject({ name: "Zelfde Naam", state: "wordt_verstuurd", invitedBy: "Bram Kuipers" }); // the typed name, not the account's
    expect(JSON.stringify(e)).not.toMatch(/uitnodiging#/);

    const { db } = ctx.deps.database;
    expect(await db.select().from(users).where(eq(users.email, X))).toEqual([]);
    // The list shows both the same way, and neither as a member.
    const list = await json<MembersView>(await ctx.request(`/api/workspaces/${A}/members`, { cookie: admin }));
    expect(list.members.map((m) => m.email)).not.toContain(B_BEHEERDER);
    const [li, lf] = [B_BEHEERDER, X].map((email) => list.invitations.find((i) => i.email === email));
    const blank = (i: InvitationView) => ({
      ...i,
      id: "·",
      email: "·",
      createdAt: "·",
      expiresAt: "·",
      mail: { ...i.mail, id: "·" },
    });
    expect(blank(li!)).toEqual(blank(lf!));
    // The log records the invitation without naming any account.
    const logged = await db
      .select()
      .from(auditEvents)
      // The demo's members joined by invitation too, on the day it was set up (issue 10).
      .where(and(eq(auditEvents.workspaceId, A), eq(auditEvents.type, "member.invited"), afterDemoSetUp()));
    expect(logged.map((l) => eventData(l))).toEqual([
      expect.not.objectContaining({ userId: match.anything() }),
      expect.not.objectContaining({ userId: match.anything() }),
    ]);
  });

  it("refuses a second open invitation for the same address at the same tafel (409), and an existing member (409)", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    expect((await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null })).status).toBe(
      201,
    );
    expect(
      (await invite(A, admin, { email: X.toUpperCase(), name: "X Persoon", role: "secretaris", partyId: null })).status,
    ).toBe(409);
    expect(
      (await invite(A, admin, { email: DEMO.waarnemer, name: "W Persoon", role: "waarnemer", partyId: null })).status,
    ).toBe(409);
    // The same address at another tafel is that tafel's own business.
    expect(
      (await invite(B.id, B.cookie, { email: X, name: "X Persoon", role: "waarnemer", partyId: null })).status,
    ).toBe(201);
  });
});

describe("withdrawing", () => {
  it("a beheerder withdraws an open invitation: the link stops working and it leaves the list", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const res = await json<InviteResult>(
      await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
    );
    const path = `/api/workspaces/${A}/invitations/${res.invitation.id}`;
    expect((await ctx.request(path, { method: "DELETE", cookie: admin })).status).toBe(200);
    // It stays in the list as history, no longer actionable.
    expect((await openInvitations(A, admin)).map((i) => [i.id, i.state, i.canResend, i.canWithdraw])).toEqual([
      [res.invitation.id, "ingetrokken", false, false],
    ]);
    expect((await accept({ token: await tokenOf(res), password: "een-goed-wachtwoord" })).status).toBe(404);
    expect((await ctx.request(path, { method: "DELETE", cookie: admin })).status).toBe(404);
    const withdrawn = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "member.invitation_withdrawn"));
    expect(withdrawn).toHaveLength(1);
    // Withdrawn, so a new invitation is fine.
    expect((await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null })).status).toBe(
      201,
    );
  });

  it("an accepted invitation is not withdrawn (409): removing the member is the way", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const res = await json<InviteResult>(
      await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
    );
    await accept({ token: await tokenOf(res), password: "een-goed-wachtwoord" });
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/${res.invitation.id}`, { method: "DELETE", cookie: admin }))
        .status,
    ).toBe(409);
  });

  it("only who manages members at that tafel: others get 403, another tafel's invitation id 404 here and 403 there", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const mine = await json<InviteResult>(
      await invite(A, admin, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
    );
    const theirs = await json<InviteResult>(
      await invite(B.id, B.cookie, { email: X, name: "X Persoon", role: "waarnemer", partyId: null }),
    );
    for (const email of [DEMO.swvTrekker, DEMO.waarnemer, DEMO.groningenWethouder]) {
      const res = await ctx.request(`/api/workspaces/${A}/invitations/${mine.invitation.id}`, {
        method: "DELETE",
        cookie: await ctx.login(email),
      });
      expect(res.status, email).toBe(403);
      // Roles that do not manage members do not see invitations (addresses of people who are not members) at all.
      expect(await openInvitations(A, await ctx.login(email))).toEqual([]);
    }
    expect(
      (
        await ctx.request(`/api/workspaces/${A}/invitations/${theirs.invitation.id}`, {
          method: "DELETE",
          cookie: admin,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await ctx.request(`/api/workspaces/${B.id}/invitations/${theirs.invitation.id}`, {
          method: "DELETE",
          cookie: admin,
        })
      ).status,
    ).toBe(403);
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/${mine.invitation.id}`, { method: "DELETE" })).status,
    ).toBe(401);
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/..%2Fx`, { method: "DELETE", cookie: admin })).status,
    ).toBe(400);
    expect((await openInvitations(A, admin)).map((i) => i.id)).toEqual([mine.invitation.id]);
    expect((await openInvitations(B.id, B.cookie)).map((i) => i.id)).toEqual([theirs.invitation.id]);
    // B's beheerder cannot invite at A either.
    expect(
      (await invite(A, B.cookie, { email: "z@example.nl", name: "Z Persoon", role: "waarnemer", partyId: null }))
        .status,
    ).toBe(403);
  });
});

describe("the beheerder manages members and sees no content", () => {
  it("is allowed the tafel overview and the members, with workspace.read and members.manage only", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const tafel = await json<WorkspaceView>(await ctx.request(`/api/workspaces/${A}`, { cookie: admin }));
    expect(tafel.capabilities.sort()).toEqual([
      "members.manage",
      "suggestions.restrict",
      "tafel.manage",
      "workspace.read",
    ]);
    expect(tafel.parties.length).toBeGreaterThan(0);
    expect((await ctx.request("/api/workspaces", { cookie: admin })).status).toBe(200);
    expect((await ctx.request(`/api/workspaces/${A}/members`, { cookie: admin })).status).toBe(200);
  });

  it("is refused every content read the API has (403), the sync socket and the event stream", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const secretaris = await ctx.login(DEMO.secretaris);
    const { db } = ctx.deps.database;
    const point = (
      await json<{ points: PointSummary[] }>(await ctx.request(`/api/workspaces/${A}/points`, { cookie: secretaris }))
    ).points[0]!;
    const meeting = (
      await json<{ meetings: MeetingSummary[] }>(
        await ctx.request(`/api/workspaces/${A}/meetings`, { cookie: secretaris }),
      )
    ).meetings[0]!;
    expect(point && meeting).toBeTruthy();
    // Plan import (issue 14): a plan of the tafel with one uploaded version.
    const plan = await db.query.workspacePlans.findFirst({ where: (p, { eq: is }) => is(p.workspaceId, A) });
    const planVersion = await importPlanVersion(ctx.as(DEMO.swvTrekker), {
      planId: plan!.id,
      fileName: "plan.docx",
      bytes: await makePlanDocx(),
    });
    // Comments and versions (issue 12) are read per document; one named version of the spiegelparagraaf.
    const spiegel = documentNames.spiegelparagraaf(A);
    const version = await saveVersion(ctx.as(DEMO.secretaris), {
      workspaceId: A,
      document: spiegel,
      name: "Testversie",
    });
    const perDocument = new Set([
      "/api/workspaces/{id}/comments",
      "/api/workspaces/{id}/versions",
      // Suggestions (issue 12).
      "/api/workspaces/{id}/suggestions/alleen-voorstellen",
      "/api/workspaces/{id}/suggestions/decisions",
    ]);
    const values: Record<string, string> = { hash: point.textHash, planVersionId: planVersion.id };
    // The overview, and the people side: members and their invitations' outgoing mail.
    const OVERVIEW = new Set([
      "/api/me",
      "/api/workspaces",
      "/api/workspaces/{id}",
      "/api/workspaces/{id}/members",
      "/api/workspaces/{id}/outbox",
    ]);

    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await ctx.request("/api/openapi.json"));
    const reads = Object.entries(doc.paths).filter(
      ([path, ops]) => "get" in ops && path.includes("{id}") && !OVERVIEW.has(path),
    );
    expect(reads.length).toBeGreaterThanOrEqual(14);
    for (const [path] of reads) {
      const id = path.startsWith("/api/points/")
        ? point.id
        : path.startsWith("/api/meetings/")
          ? meeting.id
          : path.startsWith("/api/plans/")
            ? plan!.id
            : path.startsWith("/api/plan-versions/")
              ? planVersion.id
              : path.startsWith("/api/versions/")
                ? version.id
                : A;
      const url =
        path.replace("{id}", id).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "onbekend") +
        (perDocument.has(path) ? `?document=${encodeURIComponent(spiegel)}` : "");
      // The URL itself addresses something real (a content role is not told 400 or 404) …
      const asSecretaris = await ctx.request(url, { cookie: secretaris });
      expect([400, 404], `${url} as secretaris`).not.toContain(asSecretaris.status);
      await asSecretaris.body?.cancel();
      // … and the beheerder is refused for want of content.read, before anything else.
      const res = await ctx.request(url, { cookie: admin });
      expect(res.status, url).toBe(403);
      expect(await apiError(res)).toMatchObject({
        code: "FORBIDDEN",
        message: match.stringContaining("de inhoud ziet u niet"),
      });
    }
    // Writes on content too (the oplegger and dossier included above or here).
    expect(reads.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "/api/workspaces/{id}/points",
        "/api/workspaces/{id}/meetings",
        "/api/workspaces/{id}/log/verify",
        "/api/workspaces/{id}/oplegger",
        "/api/workspaces/{id}/events",
        "/api/points/{id}",
        "/api/meetings/{id}",
      ]),
    );
    expect(
      (
        await ctx.request(`/api/workspaces/${A}/points`, {
          cookie: admin,
          body: { theme: "jeugdhulp", title: "Beheerderspunt" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await ctx.request(`/api/workspaces/${A}/dossier`, {
          cookie: admin,
          body: { pointIds: [point.id], route: "advies" },
        })
      ).status,
    ).toBe(403);
    // The sync upgrade's decision, for every kind of document.
    const [session] = [await createSession(db, ctx.demo.members[DEMO.beheerder]!.userId, 1)];
    for (const name of [
      documentNames.spiegelparagraaf(A),
      documentNames.procedure(A),
      documentNames.point(A, point.id),
      documentNames.minutes(A, meeting.id),
    ]) {
      expect(await authorizeDocument(db, session.token, name), name).toEqual({ deny: 403 });
    }
    // Uploading the plan version boots a parser thread: slow on a busy machine.
  }, 120_000);
});
