/**
 * The mail thread against a real SMTP server on loopback and a real libSQL file: mail queued on
 * the main thread is sent by the thread, the daily overview is composed there, a thread that dies
 * is started again without losing or doubling mail, and it runs below the main thread's priority.
 */
import { readdirSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { mailOutbox, notifications } from "../../db/schema/index.ts";
import { sendDigests } from "../services/notifications/sendDigests.ts";
import { createContext, type ServiceContext } from "../services/serviceContext.ts";
import { notDemoMail } from "../testing/demoSetUp.ts";
import { parse, startTestSmtp, type TestSmtp } from "../testing/smtpServer.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { MailThread, threadCanOpen } from "./mailThread.ts";
import { enqueueMails, type MailMessage } from "./outbox.ts";

let smtp: TestSmtp;
let t: TestContext;
let ctx: ServiceContext;
let thread: MailThread;
const logged: string[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  t = await createTestContext();
  smtp.received.length = 0;
  logged.length = 0;
  thread = new MailThread(
    {
      databaseUrl: t.deps.database.url,
      appConfig: t.deps.config,
      mail: { config: { smtpUrl: smtp.url, from: "OOGO Werkruimte <noreply@oogo.test>" }, concurrency: 2 },
    },
    { restartDelayMs: 50, log: (line) => logged.push(line) },
  );
  t.deps.mail = thread;
  ctx = createContext(t.deps);
  thread.start();
});
afterEach(async () => {
  await thread.stop();
  t.cleanup();
});

const note = (n: number, to = `lid${n}@gemeente.test`): MailMessage => ({
  workspaceId: t.demo.workspaceId,
  kind: "notification",
  to,
  related: { type: "test", id: `n-${n}` },
  subject: `Melding ${n}`,
  text: `Tekst ${n}`,
  html: `<p>Tekst ${n}</p>`,
});

const ours = () => t.deps.database.db.select().from(mailOutbox).where(notDemoMail());

/** Three waiting digest notices for each of these demo members, created a day before `until`. */
async function waitingNotices(emails: string[], until: Date): Promise<string[]> {
  const at = new Date(until.getTime() - 86_400_000).toISOString();
  const rows = emails.flatMap((email) =>
    [0, 1, 2].map((k) => ({
      id: randomUUID(),
      workspaceId: t.demo.workspaceId,
      userId: t.demo.members[email]!.userId,
      kind: "stance_requested" as const,
      dedupeKey: `thread-test:${email}:${k}`,
      entityType: "point",
      entityId: `punt-${k}`,
      title: `Standpunt gevraagd: punt ${k}`,
      reason: "Uw partij heeft nog geen standpunt gegeven.",
      path: `/tafels/${t.demo.workspaceId}/punten/punt-${k}`,
      createdAt: at,
      channel: "digest" as const,
    })),
  );
  await t.deps.database.db.insert(notifications).values(rows);
  return rows.map((r) => r.id);
}

describe("the mail thread", () => {
  it("sends what the main thread queued, through SMTP, and records it as sent", async () => {
    await enqueueMails(ctx, [note(1), note(2), note(3)]);
    await smtp.waitForCount(3);
    await thread.drain();
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([
      "lid1@gemeente.test",
      "lid2@gemeente.test",
      "lid3@gemeente.test",
    ]);
    const rows = await ours();
    expect(rows.map((r) => r.state)).toEqual(["verstuurd", "verstuurd", "verstuurd"]);
    expect(rows.every((r) => r.sentVia === "smtp")).toBe(true);
  });

  it("composes the daily overview in the thread: one mail per person, every notice marked, never twice", async () => {
    const until = new Date();
    const people = [DEMO.groningenWethouder, DEMO.tynaarloTrekker, DEMO.swvBestuurder];
    const ids = await waitingNotices(people, until);
    const first = await thread.digest(until);
    expect(first.people).toBeGreaterThanOrEqual(3);
    await thread.drain();
    for (const email of people) {
      const mine = smtp.received.filter((m) => m.to.includes(email));
      expect(mine).toHaveLength(1);
      const mail = await parse(mine[0]!);
      expect(mail.subject).toMatch(/^Dagelijks overzicht OOGO Werkruimte, .*: 3 meldingen/);
      expect(mail.text).toContain("Standpunt gevraagd: punt 2");
    }
    const unmailed = await t.deps.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(inArray(notifications.id, ids), isNull(notifications.mailedAt)));
    expect(unmailed).toEqual([]);
    expect(await thread.digest(until)).toEqual({ people: 0, notices: 0 });
  });

  it("overviews composed at once (here twice, and in the thread) mail each person exactly once", async () => {
    const until = new Date();
    const people = [DEMO.groningenTrekker, DEMO.tynaarloWethouder, DEMO.swvTrekker, DEMO.waarnemer];
    await waitingNotices(people, until);
    // The two here interleave between their read and their write; the thread may or may not overlap.
    const [there, here, again] = await Promise.all([
      thread.digest(until),
      sendDigests(ctx, until),
      sendDigests(ctx, until),
    ]);
    await thread.drain();
    for (const email of people) expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    const digests = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "digest"));
    expect(there.people + here.people + again.people).toBe(digests.length);
  });

  it("a thread that dies is started again and sends what was queued meanwhile; a request it held is refused", async () => {
    await enqueueMails(ctx, [note(1)]);
    await smtp.waitForCount(1);
    await thread.drain();
    const held = thread.drain();
    await thread.terminate();
    await expect(held).rejects.toThrow(/mailthread is gestopt/);
    expect(logged.join("\n")).toMatch(/mailthread is gestopt.*opnieuw gestart/);

    await enqueueMails(ctx, [note(2)]);
    await smtp.waitForCount(2);
    await thread.drain();
    expect(smtp.received.map((m) => m.to[0])).toEqual(["lid1@gemeente.test", "lid2@gemeente.test"]);
    expect((await ours()).map((r) => r.state)).toEqual(["verstuurd", "verstuurd"]);
  });

  it("after stop() it sends nothing and refuses requests; queued mail waits in the outbox", async () => {
    await thread.stop();
    await enqueueMails(ctx, [note(1)]);
    await expect(thread.drain()).rejects.toThrow(/gestopt/);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toEqual([]);
    expect((await ours()).map((r) => r.state)).toEqual(["wachtrij"]);
  });

  it("runs below the main thread's priority (nice 10), leaving the process's other threads as they were", async () => {
    await thread.drain();
    const niceOf = (task: string) =>
      Number(readFileSync(`/proc/self/task/${task}/stat`, "utf8").split(") ")[1]!.split(" ")[16]);
    const tasks = readdirSync("/proc/self/task");
    const nices = tasks.map(niceOf);
    expect(niceOf(String(process.pid))).toBe(0);
    expect(nices.filter((n) => n === 10)).toHaveLength(1);
    expect(nices.filter((n) => n !== 0 && n !== 10)).toEqual([]);
  });
});

describe("threadCanOpen", () => {
  it("is false for a database only this thread can see", () => {
    expect(threadCanOpen(":memory:")).toBe(false);
    expect(threadCanOpen("file::memory:")).toBe(false);
    expect(threadCanOpen("file:data/oogo.db")).toBe(true);
    expect(threadCanOpen("libsql://oogo.example.turso.io")).toBe(true);
  });
});
