/**
 * "Een opmerking voor u of uw partij" (issue 13, kind `comment_for_me`): a comment or reply that
 * names me or my party. Recipients are members who read content, whom the message names (in
 * person or through their party), who may see the thread (an internal note: only its own party),
 * never the author.
 *
 * All-party comments are in the tafel's log, so the engine makes their notices from
 * `comment.opened` / `comment.replied` like any other. A party's internal note is never logged
 * (ADR 0012): its notices are made here, in the transaction that stores the note, through the
 * same recipients rule and the same store (dedupe, preferences, immediate mail).
 */
import { and, eq } from "drizzle-orm";
import { commentMessages, commentThreads, meetings, points, users } from "../../../db/schema/index.ts";
import { parseDocumentName } from "../../../shared/collab/protocol.ts";
import { threadVisibleTo, type CommentVisibility, type Mentions } from "../../../shared/domain/comments.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import type { AuditRow } from "../points/pointState.ts";
import { afterCommit, nowIso, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { unsubscribeSigner } from "./unsubscribeToken.ts";
import { RuleEnv, type NoticeDraft, type Recipient } from "./noticeRules.ts";
import { channelsFor } from "./preferences.ts";
import { storeNotice, type Signer } from "./processNotifications.ts";

type Thread = typeof commentThreads.$inferSelect;

/** Where a commented document is in the app, and how a sentence names it. */
export async function documentPlace(db: DbOrTx, docName: string): Promise<{ path: string; label: string } | null> {
  const doc = parseDocumentName(docName);
  if (!doc) return null;
  const base = `/tafels/${doc.workspaceId}`;
  switch (doc.kind) {
    case "spiegelparagraaf":
      return { path: `${base}/spiegelparagraaf`, label: "de spiegelparagraaf" };
    case "procedure":
      return { path: `${base}/procedure`, label: "de afgesproken OOGO-procedure" };
    case "point": {
      const [p] = await db.select({ title: points.title }).from(points).where(eq(points.id, doc.entityId!)).limit(1);
      return { path: `${base}/punten/${doc.entityId}`, label: p ? `het punt “${p.title}”` : "een punt" };
    }
    case "minutes": {
      const [m] = await db
        .select({ title: meetings.title })
        .from(meetings)
        .where(eq(meetings.id, doc.entityId!))
        .limit(1);
      return { path: `${base}/vergaderingen/${doc.entityId}`, label: m ? `de notulen van “${m.title}”` : "de notulen" };
    }
  }
}

const snippet = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

/** The notices one message makes: to each reader it names (or whose party it names) who may see it. */
export async function commentNoticeDrafts(
  env: RuleEnv,
  thread: Thread,
  message: { authorId: string; body: string; mentions: Mentions },
): Promise<NoticeDraft[]> {
  const { userIds, partyIds } = message.mentions;
  if (userIds.length === 0 && partyIds.length === 0) return [];
  const place = await documentPlace(env.db, thread.docName);
  if (!place) return [];
  const [author] = await env.db.select({ name: users.name }).from(users).where(eq(users.id, message.authorId)).limit(1);
  const members = await env.membersOf(thread.workspaceId);
  const authorParty = members.find((m) => m.userId === message.authorId)?.partyName;
  const who = `${author?.name ?? "Iemand"}${authorParty ? ` (${authorParty})` : ""}`;
  const internal = thread.visibility === "partij";
  const drafts: NoticeDraft[] = [];
  for (const recipient of members) {
    if (recipient.userId === message.authorId || !threadVisibleTo(thread, recipient.partyId)) continue;
    const personally = userIds.includes(recipient.userId);
    const viaParty = recipient.partyId !== null && partyIds.includes(recipient.partyId);
    if (!personally && !viaParty) continue;
    drafts.push(draftFor(recipient, personally, thread, place, who, internal, message.body));
  }
  return drafts;
}

function draftFor(
  recipient: Recipient,
  personally: boolean,
  thread: Thread,
  place: { path: string; label: string },
  who: string,
  internal: boolean,
  body: string,
): NoticeDraft {
  const aim = personally ? "u" : (recipient.partyName ?? "uw partij");
  return {
    kind: "comment_for_me",
    recipient,
    entityType: "comment",
    entityId: thread.id,
    title: `Opmerking voor ${aim}: “${snippet(thread.quote, 60)}”`,
    reason:
      `${who} richt ${internal ? "een interne notitie van uw partij" : "een opmerking"} aan ` +
      `${personally ? "u" : `${aim}, uw partij`} bij ${place.label}: “${snippet(body, 200)}”`,
    path: place.path,
  };
}

/** The engine's rule for `comment.opened` / `comment.replied` (all-party threads; internal notes are not logged). */
export async function commentForMe(event: AuditRow, env: RuleEnv): Promise<NoticeDraft[]> {
  const [thread] = await env.db.select().from(commentThreads).where(eq(commentThreads.id, event.entityId)).limit(1);
  // Only all-party threads are logged; refuse anything else rather than trust the log's shape.
  if (thread?.visibility !== "alle") return [];
  const message = await messageOf(env.db, event);
  return message ? commentNoticeDrafts(env, thread, message) : [];
}

/** The message an event is about: by id (`data.messageId`), else the actor's message at that instant. */
async function messageOf(db: DbOrTx, event: AuditRow) {
  let messageId: unknown;
  try {
    messageId = (JSON.parse(event.data) as { messageId?: unknown } | null)?.messageId;
  } catch {
    messageId = undefined;
  }
  const [row] = await db
    .select()
    .from(commentMessages)
    .where(
      typeof messageId === "string"
        ? and(eq(commentMessages.id, messageId), eq(commentMessages.threadId, event.entityId))
        : and(
            eq(commentMessages.threadId, event.entityId),
            eq(commentMessages.authorId, event.actorUserId ?? ""),
            eq(commentMessages.createdAt, event.at),
          ),
    )
    .limit(1);
  return row;
}

/**
 * Notices for a message of an internal note, in the caller's transaction (the note is never in
 * the log the engine reads). Its key is per message and person, as the engine's is per event.
 * `sign` comes from `internalNoteSigner`, fetched before the transaction (the key may be created).
 */
export async function noticeInternalNote(
  t: TxContext,
  thread: Thread,
  message: { id: string; authorId: string; body: string; mentions: Mentions },
  sign: Signer,
): Promise<void> {
  if (thread.visibility !== "partij") return;
  const drafts = await commentNoticeDrafts(new RuleEnv(t.tx), thread, message);
  if (drafts.length === 0) return;
  const channels = await channelsFor(
    t.tx,
    drafts.map((d) => d.recipient.userId),
  );
  const tafelNames = new Map<string, string>();
  const touched: string[] = [];
  for (const draft of drafts) {
    const stored = await storeNotice(t, draft, {
      dedupeKey: `msg:${message.id}:${draft.kind}:${draft.recipient.userId}`,
      eventId: null,
      at: nowIso(t),
      channel: channels.get(draft.recipient.userId)![draft.kind],
      sign,
      tafelNames,
    });
    if (stored) touched.push(draft.recipient.userId);
  }
  afterCommit(t, () => {
    for (const userId of touched)
      t.deps.events.emit("workspace.changed", {
        workspaceId: thread.workspaceId,
        entity: "notification",
        entityId: userId,
        type: "notification.created",
      });
  });
}

/** The unsubscribe signer an internal note's notices need, or null for an all-party comment. Call before the transaction. */
export async function internalNoteSigner(ctx: ServiceContext, visibility: CommentVisibility): Promise<Signer | null> {
  return visibility === "partij" ? unsubscribeSigner(ctx.deps) : null;
}
