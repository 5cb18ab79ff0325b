import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { auditEvents } from "../../../db/schema/index.ts";
import { eventHash, GENESIS_HASH } from "../../../shared/domain/auditChain.ts";
import { canonicalJson } from "../../../shared/domain/textHash.ts";
import { unstorableCharAt } from "../../../shared/domain/freeText.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";

/** A transaction handle or the database itself: appends join the caller's transaction. */
export type DbOrTx = Pick<Db, "select" | "insert" | "update" | "delete">;

/**
 * Who acted: a member of the tafel, or someone acting for the instance (the applicatiebeheerder
 * creating the tafel, ADR 0010), whose `role` is their instance role.
 */
export type EventActor = Pick<MembershipContext, "userId" | "userName" | "partyId" | "partyName"> & { role: string };

export interface EventInput {
  workspaceId: string;
  type: string;
  entityType: string;
  entityId: string;
  /** The member who acted; omit for system events (e.g. a term that ran out). */
  actor?: EventActor | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reasoning?: string | null;
  textHash?: string | null;
  data?: Record<string, unknown>;
  /** When it happened (ISO 8601, UTC): the verb's `nowIso(ctx)`, so the log follows the injected clock. */
  at: string;
}

/**
 * Appends one event to a tafel's hash-chained log. Call it inside the same transaction as the
 * change it records, so the change and its event commit together or not at all. Write
 * transactions are serialised by the database (BEGIN IMMEDIATE), and a unique (tafel, seq)
 * index makes a racing second writer fail rather than fork the chain.
 */
export async function appendEvent(tx: DbOrTx, input: EventInput) {
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, input.workspaceId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const actor = input.actor ?? null;
  const content = {
    workspaceId: input.workspaceId,
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    type: input.type,
    actorUserId: actor?.userId ?? null,
    actorName: actor?.userName ?? "Systeem",
    actorRole: actor?.role ?? null,
    actorPartyId: actor?.partyId ?? null,
    actorPartyName: actor?.partyName ?? null,
    entityType: input.entityType,
    entityId: input.entityId,
    fromStatus: input.fromStatus ?? null,
    toStatus: input.toStatus ?? null,
    reasoning: input.reasoning ?? null,
    textHash: input.textHash ?? null,
    data: canonicalJson(input.data ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  assertStorable(content);
  const row = { ...content, hash: eventHash(content) };
  await tx.insert(auditEvents).values(row);
  return row;
}

/**
 * The hash covers the JavaScript strings; the database keeps their UTF-8 bytes. For two kinds
 * of character those differ: SQLite hands a TEXT value back only up to a NUL, and a lone
 * surrogate is written as U+FFFD. Such an event would read back different from what was hashed
 * and break the chain for good, so it is refused (and the caller's transaction rolls back).
 * The request schemas already refuse these characters; this is the floor under any field that
 * bypasses them. `data` is canonical JSON, which escapes both, so it is always storable.
 */
function assertStorable(content: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(content)) {
    if (typeof value !== "string") continue;
    const at = unstorableCharAt(value);
    if (at >= 0) {
      throw new ApiError(
        "VALIDATION_FAILED",
        `De invoer bevat op plaats ${at + 1} een teken dat niet bewaard kan worden (een nulteken of een onvolledig teken). Er is niets gewijzigd.`,
        field,
      );
    }
  }
}
