/**
 * The daily overview: every notice that waits for the digest, one mail per person, grouped by
 * tafel. Per group of people ONE transaction queues their mails and marks their notices mailed,
 * so a crash halfway leaves the rest for the next run and nobody gets a notice twice.
 */
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { notifications, users, workspaces } from "../../../db/schema/index.ts";
import { formatDate, todayInNl } from "../../../shared/domain/dates.ts";
import { NOTIFICATION_KIND_INFO } from "../../../shared/domain/notifications.ts";
import { enqueueMails, type MailMessage } from "../../mail/outbox.ts";
import { digestMail, type NoticeForMail } from "../../mail/notificationTemplates.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { yieldToLoop } from "../yieldToLoop.ts";
import { channelsFor } from "./preferences.ts";
import { oneClickUrl, unsubscribeSigner, unsubscribeUrl } from "./unsubscribeToken.ts";

/**
 * People per transaction: short commits (a few ms each), and the loop gets its turn between them,
 * so requests and the sync server's fan-out are not held up by the digest (bench/digest.ts).
 */
const PEOPLE_PER_COMMIT = 10;

export interface DigestOutcome {
  people: number;
  notices: number;
}

export async function sendDigests(ctx: ServiceContext): Promise<DigestOutcome> {
  const sign = await unsubscribeSigner(ctx.deps);
  const origin = ctx.deps.config.publicOrigin.replace(/\/$/, "");
  const until = nowIso(ctx);
  const waiting = await ctx.deps.database.db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(eq(notifications.channel, "digest"), isNull(notifications.mailedAt), lte(notifications.createdAt, until)),
    );
  const outcome: DigestOutcome = { people: 0, notices: 0 };
  for (let i = 0; i < waiting.length; i += PEOPLE_PER_COMMIT) {
    if (i > 0) await yieldToLoop();
    const userIds = waiting.slice(i, i + PEOPLE_PER_COMMIT).map((w) => w.userId);
    await withTransaction(ctx, async (t) => {
      const rows = await t.tx
        .select({ n: notifications, tafelName: workspaces.name, email: users.email, name: users.name })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .innerJoin(workspaces, eq(workspaces.id, notifications.workspaceId))
        .where(
          and(
            inArray(notifications.userId, userIds),
            eq(notifications.channel, "digest"),
            isNull(notifications.mailedAt),
            lte(notifications.createdAt, until),
          ),
        )
        .orderBy(asc(notifications.userId), asc(notifications.workspaceId), asc(notifications.createdAt));
      const channels = await channelsFor(t.tx, userIds);
      const messages: MailMessage[] = [];
      const mailed: string[] = [];
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
        messages.push({
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
            dateLabel: formatDate(todayInNl(t.clock.now())),
          }),
        });
        mailed.push(...wanted.map((r) => r.n.id));
        outcome.people++;
      }
      await enqueueMails(t, messages);
      if (mailed.length)
        await t.tx
          .update(notifications)
          .set({ mailedAt: nowIso(t) })
          .where(inArray(notifications.id, mailed));
      if (dropped.length)
        await t.tx.update(notifications).set({ channel: "never" }).where(inArray(notifications.id, dropped));
      outcome.notices += mailed.length;
    });
  }
  return outcome;
}
