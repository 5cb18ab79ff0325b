/**
 * Per person, per kind: how notices are mailed (never · immediate · digest). A missing row is the
 * kind's default (shared/domain/notifications.ts), so a new kind needs no migration of choices.
 */
import { and, eq, inArray } from "drizzle-orm";
import { notificationPreferences } from "../../../db/schema/index.ts";
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "../../../shared/domain/notifications.ts";
import type {
  NotificationPreferenceView,
  SetNotificationPreferencesInput,
} from "../../../shared/schemas/notifications.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { signedIn } from "../membershipOf.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";

/** The channel of every kind for each of `userIds` (defaults filled in). */
export async function channelsFor(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, Record<NotificationKind, NotificationChannel>>> {
  const result = new Map<string, Record<NotificationKind, NotificationChannel>>();
  const defaults = () =>
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NOTIFICATION_KIND_INFO[k].defaultChannel])) as Record<
      NotificationKind,
      NotificationChannel
    >;
  for (const id of userIds) result.set(id, defaults());
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select()
      .from(notificationPreferences)
      .where(inArray(notificationPreferences.userId, unique.slice(i, i + 500)));
    for (const row of rows) result.get(row.userId)![row.kind] = row.channel;
  }
  return result;
}

function present(channels: Record<NotificationKind, NotificationChannel>): NotificationPreferenceView[] {
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_INFO[kind].label,
    description: NOTIFICATION_KIND_INFO[kind].description,
    channel: channels[kind],
    channelLabel: NOTIFICATION_CHANNEL_LABELS[channels[kind]],
    defaultChannel: NOTIFICATION_KIND_INFO[kind].defaultChannel,
  }));
}

/** Mijn account → Meldingen: the signed-in person's choices. */
export async function getNotificationPreferences(ctx: ServiceContext): Promise<NotificationPreferenceView[]> {
  const actor = signedIn(ctx);
  const channels = await channelsFor(dbOf(ctx), [actor.userId]);
  return present(channels.get(actor.userId)!);
}

/** Stores the signed-in person's choices for the kinds given; other kinds keep theirs. */
export async function setNotificationPreferences(
  ctx: ServiceContext,
  input: SetNotificationPreferencesInput,
): Promise<NotificationPreferenceView[]> {
  const actor = signedIn(ctx);
  await withTransaction(ctx, async (t) => {
    for (const { kind, channel } of input.preferences) await setChannel(t.tx, actor.userId, kind, channel, nowIso(t));
  });
  return getNotificationPreferences(ctx);
}

export async function setChannel(
  db: DbOrTx,
  userId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
  at: string,
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, channel, updatedAt: at })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { channel, updatedAt: at },
    });
}

export async function storedChannel(db: DbOrTx, userId: string, kind: NotificationKind) {
  const [row] = await db
    .select({ channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .limit(1);
  return row?.channel ?? NOTIFICATION_KIND_INFO[kind].defaultChannel;
}
