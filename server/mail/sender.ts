/**
 * Sends what the outbox holds, off the request path.
 *
 * Each mail goes claim → send → mark, each step its own short write transaction:
 * - claim: due rows move to `verzenden` with a claim token and a lease, in ONE write transaction,
 *   so two senders (two processes, or a restart) never both hold a row;
 * - send: through the transport, at most `concurrency` at once, no transaction open;
 * - mark: `verstuurd` (only while our claim still holds), or back to `mislukt_opnieuw` with
 *   backoff, or `niet_verstuurd` when the server refused for good or the attempts ran out.
 * A crash between the server's "250 accepted" and the mark leaves the row `verzenden`; when its
 * lease runs out it is sent again with the same Message-ID (at-least-once; see docs/mail.md).
 * Outcomes are group-committed: each waits at most `markDelayMs` (25 ms) plus one local commit,
 * so that window stays that narrow while 500 mails cost tens of commits, not 500 fsyncs.
 */
import { and, asc, eq, inArray, lte, min, or, sql } from "drizzle-orm";
import { mailOutbox } from "../../db/schema/index.ts";
import { newToken } from "../auth/tokens.ts";
import { withTransaction, type ServiceContext, type TxContext } from "../services/serviceContext.ts";
import type { MailAttachment, MailTransport } from "./transport.ts";

export interface MailSenderOptions {
  transport: MailTransport;
  /** From header, e.g. "OOGO Werkruimte <noreply@oogo.example.nl>". */
  from: string;
  /** Mails in flight at once (and SMTP connections in the pool). */
  concurrency?: number;
  /** Attempts before a mail becomes `niet_verstuurd`. */
  maxAttempts?: number;
  /** Wait after the 1st, 2nd, … failed attempt; the last value repeats. */
  retryDelaysMs?: readonly number[];
  /** How long a claim holds; after that another sender may take the row (crash recovery). */
  leaseMs?: number;
  /** Look for due mail at least this often (mail queued by another process, expired leases). */
  pollMs?: number;
  /** Wait at most this long for other outcomes to share a commit (fewer fsyncs on the event loop). */
  markDelayMs?: number;
  log?: (line: string) => void;
}

type Row = typeof mailOutbox.$inferSelect;
/** One outcome to write: `apply` inside the group's transaction, `committed` after it. */
interface Mark {
  apply(t: TxContext): Promise<void>;
  committed(): void;
}

const DEFAULTS = {
  concurrency: 4,
  maxAttempts: 5,
  retryDelaysMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as readonly number[],
  leaseMs: 10 * 60_000,
  pollMs: 30_000,
  markDelayMs: 25,
};
/** Outcomes per commit at most, so one commit never holds the event loop long. */
const MAX_GROUP = 100;
/** Never poll faster than this, whatever the due times say: no tight loops. */
const MIN_WAKE_MS = 100;

export interface SendOutcome {
  sent: number;
  failed: number;
}

export class MailSender {
  readonly transport: MailTransport;
  private readonly options: Required<Omit<MailSenderOptions, "transport">>;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private timer: NodeJS.Timeout | null = null;
  private readonly outcome: SendOutcome = { sent: 0, failed: 0 };
  private pendingMarks: Array<{ row: Row; write: Mark; done: () => void }> = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    options: MailSenderOptions,
  ) {
    this.transport = options.transport;
    this.options = {
      from: options.from,
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      retryDelaysMs: options.retryDelaysMs ?? DEFAULTS.retryDelaysMs,
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      pollMs: options.pollMs ?? DEFAULTS.pollMs,
      markDelayMs: options.markDelayMs ?? DEFAULTS.markDelayMs,
      log: options.log ?? ((line) => console.log(line)),
    };
  }

  /** Starts sending in the background: now, on every nudge, and on the poll timer. */
  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    this.nudge();
  }

  /** Something was queued (after its commit): look for due mail now. Never throws, never blocks. */
  nudge(): void {
    if (this.started && !this.stopping) void this.kick();
  }

  /** Sends everything due now and resolves when nothing due is left (tests, the bench, shutdown). */
  drain(): Promise<void> {
    return this.kick();
  }

  /** Mails this sender had accepted or finally failed since it was made (the bench reads it). */
  get totals(): Readonly<SendOutcome> {
    return this.outcome;
  }

  /** Stops claiming, lets mails in flight finish and be marked, releases claimed-but-unsent ones, closes SMTP. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running;
      await this.transport.close();
    })();
    return this.stopped;
  }

  private kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pump().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pump(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopping) {
          const batch = await this.claim(this.options.concurrency * 4);
          if (batch.length === 0) break;
          await this.sendBatch(batch);
        }
        while (this.flushing) await this.flushing;
      } while (this.again && !this.stopping);
    } catch (err) {
      // A database hiccup must not kill the sender: the poll timer tries again.
      this.options.log(`[mail] Uitgaande e-mail kon niet worden verwerkt: ${(err as Error).message}`);
    }
    // Outcomes of mails already accepted are always written before the pump ends (and before stop()).
    while (this.flushing) await this.flushing;
    if (this.started && !this.stopping) await this.scheduleWake().catch(() => this.setTimer(this.options.pollMs));
  }

  /** Moves up to `limit` due rows to `verzenden` under a fresh claim token, in one write transaction. */
  private async claim(limit: number): Promise<Row[]> {
    return withTransaction(this.ctx, async (t) => {
      const now = t.clock.now();
      const nowIso = now.toISOString();
      const due = t.tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          or(
            and(inArray(mailOutbox.state, ["wachtrij", "mislukt_opnieuw"]), lte(mailOutbox.nextAttemptAt, nowIso)),
            and(eq(mailOutbox.state, "verzenden"), lte(mailOutbox.claimedUntil, nowIso)),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
        .limit(limit);
      return t.tx
        .update(mailOutbox)
        .set({
          state: "verzenden",
          claimToken: newToken(),
          attempts: sql`${mailOutbox.attempts} + 1`,
          claimedUntil: new Date(now.getTime() + this.options.leaseMs).toISOString(),
        })
        .where(inArray(mailOutbox.id, due))
        .returning();
    });
  }

  /** Sends a claimed batch with at most `concurrency` in flight; on stop, hands unsent rows back. */
  private async sendBatch(batch: Row[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < batch.length && !this.stopping) await this.deliver(batch[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, batch.length) }, worker));
    const unsent = batch.slice(next);
    if (unsent.length) await this.release(unsent);
  }

  private async deliver(row: Row): Promise<void> {
    try {
      await this.transport.send({
        from: this.options.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.text ?? "",
        html: row.html ?? "",
        messageId: row.messageId,
        listUnsubscribe: row.listUnsubscribe,
        ...(row.attachments ? { attachments: JSON.parse(row.attachments) as MailAttachment[] } : {}),
      });
    } catch (err) {
      void this.mark(row, this.failedWrite(row, err));
      return;
    }
    // Not awaited: the worker moves on to the next mail while the outcome waits for its group commit.
    void this.mark(row, this.sentWrite(row));
  }

  /**
   * Records a mail's outcome. Outcomes that arrive while a commit is running are written together
   * in the next one (group commit): one fsync for many mails instead of one each, and no outcome
   * waits longer than the commit before it. A failed write leaves the row `verzenden` until its
   * lease runs out; then it is sent again (at-least-once).
   */
  private mark(row: Row, write: Mark): Promise<void> {
    return new Promise<void>((resolve) => {
      this.pendingMarks.push({ row, write, done: resolve });
      this.flushing ??= this.gather()
        .then(() => this.flushMarks())
        .finally(() => {
          this.flushing = null;
        });
    });
  }

  /** Lets outcomes of other mails in flight join the same commit: waits `markDelayMs`, less when stopping. */
  private async gather(): Promise<void> {
    if (this.stopping || this.options.markDelayMs <= 0) return;
    await new Promise((r) => setTimeout(r, this.options.markDelayMs));
  }

  private async flushMarks(): Promise<void> {
    while (this.pendingMarks.length) {
      const group = this.pendingMarks.splice(0, MAX_GROUP);
      try {
        await withTransaction(this.ctx, async (t) => {
          for (const mark of group) await mark.write.apply(t);
        });
        for (const mark of group) mark.write.committed();
      } catch (err) {
        for (const mark of group)
          this.options.log(
            `[mail] Status van ${mark.row.messageId} kon niet worden vastgelegd: ${(err as Error).message}`,
          );
      }
      for (const mark of group) mark.done();
    }
  }

  private sentWrite(row: Row): Mark {
    const keepBody = this.transport.kind === "log";
    return {
      apply: async (t) => {
        await t.tx
          .update(mailOutbox)
          .set({
            state: "verstuurd",
            sentAt: t.clock.now().toISOString(),
            sentVia: this.transport.kind,
            lastError: null,
            claimToken: null,
            claimedUntil: null,
            // The body holds a one-time link: once a mail server has it, we need not keep it.
            ...(keepBody ? {} : { text: null, html: null, attachments: null }),
          })
          .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, row.claimToken!)));
      },
      committed: () => {
        this.outcome.sent++;
      },
    };
  }

  private failedWrite(row: Row, err: unknown): Mark {
    const failure = describeFailure(err);
    const giveUp = failure.permanent || row.attempts >= this.options.maxAttempts;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(row.attempts - 1, delays.length - 1)] ?? DEFAULTS.pollMs;
    return {
      apply: async (t) => {
        await t.tx
          .update(mailOutbox)
          .set({
            state: giveUp ? "niet_verstuurd" : "mislukt_opnieuw",
            lastError: failure.message,
            nextAttemptAt: new Date(t.clock.now().getTime() + (giveUp ? 0 : delay)).toISOString(),
            claimToken: null,
            claimedUntil: null,
          })
          .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, row.claimToken!)));
      },
      committed: () => {
        if (giveUp) this.outcome.failed++;
        this.options.log(
          `[mail] ${row.messageId} aan ${row.toAddress} niet verstuurd (poging ${row.attempts}): ${failure.message}` +
            (giveUp ? " — opgegeven; de beheerder kan het opnieuw proberen." : ""),
        );
      },
    };
  }

  /** Claimed rows we will not send (stopping): back to the queue, the attempt not counted. */
  private async release(rows: Row[]): Promise<void> {
    await withTransaction(this.ctx, async (t) => {
      for (const row of rows) {
        await t.tx
          .update(mailOutbox)
          .set({
            state: row.attempts > 1 ? "mislukt_opnieuw" : "wachtrij",
            attempts: row.attempts - 1,
            claimToken: null,
            claimedUntil: null,
          })
          .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, row.claimToken!)));
      }
    });
  }

  /** Sleeps until the earliest due time or lease expiry, at most `pollMs`. */
  private async scheduleWake(): Promise<void> {
    const { db } = this.ctx.deps.database;
    const [waiting] = await db
      .select({ at: min(mailOutbox.nextAttemptAt) })
      .from(mailOutbox)
      .where(inArray(mailOutbox.state, ["wachtrij", "mislukt_opnieuw"]));
    const [leased] = await db
      .select({ at: min(mailOutbox.claimedUntil) })
      .from(mailOutbox)
      .where(eq(mailOutbox.state, "verzenden"));
    const now = this.ctx.clock.now().getTime();
    const dues = [waiting?.at, leased?.at].filter((v): v is string => !!v).map((v) => Date.parse(v) - now);
    this.setTimer(Math.min(this.options.pollMs, ...dues));
  }

  private setTimer(ms: number): void {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.nudge();
      },
      Math.max(MIN_WAKE_MS, ms),
    );
    // A pending retry must not keep a finished process (a test, a CLI) alive.
    this.timer.unref();
  }
}

export interface FailureDescription {
  /** The server refused for good (5xx): retrying the same mail cannot help. */
  permanent: boolean;
  /** For the beheerder, in Dutch, with the server's own reply. */
  message: string;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Turns a transport error into words an operator understands, and decides whether to retry. */
export function describeFailure(err: unknown): FailureDescription {
  const e = (err ?? {}) as NodemailerError;
  const reply = (e.response ?? e.message ?? String(err)).replace(/\s+/g, " ").slice(0, 300);
  const code = e.responseCode;
  if (e.code === "EAUTH")
    return { permanent: false, message: `Inloggen bij de mailserver mislukt; controleer SMTP_URL. (${reply})` };
  if (typeof code === "number" && code >= 500 && code < 600) {
    return { permanent: true, message: `De mailserver weigerde deze e-mail (${code}): ${reply}` };
  }
  if (typeof code === "number" && code >= 400 && code < 500) {
    return { permanent: false, message: `De mailserver stelde deze e-mail uit (${code}): ${reply}` };
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(`${e.code} ${e.message}`) ||
    e.code === "ECONNECTION" ||
    e.code === "ESOCKET"
  ) {
    return { permanent: false, message: `De mailserver is niet bereikbaar. (${reply})` };
  }
  if (e.code === "ETIMEDOUT") return { permanent: false, message: `De mailserver reageerde niet op tijd. (${reply})` };
  return { permanent: false, message: `Versturen mislukt: ${reply}` };
}
