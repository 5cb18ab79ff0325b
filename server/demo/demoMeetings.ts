/**
 * The demo's meeting and procedure steps, each through the real meeting or procedure verb as the
 * secretaris, at the time the demo clock shows: meetings planned weeks ahead, agendas that fix
 * the texts of a formal OOGO, attendance taken at the start, decisions during the meeting that
 * move points through the points workflow, minutes typed afterwards and approved (and once
 * amended) days later, and the checklist ticked off as the year goes. No rows or log events are
 * written here by hand. The texts are in demoTexts.ts, the order and the notes in demoStory.ts.
 */
import { documentNames } from "../../shared/collab/protocol.ts";
import { addDays } from "../../shared/domain/dates.ts";
import { setContent } from "../documents/prosemirror.ts";
import { addAgendaItem } from "../services/meetings/addAgendaItem.ts";
import { amendMinutes } from "../services/meetings/amendMinutes.ts";
import { agreeMinutes, requestMinutesReview } from "../services/meetings/minutesReview.ts";
import { createMeeting } from "../services/meetings/createMeeting.ts";
import { decideAgendaItem } from "../services/meetings/decideAgendaItem.ts";
import { getMeeting } from "../services/meetings/getMeeting.ts";
import { setAttendance } from "../services/meetings/setAttendance.ts";
import { addProcedureStep } from "../services/procedure/addProcedureStep.ts";
import { changeProcedureStep } from "../services/procedure/changeProcedureStep.ts";
import { appendParagraph } from "../services/points/paragraphEdit.ts";
import { dutchTime, isDutchPublicHoliday, localParts } from "./demoClock.ts";
import { demoPointId } from "./demoPoints.ts";
import type { DemoAgendaItem, StoryStep } from "./demoStory.ts";
import { DEMO_MEETINGS, DEMO_POINT_TITLES, DEMO_STEPS, type DemoMeetingText, type MeetingKey } from "./demoTexts.ts";
import type { DemoScene } from "./seedDemo.ts";

type Step<K extends StoryStep["do"]> = Extract<StoryStep, { do: K }>;

export function demoMeetingId(scene: DemoScene, key: MeetingKey): string {
  const id = scene.meetingIds.get(key);
  if (!id) throw new Error(`Demovergadering "${DEMO_MEETINGS[key].title}" is nog niet gepland.`);
  return id;
}

/**
 * When a demo meeting starts. The one still ahead is counted from the real date of seeding and
 * moved to the next working day, so the demo always shows an upcoming formal OOGO.
 */
export function demoMeetingStart(startsAt: DemoMeetingText["startsAt"], today: string): string {
  if (typeof startsAt === "string") return dutchTime(startsAt).toISOString();
  let date = addDays(today, startsAt.daysFromToday);
  const workingDay = (d: string) => {
    const { weekday } = localParts(dutchTime(`${d} 12:00`));
    return weekday !== 0 && weekday !== 6 && !isDutchPublicHoliday(d);
  };
  while (!workingDay(date)) date = addDays(date, 1);
  return dutchTime(`${date} ${startsAt.time}`).toISOString();
}

export async function planDemoMeeting(scene: DemoScene, step: Step<"planMeeting">): Promise<void> {
  const spec = DEMO_MEETINGS[step.meeting];
  const view = await createMeeting(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    type: spec.type,
    title: spec.title,
    place: spec.place,
    startsAt: demoMeetingStart(spec.startsAt, scene.today),
    ...(spec.invited ? { invitedPartyIds: spec.invited.map((k) => scene.parties[k].id) } : {}),
  });
  scene.meetingIds.set(step.meeting, view.id);
}

/** Items go on the agenda a minute apart; on a formal OOGO each point's text is fixed as it goes on. */
export async function addDemoAgenda(scene: DemoScene, step: Step<"agenda">): Promise<void> {
  const meetingId = demoMeetingId(scene, step.meeting);
  for (const [i, item] of step.items.entries()) {
    if (i > 0) scene.clock.advance({ minutes: 1 });
    await addAgendaItem(
      scene.as(step.by),
      typeof item === "string" ? { meetingId, pointId: demoPointId(scene, item) } : { meetingId, title: item.title },
    );
  }
}

export async function setDemoAttendance(scene: DemoScene, step: Step<"attendance">): Promise<void> {
  await setAttendance(scene.as(step.by), {
    meetingId: demoMeetingId(scene, step.meeting),
    attendees: DEMO_MEETINGS[step.meeting].attendance.map((a) => ({
      partyId: a.party ? scene.parties[a.party].id : null,
      name: a.name,
      capacity: a.capacity,
      attendance: a.attendance,
      mandate: a.mandate ?? false,
      substitute: a.substitute ?? null,
    })),
  });
}

export async function decideDemoItem(scene: DemoScene, step: Step<"decide">): Promise<void> {
  const ctx = scene.as(step.by);
  const meetingId = demoMeetingId(scene, step.meeting);
  const title = itemTitle(step.item);
  const item = (await getMeeting(ctx, { meetingId })).agenda.find((a) => a.title === title);
  if (!item) throw new Error(`"${title}" staat niet op de agenda van "${DEMO_MEETINGS[step.meeting].title}".`);
  await decideAgendaItem(ctx, { meetingId, itemId: item.id, decision: step.decision, note: step.note });
}

const itemTitle = (item: DemoAgendaItem) => (typeof item === "string" ? DEMO_POINT_TITLES[item] : item.title);

/** The secretaris types the minutes in the shared editor (stored as the sync server stores it). */
export async function writeDemoMinutes(scene: DemoScene, step: Step<"writeMinutes">): Promise<void> {
  const minutes = DEMO_MEETINGS[step.meeting].minutes;
  if (!minutes) throw new Error(`Geen notulen voor "${DEMO_MEETINGS[step.meeting].title}".`);
  await scene.deps.documents.write(
    documentNames.minutes(scene.workspaceId, demoMeetingId(scene, step.meeting)),
    setContent(minutes),
  );
}

/**
 * The secretaris puts the minutes to the parties; each party's trekker agrees minutes later
 * (issue 13: minutes are approved by the parties, never by the secretaris alone).
 */
export async function approveDemoMinutes(scene: DemoScene, step: Step<"approveMinutes">): Promise<void> {
  const meetingId = demoMeetingId(scene, step.meeting);
  const view = await requestMinutesReview(scene.as(step.by), { meetingId });
  for (const party of view.minutesReview!.parties) {
    const trekker = Object.entries(scene.members).find(([, m]) => m.role === "trekker" && m.partyId === party.id);
    if (!trekker) throw new Error(`Geen trekker voor ${party.name} om de notulen van "${view.title}" vast te stellen.`);
    scene.clock.advance({ minutes: 5 });
    await agreeMinutes(scene.as(trekker[0]), { meetingId, textHash: view.minutesReview!.textHash });
  }
}

/** Opens a logged amendment with its reason; the correction is typed a few minutes later. */
export async function amendDemoMinutes(scene: DemoScene, step: Step<"amendMinutes">): Promise<void> {
  const meetingId = demoMeetingId(scene, step.meeting);
  await amendMinutes(scene.as(step.by), { meetingId, reason: step.reason });
  scene.clock.advance({ minutes: 5 });
  const docName = documentNames.minutes(scene.workspaceId, meetingId);
  await scene.deps.documents.write(docName, appendParagraph(step.correction));
}

export async function addDemoStep(scene: DemoScene, step: Step<"addStep">): Promise<void> {
  const { title, due } = DEMO_STEPS[step.step];
  const dueDate = typeof due === "string" ? due : addDays(scene.today, due.daysFromToday);
  const view = await addProcedureStep(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    title,
    dueDate,
    ...(step.position !== undefined ? { position: step.position } : {}),
  });
  scene.stepIds.set(step.step, view.id);
}

/** Ticks a step off on the clock's date, with the meeting where it happened. */
export async function tickDemoStep(scene: DemoScene, step: Step<"stepDone">): Promise<void> {
  const stepId = scene.stepIds.get(step.step);
  if (!stepId) throw new Error(`Processtap "${DEMO_STEPS[step.step].title}" is nog niet toegevoegd.`);
  await changeProcedureStep(scene.as(step.by), {
    workspaceId: scene.workspaceId,
    stepId,
    doneOn: localParts(scene.clock.now()).date,
    ...(step.meeting ? { meetingId: demoMeetingId(scene, step.meeting) } : {}),
    ...(step.note ? { note: step.note } : {}),
  });
}
