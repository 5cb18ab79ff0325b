import { and, asc, desc, eq, lte, notInArray } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import { GENESIS_HASH, verifyChain } from "../../../shared/domain/auditChain.ts";
import { logKenmerk } from "../../../shared/domain/logWitness.ts";
import { EXPORT_EVENT_TYPES } from "../../../shared/domain/dossier.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

/**
 * The point of the log an export cites: the last event that is not itself an export. Exports
 * (dossier, oplegger) are logged AFTER their content is computed and are left out here, so
 * producing an export never changes the next export made from the same data. The chain is
 * verified up to and including this event (the same check verifyLog does, on that prefix),
 * which is what a receiver can recompute from the log.
 */
export interface LogCheckpoint {
  /** seq of the cited event; 0 for an empty log. */
  seq: number;
  /** Hash of that event: the head of the chain the export is based on. */
  hash: string;
  /** Time of that event: the export's fixed creation date. */
  at: string;
  valid: boolean;
  firstBrokenAt: number | null;
  /** seq of every event up to the checkpoint whose hash or link does not hold. */
  brokenAt: number[];
  /** The checkpoint as a logboekkenmerk a reader can keep and check later (shared/domain/logWitness.ts). */
  kenmerk: string;
}

/** A building block of the exports (they check access); reads only. */
export async function logCheckpoint(ctx: ServiceContext, input: { workspaceId: string }): Promise<LogCheckpoint> {
  const { workspaceId } = input;
  const db = dbOf(ctx);
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), notInArray(auditEvents.type, [...EXPORT_EVENT_TYPES])))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!last)
    return {
      seq: 0,
      hash: GENESIS_HASH,
      at: "1970-01-01T00:00:00.000Z",
      valid: true,
      firstBrokenAt: null,
      brokenAt: [],
      kenmerk: logKenmerk(0, GENESIS_HASH),
    };
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), lte(auditEvents.seq, last.seq)))
    .orderBy(asc(auditEvents.seq));
  const verdict = verifyChain(rows);
  return {
    seq: last.seq,
    hash: last.hash,
    at: last.at,
    valid: verdict.valid,
    firstBrokenAt: verdict.firstBrokenAt,
    brokenAt: verdict.breaks.map((b) => b.seq),
    kenmerk: logKenmerk(last.seq, last.hash),
  };
}
