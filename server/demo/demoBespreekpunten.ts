/**
 * The demo tafel works its bespreekpunten (issue 14) through the verbs, like everything else:
 * after the first werkgroep rounds a few leeswijzer questions are linked to the points they led
 * to, one goes to the ontwikkelagenda and one needed no agreement. The rest stays open, so the
 * coverage bar and the formal OOGO's "nog niet besproken" list have something to show.
 */
import { eq } from "drizzle-orm";
import { bespreekpunten } from "../../db/schema/index.ts";
import { updateBespreekpunt } from "../services/bespreekpunten/updateBespreekpunt.ts";
import type { StoryStep } from "./demoStory.ts";
import type { DemoScene } from "./seedDemo.ts";

type Step = Extract<StoryStep, { do: "bespreekpunt" }>;

export async function workDemoBespreekpunt(scene: DemoScene, step: Step): Promise<void> {
  const rows = await scene.deps.database.db
    .select()
    .from(bespreekpunten)
    .where(eq(bespreekpunten.workspaceId, scene.workspaceId));
  const row = rows.find((r) => r.standardKey === step.key);
  if (!row) throw new Error(`demo: bespreekpunt ${step.key} ontbreekt`);
  await updateBespreekpunt(scene.as(step.by), {
    id: row.id,
    expectedVersion: row.version,
    status: step.status,
    ...(step.points ? { pointIds: step.points.map((p) => scene.pointIds.get(p)!) } : {}),
    ...(step.lead ? { leadPartyId: scene.parties[step.lead].id } : {}),
  });
}
