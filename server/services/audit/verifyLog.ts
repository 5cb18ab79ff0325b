import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { auditEvents } from "../../../db/schema/index.ts";
import { verifyChain, type ChainVerdict } from "../../../shared/domain/auditChain.ts";

/** Recomputes the whole chain of a tafel from the stored rows. */
export async function verifyLog(db: Db, workspaceId: string): Promise<ChainVerdict> {
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.seq));
  return verifyChain(rows);
}
