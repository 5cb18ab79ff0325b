import { eq } from "drizzle-orm";
import { commentThreads } from "../../../db/schema/index.ts";
import type { ThreadStatus } from "../../../shared/domain/comments.ts";
import type { CommentThreadView } from "../../../shared/schemas/comments.ts";
import { ApiError } from "../../http/errors.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { presentThread, visibleThread, recordThreadChange } from "./commentRecords.ts";

/** Resolves ("opgelost") or reopens a thread; anyone who may see and comment on it may. */
export async function setThreadStatus(
  ctx: ServiceContext,
  input: { threadId: string; status: ThreadStatus },
): Promise<CommentThreadView> {
  const { thread, member } = await visibleThread(ctx, input.threadId);
  if (thread.status === input.status)
    throw new ApiError(
      "CONFLICT",
      input.status === "opgelost" ? "Deze opmerking is al opgelost." : "Deze opmerking staat al open.",
    );
  const type = input.status === "opgelost" ? "comment.resolved" : "comment.reopened";
  return withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const resolved = input.status === "opgelost";
    await t.tx
      .update(commentThreads)
      .set({ status: input.status, resolvedBy: resolved ? member.userId : null, resolvedAt: resolved ? now : null })
      .where(eq(commentThreads.id, thread.id));
    await recordThreadChange(t, thread, member, type);
    return presentThread(t.tx, thread.id, member);
  });
}
