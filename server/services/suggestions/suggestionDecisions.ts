/**
 * Accepted, rejected and withdrawn suggestions in the log (issue 12, ADR 0016). The sync server
 * sees the decision in an update and reports it with the sender as the server knows them; this
 * verb writes one event per suggestion, naming who decided (and their party) and whose proposal
 * it was. The events are also how the outcome stays visible afterwards.
 */
import { and, asc, eq, like } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import { parseDocumentName } from "../../../shared/collab/protocol.ts";
import { quoteOf } from "../../../shared/editor/suggestions.ts";
import { findMembership } from "../../auth/access.ts";
import type { SuggestionDecision } from "../../sync/suggestionGuard.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { tafelDocument } from "../documents/tafelDocument.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";

const emptyToNull = (value: string | undefined): string | null => (value === undefined || value === "" ? null : value);

export const SUGGESTION_EVENT = {
  accepted: "suggestion.accepted",
  rejected: "suggestion.rejected",
  withdrawn: "suggestion.withdrawn",
} as const;

/**
 * Called by the sync server (no HTTP caller): `userId` is the socket's member. A member who left
 * the tafel in the meantime is still logged, by id, without role or party.
 */
export async function recordSuggestionDecisions(
  ctx: ServiceContext,
  input: { docName: string; workspaceId: string; userId: string; decisions: SuggestionDecision[] },
): Promise<void> {
  const document = parseDocumentName(input.docName);
  if (document?.workspaceId !== input.workspaceId || input.decisions.length === 0) return;
  const member = await findMembership(ctx.deps.database.db, input.userId, input.workspaceId);
  await withTransaction(ctx, async (t) => {
    for (const d of input.decisions) {
      await appendEvent(t.tx, {
        workspaceId: input.workspaceId,
        type: SUGGESTION_EVENT[d.outcome],
        entityType: "document",
        entityId: input.docName,
        actor: member
          ? { ...member, role: member.role }
          : { userId: input.userId, userName: "Onbekend", partyId: null, partyName: null, role: "" },
        data: {
          kind: d.kind,
          quote: quoteOf(d.text, 120),
          authorUserId: d.author?.userId ?? null,
          authorName: d.author?.name ?? null,
          // A member without a party has "" in the id; the log says null.
          authorPartyId: emptyToNull(d.author?.partyId),
          authorPartyName: emptyToNull(d.author?.partyName),
          proposedAt: d.author ? new Date(d.author.at).toISOString() : null,
        },
        at: nowIso(t),
      });
    }
  });
}

export interface DecidedSuggestion {
  at: string;
  outcome: keyof typeof SUGGESTION_EVENT;
  kind: string;
  quote: string;
  authorName: string | null;
  authorPartyName: string | null;
  deciderName: string;
  deciderPartyName: string | null;
}

/** The decided suggestions of one document, oldest first (for the panel's "Besloten" list). */
export async function listSuggestionDecisions(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string },
): Promise<DecidedSuggestion[]> {
  await tafelDocument(ctx, input.workspaceId, input.document);
  const rows = await dbOf(ctx)
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, input.workspaceId),
        eq(auditEvents.entityId, input.document),
        like(auditEvents.type, "suggestion.%"),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  return rows.map((row) => {
    const data = JSON.parse(row.data) as Record<string, string | null>;
    const outcome = (Object.keys(SUGGESTION_EVENT) as Array<keyof typeof SUGGESTION_EVENT>).find(
      (k) => SUGGESTION_EVENT[k] === row.type,
    )!;
    return {
      at: row.at,
      outcome,
      kind: data.kind ?? "",
      quote: data.quote ?? "",
      authorName: data.authorName ?? null,
      authorPartyName: data.authorPartyName ?? null,
      deciderName: row.actorName,
      deciderPartyName: row.actorPartyName,
    };
  });
}
