import { documentNames } from "../../../shared/collab/protocol.ts";
import { MILESTONES } from "../../../shared/domain/documentVersions.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { keepVersion } from "./versionRecords.ts";

/**
 * Keeps a version of a point text or minutes at every milestone (shared/domain/documentVersions.ts
 * MILESTONES) right after the change committed, one after the other. A version is a reading aid;
 * the proof of what was agreed stays the hash-bound text versions and the log, so a version missed
 * in a crash between commit and keep costs history, not evidence.
 */
export function watchMilestones(ctx: ServiceContext): { stop(): void; idle(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  const off = ctx.deps.events.on("workspace.changed", (e) => {
    const milestone = MILESTONES[e.type];
    if (!milestone) return;
    const docName =
      milestone.document === "point"
        ? documentNames.point(e.workspaceId, e.entityId)
        : documentNames.minutes(e.workspaceId, e.entityId);
    queue = queue
      .then(() => keepVersion(ctx, { workspaceId: e.workspaceId, docName, reason: milestone.reason }))
      .then(
        () => undefined,
        (err: unknown) => console.error(`[versies] versie van ${docName} bewaren mislukt`, err),
      );
  });
  return { stop: off, idle: () => queue };
}
