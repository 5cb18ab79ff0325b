import { SIGNABLE_STATUSES } from "../../../shared/domain/pointStatus.ts";
import type { ToSignItem } from "../../../shared/schemas/points.ts";
import { assertCan, requireParty } from "../../auth/access.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { isValidSignoff, loadAllPointStates } from "./pointState.ts";
import { pointDocumentName } from "./pointText.ts";

/**
 * "Te ondertekenen": the points of the tafel in a signable status, in the scope of the caller's
 * party, that the party has not validly signed (including points whose earlier signature went
 * verouderd, with that signature so the UI can show what changed).
 */
export async function listToSign(ctx: ServiceContext, input: { workspaceId: string }): Promise<ToSignItem[]> {
  const member = await membershipOf(ctx, input.workspaceId);
  assertCan(member, "point.signoff", "Alleen bestuurders en wethouders hebben iets te ondertekenen.");
  const party = requireParty(member);
  const states = await loadAllPointStates(dbOf(ctx), input.workspaceId);
  const items: ToSignItem[] = [];
  for (const { point, parties, signoffs } of states) {
    if (!SIGNABLE_STATUSES.includes(point.status)) continue;
    if (!parties.some((p) => p.id === party.id)) continue;
    const mine = signoffs.filter((s) => s.organisationId === party.id);
    if (mine.some((s) => isValidSignoff(s, point.textHash))) continue;
    const previous = mine.at(-1) ?? null;
    items.push({
      pointId: point.id,
      title: point.title,
      theme: point.theme,
      status: point.status,
      version: point.version,
      textHash: point.textHash,
      documentName: pointDocumentName(point),
      partiesInScope: parties.length,
      partiesSigned: parties.filter((p) =>
        signoffs.some((s) => s.organisationId === p.id && isValidSignoff(s, point.textHash)),
      ).length,
      previousSignature: previous
        ? { textHash: previous.textHash, signedAt: previous.signedAt, signerName: previous.signerName }
        : null,
    });
  }
  return items;
}
