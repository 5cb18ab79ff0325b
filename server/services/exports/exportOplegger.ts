import { writeTransaction } from "../../../db/writeLock.ts";
import { createHash } from "node:crypto";
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import { dateInZone } from "../../../shared/domain/dates.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { describePoint } from "../points/getPointDetail.ts";
import { pointSummaries } from "../points/listPoints.ts";
import { createContext } from "../serviceContext.ts";
import { composeOplegger, OPLEGGER_EXCLUDED, type OpleggerPoint } from "./composeOplegger.ts";
import { sealModel } from "./docModel.ts";
import { CONTENT_TYPES, renderModel, slug, type ExportFile } from "./exportFiles.ts";
import { logCheckpoint } from "./logCheckpoint.ts";
import { loadTafelContext, themeRank } from "./tafelContext.ts";

/**
 * The oplegger as PDF or DOCX (every member who may export it). Composed from the points and
 * their signatures as they stand, sealed with a content hash, and logged as
 * `oplegger.generated` after the content is fixed (see buildDossier for why).
 */
export async function exportOplegger(deps: AppDeps, caller: Caller, workspaceId: string, format: ExportFormat): Promise<ExportFile> {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId);
  assertCan(actor, "oplegger.export", "Uw rol kan de oplegger niet downloaden.");

  const tafel = await loadTafelContext(db, workspaceId);
  const checkpoint = await logCheckpoint(db, workspaceId);
  const points: OpleggerPoint[] = [];
  const reads = createContext(deps);
  for (const summary of await pointSummaries(reads, workspaceId, {})) {
    if (OPLEGGER_EXCLUDED.includes(summary.status)) continue;
    const json = await deps.documents.readJson(documentNames.point(workspaceId, summary.id));
    points.push({ detail: await describePoint(reads, summary.id, null), json, hash: textHash(json) });
  }
  points.sort((a, b) => themeRank(tafel, a.detail.theme) - themeRank(tafel, b.detail.theme)
    || (a.detail.title < b.detail.title ? -1 : a.detail.title > b.detail.title ? 1 : 0) || (a.detail.id < b.detail.id ? -1 : 1));

  const { model, contentHash } = sealModel(composeOplegger({ tafel, points, checkpoint }));
  const bytes = await renderModel(model, format);
  await writeTransaction(deps.database, async (tx) => {
    await appendEvent(tx, {
      workspaceId, type: "oplegger.generated", entityType: "oplegger", entityId: contentHash, actor,
      data: { format, contentHash, fileSha256: createHash("sha256").update(bytes).digest("hex"), points: points.length, checkpointSeq: checkpoint.seq },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "oplegger", entityId: contentHash, type: "oplegger.generated" });
  return {
    bytes, contentHash, contentType: CONTENT_TYPES[format],
    filename: `oplegger-overeenstemmingspunten-${slug(tafel.workspace.name)}-${dateInZone(new Date(checkpoint.at))}.${format}`,
  };
}
