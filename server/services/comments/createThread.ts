import { commentMessages, commentThreads } from "../../../db/schema/index.ts";
import type { z } from "zod";
import type { CommentThreadView, CreateThreadInput as CreateThreadSchema } from "../../../shared/schemas/comments.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { tafelDocument } from "../documents/tafelDocument.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { internalNoteSigner, noticeInternalNote } from "../notifications/commentNotices.ts";
import { checkMentions, decodeAnchor, presentThread, recordThreadChange } from "./commentRecords.ts";

export type CreateThreadCommand = z.output<typeof CreateThreadSchema> & { workspaceId: string };

/**
 * Opens a thread on a passage of a document: anyone who reads the content may (comment.write),
 * also without editing rights. An internal note ("alleen mijn partij") needs a party and stays
 * out of the tafel's shared log, which every party reads and every export prints (ADR 0012).
 */
export async function createThread(ctx: ServiceContext, input: CreateThreadCommand): Promise<CommentThreadView> {
  const { member, document } = await tafelDocument(ctx, input.workspaceId, input.document);
  assertCan(member, "comment.write", "Uw rol kan geen opmerkingen plaatsen.");
  if (input.visibility === "partij" && !member.partyId)
    throw new ApiError(
      "VALIDATION_FAILED",
      "Een interne notitie hoort bij een partij; u neemt niet namens een partij deel. Kies ‘Alle partijen’.",
      "visibility",
    );
  const anchorStart = decodeAnchor(input.anchor.start, "anchor.start");
  const anchorEnd = decodeAnchor(input.anchor.end, "anchor.end");
  const internalParty = input.visibility === "partij" ? member.partyId : null;

  const sign = await internalNoteSigner(ctx, input.visibility);
  return withTransaction(ctx, async (t) => {
    const mentions = await checkMentions(t.tx, input.workspaceId, input.mentions, internalParty);
    const now = nowIso(t);
    const thread = {
      id: newId(),
      workspaceId: input.workspaceId,
      docName: input.document,
      visibility: input.visibility,
      partyId: member.partyId,
      anchorStart,
      anchorEnd,
      quote: input.quote,
      status: "open" as const,
      createdBy: member.userId,
      createdAt: now,
    };
    await t.tx.insert(commentThreads).values(thread);
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
    await recordThreadChange(t, thread, member, "comment.opened", {
      documentKind: document.kind,
      documentEntityId: document.entityId ?? null,
      messageId: message.id,
      quote: input.quote,
      body: input.body,
    });
    if (sign) await noticeInternalNote(t, { ...thread, resolvedAt: null, resolvedBy: null }, message, sign);
    return presentThread(t.tx, thread.id, member);
  });
}
