import { and, desc, eq } from "drizzle-orm";
import { agendaItems, bespreekpunten, bespreekpuntAgendaItems } from "../../../db/schema/index.ts";
import type { AgendeerInput, BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";
import { ApiError } from "../../http/errors.ts";
import { addAgendaItem } from "../meetings/addAgendaItem.ts";
import { findMeeting } from "../meetings/meetingRecord.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import {
  assertVersion,
  bespreekpuntAndMember,
  findBespreekpunt,
  presentList,
  recordChange,
} from "./bespreekpuntRecord.ts";

/**
 * "Agendeer": puts the bespreekpunt on a meeting's agenda through the meeting verb (which checks
 * meeting.manage and that the agenda is still open), links the item, and moves a "niet besproken"
 * bespreekpunt to "in voorbereiding" — one transaction.
 */
export async function agendeerBespreekpunt(
  ctx: ServiceContext,
  input: AgendeerInput & { id: string },
): Promise<BespreekpuntView> {
  const { row, member } = await bespreekpuntAndMember(ctx, input.id);
  const meeting = await findMeeting(ctx.deps.database.db, input.meetingId);
  if (meeting?.workspaceId !== row.workspaceId)
    throw new ApiError("VALIDATION_FAILED", "Deze vergadering bestaat niet aan deze OOGO-tafel.", "meetingId");
  await withTransaction(ctx, async (t) => {
    const current = (await findBespreekpunt(t.tx, row.id))!;
    assertVersion(current, input.expectedVersion);
    const now = nowIso(t);
    await addAgendaItem(t, { meetingId: meeting.id, title: `Bespreekpunt: ${current.title}`.slice(0, 200) });
    // The verb appends at the end: the newest item of this meeting is the one just added.
    const [item] = await t.tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id)))
      .orderBy(desc(agendaItems.position))
      .limit(1);
    await t.tx.insert(bespreekpuntAgendaItems).values({ bespreekpuntId: row.id, agendaItemId: item!.id });
    const status = current.status === "niet_besproken" ? "in_voorbereiding" : current.status;
    await t.tx
      .update(bespreekpunten)
      .set({ status, version: current.version + 1, updatedAt: now })
      .where(eq(bespreekpunten.id, row.id));
    await recordChange(t, row, member, "bespreekpunt.agendeerd", now, {
      fromStatus: current.status === status ? null : current.status,
      toStatus: current.status === status ? null : status,
      data: { meetingId: meeting.id, agendaItemId: item!.id },
    });
  });
  return (await presentList(ctx, row.workspaceId)).items.find((i) => i.id === row.id)!;
}
