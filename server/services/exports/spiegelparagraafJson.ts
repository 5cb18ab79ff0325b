/**
 * THE one place where an export reads the spiegelparagraaf's ProseMirror JSON (current text and
 * kept versions alike). Issue 12's suggestions (track-change marks `insertion`, `deletion`,
 * `modification`) are to be dropped here once they exist: a pending proposal is not yet text of
 * the plan. Until then marks the exports do not know are simply ignored downstream.
 */
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { ServiceContext } from "../serviceContext.ts";

/** The text of the spiegelparagraaf as it goes into a document for the plan. */
export function exportableSpiegelJson(json: unknown): unknown {
  return json;
}

/** The current spiegelparagraaf of a tafel, ready for an export. */
export async function readSpiegelparagraafForExport(ctx: ServiceContext, workspaceId: string): Promise<unknown> {
  return exportableSpiegelJson(await ctx.deps.documents.readJson(documentNames.spiegelparagraaf(workspaceId)));
}
