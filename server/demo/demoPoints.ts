/**
 * The demo's point steps, each through the real points verb as the demo member who takes it, at
 * the time the demo clock shows: a dozen points across the six themes end the year in the
 * states a real OOGO shows (stances with reasonings, automatic steps, an edit that voids
 * signatures, a dispute). The texts are in demoTexts.ts, the order and the reasons in
 * demoStory.ts.
 */
import { documentNames } from "../../shared/collab/protocol.ts";
import { setContent } from "../documents/prosemirror.ts";
import { saveVersion } from "../services/versions/versionVerbs.ts";
import { demoMeetingId } from "./demoMeetings.ts";
import { spiegelparagraafWithPoints } from "./drafts.ts";
import type { StoryStep } from "./demoStory.ts";
import { DEMO_POINTS, DEMO_POINT_TITLES, type PointKey } from "./demoTexts.ts";
import type { DemoScene } from "./seedDemo.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { appendParagraph } from "../services/points/paragraphEdit.ts";
import { pointDocumentName, readDurableText } from "../services/points/pointText.ts";
import { recordStance } from "../services/points/recordStance.ts";
import { refreshPointText } from "../services/points/refreshPointText.ts";
import { signOffPoint } from "../services/points/signOffPoint.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";

export { DEMO_POINT_TITLES };

type Step<K extends StoryStep["do"]> = Extract<StoryStep, { do: K }>;

export function demoPointId(scene: DemoScene, key: PointKey): string {
  const id = scene.pointIds.get(key);
  if (!id) throw new Error(`Demo-punt "${DEMO_POINT_TITLES[key]}" is nog niet aangemaakt.`);
  return id;
}

export async function createDemoPoint(scene: DemoScene, step: Step<"createPoint">): Promise<void> {
  const { theme, text, scope, termMonths } = DEMO_POINTS[step.point];
  const { point } = await createPoint(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    theme,
    title: DEMO_POINT_TITLES[step.point],
    scope: scope ? scope.map((k) => scene.parties[k].id) : null,
    termMonths: termMonths ?? null,
    json: text,
  });
  scene.pointIds.set(step.point, point.id);
}

export async function moveDemoPoint(scene: DemoScene, step: Step<"move">): Promise<void> {
  await transitionPoint(scene.as(step.by), {
    pointId: demoPointId(scene, step.point),
    to: step.to,
    reason: step.reason,
    ...(step.meeting ? { meetingId: demoMeetingId(scene, step.meeting) } : {}),
  });
}

export async function recordDemoStance(scene: DemoScene, step: Step<"stance">): Promise<void> {
  await recordStance(scene.as(step.by), {
    pointId: demoPointId(scene, step.point),
    stance: step.stance,
    reasoning: step.reasoning ?? "",
  });
}

/** A bestuurder signs the text they read: the durable text at this moment. */
export async function signDemoPoint(scene: DemoScene, step: Step<"sign">): Promise<void> {
  const id = demoPointId(scene, step.point);
  const text = await readDurableText(scene.system, { id, workspaceId: scene.workspaceId });
  await signOffPoint(scene.as(step.by), { pointId: id, textHash: text.hash });
}

/** A paragraph added in the shared editor (stored as the sync server stores it), then the text watcher's recompute. */
export async function editDemoPoint(scene: DemoScene, step: Step<"edit">): Promise<void> {
  const id = demoPointId(scene, step.point);
  const name = pointDocumentName({ id, workspaceId: scene.workspaceId });
  await scene.deps.documents.write(name, appendParagraph(step.paragraph));
  await refreshPointText(scene.system, { pointId: id });
}

/**
 * Issue 12: the werkgroep keeps its first draft of the spiegelparagraaf as a named version
 * (the "versie met wijzigingen" export then has something to compare with) and rewrites the
 * paragraph around its points, written through the sync server like any edit.
 */
export async function embedDemoPoints(scene: DemoScene, step: Step<"embedPoints">): Promise<void> {
  const name = documentNames.spiegelparagraaf(scene.workspaceId);
  if (step.versionName)
    await saveVersion(scene.as(step.by), { workspaceId: scene.workspaceId, document: name, name: step.versionName });
  const json = spiegelparagraafWithPoints((key) => scene.pointIds.get(key));
  await scene.deps.documents.write(name, setContent(json));
}
