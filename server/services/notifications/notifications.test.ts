/**
 * Notices from the log, on the real demo tafel: the engine reads the audit log through its
 * durable cursor, mails through the real outbox and sender to a real SMTP server on loopback
 * (parsed with mailparser), respects each person's choices, and never tells anyone about another
 * tafel or another party's business.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { logCursors, mailOutbox, notifications, users } from "../../../db/schema/index.ts";
import { NOTIFICATION_KIND_INFO, type NotificationKind } from "../../../shared/domain/notifications.ts";
import type { InboxView, UnreadCountView, UnsubscribeView } from "../../../shared/schemas/notifications.ts";
import { MailSender } from "../../mail/sender.ts";
import { smtpTransport } from "../../mail/transport.ts";
import { apiError, json } from "../../testing/json.ts";
import { parse, startTestSmtp, type TestSmtp } from "../../testing/smtpServer.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { createOtherTafel, pointAtAmbtelijkAkkoord, signByAll } from "../meetings/meetingFixtures.ts";
import { createPoint } from "../points/createPoint.ts";
import { paragraphEdit } from "../points/paragraphEdit.ts";
import { pointDocumentName } from "../points/pointText.ts";
import { refreshPointText } from "../points/refreshPointText.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { createContext, type Clock } from "../serviceContext.ts";
import { runScheduledJobs } from "./engine.ts";
import { setNotificationPreferences } from "./preferences.ts";
import { processNotifications } from "./processNotifications.ts";

let ctx: TestContext;
let smtp: TestSmtp;
let sender: MailSender;

function makeSender(clock?: Clock): MailSender {
  return new MailSender(createContext(ctx.deps, { clock }), {
    transport: smtpTransport({ url: smtp.url, maxConnections: 2, timeoutMs: 2000 }),
    from: "OOGO Werkruimte <noreply@oogo.test>",
    concurrency: 2,
    log: () => undefined,
  });
}

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  ctx = await createTestContext();
  smtp.received.length = 0;
  // The demo's own history is processed first; the tests look at what follows.
  await processNotifications(ctx.system);
  await ctx.deps.database.db.update(mailOutbox).set({ state: "verstuurd" });
  sender = makeSender();
});
afterEach(async () => {
  await sender.stop();
  ctx.cleanup();
});

const userId = (email: string) => ctx.demo.members[email]!.userId;
/** The notices of one person about one point (the demo's history made others before the test). */
const noticesOf = (email: string, pointId: string, kind?: string) =>
  ctx.deps.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId(email)),
        eq(notifications.entityId, pointId),
        kind ? sql`${notifications.kind} = ${kind}` : undefined,
      ),
    );
const header = (mail: { headerLines: ReadonlyArray<{ key: string; line: string }> }, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");
async function mailsTo(email: string) {
  await sender.drain();
  const mine = smtp.received.filter((m) => m.to.includes(email));
  return Promise.all(mine.map(parse));
}
const edit = async (point: { id: string; workspaceId: string }, text: string) => {
  const name = pointDocumentName(point);
  await ctx.store.append(name, [paragraphEdit(await ctx.store.load(name), text)]);
  await refreshPointText(ctx.system, { pointId: point.id });
};

describe("a point that awaits signatures", () => {
  it("mails each bestuurder in scope at once: why, a straight link, unsubscribe per kind", async () => {
    const pointId = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "jeugdhulp",
      title: "Jeugdhulp dichtbij",
      text: "Tekst.",
    });
    const outcome = await processNotifications(ctx.system);
    expect(outcome.mails).toBe(3);
    const [mail, ...more] = await mailsTo(DEMO.groningenWethouder);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Ondertekenen: Jeugdhulp dichtbij — OOGO ondersteuningsplan 2023–2027");
    expect(mail!.text).toContain("Waarom u dit krijgt: U ondertekent namens Gemeente Groningen.");
    expect(mail!.text).toContain(`http://localhost/tafels/${ctx.demo.workspaceId}/punten/${pointId}`);
    const unsubscribe = header(mail!, "list-unsubscribe")!;
    expect(unsubscribe).toMatch(/^<http:\/\/localhost\/api\/notifications\/unsubscribe\?token=v1\./);
    expect(header(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toMatch(/Geen e-mail meer hierover: http:\/\/localhost\/afmelden\?token=v1\./);
    // Trekkers and the secretaris sign nothing: no signature request for them.
    for (const email of [DEMO.groningenTrekker, DEMO.secretaris, DEMO.waarnemer, DEMO.beheerder])
      expect(await noticesOf(email, pointId, "signature_requested")).toEqual([]);
  });

  it("a party outside the scope hears nothing of it", async () => {
    const groningen = ctx.demo.members[DEMO.groningenWethouder]!.partyId!;
    const pointId = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "jeugdhulp",
      title: "Alleen Groningen",
      text: "T.",
      scope: [groningen],
    });
    await processNotifications(ctx.system);
    expect(await noticesOf(DEMO.groningenWethouder, pointId, "signature_requested")).toHaveLength(1);
    expect(await noticesOf(DEMO.tynaarloWethouder, pointId)).toEqual([]);
    expect(await noticesOf(DEMO.tynaarloTrekker, pointId)).toEqual([]);
  });
});

describe("a signature that stops counting", () => {
  it("tells the signer by mail (immediate) and the trekkers of the parties in scope", async () => {
    const pointId = await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Vervoer", text: "Eerst." });
    await signByAll(ctx, pointId, [DEMO.groningenWethouder]);
    await processNotifications(ctx.system);
    await sender.drain();
    smtp.received.length = 0;
    await edit({ id: pointId, workspaceId: ctx.demo.workspaceId }, "Een ambtenaar typt verder.");
    await processNotifications(ctx.system);
    const [mail] = await mailsTo(DEMO.groningenWethouder);
    expect(mail!.subject).toBe("Handtekening vervallen: Vervoer — OOGO ondersteuningsplan 2023–2027");
    expect(mail!.text).toMatch(/U ondertekende deze tekst op \d+ \w+ \d{4} namens Gemeente Groningen\./);
    expect(mail!.text).toContain("De tekst is daarna gewijzigd, dus deze handtekening telt niet meer.");
    for (const email of [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker])
      expect(await noticesOf(email, pointId, "signature_voided")).toHaveLength(1);
    expect(await noticesOf(DEMO.tynaarloWethouder, pointId, "signature_voided")).toEqual([]);
  });
});

describe("preferences", () => {
  it("never: in the inbox, no mail; digest: no mail now, one overview at 07:00, never twice", async () => {
    await setNotificationPreferences(ctx.as(DEMO.swvBestuurder), {
      preferences: [{ kind: "signature_requested", channel: "never" }],
    });
    await setNotificationPreferences(ctx.as(DEMO.tynaarloWethouder), {
      preferences: [{ kind: "signature_requested", channel: "digest" }],
    });
    const pointId = await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Thuiszitters", text: "T." });
    expect((await processNotifications(ctx.system)).mails).toBe(1);
    expect(await mailsTo(DEMO.swvBestuurder)).toEqual([]);
    expect(await mailsTo(DEMO.tynaarloWethouder)).toEqual([]);
    expect(await noticesOf(DEMO.swvBestuurder, pointId, "signature_requested")).toHaveLength(1);

    const at = (iso: string): Clock => ({ now: () => new Date(iso) });
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    const early = createContext(ctx.deps, { clock: at(`${tomorrow}T05:59:00Z`) }); // 06:59 in Amsterdam
    expect((await runScheduledJobs(early)).digest).toBeNull();
    const seven = createContext(ctx.deps, { clock: at(`${tomorrow}T06:00:00Z`) });
    const first = await runScheduledJobs(seven);
    // The overview is queued at tomorrow 07:00; a sender living in that morning sends it.
    await sender.stop();
    sender = makeSender(at(`${tomorrow}T06:30:00Z`));
    expect(first.digest!.people).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await mailsTo(DEMO.tynaarloWethouder);
    expect(more).toEqual([]);
    expect(digest!.subject).toMatch(/^Dagelijks overzicht OOGO Werkruimte, .*: \d+ melding/);
    expect(digest!.text).toContain("- Ondertekenen: Thuiszitters");
    expect(digest!.text).toContain("Waarom: U ondertekent namens Gemeente Tynaarlo.");
    expect(header(digest!, "list-unsubscribe")).toMatch(/token=v1\.[^.]+\.digest\./);
    expect(await mailsTo(DEMO.swvBestuurder)).toEqual([]);
    // Later that day, and after a restart (a fresh context): the day's overview is not sent again.
    expect((await runScheduledJobs(createContext(ctx.deps, { clock: at(`${tomorrow}T15:00:00Z`) }))).digest).toBeNull();
    await sender.drain();
    expect(smtp.received.filter((m) => m.to.includes(DEMO.tynaarloWethouder))).toHaveLength(1);
  });

  it("refuses unknown kinds and channels with a Dutch message, changing nothing", async () => {
    const cookie = await ctx.login(DEMO.groningenWethouder);
    const bad = await ctx.request("/api/notifications/preferences", {
      method: "PUT",
      cookie,
      body: { preferences: [{ kind: "signature_requested", channel: "altijd" }] },
    });
    expect(bad.status).toBe(400);
    expect((await apiError(bad)).code).toBe("VALIDATION_FAILED");
    const view = await json<{ preferences: Array<{ kind: string; channel: string }> }>(
      await ctx.request("/api/notifications/preferences", { cookie }),
    );
    expect(view.preferences.find((p) => p.kind === "signature_requested")!.channel).toBe("immediate");
    expect(view.preferences.find((p) => p.kind === "stance_requested")!.channel).toBe("digest");
    expect((await ctx.request("/api/notifications/preferences")).status).toBe(401);
  });
});

describe("unsubscribe", () => {
  it("the link from the mail works without login, only for that person and kind; a forged one changes nothing", async () => {
    await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Afmelden", text: "T." });
    await processNotifications(ctx.system);
    const [mail] = await mailsTo(DEMO.groningenWethouder);
    const token = /afmelden\?token=([^\s]+)/.exec(mail!.text!)![1]!;
    const looked = await json<UnsubscribeView>(await ctx.request(`/api/notifications/unsubscribe?token=${token}`));
    expect(looked).toEqual({
      kinds: [{ kind: "signature_requested", label: "Verzoek om te ondertekenen" }],
      done: false,
    });

    const forged = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    const refused = await ctx.request(`/api/notifications/unsubscribe?token=${forged}`, { method: "POST" });
    expect(refused.status).toBe(400);
    expect(await apiError(refused)).toMatchObject({ code: "VALIDATION_FAILED", field: "token" });
    const otherKind = token.replace(".signature_requested.", ".signature_voided.");
    expect((await ctx.request(`/api/notifications/unsubscribe?token=${otherKind}`, { method: "POST" })).status).toBe(
      400,
    );

    // RFC 8058 one-click, as a mail provider sends it: a form POST without Origin or cookie.
    const done = await ctx.request(`/api/notifications/unsubscribe?token=${token}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(done.status).toBe(200);
    expect((await json<UnsubscribeView>(done)).done).toBe(true);
    const cookie = await ctx.login(DEMO.groningenWethouder);
    const view = await json<{ preferences: Array<{ kind: string; channel: string }> }>(
      await ctx.request("/api/notifications/preferences", { cookie }),
    );
    // Kinds that mail by default and are now "never": only the one unsubscribed from.
    const mailedByDefault = (p: { kind: string }) =>
      NOTIFICATION_KIND_INFO[p.kind as NotificationKind].defaultChannel !== "never";
    expect(view.preferences.filter((p) => p.channel === "never" && mailedByDefault(p)).map((p) => p.kind)).toEqual([
      "signature_requested",
    ]);
    const other = await json<{ preferences: Array<{ kind: string; channel: string }> }>(
      await ctx.request("/api/notifications/preferences", { cookie: await ctx.login(DEMO.tynaarloWethouder) }),
    );
    expect(other.preferences.filter(mailedByDefault).every((p) => p.channel !== "never")).toBe(true);
  });
});

describe("the cursor", () => {
  it("a restart loses no event and a replay makes no second notice or mail", async () => {
    const pointId = await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Herstart", text: "T." });
    // "Restart": a fresh context on the same database, as a new process would have.
    const fresh = createContext(ctx.deps);
    expect((await processNotifications(fresh)).mails).toBe(3);
    expect((await processNotifications(fresh)).events).toBe(0);
    // Even with the cursor put back (a crash after the commit cannot do this; a second engine could race), nothing doubles.
    await ctx.deps.database.db.update(logCursors).set({ lastEventId: 0 });
    const replay = await processNotifications(fresh);
    expect(replay.events).toBeGreaterThan(0);
    expect(replay.notices).toBe(0);
    expect(replay.mails).toBe(0);
    const rows = await ctx.deps.database.db.select().from(notifications).where(eq(notifications.entityId, pointId));
    expect(rows.filter((r) => r.kind === "signature_requested")).toHaveLength(3);
  });
});

describe("isolation", () => {
  it("another tafel's events never notify a member of this one", async () => {
    const other = await createOtherTafel(ctx);
    const before = await ctx.deps.database.db.select().from(notifications);
    const [secretary] = await ctx.deps.database.db.select().from(users).where(eq(users.id, other.secretary.userId));
    const asSecretary = {
      ...ctx.system,
      actor: { userId: secretary!.id, email: secretary!.email, name: secretary!.name, sessionId: "s" },
    };
    const { point } = await createPoint(asSecretary, {
      workspaceId: other.workspaceId,
      theme: "jeugdhulp",
      title: "Elders",
      text: "T.",
    });
    await transitionPoint(asSecretary, { pointId: point.id, to: "in_bespreking", reason: "Start" });
    await processNotifications(ctx.system);
    const after = await ctx.deps.database.db.select().from(notifications);
    const demoUsers = new Set(Object.values(ctx.demo.members).map((m) => m.userId));
    expect(after.filter((n) => !before.some((b) => b.id === n.id) && demoUsers.has(n.userId))).toEqual([]);
  });

  it("the inbox shows only your own notices; marking someone else's read changes nothing", async () => {
    await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Inbox", text: "T." });
    await processNotifications(ctx.system);
    const wethouder = await ctx.login(DEMO.groningenWethouder);
    const inbox = await json<InboxView>(await ctx.request("/api/notifications", { cookie: wethouder }));
    const mine = inbox.notifications.find((n) => n.title === "Ondertekenen: Inbox")!;
    expect(mine).toMatchObject({
      kind: "signature_requested",
      read: false,
      tafelName: "OOGO ondersteuningsplan 2023–2027",
    });
    expect(inbox.notifications.every((n) => n.workspaceId === ctx.demo.workspaceId)).toBe(true);

    const tynaarlo = await ctx.login(DEMO.tynaarloWethouder);
    const before = await json<UnreadCountView>(await ctx.request("/api/notifications/unread", { cookie: wethouder }));
    await ctx.request("/api/notifications/read", { cookie: tynaarlo, body: { ids: [mine.id] } });
    expect(await json<UnreadCountView>(await ctx.request("/api/notifications/unread", { cookie: wethouder }))).toEqual(
      before,
    );
    const after = await json<UnreadCountView>(
      await ctx.request("/api/notifications/read", { cookie: wethouder, body: { ids: [mine.id] } }),
    );
    expect(after.unread).toBe(before.unread - 1);
    expect((await ctx.request("/api/notifications/read", { cookie: wethouder, body: {} })).status).toBe(400);
    expect((await ctx.request("/api/notifications")).status).toBe(401);
  });
});

describe("the live stream", () => {
  it("tells only the person concerned that their inbox changed", async () => {
    /** The `change` events of one member's stream until (and including) the marker. */
    async function changesUntilMarker(res: Response): Promise<string[]> {
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = "";
      while (!text.includes('"entity":"marker"')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      await reader.cancel();
      return text
        .split("\n\n")
        .filter((block) => block.startsWith("event: change"))
        .map((block) => JSON.parse(block.slice(block.indexOf("data:") + 5)) as { entity: string; entityId: string })
        .map((c) => `${c.entity}:${c.entityId}`);
    }
    const stream = async (email: string) =>
      ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/events`, { cookie: await ctx.login(email) });
    const groningen = await stream(DEMO.groningenWethouder);
    const tynaarlo = await stream(DEMO.tynaarloWethouder);
    const groningenParty = ctx.demo.members[DEMO.groningenWethouder]!.partyId!;
    await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Live", text: "T.", scope: [groningenParty] });
    await processNotifications(ctx.system);
    ctx.deps.events.emit("workspace.changed", {
      workspaceId: ctx.demo.workspaceId,
      entity: "marker",
      entityId: "einde",
      type: "marker",
    });
    const mine = await changesUntilMarker(groningen);
    const theirs = await changesUntilMarker(tynaarlo);
    expect(mine).toContain(`notification:${userId(DEMO.groningenWethouder)}`);
    expect(theirs.filter((c) => c.startsWith("notification:"))).toEqual([]);
    expect(theirs).toContain("marker:einde");
  });
});
