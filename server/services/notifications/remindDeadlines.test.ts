/**
 * Deadline reminders on the demo tafel: procedure steps due soon or late remind the secretaris,
 * a term that ends asks the trekkers "vervallen of herzien?". A restart (or a second run) never
 * doubles a reminder, and a run that crashed before its commit loses none.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { notifications, scheduledRuns } from "../../../db/schema/index.ts";
import { addDays, todayInNl } from "../../../shared/domain/dates.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { pointAtAmbtelijkAkkoord, signByAll } from "../meetings/meetingFixtures.ts";
import { loadPoint } from "../points/pointState.ts";
import { updatePoint } from "../points/updatePoint.ts";
import { createContext, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { runScheduledJobs } from "./engine.ts";
import { processNotifications } from "./processNotifications.ts";
import { addMonths, remindDeadlines } from "./remindDeadlines.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
  await processNotifications(ctx.system);
});
afterEach(() => ctx.cleanup());

const at = (iso: string): ServiceContext => createContext(ctx.deps, { clock: { now: () => new Date(iso) } });
const reminders = (kind: "deadline" | "term_ending") =>
  ctx.deps.database.db.select().from(notifications).where(eq(notifications.kind, kind));

describe("procedure steps", () => {
  it("remind the secretaris ahead of time and when late, each once; a crashed run loses none", async () => {
    // A run whose transaction rolls back (a crash before the commit) leaves nothing behind …
    const crashed = withTransaction(ctx.system, async (t) => {
      await remindDeadlines(t);
      throw new Error("stroomstoring");
    });
    await expect(crashed).rejects.toThrow("stroomstoring");
    expect(await reminders("deadline")).toEqual([]);
    // … and the next run makes every reminder.
    const first = await remindDeadlines(ctx.system);
    expect(first.reminders).toBeGreaterThan(0);
    const made = await reminders("deadline");
    expect(made).toHaveLength(first.reminders);
    const secretaris = ctx.demo.members[DEMO.secretaris]!.userId;
    expect(made.every((n) => n.userId === secretaris)).toBe(true);
    expect(made.every((n) => n.path.endsWith("/procedure"))).toBe(true);

    // Again, and after a "restart" (a fresh context): nothing doubles.
    expect((await remindDeadlines(ctx.system)).reminders).toBe(0);
    expect((await remindDeadlines(createContext(ctx.deps))).reminders).toBe(0);

    // A month later the same open steps are late: one "late" reminder each, once.
    const later = at(`${addDays(todayInNl(new Date()), 40)}T08:00:00Z`);
    await ctx.deps.database.db.update(notifications).set({ readAt: new Date().toISOString() });
    const lateBefore = (await reminders("deadline")).filter((n) => n.title.startsWith("Te laat: ")).length;
    const late = await remindDeadlines(later);
    expect(late.reminders).toBeGreaterThan(0);
    const lateAfter = (await reminders("deadline")).filter((n) => n.title.startsWith("Te laat: ")).length;
    expect(lateAfter - lateBefore).toBe(late.reminders);
    expect((await remindDeadlines(later)).reminders).toBe(0);
  });

  it("the daily job runs once a day; a crash before the day's row is written repeats no reminder", async () => {
    const tomorrow = addDays(todayInNl(new Date()), 1);
    const morning = at(`${tomorrow}T06:05:00Z`);
    const first = await runScheduledJobs(morning);
    expect(first.deadlines!.reminders).toBeGreaterThan(0);
    const count = (await reminders("deadline")).length;
    expect((await runScheduledJobs(morning)).deadlines).toBeNull();
    // As if the process died after the jobs but before their row: the next start runs them again.
    await ctx.deps.database.db.delete(scheduledRuns).where(eq(scheduledRuns.period, tomorrow));
    const again = await runScheduledJobs(morning);
    expect(again.deadlines!.reminders).toBe(0);
    expect(again.digest!.people).toBe(0);
    expect(await reminders("deadline")).toHaveLength(count);
  });
});

describe("terms", () => {
  it("a three-month agreement that ran out asks each trekker in scope: vervallen or herzien", async () => {
    const pointId = await pointAtAmbtelijkAkkoord(ctx, { theme: "jeugdhulp", title: "Pilot drie maanden", text: "T." });
    const point = (await loadPoint(ctx.deps.database.db, pointId))!;
    await updatePoint(ctx.as(DEMO.swvTrekker), { pointId, termMonths: 3, expectedVersion: point.version });
    await signByAll(ctx, pointId);
    expect((await loadPoint(ctx.deps.database.db, pointId))!.status).toBe("overeenstemming");
    await remindDeadlines(ctx.system);
    expect(await reminders("term_ending")).toEqual([]);

    const ends = addMonths(todayInNl(new Date()), 3);
    const after = at(`${addDays(ends, 1)}T08:00:00Z`);
    await remindDeadlines(after);
    const asked = await ctx.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "term_ending"), eq(notifications.entityId, pointId)));
    const trekkers = [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker].map(
      (e) => ctx.demo.members[e]!.userId,
    );
    expect(asked.map((n) => n.userId).sort()).toEqual([...trekkers].sort());
    expect(asked[0]!.title).toBe("Looptijd verstreken: Pilot drie maanden");
    expect(asked[0]!.reason).toMatch(/laten vervallen of te herzien/);
    expect((await remindDeadlines(after)).reminders).toBe(0);
  });

  it("adds months as the calendar does", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 12)).toBe("2027-11-15");
  });
});
