/**
 * What of an agenda the genodigden were sent: the items in order, with the exact point text each
 * put before the meeting. Decisions taken during the meeting are not part of it — they are the
 * meeting's outcome, not a change to the convocatie.
 */
import { asc, eq } from "drizzle-orm";
import { agendaItems } from "../../../db/schema/index.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";

export async function agendaSignature(db: DbOrTx, meetingId: string): Promise<string> {
  const rows = await db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      kind: agendaItems.kind,
      pointId: agendaItems.pointId,
      textHash: agendaItems.textHash,
      minutesOf: agendaItems.minutesOfMeetingId,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  return JSON.stringify(rows.map((r) => [r.id, r.title, r.kind, r.pointId, r.textHash, r.minutesOf]));
}
