/** Reading a plan's versions: the list, one version's text, its changes, its file (content.read). */
import { and, eq, inArray } from "drizzle-orm";
import { planFiles, planSectionLinks, points } from "../../../db/schema/index.ts";
import { mayImportPlan } from "../../../shared/domain/planImport.ts";
import type { PlanText } from "../../../shared/domain/planText.ts";
import { comparePlanTexts } from "../../../shared/domain/textDiff.ts";
import { can } from "../../../shared/domain/roles.ts";
import type { PlanVersionChanges, PlanVersionDetail, PlanVersionList } from "../../../shared/schemas/plans.ts";
import { notFound } from "../../http/errors.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import {
  listVersionRows,
  planWithMember,
  presentVersion,
  previousVersionRow,
  versionWithMember,
} from "./planRecords.ts";

export async function listPlanVersions(ctx: ServiceContext, input: { planId: string }): Promise<PlanVersionList> {
  const { plan, member } = await planWithMember(ctx, input.planId);
  const rows = await listVersionRows(ctx, plan.id);
  return { planId: plan.id, canImport: mayImportPlan(member, plan.organisationId), versions: rows.map(presentVersion) };
}

export async function getPlanVersion(ctx: ServiceContext, input: { versionId: string }): Promise<PlanVersionDetail> {
  const { summary, text, member } = await versionWithMember(ctx, input.versionId);
  const links = await dbOf(ctx)
    .select({
      sectionId: planSectionLinks.sectionId,
      targetType: planSectionLinks.targetType,
      targetId: planSectionLinks.targetId,
      targetTitle: points.title,
    })
    .from(planSectionLinks)
    .innerJoin(points, and(eq(planSectionLinks.targetType, "point"), eq(points.id, planSectionLinks.targetId)))
    .where(eq(planSectionLinks.versionId, summary.id));
  const spiegel = await dbOf(ctx)
    .select({ sectionId: planSectionLinks.sectionId, targetId: planSectionLinks.targetId })
    .from(planSectionLinks)
    .where(and(eq(planSectionLinks.versionId, summary.id), eq(planSectionLinks.targetType, "spiegelparagraaf")));
  return {
    ...summary,
    text,
    links: [
      ...links,
      ...spiegel.map((l) => ({ ...l, targetType: "spiegelparagraaf" as const, targetTitle: "de spiegelparagraaf" })),
    ],
    canUseAsBasis: can(member.role, "point.manage"),
    canUseInSpiegelparagraaf: can(member.role, "text.edit"),
  };
}

/**
 * The text of a stored plan version, for other modules (the screening hooks in here). Checks
 * that the caller may read the tafel's content, like every read.
 */
export async function getPlanVersionText(ctx: ServiceContext, input: { versionId: string }): Promise<PlanText> {
  return (await versionWithMember(ctx, input.versionId)).text;
}

/** What changed since the plan's previous version, per section; `previous` is null for the first. */
export async function getPlanVersionChanges(
  ctx: ServiceContext,
  input: { versionId: string },
): Promise<PlanVersionChanges> {
  const { version, text } = await versionWithMember(ctx, input.versionId);
  const previous = await previousVersionRow(ctx, version.planId, version.seq);
  if (!previous) return { previous: null, changes: [] };
  const { planText, ...summary } = previous;
  return { previous: presentVersion(summary), changes: comparePlanTexts(JSON.parse(planText) as PlanText, text) };
}

/** The original file, byte for byte. */
export async function getPlanFile(
  ctx: ServiceContext,
  input: { versionId: string },
): Promise<{ bytes: Uint8Array; fileName: string; fileKind: "docx" | "pdf"; sha256: string }> {
  const { version } = await versionWithMember(ctx, input.versionId);
  const [file] = await dbOf(ctx)
    .select({ bytes: planFiles.bytes })
    .from(planFiles)
    .where(inArray(planFiles.versionId, [version.id]))
    .limit(1);
  if (!file) throw notFound("Het bestand van deze versie");
  return {
    bytes: new Uint8Array(file.bytes),
    fileName: version.fileName,
    fileKind: version.fileKind,
    sha256: version.sha256,
  };
}
