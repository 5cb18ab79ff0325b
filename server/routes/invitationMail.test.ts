/**
 * Invitations that arrive by e-mail, through the real app, a real libSQL file, the outbox's own
 * sender and a real SMTP server on loopback (smtp-server), parsed with mailparser. The sender is
 * driven with drain(), so no test waits for a timer.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { auditEvents, invitations, mailOutbox } from "../../db/schema/index.ts";
import type { InvitationView, InviteResult, MembersView } from "../../shared/schemas/workspace.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { MailSender } from "../mail/sender.ts";
import { smtpTransport } from "../mail/transport.ts";
import { createContext } from "../services/serviceContext.ts";
import { tokenInText } from "../testing/invitationLinks.ts";
import { parse, startTestSmtp, type TestSmtp } from "../testing/smtpServer.ts";
import { DEMO_EMAILS } from "../testing/demoSetUp.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let ctx: TestContext;
let smtp: TestSmtp;
let A: string;
const senders: MailSender[] = [];
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
const json = async <T = ErrorBody>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  ctx = await createTestContext();
  A = ctx.demo.workspaceId;
  smtp.received.length = 0;
  smtp.reject = null;
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  ctx.cleanup();
});

/** The app's sender, as server.ts makes it, to the test SMTP server or to `url`. */
function sender(options: { url?: string; maxAttempts?: number } = {}): MailSender {
  const s = new MailSender(createContext(ctx.deps), {
    transport: smtpTransport({ url: options.url ?? smtp.url, maxConnections: 2, timeoutMs: 2000 }),
    from: "OOGO Werkruimte <noreply@oogo.test>",
    concurrency: 2,
    maxAttempts: options.maxAttempts,
    log: () => undefined,
  });
  senders.push(s);
  return s;
}

async function deadSmtpUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return `smtp://127.0.0.1:${port}`;
}

const invite = (cookie: string, body: Record<string, unknown>) =>
  ctx.request(`/api/workspaces/${A}/members`, { cookie, body });
const listed = async (cookie: string, id: string) =>
  (await json<MembersView>(await ctx.request(`/api/workspaces/${A}/members`, { cookie }))).invitations.find(
    (i) => i.id === id,
  )!;
const open = (token: string) => ctx.request("/api/auth/invitation/open", { body: { token } });
const accept = (token: string, password = "een-goed-wachtwoord") =>
  ctx.request("/api/auth/invitation", { body: { token, password } });
const anna = (partyId: string) => ({
  email: "anna.devries@groningen.example",
  name: "Anna de Vries",
  role: "trekker",
  partyId,
  title: "beleidsadviseur",
});

describe("an invitation arrives by e-mail", () => {
  it("with the tafel, the inviter, the role, the party and a working link; opening and accepting show in its state", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const res = await invite(admin, anna(ctx.demo.parties.groningen.id));
    expect(res.status).toBe(201);
    const { invitation } = await json<InviteResult>(res);
    expect(invitation.state).toBe("wordt_verstuurd");
    // Nothing left the server inside the request.
    expect(smtp.received).toEqual([]);

    await sender().drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["anna.devries@groningen.example"]);
    const mail = await parse(smtp.received[0]!);
    expect(mail.subject).toBe("Uitnodiging voor de OOGO-tafel OOGO ondersteuningsplan 2023–2027");
    expect(mail.text).toContain("Beste Anna de Vries,");
    expect(mail.text).toContain('Bram Kuipers nodigt u uit voor de OOGO-tafel "OOGO ondersteuningsplan 2023–2027"');
    expect(mail.text).toContain("Uw rol: Ambtelijk trekker, namens Gemeente Groningen.");
    expect(mail.text).toMatch(/geldig tot \d{1,2} \w+ \d{4} om \d{2}:\d{2}/);
    expect(mail.html).toContain('<html lang="nl">');
    const token = tokenInText(mail.text ?? "")!;
    expect(mail.text).toContain(`http://localhost/uitnodiging#${token}`);
    expect(mail.html).toContain(`href="http://localhost/uitnodiging#${token}"`);
    expect(await listed(admin, invitation.id)).toMatchObject({
      state: "verstuurd",
      mail: { state: "verstuurd", canRetry: false },
      openedAt: null,
    });

    // The invitation page opens the link: a greeting, and the state "geopend".
    const greeting = await open(token);
    expect(greeting.status).toBe(200);
    expect(await json<unknown>(greeting)).toEqual({
      tafelName: "OOGO ondersteuningsplan 2023–2027",
      inviterName: "Bram Kuipers",
      role: "trekker",
      partyName: "Gemeente Groningen",
      name: "Anna de Vries",
      expiresAt: invitation.expiresAt,
    });
    const opened = await listed(admin, invitation.id);
    expect(opened.state).toBe("geopend");
    expect(opened.openedAt).not.toBeNull();
    // Opening again keeps the first moment.
    expect((await open(token)).status).toBe(200);
    expect((await listed(admin, invitation.id)).openedAt).toBe(opened.openedAt);

    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(await json<unknown>(accepted)).toEqual({ ok: true, workspaceId: A });
    const cookie = new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(accepted.headers.get("set-cookie") ?? "")?.[0];
    expect(cookie).toBeTruthy();
    expect((await json<{ role: string }>(await ctx.request(`/api/workspaces/${A}`, { cookie }))).role).toBe("trekker");
    expect(await listed(admin, invitation.id)).toMatchObject({
      state: "aangenomen",
      canResend: false,
      canWithdraw: false,
    });
    // A used link greets nobody.
    expect((await open(token)).status).toBe(404);
  });

  it("resending makes a new link and a new mail; the old link stops working; it is logged", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const secretaris = await ctx.login(DEMO.secretaris);
    const { invitation } = await json<InviteResult>(await invite(admin, anna(ctx.demo.parties.groningen.id)));
    await sender().drain();
    const oldToken = tokenInText((await parse(smtp.received[0]!)).text ?? "")!;
    expect((await open(oldToken)).status).toBe(200);

    const path = `/api/workspaces/${A}/invitations/${invitation.id}/resend`;
    // The secretaris resends (ADR 0011); the mail names them.
    const res = await ctx.request(path, { method: "POST", cookie: secretaris });
    expect(res.status).toBe(200);
    expect((await json<{ invitation: InvitationView }>(res)).invitation).toMatchObject({
      id: invitation.id,
      state: "wordt_verstuurd",
      openedAt: null,
      invitedBy: "Pieter Jansen",
    });
    await senders[0]!.drain();
    expect(smtp.received).toHaveLength(2);
    const second = await parse(smtp.received[1]!);
    expect(second.text).toContain("Pieter Jansen nodigt u uit");
    const newToken = tokenInText(second.text ?? "")!;
    expect(newToken).not.toBe(oldToken);

    for (const res of [await open(oldToken), await accept(oldToken)]) {
      expect(res.status).toBe(404);
      expect((await json(res)).error).toMatchObject({ code: "NOT_FOUND", field: "token" });
    }
    expect((await accept(newToken)).status).toBe(200);
    const logged = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, A), eq(auditEvents.type, "member.invitation_resent")));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ entityId: invitation.id, actorRole: "secretaris" });
    // Accepted: no more resending.
    expect((await ctx.request(path, { method: "POST", cookie: admin })).status).toBe(409);
  });

  it("an expired invitation shows as verlopen and is brought back by resending; withdrawn shows as ingetrokken and cannot be resent", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const { invitation } = await json<InviteResult>(await invite(admin, anna(ctx.demo.parties.groningen.id)));
    await ctx.deps.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invitations.id, invitation.id));
    expect(await listed(admin, invitation.id)).toMatchObject({ state: "verlopen", canResend: true });
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/${invitation.id}/resend`, { method: "POST", cookie: admin }))
        .status,
    ).toBe(200);
    const renewed = await listed(admin, invitation.id);
    expect(renewed.state).toBe("wordt_verstuurd");
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 13 * 86400_000);

    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/${invitation.id}`, { method: "DELETE", cookie: admin }))
        .status,
    ).toBe(200);
    expect(await listed(admin, invitation.id)).toMatchObject({
      state: "ingetrokken",
      canResend: false,
      canWithdraw: false,
    });
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/${invitation.id}/resend`, { method: "POST", cookie: admin }))
        .status,
    ).toBe(404);
  });

  it("resending is for whoever manages members of that tafel only, and not while another invitation for the address is open", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const { invitation } = await json<InviteResult>(await invite(admin, anna(ctx.demo.parties.groningen.id)));
    const path = `/api/workspaces/${A}/invitations/${invitation.id}/resend`;
    for (const email of [DEMO.waarnemer, DEMO.groningenTrekker]) {
      expect((await ctx.request(path, { method: "POST", cookie: await ctx.login(email) })).status, email).toBe(403);
    }
    expect((await ctx.request(path, { method: "POST" })).status).toBe(401);
    expect(
      (await ctx.request(`/api/workspaces/${A}/invitations/onbekend/resend`, { method: "POST", cookie: admin })).status,
    ).toBe(404);
    // Expired, then invited anew: the old one cannot be revived next to the new one.
    await ctx.deps.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invitations.id, invitation.id));
    expect((await invite(admin, anna(ctx.demo.parties.groningen.id))).status).toBe(201);
    const res = await ctx.request(path, { method: "POST", cookie: admin });
    expect(res.status).toBe(409);
    expect((await json(res)).error.message).toContain("al een andere uitnodiging open");
    expect(
      await ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.type, "member.invitation_resent")),
    ).toEqual([]);
  });

  it("a made-up, malformed or missing token greets nobody", async () => {
    expect((await open("a".repeat(43))).status).toBe(404);
    for (const body of [{ token: "kort" }, { token: 7 }, {}]) {
      const res = await ctx.request("/api/auth/invitation/open", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("when the mail server is down", () => {
  it("the invitation is made (never a 500), shows as niet verstuurd with the reason and a retry; retried, it arrives and works", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const down = sender({ url: await deadSmtpUrl(), maxAttempts: 5 });
    const res = await invite(admin, anna(ctx.demo.parties.groningen.id));
    expect(res.status).toBe(201);
    const { invitation } = await json<InviteResult>(res);
    await down.drain();

    // First failure: the sender will try again by itself; the manager may also retry now.
    const waiting = await listed(admin, invitation.id);
    expect(waiting).toMatchObject({ state: "niet_verstuurd", mail: { state: "mislukt_opnieuw", canRetry: true } });
    expect(waiting.mail!.lastError).toContain("De mailserver is niet bereikbaar");
    expect(waiting.mail!.nextAttemptAt).not.toBeNull();

    // As after the last attempt: the sender gave up.
    await ctx.deps.database.db
      .update(mailOutbox)
      .set({ state: "niet_verstuurd", attempts: 5 })
      .where(eq(mailOutbox.id, waiting.mail!.id));
    expect(await listed(admin, invitation.id)).toMatchObject({
      state: "niet_verstuurd",
      mail: { state: "niet_verstuurd", canRetry: true },
    });
    expect(smtp.received).toEqual([]);

    // The server is back: the secretaris puts the mail back in the queue (outbox API), the sender delivers it.
    const retry = await ctx.request(`/api/workspaces/${A}/outbox/${waiting.mail!.id}/retry`, {
      method: "POST",
      cookie: await ctx.login(DEMO.secretaris),
    });
    expect(retry.status).toBe(200);
    expect((await listed(admin, invitation.id)).state).toBe("wordt_verstuurd");
    await sender().drain();
    expect(smtp.received).toHaveLength(1);
    expect(await listed(admin, invitation.id)).toMatchObject({
      state: "verstuurd",
      mail: { state: "verstuurd", lastError: null },
    });
    const token = tokenInText((await parse(smtp.received[0]!)).text ?? "")!;
    expect((await accept(token)).status).toBe(200);
  });

  it("a round from a CSV is queued whole and waits; the request answers 201", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const down = sender({ url: await deadSmtpUrl() });
    const csv = Array.from({ length: 20 }, (_, i) => `Persoon ${i};p${i}@x.example;GM1730;trekker`).join("\n");
    const res = await ctx.request(`/api/workspaces/${A}/invitations/bulk`, { cookie: admin, body: { csv } });
    expect(res.status).toBe(201);
    await down.drain();
    // Leaves out the accepted invitations the demo's own members joined by (issue 10).
    const list = (
      await json<MembersView>(await ctx.request(`/api/workspaces/${A}/members`, { cookie: admin }))
    ).invitations.filter((i) => !DEMO_EMAILS.includes(i.email));
    expect(list).toHaveLength(20);
    expect(list.every((i) => i.state === "niet_verstuurd" && i.mail?.canRetry)).toBe(true);
  });
});
