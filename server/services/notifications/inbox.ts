/**
 * The inbox: the signed-in person's own notices, newest first, and marking them read. Only ever
 * the actor's own rows; a notice of a tafel they left is no longer shown (the membership is
 * read fresh), so a former member learns nothing new from it.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { memberships, notifications, workspaces } from "../../../db/schema/index.ts";
import { NOTIFICATION_KIND_INFO } from "../../../shared/domain/notifications.ts";
import { can } from "../../../shared/domain/roles.ts";
import type { InboxView, MarkReadInput, NotificationView } from "../../../shared/schemas/notifications.ts";
import { signedIn } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";

const LIMIT = 100;

/** The tafels where the actor still reads content: notices of others are not shown. */
async function readableTafels(ctx: ServiceContext, userId: string): Promise<Map<string, string>> {
  const rows = await dbOf(ctx)
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId));
  return new Map(rows.filter((r) => can(r.role, "content.read")).map((r) => [r.id, r.name]));
}

export async function listInbox(ctx: ServiceContext, input: { workspaceId?: string }): Promise<InboxView> {
  const actor = signedIn(ctx);
  const tafels = await readableTafels(ctx, actor.userId);
  const ids = input.workspaceId ? [input.workspaceId].filter((id) => tafels.has(id)) : [...tafels.keys()];
  if (ids.length === 0) return { notifications: [], unread: 0 };
  const mine = and(eq(notifications.userId, actor.userId), inArray(notifications.workspaceId, ids));
  const rows = await dbOf(ctx)
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(LIMIT);
  const [unread] = await dbOf(ctx)
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    notifications: rows.map((r): NotificationView => ({
      id: r.id,
      workspaceId: r.workspaceId,
      tafelName: tafels.get(r.workspaceId) ?? "",
      kind: r.kind,
      kindLabel: NOTIFICATION_KIND_INFO[r.kind].label,
      title: r.title,
      reason: r.reason,
      path: r.path,
      createdAt: r.createdAt,
      read: r.readAt !== null,
    })),
    unread: unread?.n ?? 0,
  };
}

export async function unreadCount(ctx: ServiceContext): Promise<{ unread: number }> {
  const actor = signedIn(ctx);
  const ids = [...(await readableTafels(ctx, actor.userId)).keys()];
  if (ids.length === 0) return { unread: 0 };
  const [row] = await dbOf(ctx)
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        inArray(notifications.workspaceId, ids),
        isNull(notifications.readAt),
      ),
    );
  return { unread: row?.n ?? 0 };
}

/** Marks the actor's own notices read; ids of someone else's notices change nothing. */
export async function markNotificationsRead(ctx: ServiceContext, input: MarkReadInput): Promise<{ unread: number }> {
  const actor = signedIn(ctx);
  await withTransaction(ctx, async (t) => {
    const conditions = [eq(notifications.userId, actor.userId), isNull(notifications.readAt)];
    if (!input.all && input.ids) conditions.push(inArray(notifications.id, input.ids));
    if (input.workspaceId) conditions.push(eq(notifications.workspaceId, input.workspaceId));
    const changed = await t.tx
      .update(notifications)
      .set({ readAt: nowIso(t) })
      .where(and(...conditions))
      .returning({ workspaceId: notifications.workspaceId });
    afterCommit(t, () => {
      for (const workspaceId of new Set(changed.map((c) => c.workspaceId)))
        t.deps.events.emit("workspace.changed", {
          workspaceId,
          entity: "notification",
          entityId: actor.userId,
          type: "notification.read",
        });
    });
  });
  return unreadCount(ctx);
}
