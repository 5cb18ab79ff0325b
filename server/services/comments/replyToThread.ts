import type { z } from "zod";
import { commentMessages } from "../../../db/schema/index.ts";
import type { CommentThreadView, ReplyInput } from "../../../shared/schemas/comments.ts";
import { newId } from "../../auth/tokens.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { announceThreads, checkMentions, presentThread, visibleThread } from "./commentRecords.ts";

export type ReplyCommand = z.output<typeof ReplyInput> & { threadId: string };

/** Adds a reply to a thread the caller can see; a reply to a resolved thread opens it again. */
export async function replyToThread(ctx: ServiceContext, input: ReplyCommand): Promise<CommentThreadView> {
  const { thread, member } = await visibleThread(ctx, input.threadId);
  const internalParty = thread.visibility === "partij" ? thread.partyId : null;
  return withTransaction(ctx, async (t) => {
    const mentions = await checkMentions(t.tx, thread.workspaceId, input.mentions, internalParty);
    const now = nowIso(t);
    await t.tx.insert(commentMessages).values({
      id: newId(),
      threadId: thread.id,
      authorId: member.userId,
      authorPartyId: member.partyId,
      body: input.body,
      mentions,
      createdAt: now,
    });
    if (thread.visibility === "alle")
      await appendEvent(t.tx, {
        workspaceId: thread.workspaceId,
        type: "comment.replied",
        entityType: "comment",
        entityId: thread.id,
        actor: member,
        at: now,
        data: { body: input.body },
      });
    afterCommit(t, () => announceThreads(ctx, thread, "comment.replied"));
    return presentThread(t.tx, thread.id, member);
  });
}
