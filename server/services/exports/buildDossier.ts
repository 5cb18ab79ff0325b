import { writeTransaction } from "../../../db/writeLock.ts";
import { createHash } from "node:crypto";
import { isDisputable, type ExportFormat } from "../../../shared/domain/dossier.ts";
import { dateInZone } from "../../../shared/domain/dates.ts";
import { isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { BuildDossierInput } from "../../../shared/schemas/exports.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { loadPoint } from "../points/pointState.ts";
import { collectDossier } from "./collectDossier.ts";
import { composeDossier } from "./composeDossier.ts";
import { sealModel } from "./docModel.ts";
import { CONTENT_TYPES, renderModel, slug, type ExportFile } from "./exportFiles.ts";

/**
 * Builds the dossier for the Landelijke Geschillencommissie OOGO (secretaris only): checks that
 * every point belongs to this tafel and is actually in dispute (400 otherwise, nothing built or
 * logged), composes the content from the log and documents, seals it with its content hash,
 * renders PDF or DOCX, and only then logs `dossier.generated` — after the content is fixed, so
 * generating a dossier never changes the next one built from the same data (the export event
 * is also left out of the log checkpoint the dossier cites).
 */
export async function buildDossier(deps: AppDeps, caller: Caller, workspaceId: string, input: BuildDossierInput, format: ExportFormat): Promise<ExportFile> {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId);
  assertCan(actor, "dossier.build", "Alleen de secretaris stelt het dossier voor de Geschillencommissie samen.");

  for (const [i, id] of input.pointIds.entries()) {
    const point = await loadPoint(db, id);
    if (!point || point.workspaceId !== workspaceId) {
      throw new ApiError("VALIDATION_FAILED", `pointIds.${i}: dit overeenstemmingspunt bestaat niet aan deze OOGO-tafel.`, `pointIds.${i}`);
    }
    if (!isDisputable(point.status)) {
      const label = isPointStatus(point.status) ? statusLabel(point.status) : point.status;
      throw new ApiError("VALIDATION_FAILED", `pointIds.${i}: “${point.title}” is niet in geschil (status: ${label}). Een dossier gaat over punten zonder overeenstemming of in geschil.`, `pointIds.${i}`);
    }
  }

  const data = await collectDossier(deps, workspaceId, input.pointIds, input.route);
  const { model, contentHash } = sealModel(composeDossier(data));
  const bytes = await renderModel(model, format);

  await writeTransaction(deps.database, async (tx) => {
    await appendEvent(tx, {
      workspaceId, type: "dossier.generated", entityType: "dossier", entityId: contentHash, actor,
      data: {
        route: input.route, format, contentHash, fileSha256: createHash("sha256").update(bytes).digest("hex"),
        pointIds: data.disputed.map((d) => d.point.id), checkpointSeq: data.checkpoint.seq, checkpointHash: data.checkpoint.hash,
      },
    });
  });
  deps.events.emit("workspace.changed", { workspaceId, entity: "dossier", entityId: contentHash, type: "dossier.generated" });

  const peil = dateInZone(new Date(data.checkpoint.at));
  return {
    bytes, contentHash, contentType: CONTENT_TYPES[format],
    filename: `dossier-geschillencommissie-oogo-${slug(data.tafel.workspace.name)}-${peil}.${format}`,
  };
}
