import type { Db } from "../../../db/client.ts";
import type { ParsedDocumentName } from "../../../shared/collab/protocol.ts";
import { isMinutesLocked } from "../meetings/isMinutesLocked.ts";
import { isPointTextLocked } from "../points/isPointTextLocked.ts";

/**
 * Whether a document's text is frozen for everyone regardless of role, with the reason shown
 * to users. The sync server asks this when a socket connects (and again after a
 * `document.accessChanged` event). Each document kind owns one branch.
 *
 * Not a `verb(ctx, input)`, nor are its branches: pure reads with no actor and no clock, asked by
 * the sync layer per connection, which holds a database handle and no service context.
 */
export async function isDocumentLocked(
  _db: Db,
  doc: ParsedDocumentName,
): Promise<{ locked: boolean; reason?: string }> {
  switch (doc.kind) {
    case "point":
      // Points feature: locked while geagendeerd, in geschil or after vastleggen.
      return isPointTextLocked(_db, doc);
    case "minutes":
      // Meetings feature: locked once the minutes are approved (changes only by logged amendment).
      return isMinutesLocked(_db, doc);
    default:
      return { locked: false };
  }
}
