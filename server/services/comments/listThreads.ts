import { and, asc, eq } from "drizzle-orm";
import { commentThreads } from "../../../db/schema/index.ts";
import type { CommentThreadView } from "../../../shared/schemas/comments.ts";
import { tafelDocument } from "../documents/tafelDocument.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { presentThreads } from "./commentRecords.ts";

/** The threads of one document that the caller may see (internal notes of their own party only). */
export async function listThreads(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string },
): Promise<CommentThreadView[]> {
  const { member } = await tafelDocument(ctx, input.workspaceId, input.document);
  const db = dbOf(ctx);
  const rows = await db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.workspaceId, input.workspaceId), eq(commentThreads.docName, input.document)))
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
  return presentThreads(db, rows, member);
}
