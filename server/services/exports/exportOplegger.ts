import { createHash } from "node:crypto";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { dateInZone } from "../../../shared/domain/dates.ts";
import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import { withoutPendingSuggestions } from "../../../shared/editor/suggestions.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import { assertCan } from "../../auth/access.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { describePoint } from "../points/getPointDetail.ts";
import { pointSummaries } from "../points/listPoints.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { composeOplegger, OPLEGGER_EXCLUDED, type OpleggerPoint } from "./composeOplegger.ts";
import { sealModel } from "./docModel.ts";
import { CONTENT_TYPES, renderModel, slug, type ExportFile } from "./exportFiles.ts";
import { logCheckpoint } from "./logCheckpoint.ts";
import { loadScreenedPlans } from "./screeningAppendix.ts";
import { loadTafelContext, themeRank } from "./tafelContext.ts";

export interface ExportOpleggerCommand {
  workspaceId: string;
  format: ExportFormat;
}

/**
 * The oplegger as PDF or DOCX (every member who may export it). Composed from the points and
 * their signatures as they stand, sealed with a content hash, and logged as
 * `oplegger.generated` after the content is fixed (see buildDossier for why).
 */
export async function exportOplegger(ctx: ServiceContext, input: ExportOpleggerCommand): Promise<ExportFile> {
  const { workspaceId, format } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "oplegger.export", "Uw rol kan de oplegger niet downloaden.");

  const tafel = await loadTafelContext(ctx, { workspaceId });
  const checkpoint = await logCheckpoint(ctx, { workspaceId });
  const points: OpleggerPoint[] = [];
  for (const summary of await pointSummaries(ctx, workspaceId, {})) {
    if (OPLEGGER_EXCLUDED.includes(summary.status)) continue;
    // The agreed text: without pending suggestions, as its hash (server/services/points/pointText.ts).
    const json = withoutPendingSuggestions(
      await ctx.deps.documents.readJson(documentNames.point(workspaceId, summary.id)),
    );
    points.push({ detail: await describePoint(ctx, summary.id, null), json, hash: textHash(json) });
  }
  points.sort(
    (a, b) =>
      themeRank(tafel, a.detail.theme) - themeRank(tafel, b.detail.theme) ||
      (a.detail.title < b.detail.title ? -1 : a.detail.title > b.detail.title ? 1 : 0) ||
      (a.detail.id < b.detail.id ? -1 : 1),
  );

  const screenedPlans = await loadScreenedPlans(ctx, workspaceId);
  const { model, contentHash } = sealModel(composeOplegger({ tafel, points, checkpoint, screenedPlans }));
  const bytes = await renderModel(model, format);
  await withTransaction(ctx, async (t) => {
    await appendEvent(t.tx, {
      workspaceId,
      type: "oplegger.generated",
      entityType: "oplegger",
      entityId: contentHash,
      actor: member,
      at: nowIso(t),
      data: {
        format,
        contentHash,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        points: points.length,
        screenedVersions: screenedPlans.map((p) => p.screening.versionId),
        checkpointSeq: checkpoint.seq,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "oplegger",
        entityId: contentHash,
        type: "oplegger.generated",
      }),
    );
  });
  return {
    bytes,
    contentHash,
    contentType: CONTENT_TYPES[format],
    filename: `oplegger-overeenstemmingspunten-${slug(tafel.workspace.name)}-${dateInZone(new Date(checkpoint.at))}.${format}`,
  };
}
