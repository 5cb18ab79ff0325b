import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { documentVersions } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { dateInZone, formatDateTime } from "../../../shared/domain/dates.ts";
import { VERSION_REASON_LABELS } from "../../../shared/domain/documentVersions.ts";
import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import { embeddedPointIds } from "../../../shared/domain/pointEmbeds.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { describePoint } from "../points/getPointDetail.ts";
import { pointSummaries } from "../points/listPoints.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { contentOf, keepVersion } from "../versions/versionRecords.ts";
import { composeSpiegelparagraaf, type SpiegelPoint } from "./composeSpiegelparagraaf.ts";
import { sealModel } from "./docModel.ts";
import { CONTENT_TYPES, renderModel, slug, type ExportFile } from "./exportFiles.ts";
import { logCheckpoint } from "./logCheckpoint.ts";
import { readDurableText } from "../points/pointText.ts";
import { exportableSpiegelJson, readSpiegelparagraafForExport } from "./spiegelparagraafJson.ts";
import { loadTafelContext } from "./tafelContext.ts";

export interface ExportSpiegelparagraafCommand {
  workspaceId: string;
  format: ExportFormat;
  /** A kept version of this tafel's spiegelparagraaf: the export then shows the changes since. */
  sinceVersionId?: string;
}

/**
 * The spiegelparagraaf as PDF or DOCX with its embedded points (content.read). Only points of
 * this tafel are drawn; any other id prints as "Punt niet gevonden". An export is a version
 * milestone: the text it printed is kept (reason "export") and the download is logged.
 */
export async function exportSpiegelparagraaf(
  ctx: ServiceContext,
  input: ExportSpiegelparagraafCommand,
): Promise<ExportFile> {
  const { workspaceId, format } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(member, "content.read", "Uw rol kan de spiegelparagraaf niet downloaden.");
  const docName = documentNames.spiegelparagraaf(workspaceId);

  let since: { label: string; json: unknown } | undefined;
  if (input.sinceVersionId) {
    const [row] = await dbOf(ctx)
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.id, input.sinceVersionId), eq(documentVersions.docName, docName)));
    // A version of another document or tafel is, for this export, no version at all.
    if (!row) throw new ApiError("NOT_FOUND", "Deze versie van de spiegelparagraaf bestaat niet.", "sinds");
    since = {
      label: `${row.name ?? VERSION_REASON_LABELS[row.reason]} (${formatDateTime(row.createdAt)})`,
      json: exportableSpiegelJson(contentOf(row)),
    };
  }

  const json = await readSpiegelparagraafForExport(ctx, workspaceId);
  const tafel = await loadTafelContext(ctx, { workspaceId });
  const checkpoint = await logCheckpoint(ctx, { workspaceId });
  const ownPoints = new Set((await pointSummaries(ctx, workspaceId, {})).map((p) => p.id));
  const ids = [...new Set([...embeddedPointIds(json), ...embeddedPointIds(since?.json)])].filter((id) =>
    ownPoints.has(id),
  );
  const points = new Map<string, SpiegelPoint>();
  for (const id of ids) {
    // The point's agreed text: pending suggestions reverted, hashed as stances and signatures are.
    const text = await readDurableText(ctx, { id, workspaceId });
    points.set(id, { detail: await describePoint(ctx, id, null), json: JSON.parse(text.json), hash: text.hash });
  }

  const { model, contentHash } = sealModel(composeSpiegelparagraaf({ tafel, checkpoint, json, points, since }));
  const bytes = await renderModel(model, format);
  await withTransaction(ctx, async (t) => {
    await keepVersion(t, { workspaceId, docName, reason: "export", createdBy: member.userId });
    await appendEvent(t.tx, {
      workspaceId,
      type: "spiegelparagraaf.exported",
      entityType: "spiegelparagraaf",
      entityId: contentHash,
      actor: member,
      at: nowIso(t),
      data: {
        format,
        contentHash,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        points: points.size,
        sinceVersionId: input.sinceVersionId ?? null,
        checkpointSeq: checkpoint.seq,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "spiegelparagraaf",
        entityId: contentHash,
        type: "spiegelparagraaf.exported",
      }),
    );
  });
  const kind = since ? "spiegelparagraaf-met-wijzigingen" : "spiegelparagraaf";
  return {
    bytes,
    contentHash,
    contentType: CONTENT_TYPES[format],
    filename: `${kind}-${slug(tafel.workspace.name)}-${dateInZone(new Date(checkpoint.at))}.${format}`,
  };
}
