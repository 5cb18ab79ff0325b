import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { loadMeetingFor } from "./meetingRecord.ts";
import { presentMeeting } from "./presentMeeting.ts";

/** One meeting with attendance, agenda, decisions and the state of its minutes. */
export async function getMeeting(deps: AppDeps, caller: Caller, meetingId: string): Promise<MeetingView> {
  const { meeting } = await loadMeetingFor(deps.database.db, caller, meetingId);
  return presentMeeting(deps, meeting);
}
