/**
 * The screening appendix of the oplegger (issue 14): for the newest imported version of each plan
 * of the tafel, per theme the screening's proposal, the passages it cites, and each party's own
 * score with its reason. Only when the tafel has an imported plan version.
 */
import { asc, desc, eq } from "drizzle-orm";
import { planVersions, workspacePlans } from "../../../db/schema/index.ts";
import { formatDate } from "../../../shared/domain/dates.ts";
import { fileKenmerk } from "../../../shared/domain/planImport.ts";
import { SCREENING_SCALE } from "../../../shared/domain/screening/scale.ts";
import { sectionLabel } from "../../../shared/domain/screening/wording.ts";
import type { PlanScreeningView } from "../../../shared/schemas/screening.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { getPlanScreening } from "../screening/planScreening.ts";
import { fields, heading, para, run, styled, table, type Block } from "./docModel.ts";

export interface ScreenedPlan {
  planTitle: string;
  versionLabel: string;
  seq: number;
  fileName: string;
  kenmerk: string;
  uploadedAt: string;
  screening: PlanScreeningView;
}

/** The newest version of every plan of the tafel that has one, with its screening (content.read). */
export async function loadScreenedPlans(ctx: ServiceContext, workspaceId: string): Promise<ScreenedPlan[]> {
  const plans = await dbOf(ctx)
    .select({ id: workspacePlans.id, title: workspacePlans.title })
    .from(workspacePlans)
    .where(eq(workspacePlans.workspaceId, workspaceId))
    .orderBy(asc(workspacePlans.position));
  const out: ScreenedPlan[] = [];
  for (const plan of plans) {
    const [v] = await dbOf(ctx)
      .select({
        id: planVersions.id,
        label: planVersions.label,
        seq: planVersions.seq,
        fileName: planVersions.fileName,
        sha256: planVersions.sha256,
        createdAt: planVersions.createdAt,
      })
      .from(planVersions)
      .where(eq(planVersions.planId, plan.id))
      .orderBy(desc(planVersions.seq))
      .limit(1);
    if (!v) continue;
    out.push({
      planTitle: plan.title,
      versionLabel: v.label,
      seq: v.seq,
      fileName: v.fileName,
      kenmerk: fileKenmerk(v.sha256),
      uploadedAt: v.createdAt,
      screening: await getPlanScreening(ctx, { workspaceId, planVersionId: v.id }),
    });
  }
  return out;
}

/** The appendix as model blocks; `number` is its chapter number in the oplegger. */
export function screeningAppendix(plans: readonly ScreenedPlan[], number: number): Block[] {
  if (plans.length === 0) return [];
  const blocks: Block[] = [
    heading(1, `${number}. Bijlage: screening van het plan`, "screening"),
    para(
      "OOGO Werkruimte leest de tekst van het aangeleverde plan en stelt per thema een score voor, met de passages waarop dat voorstel rust. Het is een voorstel; de ambtelijk trekker van elke partij kan een eigen score geven met een reden. Hieronder staan voorstel en oordelen naast elkaar.",
    ),
    fields(SCREENING_SCALE.map((s) => [`${s.score} – ${s.label}`, s.explanation])),
  ];
  plans.forEach((plan, pi) => {
    const prefix = plans.length > 1 ? `${number}.${pi + 1}` : `${number}`;
    if (plans.length > 1) blocks.push(heading(2, `${prefix} ${plan.planTitle}`));
    blocks.push(
      fields([
        ["Plan", plan.planTitle],
        ["Versie", `${plan.seq}: ${plan.versionLabel}`],
        ["Bestand", `${plan.fileName} (kenmerk ${plan.kenmerk})`],
        ["Aangeleverd", formatDate(plan.uploadedAt)],
      ]),
    );
    plan.screening.themes.forEach((t, ti) => {
      blocks.push(
        heading(plans.length > 1 ? 3 : 2, `${prefix}.${ti + 1} ${t.label}`),
        para(run(`Voorstel: ${t.score} – ${t.scoreLabel}. `, { bold: true }), t.reason),
      );
      if (t.evidence.length)
        blocks.push({
          kind: "list",
          ordered: false,
          items: t.evidence.map((e) => [
            para(run(`${sectionLabel(e) || "Tekst vóór het eerste hoofdstuk"}: `, { bold: true }), `“${e.quote}”`),
          ]),
        });
      if (t.opinions.length === 0) blocks.push(styled("muted", "Nog geen partij gaf een eigen score."));
      else {
        blocks.push(
          table(
            ["Partij", "Score", "Reden", "Citaat"],
            t.opinions.map((o) => [
              o.partyName,
              `${o.score} – ${SCREENING_SCALE[o.score]?.label ?? ""}`,
              o.reason,
              o.quote ? `“${o.quote}”` : "—",
            ]),
          ),
        );
        if (t.disagreement)
          blocks.push(para(run("De partijen verschillen van oordeel over dit thema.", { bold: true })));
      }
    });
  });
  return blocks;
}
