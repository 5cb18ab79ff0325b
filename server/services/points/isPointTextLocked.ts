import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { points } from "../../../db/schema/index.ts";
import type { ParsedDocumentName } from "../../../shared/collab/protocol.ts";
import { isTextLocked, statusLabel } from "../../../shared/domain/pointStatus.ts";

/**
 * The point branch of isDocumentLocked: the text is frozen in the TEXT_LOCKED statuses
 * (geagendeerd, in geschil, vastgelegd …). A point document of a point that does not exist at
 * that tafel is never writable, so no stray documents appear under a tafel's name.
 */
export async function isPointTextLocked(
  db: Db,
  doc: ParsedDocumentName,
): Promise<{ locked: boolean; reason?: string }> {
  if (!doc.entityId) return { locked: true, reason: "Deze tekst hoort bij geen overeenstemmingspunt." };
  const [point] = await db
    .select({ status: points.status })
    .from(points)
    .where(and(eq(points.id, doc.entityId), eq(points.workspaceId, doc.workspaceId)))
    .limit(1);
  if (!point) return { locked: true, reason: "Deze tekst hoort bij geen overeenstemmingspunt van deze tafel." };
  if (isTextLocked(point.status)) {
    return { locked: true, reason: `De tekst ligt vast: het punt is ${statusLabel(point.status).toLowerCase()}.` };
  }
  return { locked: false };
}
