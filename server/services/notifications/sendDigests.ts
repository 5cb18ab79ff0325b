/**
 * The daily overview: every notice that waits for the digest, one mail per person, grouped by
 * tafel. Per group of people ONE transaction queues their mails and marks their notices mailed,
 * so a crash halfway leaves the rest for the next run and nobody gets a notice twice.
 *
 * In the server this runs in the mail thread (server/mail/mailThread.ts), not on the event loop
 * that serves requests and the sync fan-out.
 */
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { notifications, users, workspaces } from "../../../db/schema/index.ts";
import { formatDate, todayInNl } from "../../../shared/domain/dates.ts";
import { NOTIFICATION_KIND_INFO } from "../../../shared/domain/notifications.ts";
import { enqueueMails, type MailMessage } from "../../mail/outbox.ts";
import { digestMail, type NoticeForMail } from "../../mail/notificationTemplates.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { yieldToLoop } from "../yieldToLoop.ts";
import { channelsFor } from "./preferences.ts";
import { oneClickUrl, unsubscribeSigner, unsubscribeUrl } from "./unsubscribeToken.ts";

/**
 * People per transaction: short commits, and the loop gets its turn between them, so whatever
 * else shares the thread (the mail sender's SMTP sockets) is not held up (bench/digest.ts).
 */
const PEOPLE_PER_COMMIT = 10;

export interface DigestOutcome {
  people: number;
  notices: number;
}

/** One person's overview, composed before the write transaction. */
interface Composed {
  message: MailMessage;
  noticeIds: string[];
}

/** Sends the overview of every notice created up to `until` (the run's time) and not mailed yet. */
export async function sendDigests(ctx: ServiceContext, until: Date = ctx.clock.now()): Promise<DigestOutcome> {
  const sign = await unsubscribeSigner(ctx.deps);
  const origin = ctx.deps.config.publicOrigin.replace(/\/$/, "");
  const untilIso = until.toISOString();
  const dateLabel = formatDate(todayInNl(until));
  const waitingFor = and(eq(notifications.channel, "digest"), isNull(notifications.mailedAt));
  const waiting = await dbOf(ctx)
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(waitingFor, lte(notifications.createdAt, untilIso)));
  const outcome: DigestOutcome = { people: 0, notices: 0 };
  for (let i = 0; i < waiting.length; i += PEOPLE_PER_COMMIT) {
    if (i > 0) await yieldToLoop();
    const userIds = waiting.slice(i, i + PEOPLE_PER_COMMIT).map((w) => w.userId);
    // Read and compose outside the write lock: the lock is held only for the inserts below, so
    // a request that writes meanwhile waits a few milliseconds at most.
    const rows = await dbOf(ctx)
      .select({ n: notifications, tafelName: workspaces.name, email: users.email, name: users.name })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .innerJoin(workspaces, eq(workspaces.id, notifications.workspaceId))
      .where(and(inArray(notifications.userId, userIds), waitingFor, lte(notifications.createdAt, untilIso)))
      .orderBy(asc(notifications.userId), asc(notifications.workspaceId), asc(notifications.createdAt));
    const channels = await channelsFor(dbOf(ctx), userIds);
    const composed: Composed[] = [];
    const dropped: string[] = [];
    for (const userId of userIds) {
      const mine = rows.filter((r) => r.n.userId === userId);
      // A choice changed since: "never" now means no mail; the rest still come in this overview.
      const wanted = mine.filter((r) => channels.get(userId)![r.n.kind] !== "never");
      dropped.push(...mine.filter((r) => !wanted.includes(r)).map((r) => r.n.id));
      if (wanted.length === 0) continue;
      const groups: Array<{ tafelName: string; notices: NoticeForMail[] }> = [];
      for (const r of wanted) {
        let group = groups.find((g) => g.tafelName === r.tafelName);
        if (!group) groups.push((group = { tafelName: r.tafelName, notices: [] }));
        group.notices.push({
          title: r.n.title,
          reason: r.n.reason,
          link: `${origin}${r.n.path}`,
          kindLabel: NOTIFICATION_KIND_INFO[r.n.kind].label,
          tafelName: r.tafelName,
        });
      }
      const token = sign(userId, "digest");
      composed.push({
        noticeIds: wanted.map((r) => r.n.id),
        message: {
          // The overview spans tafels: it belongs to none of their "Uitgaande e-mail" pages.
          workspaceId: null,
          kind: "digest",
          to: wanted[0]!.email,
          related: { type: "digest", id: userId },
          listUnsubscribe: oneClickUrl(origin, token),
          ...digestMail({
            recipientName: wanted[0]!.name,
            groups,
            unsubscribeLink: unsubscribeUrl(origin, token),
            settingsLink: `${origin}/account#meldingen`,
            dateLabel,
          }),
        },
      });
    }
    await withTransaction(ctx, async (t) => {
      // Another run (another process) may have mailed some of them since the read: a person
      // whose notices are not all still waiting is left out, and never mailed twice.
      const ids = composed.flatMap((c) => c.noticeIds);
      const still = new Set(
        ids.length
          ? (
              await t.tx
                .select({ id: notifications.id })
                .from(notifications)
                .where(and(inArray(notifications.id, ids), waitingFor))
            ).map((r) => r.id)
          : [],
      );
      const fresh = composed.filter((c) => c.noticeIds.every((id) => still.has(id)));
      const mailed = fresh.flatMap((c) => c.noticeIds);
      await enqueueMails(
        t,
        fresh.map((c) => c.message),
      );
      if (mailed.length)
        await t.tx
          .update(notifications)
          .set({ mailedAt: nowIso(t) })
          .where(inArray(notifications.id, mailed));
      if (dropped.length)
        await t.tx
          .update(notifications)
          .set({ channel: "never" })
          .where(and(inArray(notifications.id, dropped), waitingFor));
      outcome.people += fresh.length;
      outcome.notices += mailed.length;
    });
  }
  return outcome;
}
