/** GET /api/workspaces/:id/outbox and POST …/outbox/:mailId/retry: who may, what they see, what changes. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mailOutbox } from "../../db/schema/index.ts";
import { DEMO_EMAILS } from "../testing/demoSetUp.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { createOtherTafel, OTHER_SECRETARY, OUTSIDER } from "../services/meetings/meetingFixtures.ts";
import { createContext } from "../services/serviceContext.ts";
import { enqueueMail, type MailMessage } from "../mail/outbox.ts";
import { invitationMail, passwordResetMail } from "../mail/templates.ts";
import type { OutboxMailView } from "../../shared/schemas/outbox.ts";

let t: TestContext;
let ws: string;
let otherWs: string;
const cookies: Record<string, string | undefined> = {};
const ids = { failed: "", queued: "", other: "", account: "" };

const invite = (workspaceId: string, to: string): MailMessage => ({
  workspaceId,
  kind: "invitation",
  to,
  ...invitationMail({
    tafelName: "OOGO <ondersteuningsplan>",
    inviterName: "Bea Heerder",
    role: "ambtenaar",
    partyName: "Gemeente Groningen",
    link: "http://localhost/uitnodiging#geheim-token",
    expiresAt: new Date("2026-03-16T09:00:00Z"),
  }),
});
const setState = (id: string, state: typeof mailOutbox.$inferSelect.state, attempts = 5) =>
  t.deps.database.db
    .update(mailOutbox)
    .set({ state, attempts, lastError: state === "niet_verstuurd" ? "De mailserver is niet bereikbaar." : null })
    .where(eq(mailOutbox.id, id));
const stored = async (id: string) =>
  (await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;
const outbox = (cookie?: string, workspaceId = ws) => t.request(`/api/workspaces/${workspaceId}/outbox`, { cookie });
const retry = (mailId: string, cookie?: string, workspaceId = ws) =>
  t.request(`/api/workspaces/${workspaceId}/outbox/${mailId}/retry`, { method: "POST", cookie });

beforeAll(async () => {
  t = await createTestContext();
  ws = t.demo.workspaceId;
  otherWs = (await createOtherTafel(t)).workspaceId;
  for (const [k, email] of Object.entries({
    beheerder: DEMO.beheerder,
    secretaris: DEMO.secretaris,
    waarnemer: DEMO.waarnemer,
    trekker: DEMO.groningenTrekker,
    otherSec: OTHER_SECRETARY,
    outsider: OUTSIDER,
  })) {
    cookies[k] = await t.login(email);
  }
  const ctx = createContext(t.deps);
  ids.failed = (await enqueueMail(ctx, invite(ws, "mislukt@groningen.test"))).id;
  ids.queued = (await enqueueMail(ctx, invite(ws, "wacht@groningen.test"))).id;
  ids.other = (await enqueueMail(ctx, invite(otherWs, "elders@voorbeeld.test"))).id;
  ids.account = (
    await enqueueMail(ctx, {
      ...passwordResetMail({ link: "http://localhost/wachtwoord#x", expiresAt: new Date() }),
      workspaceId: null,
      kind: "password_reset",
      to: "iemand@groningen.test",
    })
  ).id;
  await setState(ids.other, "niet_verstuurd");
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  t.deps.config.production = false;
  await setState(ids.failed, "niet_verstuurd");
});

describe("GET /api/workspaces/:id/outbox", () => {
  it("shows the beheerder this tafel's mail only, with the state in Dutch, the error and (outside production) the text", async () => {
    const res = await outbox(cookies.beheerder);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mails: OutboxMailView[]; bodiesShown: boolean };
    expect(body.bodiesShown).toBe(true);
    // The demo's members joined by invitation, their mails sent at set-up (issue 10): those are listed too.
    const own = body.mails.filter((m) => !DEMO_EMAILS.includes(m.to));
    expect(own.map((m) => m.id).sort()).toEqual([ids.failed, ids.queued].sort());
    const failed = body.mails.find((m) => m.id === ids.failed)!;
    expect(failed).toMatchObject({
      to: "mislukt@groningen.test",
      subject: "Uitnodiging voor de OOGO-tafel OOGO <ondersteuningsplan>",
      kindLabel: "Uitnodiging",
      state: "niet_verstuurd",
      stateLabel: "Niet verstuurd",
      attempts: 5,
      canRetry: true,
      lastError: "De mailserver is niet bereikbaar.",
    });
    expect(failed.text).toContain("http://localhost/uitnodiging#geheim-token");
    expect(body.mails.find((m) => m.id === ids.queued)).toMatchObject({
      stateLabel: "In de wachtrij",
      canRetry: false,
    });
  });

  it("never shows the text in production (it holds one-time links)", async () => {
    t.deps.config.production = true;
    const body = (await (await outbox(cookies.beheerder)).json()) as { mails: OutboxMailView[]; bodiesShown: boolean };
    expect(body.bodiesShown).toBe(false);
    expect(body.mails.every((m) => m.text === null)).toBe(true);
    expect(JSON.stringify(body)).not.toContain("geheim-token");
  });

  it("refuses without a session (401), non-members (403), roles that do not manage members (403), unknown tafel (404), bad id (400)", async () => {
    expect((await outbox()).status).toBe(401);
    expect((await outbox(cookies.outsider)).status).toBe(403);
    // The secretaris manages members too (ADR 0011), so sees the tafel's mail.
    expect((await outbox(cookies.secretaris)).status).toBe(200);
    for (const role of ["waarnemer", "trekker"]) {
      const res = await outbox(cookies[role]);
      expect(res.status, role).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    expect((await outbox(cookies.otherSec)).status).toBe(403);
    expect((await outbox(cookies.beheerder, "bestaatniet")).status).toBe(404);
    expect((await outbox(cookies.beheerder, "slecht id!")).status).toBe(400);
  });
});

describe("POST /api/workspaces/:id/outbox/:mailId/retry", () => {
  it("puts a mail that was not sent back in the queue, due now; a second retry is a conflict", async () => {
    const res = await retry(ids.failed, cookies.beheerder);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mail: OutboxMailView }).mail).toMatchObject({
      id: ids.failed,
      state: "wachtrij",
      attempts: 0,
      canRetry: false,
    });
    expect(await stored(ids.failed)).toMatchObject({ state: "wachtrij", attempts: 0 });

    const again = await retry(ids.failed, cookies.beheerder);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "CONFLICT", message: "Deze e-mail staat al in de wachtrij." },
    });
  });

  it("refuses a mail that was already sent", async () => {
    await setState(ids.failed, "verstuurd", 1);
    const res = await retry(ids.failed, cookies.beheerder);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "CONFLICT", message: "Deze e-mail is al verstuurd." } });
  });

  it("refuses without a session, non-members and other roles, and changes nothing", async () => {
    expect((await retry(ids.failed)).status).toBe(401);
    expect((await retry(ids.failed, cookies.outsider)).status).toBe(403);
    expect((await retry(ids.failed, cookies.trekker)).status).toBe(403);
    expect((await retry(ids.failed, cookies.waarnemer)).status).toBe(403);
    expect(await stored(ids.failed)).toMatchObject({ state: "niet_verstuurd", attempts: 5 });
  });

  it("answers 404 for another tafel's mail and for account mail, and leaves them alone", async () => {
    for (const id of [ids.other, ids.account, "onbekend"]) {
      const res = await retry(id, cookies.beheerder);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    expect(await stored(ids.other)).toMatchObject({ state: "niet_verstuurd", attempts: 5 });
    // The other tafel's secretaris cannot reach it through the demo tafel either.
    expect((await retry(ids.other, cookies.otherSec)).status).toBe(403);
    expect((await retry(ids.failed, cookies.beheerder, "slecht id!")).status).toBe(400);
  });
});

it("is in the OpenAPI document", async () => {
  const doc = (await (await t.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/workspaces/{id}/outbox", "/api/workspaces/{id}/outbox/{mailId}/retry"]),
  );
});
