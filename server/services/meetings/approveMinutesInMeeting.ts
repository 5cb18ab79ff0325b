import { agendaItems } from "../../../db/schema/index.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import type { TxContext } from "../serviceContext.ts";
import { finalizeMinutes } from "./finalizeMinutes.ts";
import { findMeeting, type MeetingRow } from "./meetingRecord.ts";

/**
 * The second road to approved minutes: a later meeting approves them as an agenda item of kind
 * `notulen` (decision "notulen vastgesteld", recorded by its secretaris), inside that decision's
 * transaction. Only minutes put to the parties (text fixed, hash recorded) can be approved so.
 */
export async function approveMinutesInMeeting(
  t: TxContext,
  item: typeof agendaItems.$inferSelect,
  inMeeting: MeetingRow,
  actor: MembershipContext,
): Promise<void> {
  const earlier = item.minutesOfMeetingId ? await findMeeting(t.tx, item.minutesOfMeetingId) : null;
  if (!earlier) throw new ApiError("CONFLICT", "Bij dit agendapunt hoort geen vergadering met notulen.");
  if (earlier.minutesStatus !== "ter_vaststelling")
    throw new ApiError("CONFLICT", "De notulen van die vergadering liggen niet (meer) ter vaststelling.");
  await finalizeMinutes(
    t,
    earlier,
    { userId: actor.userId, userName: actor.userName, via: "vergadering", inMeetingId: inMeeting.id },
    actor,
  );
}
