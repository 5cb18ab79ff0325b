import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { meetingAndMember } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/** One meeting with attendance, agenda, decisions and the state of its minutes; every member of its tafel may read it. */
export async function getMeeting(ctx: ServiceContext, input: { meetingId: string }): Promise<MeetingView> {
  const { meeting } = await meetingAndMember(ctx, input.meetingId);
  return presentMeeting(ctx, meeting);
}
