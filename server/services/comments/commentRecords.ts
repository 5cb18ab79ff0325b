import { and, asc, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import {
  commentMessages,
  commentThreads,
  memberships,
  organisations,
  users,
  workspaceParties,
} from "../../../db/schema/index.ts";
import { aimedAt, threadVisibleTo } from "../../../shared/domain/comments.ts";
import type { CommentThreadView } from "../../../shared/schemas/comments.ts";
import type { MembershipContext } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { membershipOf } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";

export type ThreadRow = typeof commentThreads.$inferSelect;

/**
 * A thread the caller may see, with their membership. An internal note of another party is
 * answered exactly like a thread that does not exist (404): its existence is not theirs to know.
 */
export async function visibleThread(
  ctx: ServiceContext,
  threadId: string,
): Promise<{ thread: ThreadRow; member: MembershipContext }> {
  const [thread] = await dbOf(ctx).select().from(commentThreads).where(eq(commentThreads.id, threadId)).limit(1);
  if (!thread) throw notFound();
  const member = await membershipOf(ctx, thread.workspaceId);
  if (!threadVisibleTo(thread, member.partyId)) throw notFound();
  assertCan(member, "comment.write", "Uw rol kan niet reageren op opmerkingen.");
  return { thread, member };
}

const notFound = () => new ApiError("NOT_FOUND", "Deze opmerking bestaat niet (meer).");

/** Decodes a base64url relative position; refuses what Yjs cannot read. */
export function decodeAnchor(value: string, field: string): Buffer {
  const bytes = Buffer.from(value, "base64url");
  try {
    Y.decodeRelativePosition(bytes);
  } catch {
    throw new ApiError("VALIDATION_FAILED", "Ongeldige plaats in de tekst.", field);
  }
  if (bytes.toString("base64url") !== value)
    throw new ApiError("VALIDATION_FAILED", "Ongeldige plaats in de tekst.", field);
  return bytes;
}

/** Mentioned people must be members of this tafel, parties its parties; an internal note names only its own party. */
export async function checkMentions(
  db: DbOrTx,
  workspaceId: string,
  mentions: { userIds: string[]; partyIds: string[] },
  internalPartyId: string | null,
): Promise<{ userIds: string[]; partyIds: string[] }> {
  const userIds = [...new Set(mentions.userIds)];
  const partyIds = [...new Set(mentions.partyIds)];
  if (userIds.length) {
    const rows = await db
      .select({ userId: memberships.userId, partyId: memberships.organisationId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
    const ok = rows.filter((r) => internalPartyId === null || r.partyId === internalPartyId);
    if (ok.length !== userIds.length)
      throw new ApiError(
        "VALIDATION_FAILED",
        internalPartyId
          ? "U kunt in een interne notitie alleen mensen van uw eigen partij noemen."
          : "U kunt alleen deelnemers van deze tafel noemen.",
        "mentions.userIds",
      );
  }
  if (partyIds.length) {
    const rows = await db
      .select({ id: workspaceParties.organisationId })
      .from(workspaceParties)
      .where(and(eq(workspaceParties.workspaceId, workspaceId), inArray(workspaceParties.organisationId, partyIds)));
    const ok = rows.filter((r) => internalPartyId === null || r.id === internalPartyId);
    if (ok.length !== partyIds.length)
      throw new ApiError(
        "VALIDATION_FAILED",
        internalPartyId
          ? "Een interne notitie kan alleen uw eigen partij noemen."
          : "U kunt alleen partijen van deze tafel noemen.",
        "mentions.partyIds",
      );
  }
  return { userIds, partyIds };
}

/** Threads as the caller may see them, with their messages, oldest first. */
export async function presentThreads(
  db: DbOrTx,
  threads: ThreadRow[],
  member: Pick<MembershipContext, "userId" | "partyId">,
): Promise<CommentThreadView[]> {
  const visible = threads.filter((t) => threadVisibleTo(t, member.partyId));
  if (!visible.length) return [];
  const messages = await db
    .select({
      id: commentMessages.id,
      threadId: commentMessages.threadId,
      body: commentMessages.body,
      mentions: commentMessages.mentions,
      createdAt: commentMessages.createdAt,
      authorName: users.name,
      authorPartyName: organisations.name,
    })
    .from(commentMessages)
    .innerJoin(users, eq(users.id, commentMessages.authorId))
    .leftJoin(organisations, eq(organisations.id, commentMessages.authorPartyId))
    .where(
      inArray(
        commentMessages.threadId,
        visible.map((t) => t.id),
      ),
    )
    .orderBy(asc(commentMessages.createdAt), asc(commentMessages.id));
  const names = await namesOf(db, visible);
  return visible.map((t) => {
    const own = messages.filter((m) => m.threadId === t.id);
    return {
      id: t.id,
      document: t.docName,
      visibility: t.visibility,
      partyId: t.partyId,
      partyName: t.partyId ? (names.parties.get(t.partyId) ?? null) : null,
      anchor: { start: t.anchorStart.toString("base64url"), end: t.anchorEnd.toString("base64url") },
      quote: t.quote,
      status: t.status,
      createdAt: t.createdAt,
      resolvedAt: t.resolvedAt,
      resolvedByName: t.resolvedBy ? (names.users.get(t.resolvedBy) ?? null) : null,
      aimedAtMe: aimedAt(
        own.map((m) => m.mentions),
        member.userId,
        member.partyId,
      ),
      messages: own.map((m) => ({
        id: m.id,
        authorName: m.authorName,
        authorPartyName: m.authorPartyName,
        body: m.body,
        mentions: m.mentions,
        createdAt: m.createdAt,
      })),
    };
  });
}

async function namesOf(db: DbOrTx, threads: ThreadRow[]) {
  const partyIds = [...new Set(threads.flatMap((t) => (t.partyId ? [t.partyId] : [])))];
  const userIds = [...new Set(threads.flatMap((t) => (t.resolvedBy ? [t.resolvedBy] : [])))];
  const parties = partyIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, partyIds))
    : [];
  const people = userIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
    : [];
  return { parties: new Map(parties.map((p) => [p.id, p.name])), users: new Map(people.map((u) => [u.id, u.name])) };
}

/** Re-reads one thread for its answer. */
export async function presentThread(
  db: DbOrTx,
  threadId: string,
  member: Pick<MembershipContext, "userId" | "partyId">,
): Promise<CommentThreadView> {
  const rows = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
  const [view] = await presentThreads(db, rows, member);
  if (!view) throw notFound();
  return view;
}

/**
 * Records a change to a thread, the one place of ADR 0012's rule: an all-party thread's change
 * goes into the tafel's log; an internal note's never does (every party reads the log and every
 * export prints it). Either way open clients hear of it after the commit (see announceThreads).
 */
export async function recordThreadChange(
  t: TxContext,
  thread: Pick<ThreadRow, "id" | "workspaceId" | "docName" | "visibility" | "partyId">,
  actor: MembershipContext,
  type: string,
  data?: Record<string, unknown>,
): Promise<void> {
  if (thread.visibility === "alle")
    await appendEvent(t.tx, {
      workspaceId: thread.workspaceId,
      type,
      entityType: "comment",
      entityId: thread.id,
      actor,
      at: nowIso(t),
      ...(data ? { data } : {}),
    });
  afterCommit(t, () => announceThreads(t, thread, type));
}

/**
 * Tells open clients that the threads of a document changed. An internal note's notice goes only
 * to its own party's streams: other parties do not even learn that something changed.
 */
export function announceThreads(
  ctx: ServiceContext,
  thread: Pick<ThreadRow, "workspaceId" | "docName" | "visibility" | "partyId">,
  type: string,
): void {
  ctx.deps.events.emit("workspace.changed", {
    workspaceId: thread.workspaceId,
    entity: "comment",
    entityId: thread.docName,
    type,
    ...(thread.visibility === "partij" && thread.partyId ? { partyId: thread.partyId } : {}),
  });
}
