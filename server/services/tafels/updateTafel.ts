import { eq } from "drizzle-orm";
import { workspaces } from "../../../db/schema/index.ts";
import type { UpdateTafelInput } from "../../../shared/schemas/tafel.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { assertValidParent, requireTafelRow, tafelManager } from "./tafelRecords.ts";

/** Changes the tafel's name, level and the regional tafel it elaborates (tafel.manage). */
export async function updateTafel(
  ctx: ServiceContext,
  input: UpdateTafelInput & { workspaceId: string },
): Promise<void> {
  const { workspaceId } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const ws = await requireTafelRow(tx, workspaceId);
    const next = {
      name: input.name ?? ws.name,
      level: input.level ?? ws.level,
      // A regional tafel elaborates nothing: changing to regionaal drops the parent unless one is given.
      parentWorkspaceId:
        input.parentWorkspaceId !== undefined
          ? input.parentWorkspaceId
          : input.level === "regionaal"
            ? null
            : ws.parentWorkspaceId,
    };
    await assertValidParent(tx, next.level, next.parentWorkspaceId, workspaceId);
    if (next.level === "lokaal" && ws.level === "regionaal") {
      const [child] = await tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(eq(workspaces.parentWorkspaceId, workspaceId))
        .limit(1);
      if (child)
        throw new ApiError(
          "CONFLICT",
          "Een lokale tafel werkt deze tafel uit; daarom blijft deze tafel regionaal.",
          "level",
        );
    }
    const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => ws[k as keyof typeof next] !== v));
    if (Object.keys(changed).length === 0) return;
    await tx.update(workspaces).set(next).where(eq(workspaces.id, workspaceId));
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.updated",
      entityType: "workspace",
      entityId: workspaceId,
      actor: member,
      at: nowIso(t),
      data: { from: Object.fromEntries(Object.keys(changed).map((k) => [k, ws[k as keyof typeof next]])), to: changed },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "workspace",
        entityId: workspaceId,
        type: "workspace.updated",
      }),
    );
  });
}
