import { asc, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import { verifyChain, type ChainVerdict } from "../../../shared/domain/auditChain.ts";
import { checkWitness, logKenmerk, type WitnessVerdict } from "../../../shared/domain/logWitness.ts";
import { assertCan } from "../../auth/access.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

export interface LogVerdict extends ChainVerdict {
  /** The current head as a kenmerk a person can keep ("L-1234-9F3A-2C7B-01D4-E5A6"). */
  kenmerk: string;
  /** Present when the caller asked whether the log still extends a kept head. */
  witness?: WitnessVerdict;
}

export interface VerifyLogInput {
  workspaceId: string;
  /** A head a party kept: event `count` had hash `head`. */
  kept?: { count: number; head: string };
}

/**
 * Recomputes the whole chain of a tafel from the stored rows and, given a head a party kept
 * (event `count` had hash `head`), whether the current log still extends it. Any member of the
 * tafel may ask: the log is part of what every member sees.
 */
export async function verifyLog(ctx: ServiceContext, input: VerifyLogInput): Promise<LogVerdict> {
  const { workspaceId, kept } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "content.read", "U kunt het logboek van deze tafel niet inzien.");
  const rows = await dbOf(ctx)
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(asc(auditEvents.seq));
  const verdict = verifyChain(rows);
  const result: LogVerdict = { ...verdict, kenmerk: logKenmerk(rows.at(-1)?.seq ?? 0, verdict.headHash) };
  if (kept) result.witness = checkWitness(new Map(rows.map((r) => [r.seq, r])), verdict.valid, kept);
  return result;
}
