/**
 * Uploads a version of a plan (issue 14): checks who may, reads and screens the file in the parser
 * thread, and stores file, hash, text and screening as the plan's next version with an audit event — or, for a file
 * that cannot be read, refuses with the reason and stores nothing.
 */
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { planFiles, planVersions } from "../../../db/schema/index.ts";
import { MAX_PLAN_FILE_BYTES, mayImportPlan } from "../../../shared/domain/planImport.ts";
import { SCREENING_ALGORITHM_VERSION } from "../../../shared/domain/screening/algorithm.ts";
import type { PlanVersionSummary } from "../../../shared/schemas/plans.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError, forbidden } from "../../http/errors.ts";
import { DEFAULT_PARSER_LIMITS, parseInWorker, type ParserLimits } from "../../planImport/parseInWorker.ts";
import { PlanFileProblem } from "../../planImport/planFileProblem.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { screenJobOf, storeScreening } from "../screening/planScreening.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { planWithMember, presentVersion } from "./planRecords.ts";

export interface ImportPlanVersionInput {
  planId: string;
  fileName: string;
  label?: string;
  bytes: Uint8Array;
  /** Parser limits (tests stand in a misbehaving parser). */
  parser?: ParserLimits;
}

export async function importPlanVersion(
  ctx: ServiceContext,
  input: ImportPlanVersionInput,
): Promise<PlanVersionSummary> {
  const { plan, member } = await planWithMember(ctx, input.planId);
  if (!mayImportPlan(member, plan.organisationId))
    throw forbidden(
      "Alleen de ambtelijke werkgroep van de partij van wie het plan is, of de secretaris, zet een versie van het plan klaar.",
    );
  if (input.bytes.length > MAX_PLAN_FILE_BYTES)
    throw new ApiError(
      "PAYLOAD_TOO_LARGE",
      "Het bestand is groter dan 25 MB. Verklein het (bijvoorbeeld zonder afbeeldingen) en probeer het opnieuw.",
    );
  // Parsed (and screened, in the same thread) before the transaction: the write lock is never
  // held while a parser works.
  const screenJob = await screenJobOf(dbOf(ctx), plan.workspaceId);
  let parsed: Awaited<ReturnType<typeof parseInWorker>>;
  try {
    parsed = await parseInWorker(input.bytes, input.parser ?? DEFAULT_PARSER_LIMITS, screenJob);
  } catch (error) {
    if (error instanceof PlanFileProblem) throw new ApiError(error.code, error.message, "file");
    throw error;
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const id = newId();
  return withTransaction(ctx, async (t) => {
    const [last] = await t.tx
      .select({ seq: planVersions.seq })
      .from(planVersions)
      .where(eq(planVersions.planId, plan.id))
      .orderBy(desc(planVersions.seq))
      .limit(1);
    const seq = (last?.seq ?? 0) + 1;
    const now = nowIso(t);
    const row = {
      id,
      planId: plan.id,
      workspaceId: plan.workspaceId,
      seq,
      label: input.label?.trim() ? input.label : `versie ${seq}`,
      fileName: input.fileName,
      fileKind: parsed.kind,
      byteSize: input.bytes.length,
      sha256,
      planText: JSON.stringify(parsed.text),
      sectionCount: parsed.text.sections.filter((s) => s.level > 0).length,
      uploadedBy: member.userId,
      createdAt: now,
    };
    await t.tx.insert(planVersions).values(row);
    await t.tx.insert(planFiles).values({ versionId: id, bytes: Buffer.from(input.bytes) });
    if (parsed.screening)
      await storeScreening(t.tx, {
        versionId: id,
        workspaceId: plan.workspaceId,
        screening: parsed.screening,
        at: now,
      });
    await appendEvent(t.tx, {
      workspaceId: plan.workspaceId,
      type: "plan.version_uploaded",
      entityType: "plan",
      entityId: plan.id,
      actor: member,
      at: now,
      data: {
        versionId: id,
        seq,
        label: row.label,
        fileName: row.fileName,
        fileKind: row.fileKind,
        byteSize: row.byteSize,
        sha256,
        sections: row.sectionCount,
        // The proposal the trekkers will judge, so the log shows what the screening said then.
        screening: parsed.screening
          ? {
              algorithmVersion: SCREENING_ALGORITHM_VERSION,
              scores: Object.fromEntries(parsed.screening.themes.map((th) => [th.key, th.score])),
            }
          : null,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: plan.workspaceId,
        entity: "plan",
        entityId: plan.id,
        type: "plan.version_uploaded",
      }),
    );
    return presentVersion({ ...row, uploadedByName: member.userName });
  });
}
