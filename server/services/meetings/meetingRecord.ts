/**
 * Helpers every meeting verb shares: load a meeting with the actor's membership at its tafel,
 * check the tafel's parties and points, and bump the meeting's version inside the verb's
 * transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { meetingParties, meetings } from "../../../db/schema/index.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { loadPoint, tafelParties, type PointRow } from "../points/pointState.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: DbOrTx, meetingId: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  return row ?? null;
}

/** The meeting and the actor's membership at its tafel: 404 for an unknown meeting, 403 for a non-member. */
export async function meetingAndMember(
  ctx: ServiceContext,
  meetingId: string,
): Promise<{ meeting: MeetingRow; member: MembershipContext }> {
  const meeting = await findMeeting(dbOf(ctx), meetingId);
  if (!meeting) throw notFound("Deze vergadering");
  return { meeting, member: await membershipOf(ctx, meeting.workspaceId) };
}

/** A point of this tafel, or 400 naming the field (a point of another tafel is treated as unknown). */
export async function requireTafelPoint(
  db: DbOrTx,
  workspaceId: string,
  pointId: string,
  field: string,
): Promise<PointRow> {
  const point = await loadPoint(db, pointId);
  if (point?.workspaceId !== workspaceId) {
    throw new ApiError("VALIDATION_FAILED", "Dit overeenstemmingspunt bestaat niet aan deze OOGO-tafel.", field);
  }
  return point;
}

// The parties of a tafel, in their fixed order: one query, shared with the points services.
export { tafelParties };

/** Refuses (400) party ids that are not parties of this tafel; returns them in tafel order. */
export async function assertTafelParties(
  db: DbOrTx,
  workspaceId: string,
  partyIds: readonly string[],
  field: string,
): Promise<string[]> {
  if (new Set(partyIds).size !== partyIds.length)
    throw new ApiError("VALIDATION_FAILED", "Elke partij mag maar één keer voorkomen.", field);
  const parties = await tafelParties(db, workspaceId);
  const known = new Set(parties.map((p) => p.id));
  const unknown = partyIds.find((id) => !known.has(id));
  if (unknown) throw new ApiError("VALIDATION_FAILED", "Deze partij zit niet aan deze OOGO-tafel.", field);
  return parties.map((p) => p.id).filter((id) => partyIds.includes(id));
}

/**
 * Increments the meeting's version inside the caller's transaction. With `expectedVersion`
 * the update only matches that version, so of two concurrent editors the second gets 409.
 */
export async function bumpMeetingVersion(
  tx: DbOrTx,
  meetingId: string,
  expectedVersion: number | undefined,
  at: string,
): Promise<number> {
  const where =
    expectedVersion === undefined
      ? eq(meetings.id, meetingId)
      : and(eq(meetings.id, meetingId), eq(meetings.version, expectedVersion));
  const rows = await tx
    .update(meetings)
    .set({ version: sql`${meetings.version} + 1`, updatedAt: at })
    .where(where)
    .returning({ version: meetings.version });
  if (rows.length === 0) {
    throw new ApiError(
      "VERSION_CONFLICT",
      "Deze vergadering is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.",
    );
  }
  return rows[0]!.version;
}

/** Invited party ids per meeting. */
export async function invitedPartyIds(db: DbOrTx, meetingIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (meetingIds.length === 0) return out;
  const rows = await db.select().from(meetingParties).where(inArray(meetingParties.meetingId, meetingIds));
  for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r.organisationId]);
  return out;
}
