import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { commentThreads } from "../../../db/schema/index.ts";
import { reanchorByQuote } from "../../../shared/collab/commentAnchors.ts";
import { DOCUMENT_FIELD } from "../../../shared/editor/extensions.ts";
import { afterCommit, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { announceThreads, type ThreadRow } from "./commentRecords.ts";

/**
 * After a verb rebuilt a document (restore, "Gebruik als basis"), with the document as it was
 * before (`before`, captured inside the write's change): threads whose text is gone get
 * a new anchor where their quote is found again (shared/collab/commentAnchors.ts). Runs inside
 * the caller's transaction; the caller's own log event records the rebuild, so this logs
 * nothing per thread (an internal note's existence must not reach the log). Open clients are
 * told per visibility, as for any thread change. Returns the threads placed again (callers count
 * only those the actor may see: another party's internal notes are not even to be counted).
 */
export async function reanchorThreads(
  ctx: ServiceContext,
  input: { workspaceId: string; docName: string; before: Y.Doc },
): Promise<ThreadRow[]> {
  const after = new Y.Doc();
  const state = await ctx.deps.documents.readState(input.docName);
  if (state) Y.applyUpdate(after, state);
  try {
    return await reanchorIn(ctx, input, after);
  } finally {
    after.destroy();
  }
}

async function reanchorIn(
  ctx: ServiceContext,
  input: { workspaceId: string; docName: string; before: Y.Doc },
  after: Y.Doc,
): Promise<ThreadRow[]> {
  return withTransaction(ctx, async (t) => {
    const threads = await t.tx
      .select()
      .from(commentThreads)
      .where(and(eq(commentThreads.workspaceId, input.workspaceId), eq(commentThreads.docName, input.docName)));
    const placed = reanchorByQuote(
      after,
      DOCUMENT_FIELD,
      threads.map((r) => ({
        id: r.id,
        quote: r.quote,
        anchor: { start: r.anchorStart.toString("base64url"), end: r.anchorEnd.toString("base64url") },
      })),
      input.before,
    );
    for (const thread of threads) {
      const anchor = placed.get(thread.id);
      if (!anchor) continue;
      await t.tx
        .update(commentThreads)
        .set({ anchorStart: Buffer.from(anchor.start, "base64url"), anchorEnd: Buffer.from(anchor.end, "base64url") })
        .where(eq(commentThreads.id, thread.id));
      afterCommit(t, () => announceThreads(t, thread, "comment.reanchored"));
    }
    return threads.filter((r) => placed.has(r.id));
  });
}
