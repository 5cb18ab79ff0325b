import { createHash } from "node:crypto";
import { dateInZone } from "../../../shared/domain/dates.ts";
import { isDisputable, type ExportFormat } from "../../../shared/domain/dossier.ts";
import { isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { BuildDossierInput } from "../../../shared/schemas/exports.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { loadPoint } from "../points/pointState.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { collectDossier } from "./collectDossier.ts";
import { composeDossier } from "./dossier/index.ts";
import { sealModel } from "./docModel.ts";
import { CONTENT_TYPES, renderModel, slug, type ExportFile } from "./exportFiles.ts";

export interface BuildDossierCommand extends BuildDossierInput {
  workspaceId: string;
  format: ExportFormat;
}

/**
 * Builds the dossier for the Landelijke Geschillencommissie OOGO (secretaris only): checks that
 * every point belongs to this tafel and is actually in dispute (400 otherwise, nothing built or
 * logged), composes the content from the log and documents, seals it with its content hash,
 * renders PDF or DOCX, and only then logs `dossier.generated` — after the content is fixed, so
 * generating a dossier never changes the next one built from the same data (the export event
 * is also left out of the log checkpoint the dossier cites).
 */
export async function buildDossier(ctx: ServiceContext, input: BuildDossierCommand): Promise<ExportFile> {
  const { workspaceId, format } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "dossier.build", "Alleen de secretaris stelt het dossier voor de Geschillencommissie samen.");

  for (const [i, id] of input.pointIds.entries()) {
    const point = await loadPoint(dbOf(ctx), id);
    if (point?.workspaceId !== workspaceId) {
      throw new ApiError(
        "VALIDATION_FAILED",
        `pointIds.${i}: dit overeenstemmingspunt bestaat niet aan deze OOGO-tafel.`,
        `pointIds.${i}`,
      );
    }
    if (!isDisputable(point.status)) {
      const label = isPointStatus(point.status) ? statusLabel(point.status) : point.status;
      throw new ApiError(
        "VALIDATION_FAILED",
        `pointIds.${i}: “${point.title}” is niet in geschil (status: ${label}). Een dossier gaat over punten zonder overeenstemming of in geschil.`,
        `pointIds.${i}`,
      );
    }
  }

  const data = await collectDossier(ctx, { workspaceId, pointIds: input.pointIds, route: input.route });
  const { model, contentHash } = sealModel(composeDossier(data));
  const bytes = await renderModel(model, format);

  await withTransaction(ctx, async (t) => {
    await appendEvent(t.tx, {
      workspaceId,
      type: "dossier.generated",
      entityType: "dossier",
      entityId: contentHash,
      actor: member,
      at: nowIso(t),
      data: {
        route: input.route,
        format,
        contentHash,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        pointIds: data.disputed.map((d) => d.point.id),
        checkpointSeq: data.checkpoint.seq,
        checkpointHash: data.checkpoint.hash,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "dossier",
        entityId: contentHash,
        type: "dossier.generated",
      }),
    );
  });

  const peil = dateInZone(new Date(data.checkpoint.at));
  return {
    bytes,
    contentHash,
    contentType: CONTENT_TYPES[format],
    filename: `dossier-geschillencommissie-oogo-${slug(data.tafel.workspace.name)}-${peil}.${format}`,
  };
}
