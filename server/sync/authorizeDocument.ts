import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { documentSuggestOnly, meetings, points, workspaceParties, workspaces } from "../../db/schema/index.ts";
import {
  parseDocumentName,
  type AwarenessUser,
  type DocumentKind,
  type ParsedDocumentName,
} from "../../shared/collab/protocol.ts";
import { PRESENCE_FALLBACK_COLOUR, partyColour } from "../../shared/domain/parties.ts";
import { can, type Capability } from "../../shared/domain/roles.ts";
import type { SuggestionAuthor } from "../../shared/editor/suggestions.ts";
import { findMembership } from "../auth/access.ts";
import type { MembershipContext } from "../context.ts";
import { resolveSession } from "../auth/sessions.ts";
import { isDocumentLocked } from "../services/documents/isDocumentLocked.ts";

/** Which capability lets a member change the text of each kind of document. */
export const WRITE_CAPABILITY: Record<DocumentKind, Capability> = {
  spiegelparagraaf: "text.edit",
  point: "text.edit",
  minutes: "minutes.edit",
  procedure: "procedure.manage",
};

export type DocumentAuthorization =
  | {
      access: "write" | "read";
      /** Why the socket is read-only (for logs and tests); absent for write access. */
      readOnlyBecause?: "role" | "locked";
      userId: string;
      sessionId: string;
      document: ParsedDocumentName;
      /** Name, party and party colour as the server knows them (presence shows these). */
      user: AwarenessUser;
      /** The identity every suggestion mark of this socket must carry (ADR 0016). */
      author: SuggestionAuthor;
      /** "Alleen voorstellen": a writer whose every update must be a suggestion (ADR 0016). */
      suggestOnly: boolean;
    }
  | { deny: 401 | 403 | 404 };

/**
 * The ONE decision about a sync socket, made when it connects: who is it (session cookie),
 * which document (name → tafel), may they read it (member of that tafel whose role holds
 * content.read — not the beheerder) and may they write it
 * (role capability for the document kind AND the document is not locked). Membership changes
 * afterwards arrive as events that close the socket, so the client comes back here.
 *
 * Order matters: without a session nothing about documents is revealed (401 before 404).
 */
export async function authorizeDocument(
  db: Db,
  sessionToken: string | undefined,
  docName: string,
): Promise<DocumentAuthorization> {
  const caller = await resolveSession(db, sessionToken);
  if (!caller) return { deny: 401 };
  const document = parseDocumentName(docName);
  if (!document) return { deny: 404 };

  const membership = await findMembership(db, caller.userId, document.workspaceId);
  if (!membership) {
    const [tafel] = await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.id, document.workspaceId))
      .limit(1);
    return { deny: tafel ? 403 : 404 };
  }
  if (!can(membership.role, "content.read")) return { deny: 403 };
  if (!(await documentExists(db, document))) return { deny: 404 };

  const user = await presenceIdentity(
    db,
    document.workspaceId,
    membership.userName,
    membership.partyId,
    membership.partyName,
  );
  const author = authorOf(membership, user);
  const base = { userId: caller.userId, sessionId: caller.sessionId, document, user, author, suggestOnly: false };
  if (!can(membership.role, WRITE_CAPABILITY[document.kind]))
    return { ...base, access: "read", readOnlyBecause: "role" };
  const lock = await isDocumentLocked(db, document);
  if (lock.locked) return { ...base, access: "read", readOnlyBecause: "locked" };
  const [restricted] = await db
    .select({ userId: documentSuggestOnly.userId })
    .from(documentSuggestOnly)
    .where(and(eq(documentSuggestOnly.docName, docName), eq(documentSuggestOnly.userId, caller.userId)))
    .limit(1);
  return { ...base, access: "write", suggestOnly: !!restricted };
}

/** Point and minutes documents exist only for a point or meeting of that same tafel. */
export async function documentExists(db: Pick<Db, "select">, document: ParsedDocumentName): Promise<boolean> {
  const { kind, workspaceId, entityId } = document;
  if (kind === "point") {
    const [row] = await db
      .select({ id: points.id })
      .from(points)
      .where(and(eq(points.id, entityId!), eq(points.workspaceId, workspaceId)))
      .limit(1);
    return !!row;
  }
  if (kind === "minutes") {
    const [row] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, entityId!), eq(meetings.workspaceId, workspaceId)))
      .limit(1);
    return !!row;
  }
  return true;
}

const authorOf = (membership: MembershipContext, user: AwarenessUser): SuggestionAuthor => ({
  userId: membership.userId,
  name: user.name,
  partyId: membership.partyId ?? "",
  partyName: user.partyName,
  color: user.color,
});

/** The identity a member's suggestion marks must carry at this tafel (the editor asks for it). */
export async function suggestionAuthor(db: Db, membership: MembershipContext): Promise<SuggestionAuthor> {
  const user = await presenceIdentity(
    db,
    membership.workspaceId,
    membership.userName,
    membership.partyId,
    membership.partyName,
  );
  return authorOf(membership, user);
}

/** The identity presence shows for a member, with the colour the tafel's party list gives the party. */
async function presenceIdentity(
  db: Db,
  workspaceId: string,
  name: string,
  partyId: string | null,
  partyName: string | null,
): Promise<AwarenessUser> {
  if (!partyId) return { name, partyName: "", color: PRESENCE_FALLBACK_COLOUR };
  const [row] = await db
    .select({ position: workspaceParties.position })
    .from(workspaceParties)
    .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, partyId)))
    .limit(1);
  return { name, partyName: partyName ?? "", color: row ? partyColour(row.position) : PRESENCE_FALLBACK_COLOUR };
}
