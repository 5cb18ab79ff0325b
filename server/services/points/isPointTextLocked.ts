import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { organisations, points, signoffs, signoffVoids } from "../../../db/schema/index.ts";
import type { ParsedDocumentName } from "../../../shared/collab/protocol.ts";
import { textProtectionReason } from "../../../shared/domain/textProtection.ts";

/**
 * The point branch of isDocumentLocked: the text is frozen in the TEXT_LOCKED statuses
 * (geagendeerd, akkoord in overleg, overeenstemming, in geschil, vastgelegd …) and whenever the
 * current text carries a valid (not voided) signature — nobody voids a signature by typing;
 * "Heropenen" (reopenPoint) lifts it. A point document of a point that does not exist at that
 * tafel is never writable, so no stray documents appear under a tafel's name.
 */
export async function isPointTextLocked(
  db: Db,
  doc: ParsedDocumentName,
): Promise<{ locked: boolean; reason?: string }> {
  if (!doc.entityId) return { locked: true, reason: "Deze tekst hoort bij geen overeenstemmingspunt." };
  const [point] = await db
    .select({ id: points.id, status: points.status, textHash: points.textHash })
    .from(points)
    .where(and(eq(points.id, doc.entityId), eq(points.workspaceId, doc.workspaceId)))
    .limit(1);
  if (!point) return { locked: true, reason: "Deze tekst hoort bij geen overeenstemmingspunt van deze tafel." };
  const signers = await db
    .select({ name: signoffs.signerName, partyName: organisations.name })
    .from(signoffs)
    .innerJoin(organisations, eq(organisations.id, signoffs.organisationId))
    .leftJoin(signoffVoids, eq(signoffVoids.signoffId, signoffs.id))
    .where(and(eq(signoffs.pointId, point.id), eq(signoffs.textHash, point.textHash), isNull(signoffVoids.signoffId)));
  const reason = textProtectionReason(point.status, signers);
  return reason ? { locked: true, reason } : { locked: false };
}
