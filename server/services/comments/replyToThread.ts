import type { z } from "zod";
import { commentMessages } from "../../../db/schema/index.ts";
import type { CommentThreadView, ReplyInput } from "../../../shared/schemas/comments.ts";
import { newId } from "../../auth/tokens.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { internalNoteSigner, noticeInternalNote } from "../notifications/commentNotices.ts";
import { checkMentions, presentThread, visibleThread, recordThreadChange } from "./commentRecords.ts";

export type ReplyCommand = z.output<typeof ReplyInput> & { threadId: string };

/** Adds a reply to a thread the caller can see; a reply to a resolved thread opens it again. */
export async function replyToThread(ctx: ServiceContext, input: ReplyCommand): Promise<CommentThreadView> {
  const { thread, member } = await visibleThread(ctx, input.threadId);
  const internalParty = thread.visibility === "partij" ? thread.partyId : null;
  const sign = await internalNoteSigner(ctx, thread.visibility);
  return withTransaction(ctx, async (t) => {
    const mentions = await checkMentions(t.tx, thread.workspaceId, input.mentions, internalParty);
    const now = nowIso(t);
    const message = {
      id: newId(),
      threadId: thread.id,
      authorId: member.userId,
      authorPartyId: member.partyId,
      body: input.body,
      mentions,
      createdAt: now,
    };
    await t.tx.insert(commentMessages).values(message);
    await recordThreadChange(t, thread, member, "comment.replied", { messageId: message.id, body: input.body });
    if (sign) await noticeInternalNote(t, thread, message, sign);
    return presentThread(t.tx, thread.id, member);
  });
}
