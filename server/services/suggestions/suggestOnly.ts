/**
 * "Alleen voorstellen" per member per document (issue 12, ADR 0016): set by who manages the
 * members; the sync server reads it when a socket connects and then checks every update.
 */
import { and, eq } from "drizzle-orm";
import { documentSuggestOnly, memberships, users } from "../../../db/schema/index.ts";
import { parseDocumentName } from "../../../shared/collab/protocol.ts";
import { can } from "../../../shared/domain/roles.ts";
import { requireMembership } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { documentExists, suggestionAuthor } from "../../sync/authorizeDocument.ts";
import type { SuggestionAuthor } from "../../../shared/editor/suggestions.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { signedIn } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";

export interface SuggestOnlyView {
  /** Whether the caller may only suggest on this document. */
  mine: boolean;
  /** Who may only suggest here (only for who may change it; otherwise empty). */
  members: Array<{ userId: string; name: string }>;
  canManage: boolean;
  /** The identity the caller's suggestion marks must carry here (the sync server checks it). */
  author: SuggestionAuthor;
  /** The server's clock (ms): the editor corrects the device's by it when dating suggestions. */
  serverTime: number;
}

async function documentOf(ctx: ServiceContext, workspaceId: string, docName: string) {
  const document = parseDocumentName(docName);
  if (document?.workspaceId !== workspaceId || !(await documentExists(dbOf(ctx), document)))
    throw new ApiError("NOT_FOUND", "Dit document bestaat niet bij deze tafel.", "document");
  return document;
}

export async function getSuggestOnly(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string },
): Promise<SuggestOnlyView> {
  // Content: which document restricts whom is read by members who see the content (ADR 0005).
  const member = await requireMembership(ctx.deps.database.db, signedIn(ctx), input.workspaceId);
  await documentOf(ctx, input.workspaceId, input.document);
  const rows = await dbOf(ctx)
    .select({ userId: documentSuggestOnly.userId, name: users.name })
    .from(documentSuggestOnly)
    .innerJoin(users, eq(users.id, documentSuggestOnly.userId))
    .where(
      and(eq(documentSuggestOnly.workspaceId, input.workspaceId), eq(documentSuggestOnly.docName, input.document)),
    );
  const canManage = can(member.role, "suggestions.restrict");
  return {
    mine: rows.some((r) => r.userId === member.userId),
    members: canManage ? rows.sort((a, b) => a.name.localeCompare(b.name, "nl")) : [],
    canManage,
    author: await suggestionAuthor(ctx.deps.database.db, member),
    serverTime: ctx.clock.now().getTime(),
  };
}

export async function setSuggestOnly(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string; userId: string; suggestOnly: boolean },
): Promise<SuggestOnlyView> {
  const manager = await requireMembership(
    ctx.deps.database.db,
    signedIn(ctx),
    input.workspaceId,
    "suggestions.restrict",
  );
  await documentOf(ctx, input.workspaceId, input.document);
  const [target] = await dbOf(ctx)
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)))
    .limit(1);
  if (!target) throw new ApiError("NOT_FOUND", "Deze persoon is geen deelnemer aan deze tafel.", "userId");
  await withTransaction(ctx, async (t) => {
    const where = and(eq(documentSuggestOnly.docName, input.document), eq(documentSuggestOnly.userId, input.userId));
    const [existing] = await t.tx.select().from(documentSuggestOnly).where(where).limit(1);
    if (!!existing === input.suggestOnly) return;
    if (input.suggestOnly)
      await t.tx.insert(documentSuggestOnly).values({
        workspaceId: input.workspaceId,
        docName: input.document,
        userId: input.userId,
        setBy: manager.userId,
        setAt: nowIso(t),
      });
    else await t.tx.delete(documentSuggestOnly).where(where);
    await appendEvent(t.tx, {
      workspaceId: input.workspaceId,
      type: input.suggestOnly ? "document.suggestOnlySet" : "document.suggestOnlyLifted",
      entityType: "document",
      entityId: input.document,
      actor: { ...manager, role: manager.role },
      data: { userId: target.userId, name: target.name },
      at: nowIso(t),
    });
    // Open sockets of that document reconnect and are decided again (with or without the restriction).
    afterCommit(t, () => t.deps.events.emit("document.accessChanged", { docName: input.document }));
  });
  return getSuggestOnly(ctx, input);
}
