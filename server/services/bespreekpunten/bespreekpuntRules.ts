import { ApiError } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { tafelParties } from "../points/pointState.ts";

/** The lead is a party of this tafel that takes part in the OOGO (an SWV or a gemeente), or 400. */
export async function assertLeadParty(db: DbOrTx, workspaceId: string, partyId: string): Promise<void> {
  const parties = await tafelParties(db, workspaceId);
  if (!parties.some((p) => p.id === partyId))
    throw new ApiError("VALIDATION_FAILED", "Deze partij zit niet aan deze OOGO-tafel.", "leadPartyId");
}
