/**
 * "Wachtwoord vergeten" and "Mijn account" through the real app on a real libSQL file. The reset
 * mail is read from the durable outbox (the row the sender would deliver).
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mailOutbox, users } from "../../db/schema/index.ts";
import { PASSWORD_RESET_ANSWER } from "../../shared/schemas/auth.ts";
import { DEMO_PASSWORD } from "../demo/demoAccounts.ts";
import { requestPasswordReset, RESET_MAILS_PER_HOUR } from "../services/accounts/requestPasswordReset.ts";
import { setPasswordByLink } from "../services/accounts/setPasswordByLink.ts";
import { createContext } from "../services/serviceContext.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.cleanup());

const WHO = DEMO.tynaarloTrekker;
const NEW_PASSWORD = "een-heel-nieuw-wachtwoord";

const resetMails = (to: string) =>
  t.deps.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.kind, "password_reset"), eq(mailOutbox.toAddress, to)));
const userRow = async (email: string) =>
  (await t.deps.database.db.select().from(users).where(eq(users.email, email)))[0]!;
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; field?: string; message: string } }).error;

/** The token of the (only / newest) link in a reset mail's plain text. */
function tokenIn(text: string | null): string {
  const match = /http:\/\/localhost\/wachtwoord#([A-Za-z0-9_-]+)/.exec(text ?? "");
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[1]!;
}

const ask = (email: string) => t.request("/api/auth/password-reset", { body: { email } });
const useLink = (token: string, password = NEW_PASSWORD) =>
  t.request("/api/auth/password-link", { body: { token, password } });
const me = (cookie: string) => t.request("/api/me", { cookie });

describe("Wachtwoord vergeten", () => {
  it("mails a known address one working link; the link sets the password and logs in", async () => {
    const res = await ask(WHO.toUpperCase());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, message: PASSWORD_RESET_ANSWER });
    const mails = await resetMails(WHO);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.workspaceId).toBeNull();
    expect(mails[0]!.text).toContain("één uur geldig");
    const used = await useLink(tokenIn(mails[0]!.text));
    expect(used.status).toBe(200);
    expect(used.headers.get("set-cookie")).toMatch(/oogo_sessie=/);
    await t.login(WHO, NEW_PASSWORD);
    await expect(t.login(WHO, DEMO_PASSWORD)).rejects.toThrow(/401/);
  });

  it("answers an unknown address exactly the same and mails nothing", async () => {
    const known = await (await ask(WHO)).text();
    const unknown = await ask("niemand@nergens.nl");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toBe(known);
    expect(
      await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "password_reset")),
    ).toHaveLength(1);
  });

  it("refuses a bad address with 400 naming email", async () => {
    const res = await ask("geen-adres");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe("email");
  });

  it("works once: the second use is 404 and the password stays the first new one", async () => {
    await ask(WHO);
    const token = tokenIn((await resetMails(WHO))[0]!.text);
    expect((await useLink(token)).status).toBe(200);
    const again = await useLink(token, "nog-een-ander-wachtwoord");
    expect(again.status).toBe(404);
    expect((await errorOf(again)).code).toBe("NOT_FOUND");
    await t.login(WHO, NEW_PASSWORD);
  });

  it("expires after one hour: 404 and the password unchanged", async () => {
    const asked = new Date("2026-03-02T09:00:00Z");
    await requestPasswordReset(createContext(t.deps, { clock: { now: () => asked } }), { email: WHO });
    const token = tokenIn((await resetMails(WHO))[0]!.text);
    const at = (minutes: number) =>
      createContext(t.deps, { clock: { now: () => new Date(asked.getTime() + minutes * 60_000) } });
    const before = (await userRow(WHO)).passwordHash;
    await expect(setPasswordByLink(at(60), { token, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await userRow(WHO)).passwordHash).toBe(before);
    // A minute earlier it still worked: the boundary is the hour, not something shorter.
    await expect(setPasswordByLink(at(59), { token, password: NEW_PASSWORD })).resolves.toMatchObject({
      userId: (await userRow(WHO)).id,
    });
  });

  it("ends every session of the account when the link is used", async () => {
    const cookie = await t.login(WHO);
    const ended: string[] = [];
    const off = t.deps.events.on("session.ended", (e) => ended.push(e.userId));
    await ask(WHO);
    expect((await useLink(tokenIn((await resetMails(WHO))[0]!.text))).status).toBe(200);
    off();
    expect((await me(cookie)).status).toBe(401);
    expect(ended).toEqual([(await userRow(WHO)).id]);
  });

  it(`sends at most ${RESET_MAILS_PER_HOUR} mails per address per hour, with the same answer`, async () => {
    const answers = new Set<string>();
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) answers.add(await (await ask(WHO)).text());
    expect(answers.size).toBe(1);
    expect(await resetMails(WHO)).toHaveLength(RESET_MAILS_PER_HOUR);
    // An hour later the address can ask again.
    const later = new Date(Date.now() + 3600_000 + 60_000);
    expect(await requestPasswordReset(createContext(t.deps, { clock: { now: () => later } }), { email: WHO })).toEqual({
      sent: true,
    });
    expect(await resetMails(WHO)).toHaveLength(RESET_MAILS_PER_HOUR + 1);
  });
});

describe("Mijn account", () => {
  it("every /api/account route is 401 without a session", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ["GET", "/api/account"],
      ["PATCH", "/api/account", { name: "X Y", functie: "" }],
      ["POST", "/api/account/password", { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }],
      ["POST", "/api/account/sign-out-everywhere"],
    ];
    for (const [method, path, body] of calls) {
      const res = await t.request(path, { method, body, cookie: "oogo_sessie=onzin-onzin-onzin-onzin" });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await errorOf(res)).code).toBe("UNAUTHENTICATED");
    }
    expect((await userRow(WHO)).name).not.toBe("X Y");
  });

  it("shows and changes the own name and functie; an empty functie clears it", async () => {
    const cookie = await t.login(WHO);
    const got = await t.request("/api/account", { cookie });
    expect(await got.json()).toMatchObject({ email: WHO, functie: null });
    const patched = await t.request("/api/account", {
      method: "PATCH",
      cookie,
      body: { name: "  Anna de Vries ", functie: "wethouder onderwijs en jeugd" },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: "Anna de Vries", functie: "wethouder onderwijs en jeugd" });
    expect(((await (await me(cookie)).json()) as { user: { name: string } }).user.name).toBe("Anna de Vries");
    await t.request("/api/account", { method: "PATCH", cookie, body: { name: "Anna de Vries", functie: "" } });
    expect((await userRow(WHO)).functie).toBeNull();
  });

  it("refuses a NUL in the name, a one-letter name and a control character in the functie: 400 naming the field, nothing changed", async () => {
    const cookie = await t.login(WHO);
    const before = await userRow(WHO);
    for (const [body, field] of [
      [{ name: "Anna\u0000", functie: "" }, "name"],
      [{ name: "A", functie: "" }, "name"],
      [{ name: "Anna de Vries", functie: "wethouder\u0007" }, "functie"],
      [{ name: "Anna de Vries" }, "functie"],
    ] as const) {
      const res = await t.request("/api/account", { method: "PATCH", cookie, body });
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/naam|functie/i);
    }
    expect(await userRow(WHO)).toEqual(before);
  });

  it("a wrong current password is 400 naming currentPassword and changes nothing", async () => {
    const cookie = await t.login(WHO);
    const other = await t.login(WHO);
    const before = (await userRow(WHO)).passwordHash;
    const res = await t.request("/api/account/password", {
      cookie,
      body: { currentPassword: "fout-fout", newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "VALIDATION_FAILED", field: "currentPassword" });
    expect((await userRow(WHO)).passwordHash).toBe(before);
    expect((await me(other)).status).toBe(200);
    const short = await t.request("/api/account/password", {
      cookie,
      body: { currentPassword: DEMO_PASSWORD, newPassword: "kort" },
    });
    expect((await errorOf(short)).field).toBe("newPassword");
  });

  it("changing the password ends every other session, keeps this one", async () => {
    const cookie = await t.login(WHO);
    const other = await t.login(WHO);
    const colleague = await t.login(DEMO.tynaarloWethouder);
    const ended: string[] = [];
    const off = t.deps.events.on("session.ended", (e) => ended.push(e.sessionId));
    const res = await t.request("/api/account/password", {
      cookie,
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    });
    off();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, endedSessions: 1 });
    expect(ended).toHaveLength(1);
    expect((await me(cookie)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await me(colleague)).status).toBe(200);
    await t.login(WHO, NEW_PASSWORD);
  });

  it("signing out everywhere ends every session of the account, this one too", async () => {
    const cookie = await t.login(WHO);
    const other = await t.login(WHO);
    const colleague = await t.login(DEMO.tynaarloWethouder);
    const ended: string[] = [];
    const off = t.deps.events.on("session.ended", (e) => ended.push(e.sessionId));
    const res = await t.request("/api/account/sign-out-everywhere", { method: "POST", cookie });
    off();
    expect(await res.json()).toEqual({ ok: true, endedSessions: 2 });
    expect(res.headers.get("set-cookie")).toMatch(/oogo_sessie=;/);
    expect(ended).toHaveLength(2);
    expect((await me(cookie)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await t.request("/api/account", { cookie })).status).toBe(401);
    expect((await me(colleague)).status).toBe(200);
  });
});
