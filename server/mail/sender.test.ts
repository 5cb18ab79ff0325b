/**
 * The outbox and its sender against a real SMTP server on loopback (smtp-server), parsed with
 * mailparser, on a real libSQL file. Time for backoff comes from a clock the test moves; the
 * sender is driven with drain() so no test waits for a timer.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notDemoMail } from "../testing/demoSetUp.ts";
import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { createDb, type Database } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { parse, startTestSmtp, type TestSmtp } from "../testing/smtpServer.ts";
import type { AppDeps, Caller } from "../context.ts";
import { createContext, withTransaction, type Clock, type ServiceContext } from "../services/serviceContext.ts";
import { enqueueMail, enqueueMails, retryMail, type MailMessage } from "./outbox.ts";
import { MailSender, type MailSenderOptions } from "./sender.ts";
import { invitationMail } from "./templates.ts";
import { logTransport, smtpTransport, type MailTransport } from "./transport.ts";

const FROM = "OOGO Werkruimte <noreply@oogo.test>";
let t: TestContext;
let smtp: TestSmtp;
const clock = {
  at: Date.parse("2026-03-02T09:00:00Z"),
  now() {
    return new Date(this.at);
  },
} satisfies Clock & { at: number };
let ctx: ServiceContext;
const senders: MailSender[] = [];
const extraDatabases: Database[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  t = await createTestContext();
  ctx = createContext(t.deps, { clock });
  smtp.received.length = 0;
  smtp.reject = null;
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  for (const d of extraDatabases.splice(0)) d.close();
  t.cleanup();
});

function invitation(to: string, n = 1): MailMessage {
  return {
    workspaceId: t.demo.workspaceId,
    kind: "invitation",
    to,
    related: { type: "invitation", id: `inv-${n}` },
    ...invitationMail({
      tafelName: "OOGO ondersteuningsplan 2023–2027",
      inviterName: "Bea Heerder",
      role: "trekker",
      partyName: "Gemeente Groningen",
      link: `http://localhost/uitnodiging#token-${n}`,
      expiresAt: new Date("2026-03-16T09:00:00Z"),
      recipientName: "Anna de Vries",
    }),
  };
}

function sender(
  options: Partial<MailSenderOptions> & { url?: string } = {},
  context: ServiceContext = ctx,
): MailSender {
  const transport: MailTransport =
    options.transport ??
    smtpTransport({ url: options.url ?? smtp.url, maxConnections: options.concurrency ?? 2, timeoutMs: 2000 });
  const s = new MailSender(context, { from: FROM, log: () => undefined, ...options, transport });
  senders.push(s);
  return s;
}

const rows = async (database: Database = t.deps.database) =>
  // Leaves out the invitation mails the demo's members joined by (issue 10).
  database.db.select().from(mailOutbox).where(notDemoMail()).orderBy(mailOutbox.createdAt, mailOutbox.id);
const row = async (id: string) => (await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;

/** A loopback port with nothing listening: connections are refused at once. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

function beheerder(): Caller {
  const m = t.demo.members[DEMO.beheerder]!;
  return { userId: m.userId, email: DEMO.beheerder, name: m.userName, sessionId: "test" };
}

describe("sending through SMTP", () => {
  it("a queued invitation arrives with a Dutch subject, text and HTML, the right To and From and our Message-ID", async () => {
    const queued = await enqueueMail(ctx, invitation("anna.devries@groningen.test"));
    await sender().drain();

    expect(smtp.received).toHaveLength(1);
    const mail = await parse(smtp.received[0]!);
    expect(smtp.received[0]!.to).toEqual(["anna.devries@groningen.test"]);
    expect(smtp.received[0]!.from).toBe("noreply@oogo.test");
    expect(mail.from?.value[0]).toMatchObject({ address: "noreply@oogo.test", name: "OOGO Werkruimte" });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe("anna.devries@groningen.test");
    expect(mail.subject).toBe("Uitnodiging voor de OOGO-tafel OOGO ondersteuningsplan 2023–2027");
    expect(mail.messageId).toBe(queued.messageId);
    expect(mail.text).toContain("Bea Heerder nodigt u uit");
    expect(mail.text).toContain("Uw rol: Ambtelijk trekker, namens Gemeente Groningen.");
    expect(mail.text).toContain("http://localhost/uitnodiging#token-1");
    expect(mail.text).toContain("geldig tot 16 maart 2026 om 10:00");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('href="http://localhost/uitnodiging#token-1"');
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");

    const stored = await row(queued.id);
    expect(stored).toMatchObject({
      state: "verstuurd",
      sentVia: "smtp",
      attempts: 1,
      lastError: null,
      sentAt: clock.now().toISOString(),
    });
    // The one-time link is not kept once a mail server has it.
    expect(stored.text).toBeNull();
    expect(stored.html).toBeNull();
  });

  it("an enqueue inside a transaction that rolls back leaves no mail and wakes no sender; a commit wakes it once, after the commit", async () => {
    const nudges: number[] = [];
    const deps: AppDeps = { ...t.deps, mail: { nudge: () => nudges.push(nudges.length) } };
    const c = createContext(deps, { clock });
    await expect(
      withTransaction(c, async (tx) => {
        await enqueueMail(tx, invitation("weg@groningen.test"));
        expect(nudges).toEqual([]);
        throw new Error("de uitnodiging mislukte");
      }),
    ).rejects.toThrow("de uitnodiging mislukte");
    expect(await rows()).toEqual([]);
    expect(nudges).toEqual([]);
    await sender().drain();
    expect(smtp.received).toEqual([]);

    await withTransaction(c, async (tx) => {
      await enqueueMail(tx, invitation("blijft@groningen.test"));
      expect(nudges).toEqual([]);
    });
    expect(nudges).toHaveLength(1);
    await sender().drain();
    expect(smtp.received.map((m) => m.to[0])).toEqual(["blijft@groningen.test"]);
  });

  it("a round of 120 invitations queues in one transaction (multi-row, in chunks): all or none, one nudge", async () => {
    const nudges: number[] = [];
    const c = createContext({ ...t.deps, mail: { nudge: () => nudges.push(1) } }, { clock });
    const round = Array.from({ length: 120 }, (_, i) => invitation(`lid${i}@tynaarlo.test`, i));
    await expect(
      withTransaction(c, async (tx) => {
        await enqueueMails(tx, round);
        throw new Error("CSV-regel 121 ongeldig");
      }),
    ).rejects.toThrow("CSV-regel 121");
    expect(await rows()).toEqual([]);
    const queued = await enqueueMails(c, round);
    expect(nudges).toHaveLength(1);
    expect(new Set(queued.map((q) => q.messageId)).size).toBe(120);
    const stored = await rows();
    expect(stored).toHaveLength(120);
    expect(stored.every((r) => r.state === "wachtrij" && r.workspaceId === t.demo.workspaceId)).toBe(true);
    // One bad address refuses the whole round before anything is written.
    await expect(enqueueMails(c, [invitation("goed@tynaarlo.test"), invitation("fout")])).rejects.toThrow(
      /Ongeldig e-mailadres/,
    );
    expect(await rows()).toHaveLength(120);
  });

  it("refuses to queue a header-injecting address or subject", async () => {
    await expect(enqueueMail(ctx, invitation("a@b.test\r\nBcc: x@evil.test"))).rejects.toThrow(/Ongeldig e-mailadres/);
    await expect(enqueueMail(ctx, { ...invitation("a@b.test"), subject: "Hallo\r\nBcc: x@evil.test" })).rejects.toThrow(
      /één regel/,
    );
    expect(await rows()).toEqual([]);
  });
});

describe("when the mail server is down or refuses", () => {
  it("retries with backoff, then keeps the mail as niet_verstuurd; the beheerder's retry sends it once the server is back", async () => {
    const port = await deadPort();
    const queued = await enqueueMail(ctx, invitation("later@groningen.test"));
    const down = sender({ url: `smtp://127.0.0.1:${port}`, maxAttempts: 3, retryDelaysMs: [60_000, 120_000] });

    await down.drain();
    let stored = await row(queued.id);
    expect(stored).toMatchObject({ state: "mislukt_opnieuw", attempts: 1 });
    expect(stored.lastError).toMatch(/niet bereikbaar/);
    expect(stored.nextAttemptAt).toBe(new Date(clock.at + 60_000).toISOString());

    await down.drain(); // not due yet: no attempt
    expect((await row(queued.id)).attempts).toBe(1);

    clock.at += 60_000;
    await down.drain();
    stored = await row(queued.id);
    expect(stored).toMatchObject({
      state: "mislukt_opnieuw",
      attempts: 2,
      nextAttemptAt: new Date(clock.at + 120_000).toISOString(),
    });

    clock.at += 120_000;
    await down.drain();
    stored = await row(queued.id);
    expect(stored).toMatchObject({ state: "niet_verstuurd", attempts: 3 });
    expect(stored.text).toContain("token-1"); // nothing lost
    clock.at += 24 * 3600_000;
    await down.drain();
    expect((await row(queued.id)).attempts).toBe(3); // given up: only a beheerder puts it back

    const back = await startTestSmtp(port);
    try {
      const view = await retryMail(
        { ...ctx, actor: beheerder() },
        { workspaceId: t.demo.workspaceId, mailId: queued.id },
      );
      expect(view).toMatchObject({ state: "wachtrij", stateLabel: "In de wachtrij", attempts: 0, canRetry: false });
      await down.drain();
      expect(back.received.map((m) => m.messageId)).toEqual([queued.messageId]);
      expect(await row(queued.id)).toMatchObject({ state: "verstuurd", attempts: 1, lastError: null });
    } finally {
      await down.stop(); // closes its pooled connection, so the server can close at once
      await back.close();
    }
  });

  it("a permanent refusal (550) is not retried; a temporary one (451) is", async () => {
    smtp.reject = { code: 550, message: "Mailbox unavailable" };
    const refused = await enqueueMail(ctx, invitation("bestaat.niet@groningen.test"));
    await sender().drain();
    const stored = await row(refused.id);
    expect(stored).toMatchObject({ state: "niet_verstuurd", attempts: 1 });
    expect(stored.lastError).toMatch(/weigerde deze e-mail \(550\).*Mailbox unavailable/);

    smtp.reject = { code: 451, message: "Try again later" };
    const delayed = await enqueueMail(ctx, invitation("druk@groningen.test"));
    await sender().drain();
    expect(await row(delayed.id)).toMatchObject({ state: "mislukt_opnieuw", attempts: 1 });
    expect((await row(delayed.id)).lastError).toMatch(/stelde deze e-mail uit \(451\)/);
    expect(smtp.received).toEqual([]);
  });
});

describe("never lost, never twice", () => {
  it("after a restart a new sender on the same database file sends each pending mail exactly once and no sent one again", async () => {
    const queued = [];
    for (let i = 0; i < 8; i++) queued.push(await enqueueMail(ctx, invitation(`persoon${i}@groningen.test`, i)));

    // First process: stopped right after the first mail arrived; it finishes what is in flight.
    const first = sender({ concurrency: 1 });
    first.start();
    await smtp.waitForCount(1);
    await first.stop();
    const afterStop = await rows();
    expect(afterStop.every((r) => r.state === "verstuurd" || r.state === "wachtrij")).toBe(true);
    const sentByFirst = afterStop.filter((r) => r.state === "verstuurd").length;
    expect(sentByFirst).toBeGreaterThanOrEqual(1);
    expect(sentByFirst).toBeLessThan(8);
    expect(smtp.received).toHaveLength(sentByFirst);

    // Second process: its own connection to the same file.
    const reopened = await createDb(t.deps.database.url);
    extraDatabases.push(reopened);
    const second = createContext({ ...t.deps, database: reopened }, { clock });
    await sender({}, second).drain();
    await sender({}, second).drain(); // a third start finds nothing to do

    const ids = smtp.received.map((m) => m.messageId).sort();
    expect(ids).toEqual(queued.map((q) => q.messageId).sort());
    expect((await rows(reopened)).every((r) => r.state === "verstuurd")).toBe(true);
  });

  it("a mail whose sender died after claiming it is sent again, with the same Message-ID, once its lease ran out — not before", async () => {
    const orphan = await enqueueMail(ctx, invitation("wees@groningen.test", 1));
    const held = await enqueueMail(ctx, invitation("bezet@groningen.test", 2));
    // As a crashed process leaves them: claimed, one lease expired, one still running.
    await t.deps.database.db
      .update(mailOutbox)
      .set({ state: "verzenden", attempts: 1, claimToken: "dood", claimedUntil: new Date(clock.at - 1).toISOString() })
      .where(eq(mailOutbox.id, orphan.id));
    await t.deps.database.db
      .update(mailOutbox)
      .set({
        state: "verzenden",
        attempts: 1,
        claimToken: "levend",
        claimedUntil: new Date(clock.at + 60_000).toISOString(),
      })
      .where(eq(mailOutbox.id, held.id));

    await sender().drain();
    expect(smtp.received.map((m) => m.messageId)).toEqual([orphan.messageId]);
    expect(await row(orphan.id)).toMatchObject({ state: "verstuurd", attempts: 2 });
    expect(await row(held.id)).toMatchObject({ state: "verzenden", claimToken: "levend" });
  });

  it("two senders on one database never send a row twice, and both do part of the work", async () => {
    const queued = [];
    for (let i = 0; i < 40; i++) queued.push(await enqueueMail(ctx, invitation(`p${i}@tynaarlo.test`, i)));
    const a = sender({ concurrency: 2 });
    const b = sender({ concurrency: 2 });
    await Promise.all([a.drain(), b.drain()]);

    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(a.totals.sent + b.totals.sent).toBe(40);
    expect(a.totals.sent).toBeGreaterThan(0);
    expect(b.totals.sent).toBeGreaterThan(0);
    expect((await rows()).every((r) => r.state === "verstuurd" && r.attempts === 1)).toBe(true);
  });
});

describe("without SMTP_URL (development and demo)", () => {
  it("the log transport writes the mail to the server log and marks it sent to the log, keeping the text for the outbox page", async () => {
    const lines: string[] = [];
    const queued = await enqueueMail(ctx, invitation("demo@groningen.test"));
    await sender({ transport: logTransport((l) => lines.push(l)) }).drain();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Aan: demo@groningen.test");
    expect(lines[0]).toContain("Onderwerp: Uitnodiging voor de OOGO-tafel");
    expect(lines[0]).toContain("http://localhost/uitnodiging#token-1");
    const stored = await row(queued.id);
    expect(stored).toMatchObject({ state: "verstuurd", sentVia: "log" });
    expect(stored.text).toContain("token-1");
    expect(smtp.received).toEqual([]);
  });
});
