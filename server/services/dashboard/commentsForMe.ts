/**
 * "Opmerkingen voor u of uw partij" on the Overzicht (issues 12, 13): open threads the person may
 * see, that name them or their party, and whose latest word is not theirs (once they answered,
 * nothing waits for them any more). Internal notes of another party are never counted.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { commentMessages, commentThreads, users } from "../../../db/schema/index.ts";
import { aimedAt, threadVisibleTo } from "../../../shared/domain/comments.ts";
import type { WaitingItem } from "../../../shared/schemas/dashboard.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { documentPlace } from "../notifications/commentNotices.ts";

const snippet = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export async function commentsForMe(
  db: DbOrTx,
  workspaceId: string,
  member: { userId: string; partyId: string | null },
): Promise<WaitingItem[]> {
  const open = (
    await db
      .select()
      .from(commentThreads)
      .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.status, "open")))
      .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id))
  ).filter((t) => threadVisibleTo(t, member.partyId));
  if (open.length === 0) return [];
  const messages = await db
    .select({
      threadId: commentMessages.threadId,
      authorId: commentMessages.authorId,
      authorName: users.name,
      mentions: commentMessages.mentions,
    })
    .from(commentMessages)
    .innerJoin(users, eq(users.id, commentMessages.authorId))
    .where(
      inArray(
        commentMessages.threadId,
        open.map((t) => t.id),
      ),
    )
    .orderBy(asc(commentMessages.createdAt), asc(commentMessages.id));
  const items: WaitingItem[] = [];
  for (const thread of open) {
    const own = messages.filter((m) => m.threadId === thread.id);
    const last = own.at(-1);
    if (!last || last.authorId === member.userId) continue;
    const personal = own.some((m) => m.mentions.userIds.includes(member.userId));
    if (
      !personal &&
      !aimedAt(
        own.map((m) => m.mentions),
        member.userId,
        member.partyId,
      )
    )
      continue;
    const place = await documentPlace(db, thread.docName);
    if (!place) continue;
    items.push({
      kind: "comment",
      kindLabel: personal ? "Opmerking voor u" : "Opmerking voor uw partij",
      title: `“${snippet(thread.quote, 80)}”`,
      detail: `${last.authorName} bij ${place.label}`,
      path: place.path,
    });
  }
  return items;
}
