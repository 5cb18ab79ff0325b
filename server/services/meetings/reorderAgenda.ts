import { eq } from "drizzle-orm";
import { agendaItems } from "../../../db/schema/index.ts";
import { agendaFrozenReason } from "../../../shared/domain/meetings.ts";
import type { MeetingView, ReorderAgendaInput } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/** Puts the agenda in a new order; the list must name every item exactly once. */
export async function reorderAgenda(
  ctx: ServiceContext,
  input: ReorderAgendaInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris stelt de agenda op.");
  const frozen = agendaFrozenReason(meeting);
  if (frozen) throw new ApiError("CONFLICT", frozen);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    // Compared inside the transaction, so an item added meanwhile makes the list incomplete (400).
    const current = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id));
    const ids = new Set(current.map((c) => c.id));
    if (
      input.itemIds.length !== ids.size ||
      new Set(input.itemIds).size !== input.itemIds.length ||
      input.itemIds.some((id) => !ids.has(id))
    ) {
      throw new ApiError("VALIDATION_FAILED", "Noem elk agendapunt van deze vergadering precies één keer.", "itemIds");
    }
    const before = [...current].sort((a, b) => a.position - b.position).map((c) => c.id);
    await bumpMeetingVersion(tx, meeting.id, undefined, now);
    for (const [position, id] of input.itemIds.entries())
      await tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, id));
    await appendEvent(tx, {
      workspaceId: meeting.workspaceId,
      type: "meeting.agenda_reordered",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      data: { from: before, to: input.itemIds },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: meeting.workspaceId,
        entity: "meeting",
        entityId: meeting.id,
        type: "meeting.agenda_reordered",
      }),
    );
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}
