import { parseDocumentName, type ParsedDocumentName } from "../../../shared/collab/protocol.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { documentExists } from "../../sync/authorizeDocument.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

/**
 * A collaborative document of this tafel, by its sync name, with the caller's membership (which
 * holds content.read). Another tafel's document is as unknown as a made-up one (404): the name
 * reveals nothing. Comments and versions both start here.
 */
export async function tafelDocument(
  ctx: ServiceContext,
  workspaceId: string,
  docName: string,
): Promise<{ member: MembershipContext; document: ParsedDocumentName }> {
  const member = await membershipOf(ctx, workspaceId);
  const document = parseDocumentName(docName);
  if (document?.workspaceId !== workspaceId || !(await documentExists(dbOf(ctx), document)))
    throw new ApiError("NOT_FOUND", "Dit document bestaat niet bij deze tafel.", "document");
  return { member, document };
}
