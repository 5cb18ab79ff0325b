import { eq, sql } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import type { PointDetail, PointEventView, SignoffView } from "../../../shared/schemas/points.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { describePoint } from "./getPointDetail.ts";
import { pointEvents } from "./listPointHistory.ts";

export interface PointDossier {
  /** The point as it stands (no viewer-specific abilities). */
  point: PointDetail;
  /** Every text an event referred to, oldest first, with its ProseMirror JSON: print the exact text behind each hash. */
  textVersions: Array<{ textHash: string; createdAt: string; json: unknown }>;
  /** All events of the point, chronological (seq order). */
  events: PointEventView[];
  /** Stance events only: each party's positions and reasonings in order. */
  stanceHistory: PointEventView[];
  /** Status events, manual and automatic (data.meetingId cites the meeting that decided). */
  statusEvents: PointEventView[];
  /** Logged text changes (what voided which stances and signatures). */
  textChanges: PointEventView[];
  /** Every signature, with `verouderd` when the text changed after it. */
  signoffs: SignoffView[];
}

/**
 * What the dispute dossier needs about one point (domain brief §6: disputed points with their
 * exact texts, positions with reasoning in version order, the status timeline). A building block
 * of the dossier, not an endpoint: access is the dossier verb's (it checks `dossier.build`).
 */
export async function listPointEventsForDossier(
  ctx: ServiceContext,
  input: { pointId: string },
): Promise<PointDossier> {
  const { pointId } = input;
  const point = await describePoint(ctx, pointId, null);
  const events = await pointEvents(dbOf(ctx), point);
  const versions = await dbOf(ctx)
    .select()
    .from(pointTextVersions)
    .where(eq(pointTextVersions.pointId, pointId))
    .orderBy(sql`rowid`);
  return {
    point,
    textVersions: versions.map((v) => ({
      textHash: v.textHash,
      createdAt: v.createdAt,
      json: JSON.parse(v.json) as unknown,
    })),
    events,
    stanceHistory: events.filter((e) => e.type === "point.stance_recorded"),
    statusEvents: events.filter((e) => e.type === "point.status_changed"),
    textChanges: events.filter((e) => e.type === "point.text_changed"),
    signoffs: point.signoffs,
  };
}
