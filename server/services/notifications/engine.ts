/**
 * Runs the notification engine inside the server: after every published change (coalesced),
 * on a poll timer (events of another process, a missed wake-up), and the daily jobs on the same
 * timer. Everything it does is restart-safe by the database, not by this object: the log cursor,
 * unique notice keys, notices marked mailed in the transaction that queued their mail, and one
 * row per job and day in `scheduled_runs`.
 */
import { and, eq } from "drizzle-orm";
import { scheduledRuns } from "../../../db/schema/index.ts";
import { instantToNlLocal, todayInNl } from "../../../shared/domain/dates.ts";
import { DIGEST_HOUR } from "../../../shared/domain/notifications.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { processNotifications } from "./processNotifications.ts";
import { remindDeadlines } from "./remindDeadlines.ts";
import { sendDigests, type DigestOutcome } from "./sendDigests.ts";

/** Composes and queues the overview of what waited until `until` (the mail thread's, in the server). */
export type DigestJob = (ctx: ServiceContext, until: Date) => Promise<DigestOutcome>;

export interface ScheduledOutcome {
  deadlines: { reminders: number; mails: number } | null;
  digest: DigestOutcome | null;
}

/**
 * The daily jobs due at `ctx.clock.now()`, from DIGEST_HOUR (Amsterdam) on, once per day:
 * deadline reminders first (so they ride along in the same morning's overview), then the digest.
 * The day's row is written only after both finished: a crash halfway runs them again, and
 * reminders made or notices mailed before the crash are not made or mailed again (their keys).
 */
export async function runScheduledJobs(
  ctx: ServiceContext,
  digestJob: DigestJob = sendDigests,
): Promise<ScheduledOutcome> {
  const now = ctx.clock.now();
  const today = todayInNl(now);
  const hour = Number(instantToNlLocal(now.toISOString()).time.slice(0, 2));
  if (hour < DIGEST_HOUR) return { deadlines: null, digest: null };
  const [ran] = await dbOf(ctx)
    .select({ job: scheduledRuns.job })
    .from(scheduledRuns)
    .where(and(eq(scheduledRuns.job, "digest"), eq(scheduledRuns.period, today)))
    .limit(1);
  if (ran) return { deadlines: null, digest: null };
  await processNotifications(ctx);
  const deadlines = await remindDeadlines(ctx);
  const digest = await digestJob(ctx, now);
  await withTransaction(ctx, (t) =>
    t.tx
      .insert(scheduledRuns)
      .values({ job: "digest", period: today, ranAt: nowIso(t) })
      .onConflictDoNothing(),
  );
  return { deadlines, digest };
}

export interface EngineOptions {
  pollMs?: number;
  /** Where the daily overview is composed; default: here, on this thread. */
  digest?: DigestJob;
  log?: (line: string) => void;
}

export class NotificationEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private off: (() => void) | null = null;
  private readonly pollMs: number;
  private readonly log: (line: string) => void;
  private readonly digest: DigestJob;

  constructor(
    private readonly ctx: ServiceContext,
    options: EngineOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 30_000;
    this.log = options.log ?? ((line) => console.log(line));
    this.digest = options.digest ?? sendDigests;
  }

  start(): void {
    // Our own "notification" announcements are not news to the engine.
    this.off = this.ctx.deps.events.on("workspace.changed", (e) => {
      if (e.entity !== "notification") this.nudge();
    });
    this.tick();
  }

  /** Something was committed: process the log soon. Never throws. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pump().finally(() => {
      this.running = null;
    });
  }

  /** Processes everything pending now (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await processNotifications(this.ctx);
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await processNotifications(this.ctx);
      } catch (err) {
        this.log(`[meldingen] Log kon niet worden verwerkt: ${(err as Error).message}`);
      }
    } while (this.again && !this.stopped);
  }

  private tick(): void {
    if (this.stopped) return;
    this.nudge();
    void runScheduledJobs(this.ctx, this.digest)
      .then((outcome) => {
        if (outcome.digest)
          this.log(
            `[meldingen] Dagelijks overzicht: ${outcome.digest.people} e-mails, ${outcome.digest.notices} meldingen.`,
          );
      })
      .catch((err: unknown) => this.log(`[meldingen] Geplande taak mislukt: ${(err as Error).message}`))
      .finally(() => {
        if (!this.stopped) {
          this.timer = setTimeout(() => this.tick(), this.pollMs);
          this.timer.unref?.();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.off?.();
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }
}
