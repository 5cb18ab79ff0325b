import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { meetings } from "../../../db/schema/index.ts";
import type { ParsedDocumentName } from "../../../shared/collab/protocol.ts";
import { minutesLocked } from "../../../shared/domain/meetings.ts";

/**
 * The minutes branch of isDocumentLocked: approved minutes are frozen (changes only through a
 * logged amendment), and a minutes document of a meeting that does not exist at that tafel is
 * never writable — that keeps stray documents from being created under a tafel's name.
 */
export async function isMinutesLocked(db: Db, doc: ParsedDocumentName): Promise<{ locked: boolean; reason?: string }> {
  if (!doc.entityId) return { locked: true, reason: "Deze notulen horen bij geen vergadering." };
  const [meeting] = await db
    .select({ minutesStatus: meetings.minutesStatus })
    .from(meetings)
    .where(and(eq(meetings.id, doc.entityId), eq(meetings.workspaceId, doc.workspaceId)))
    .limit(1);
  if (!meeting) return { locked: true, reason: "Deze notulen horen bij geen vergadering van deze tafel." };
  if (meeting.minutesStatus === "ter_vaststelling")
    return {
      locked: true,
      reason:
        "Deze notulen liggen ter vaststelling bij de partijen. De secretaris kan ze terugnemen om ze te wijzigen.",
    };
  if (minutesLocked(meeting.minutesStatus)) {
    return {
      locked: true,
      reason: "Deze notulen zijn vastgesteld. Wijzigen kan alleen via een gelogde wijziging door de secretaris.",
    };
  }
  return { locked: false };
}
