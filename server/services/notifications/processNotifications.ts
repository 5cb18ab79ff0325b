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
import {
  MAIL_FRESHNESS_MS,
  NOTIFICATION_KIND_INFO,
  type NotificationChannel,
} from "../../../shared/domain/notifications.ts";
import { newId } from "../../auth/tokens.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { notificationMail } from "../../mail/notificationTemplates.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { noticesFor, RuleEnv, type NoticeDraft } from "./noticeRules.ts";
import { channelsFor } from "./preferences.ts";
import { oneClickUrl, unsubscribeSigner, unsubscribeUrl } from "./unsubscribeToken.ts";
import { yieldToLoop } from "../yieldToLoop.ts";

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
  // Cheap path first: most wake-ups (a text-hash announcement while someone types) find no new
  // event, and must not take the write lock the sync server's commits wait for.
  if (!(await hasNewEvents(ctx))) return total;
  const sign = await unsubscribeSigner(ctx.deps);
  for (;;) {
    const step = await withTransaction(ctx, (t) => processBatch(t, sign));
    total.events += step.events;
    total.notices += step.notices;
    total.mails += step.mails;
    if (step.events < BATCH) return total;
    await yieldToLoop();
  }
}

async function hasNewEvents(ctx: ServiceContext): Promise<boolean> {
  const db = ctx.tx ?? ctx.deps.database.db;
  const [cursor] = await db
    .select({ last: logCursors.lastEventId })
    .from(logCursors)
    .where(eq(logCursors.consumer, NOTIFICATIONS_CONSUMER))
    .limit(1);
  const [next] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(gt(auditEvents.id, cursor?.last ?? 0))
    .limit(1);
  return next !== undefined;
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

  const channels = await channelsFor(
    t.tx,
    drafts.map((d) => d.draft.recipient.userId),
  );
  const tafelNames = new Map<string, string>();
  const touched = new Map<string, { workspaceId: string; userId: string }>();
  let notices = 0;
  let mails = 0;
  for (const { draft, eventId, at } of drafts) {
    const stored = await storeNotice(t, draft, {
      dedupeKey: `ev:${eventId}:${draft.kind}:${draft.recipient.userId}`,
      eventId,
      at,
      channel: channels.get(draft.recipient.userId)![draft.kind],
      sign,
      tafelNames,
    });
    if (!stored) continue;
    notices++;
    if (stored.mailed) mails++;
    touched.set(`${stored.workspaceId}:${draft.recipient.userId}`, {
      workspaceId: stored.workspaceId,
      userId: draft.recipient.userId,
    });
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

export type Signer = Awaited<ReturnType<typeof unsubscribeSigner>>;

/**
 * Stores one notice (unless its key exists, or the same thing is still unread for that person)
 * and, when the person wants it at once and it is fresh, queues its mail — in the caller's
 * transaction. The engine and the deadline job both use it. Null when nothing was stored.
 */
export async function storeNotice(
  t: TxContext,
  draft: NoticeDraft,
  options: {
    dedupeKey: string;
    eventId: number | null;
    /** When it happened (ISO 8601). */
    at: string;
    channel: NotificationChannel;
    sign: Signer;
    tafelNames: Map<string, string>;
  },
): Promise<{ id: string; workspaceId: string; mailed: boolean } | null> {
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
  if (open) return null;
  const workspaceId = draft.path.split("/")[2]!;
  const id = newId();
  const inserted = await t.tx
    .insert(notifications)
    .values({
      id,
      workspaceId,
      userId,
      kind: draft.kind,
      dedupeKey: options.dedupeKey,
      eventId: options.eventId,
      entityType: draft.entityType,
      entityId: draft.entityId,
      title: draft.title,
      reason: draft.reason,
      path: draft.path,
      // When it happened, not when the engine got to it: the inbox reads as a timeline.
      createdAt: options.at,
      channel: options.channel,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (inserted.length === 0) return null;
  // An old event (a first start on an existing log, a long outage) is shown, not mailed.
  const fresh = t.clock.now().getTime() - Date.parse(options.at) <= MAIL_FRESHNESS_MS;
  if (options.channel !== "immediate" || !fresh) return { id, workspaceId, mailed: false };
  let tafelName = options.tafelNames.get(workspaceId);
  if (tafelName === undefined) {
    const [w] = await t.tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .limit(1);
    tafelName = w?.name ?? "";
    options.tafelNames.set(workspaceId, tafelName);
  }
  const origin = t.deps.config.publicOrigin.replace(/\/$/, "");
  const token = options.sign(userId, draft.kind);
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
  return { id, workspaceId, mailed: true };
}
