/**
 * The demo tafel's ondersteuningsplan (issue 14), through the verbs like everything else: the
 * SWV's trekker imports concept 0.4 as a DOCX made here from DEMO_PLAN (the demo reads no file
 * outside the repo), the import screens it, the trekkers give their own scores, and the werkgroep
 * turns what the plan leaves open into bespreekpunten that point back to it ("Bron").
 */
import { and, eq } from "drizzle-orm";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from "docx";
import { workspacePlans } from "../../db/schema/index.ts";
import { createBespreekpunt } from "../services/bespreekpunten/createBespreekpunt.ts";
import { getPlanVersionText } from "../services/plans/readPlanVersions.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import { makeBespreekpuntFromScreening } from "../services/screening/bespreekpuntFromScreening.ts";
import { setScreeningOpinion } from "../services/screening/screeningOpinions.ts";
import type { StoryStep } from "./demoStory.ts";
import { DEMO_PLAN } from "./demoTexts.ts";
import type { DemoScene } from "./seedDemo.ts";

type Step<K extends StoryStep["do"]> = Extract<StoryStep, { do: K }>;

/** The plan as Word writes it: numbered chapter and section headings, plain paragraphs. */
export function demoPlanDocx(): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: DEMO_PLAN.title, alignment: AlignmentType.CENTER }),
    new Paragraph({ text: DEMO_PLAN.subtitle, alignment: AlignmentType.CENTER }),
  ];
  for (const [i, chapter] of DEMO_PLAN.chapters.entries()) {
    children.push(new Paragraph({ text: `${i + 1} ${chapter.title}`, heading: HeadingLevel.HEADING_1 }));
    for (const text of chapter.paragraphs) children.push(new Paragraph({ text }));
    for (const [j, section] of (chapter.sections ?? []).entries()) {
      children.push(new Paragraph({ text: `${i + 1}.${j + 1} ${section.title}`, heading: HeadingLevel.HEADING_2 }));
      for (const text of section.paragraphs) children.push(new Paragraph({ text }));
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function importDemoPlan(scene: DemoScene, step: Step<"importPlan">): Promise<void> {
  const [plan] = await scene.deps.database.db
    .select({ id: workspacePlans.id })
    .from(workspacePlans)
    .where(and(eq(workspacePlans.workspaceId, scene.workspaceId), eq(workspacePlans.kind, "ondersteuningsplan")))
    .limit(1);
  if (!plan) throw new Error("De demotafel heeft geen ondersteuningsplan.");
  const version = await importPlanVersion(scene.as(step.by), {
    planId: plan.id,
    fileName: DEMO_PLAN.fileName,
    label: DEMO_PLAN.label,
    bytes: await demoPlanDocx(),
  });
  scene.planVersionId = version.id;
}

function versionOf(scene: DemoScene): string {
  if (!scene.planVersionId) throw new Error("Het demoverhaal gebruikt het plan voordat het is ingelezen.");
  return scene.planVersionId;
}

export async function setDemoScreeningOpinion(scene: DemoScene, step: Step<"screeningOpinion">): Promise<void> {
  await setScreeningOpinion(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    planVersionId: versionOf(scene),
    themeKey: step.theme,
    score: step.score,
    reason: step.reason,
    quote: step.quote ?? null,
  });
}

export async function demoBespreekpuntFromScreening(
  scene: DemoScene,
  step: Step<"bespreekpuntFromScreening">,
): Promise<void> {
  await makeBespreekpuntFromScreening(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    planVersionId: versionOf(scene),
    themeKey: step.theme,
  });
}

/** A tafel's own bespreekpunt about one chapter of the plan, found by its title in the imported text. */
export async function createDemoPlanBespreekpunt(scene: DemoScene, step: Step<"planBespreekpunt">): Promise<void> {
  const ctx = scene.as(step.by);
  const versionId = versionOf(scene);
  const text = await getPlanVersionText(ctx, { versionId });
  const section = text.sections.find((s) => s.title === step.chapter);
  if (!section) throw new Error(`Het demoplan heeft geen hoofdstuk "${step.chapter}".`);
  await createBespreekpunt(ctx, {
    workspaceId: scene.workspaceId,
    title: step.title,
    question: step.question,
    askedBy: step.askedBy,
    theme: step.theme,
    leadPartyId: scene.parties[step.lead].id,
    plan: { versionId, sectionId: section.id },
  });
}
