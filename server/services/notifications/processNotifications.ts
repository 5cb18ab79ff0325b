/**
 * The notification engine's step: reads the audit log after its durable cursor, turns each event
 * into notices through the mapping table (noticeRules.ts), queues the mails of those that want
 * one at once, and moves the cursor — all in ONE transaction. A crash before the commit leaves
 * the cursor where it was (the events are read again, nothing was stored); after it, nothing is
 * read again. A unique key per (event, person, kind) makes even a second engine on the same
 * database harmless. Then open inboxes are told, per person.
 */
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { auditEvents, logCursors, notifications, workspaces } from "../../../db/schema/index.ts";
import { MAIL_FRESHNESS_MS, NOTIFICATION_KIND_INFO } from "../../../shared/domain/notifications.ts";
import { newId } from "../../auth/tokens.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { notificationMail } from "../../mail/notificationTemplates.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { noticesFor, RuleEnv, type NoticeDraft } from "./noticeRules.ts";
import { channelsFor } from "./preferences.ts";
import { oneClickUrl, unsubscribeSigner, unsubscribeUrl } from "./unsubscribeToken.ts";

export const NOTIFICATIONS_CONSUMER = "notifications";
const BATCH = 200;

export interface ProcessOutcome {
  events: number;
  notices: number;
  mails: number;
}

/** Processes every event after the cursor, in batches; returns what it did. A system step (no actor). */
export async function processNotifications(ctx: ServiceContext): Promise<ProcessOutcome> {
  const total: ProcessOutcome = { events: 0, notices: 0, mails: 0 };
  const sign = await unsubscribeSigner(ctx.deps);
  for (;;) {
    const step = await withTransaction(ctx, (t) => processBatch(t, sign));
    total.events += step.events;
    total.notices += step.notices;
    total.mails += step.mails;
    if (step.events < BATCH) return total;
    // The local driver is synchronous: let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function readCursor(t: TxContext): Promise<number> {
  const [row] = await t.tx.select().from(logCursors).where(eq(logCursors.consumer, NOTIFICATIONS_CONSUMER)).limit(1);
  if (row) return row.lastEventId;
  await t.tx.insert(logCursors).values({ consumer: NOTIFICATIONS_CONSUMER, lastEventId: 0, updatedAt: nowIso(t) });
  return 0;
}

async function processBatch(
  t: TxContext,
  sign: Awaited<ReturnType<typeof unsubscribeSigner>>,
): Promise<ProcessOutcome> {
  const cursor = await readCursor(t);
  const events = await t.tx
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.id, cursor))
    .orderBy(asc(auditEvents.id))
    .limit(BATCH);
  if (events.length === 0) return { events: 0, notices: 0, mails: 0 };

  const env = new RuleEnv(t.tx);
  const drafts: Array<{ draft: NoticeDraft; eventId: number; at: string }> = [];
  for (const event of events) {
    for (const draft of await noticesFor(event, env)) drafts.push({ draft, eventId: event.id, at: event.at });
  }

  const now = t.clock.now();
  const origin = t.deps.config.publicOrigin.replace(/\/$/, "");
  const channels = await channelsFor(
    t.tx,
    drafts.map((d) => d.draft.recipient.userId),
  );
  const tafelNames = new Map<string, string>();
  const touched = new Map<string, { workspaceId: string; userId: string }>();
  let notices = 0;
  let mails = 0;
  for (const { draft, eventId, at } of drafts) {
    const userId = draft.recipient.userId;
    // Still unread from before (a text change followed by its status change): one notice is enough.
    const [open] = await t.tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.kind, draft.kind),
          eq(notifications.entityId, draft.entityId),
          isNull(notifications.readAt),
        ),
      )
      .limit(1);
    if (open) continue;
    const workspaceId = draft.path.split("/")[2]!;
    const channel = channels.get(userId)![draft.kind];
    const id = newId();
    const inserted = await t.tx
      .insert(notifications)
      .values({
        id,
        workspaceId,
        userId,
        kind: draft.kind,
        dedupeKey: `ev:${eventId}:${draft.kind}:${userId}`,
        eventId,
        entityType: draft.entityType,
        entityId: draft.entityId,
        title: draft.title,
        reason: draft.reason,
        path: draft.path,
        // When it happened, not when the engine got to it: the inbox reads as a timeline.
        createdAt: at,
        channel,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (inserted.length === 0) continue;
    notices++;
    touched.set(`${workspaceId}:${userId}`, { workspaceId, userId });
    // An old event (a first start on an existing log, a long outage) is shown, not mailed.
    const fresh = now.getTime() - Date.parse(at) <= MAIL_FRESHNESS_MS;
    if (channel !== "immediate" || !fresh) continue;
    let tafelName = tafelNames.get(workspaceId);
    if (tafelName === undefined) {
      const [w] = await t.tx
        .select({ name: workspaces.name })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId))
        .limit(1);
      tafelName = w?.name ?? "";
      tafelNames.set(workspaceId, tafelName);
    }
    const token = sign(userId, draft.kind);
    const queued = await enqueueMail(t, {
      workspaceId,
      kind: "notification",
      to: draft.recipient.email,
      related: { type: "notification", id },
      listUnsubscribe: oneClickUrl(origin, token),
      ...notificationMail({
        recipientName: draft.recipient.name,
        notice: {
          title: draft.title,
          reason: draft.reason,
          link: `${origin}${draft.path}`,
          kindLabel: NOTIFICATION_KIND_INFO[draft.kind].label,
          tafelName,
        },
        unsubscribeLink: unsubscribeUrl(origin, token),
        settingsLink: `${origin}/account#meldingen`,
      }),
    });
    await t.tx
      .update(notifications)
      .set({ mailedAt: nowIso(t), mailId: queued.id })
      .where(eq(notifications.id, id));
    mails++;
  }

  await t.tx
    .update(logCursors)
    .set({ lastEventId: events.at(-1)!.id, updatedAt: nowIso(t) })
    .where(eq(logCursors.consumer, NOTIFICATIONS_CONSUMER));
  afterCommit(t, () => {
    for (const { workspaceId, userId } of touched.values())
      t.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "notification",
        entityId: userId,
        type: "notification.created",
      });
  });
  return { events: events.length, notices, mails };
}
