/**
 * THE one place where an export reads the spiegelparagraaf's ProseMirror JSON (current text and
 * kept versions alike). Pending suggestions (track-change marks) are dropped here: a proposal
 * nobody accepted is not yet text of the plan (the same text the canonical hash is of).
 */
import { documentNames } from "../../../shared/collab/protocol.ts";
import { withoutPendingSuggestions } from "../../../shared/editor/suggestions.ts";
import type { ServiceContext } from "../serviceContext.ts";

/** The text of the spiegelparagraaf as it goes into a document for the plan. */
export function exportableSpiegelJson(json: unknown): unknown {
  return withoutPendingSuggestions(json);
}

/** The current spiegelparagraaf of a tafel, ready for an export. */
export async function readSpiegelparagraafForExport(ctx: ServiceContext, workspaceId: string): Promise<unknown> {
  return exportableSpiegelJson(await ctx.deps.documents.readJson(documentNames.spiegelparagraaf(workspaceId)));
}
