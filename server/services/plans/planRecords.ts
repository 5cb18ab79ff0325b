/** Reads shared by the plan verbs: a plan with the caller's membership, a version, its summary. */
import { and, desc, eq } from "drizzle-orm";
import { planVersions, users, workspacePlans } from "../../../db/schema/index.ts";
import { fileKenmerk } from "../../../shared/domain/planImport.ts";
import type { PlanText } from "../../../shared/domain/planText.ts";
import type { PlanVersionSummary } from "../../../shared/schemas/plans.ts";
import type { MembershipContext } from "../../context.ts";
import { notFound } from "../../http/errors.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

export type PlanRow = typeof workspacePlans.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;

/** The plan and the caller's membership at its tafel (content.read): 404 for an unknown plan. */
export async function planWithMember(
  ctx: ServiceContext,
  planId: string,
): Promise<{ plan: PlanRow; member: MembershipContext }> {
  const [plan] = await dbOf(ctx).select().from(workspacePlans).where(eq(workspacePlans.id, planId)).limit(1);
  if (!plan) throw notFound("Dit plan");
  return { plan, member: await membershipOf(ctx, plan.workspaceId) };
}

/** Summary columns only: never the text or the bytes. */
const summaryColumns = {
  id: planVersions.id,
  planId: planVersions.planId,
  workspaceId: planVersions.workspaceId,
  seq: planVersions.seq,
  label: planVersions.label,
  fileName: planVersions.fileName,
  fileKind: planVersions.fileKind,
  byteSize: planVersions.byteSize,
  sha256: planVersions.sha256,
  sectionCount: planVersions.sectionCount,
  createdAt: planVersions.createdAt,
  uploadedByName: users.name,
};

type SummaryRow = Omit<PlanVersionSummary, "kenmerk"> & { workspaceId: string };

export function presentVersion(row: SummaryRow): PlanVersionSummary {
  const { workspaceId: _ws, ...rest } = row;
  return { ...rest, kenmerk: fileKenmerk(row.sha256) };
}

export async function listVersionRows(ctx: ServiceContext, planId: string): Promise<SummaryRow[]> {
  return dbOf(ctx)
    .select(summaryColumns)
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.uploadedBy))
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.seq));
}

/** A version (with its text) and the caller's membership at its tafel; 404 for an unknown one. */
export async function versionWithMember(
  ctx: ServiceContext,
  versionId: string,
): Promise<{ version: PlanVersionRow; summary: PlanVersionSummary; text: PlanText; member: MembershipContext }> {
  const [row] = await dbOf(ctx)
    .select({ ...summaryColumns, planText: planVersions.planText, uploadedBy: planVersions.uploadedBy })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.uploadedBy))
    .where(eq(planVersions.id, versionId))
    .limit(1);
  if (!row) throw notFound("Deze versie van het plan");
  const member = await membershipOf(ctx, row.workspaceId);
  const { planText, uploadedBy, uploadedByName, ...version } = row;
  return {
    version: { ...version, planText, uploadedBy },
    summary: presentVersion({ ...version, uploadedByName }),
    text: JSON.parse(planText) as PlanText,
    member,
  };
}

/** The version before `seq` of the same plan, if any. */
export async function previousVersionRow(ctx: ServiceContext, planId: string, seq: number) {
  const [row] = await dbOf(ctx)
    .select({ ...summaryColumns, planText: planVersions.planText })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.uploadedBy))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.seq, seq - 1)))
    .limit(1);
  return row ?? null;
}
