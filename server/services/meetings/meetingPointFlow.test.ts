/**
 * Meetings and the points workflow together, through the real API and the real point verbs:
 * agenda placement fixes the text on a formal OOGO, decisions move points with a status event
 * that cites the meeting, and a refused move records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema/index.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { apiError, eventData, json } from "../../testing/json.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { verifyLog } from "../audit/verifyLog.ts";
import { pointAtAmbtelijkAkkoord, signByAll } from "./meetingFixtures.ts";
import { loadPoint } from "../points/pointState.ts";

let ctx: TestContext;
let ws: string;
let sec: string;
let meeting: MeetingView;

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const status = async (id: string) => (await loadPoint(ctx.deps.database.db, id))!.status;
const log = async () =>
  ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws)).orderBy(asc(auditEvents.seq));

async function addToAgenda(meetingId: string, pointId: string) {
  return ctx.request(`/api/meetings/${meetingId}/agenda`, { cookie: sec, body: { pointId } });
}
async function decide(itemId: string, body: Record<string, unknown>, cookie = sec) {
  return ctx.request(`/api/meetings/${meeting.id}/agenda/${itemId}/decision`, { cookie, body });
}
const itemOf = (view: MeetingView, pointId: string) => view.agenda.find((i) => i.point?.id === pointId)!;

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  sec = await ctx.login(DEMO.secretaris);
  const res = await ctx.request(`/api/workspaces/${ws}/meetings`, {
    cookie: sec,
    body: {
      type: "formeel_oogo",
      title: "Formeel OOGO ondersteuningsplan",
      startsAt: past(1),
      place: "Stadhuis Groningen",
    },
  });
  meeting = await json(res);
});
afterAll(() => ctx?.cleanup());

describe("formal OOGO agenda and decisions through the points workflow", () => {
  let agreed: string;
  let disputed: string;
  let referred: string;

  it("puts an ambtelijk-akkoord point on the agenda: geagendeerd, text fixed, event cites the meeting", async () => {
    agreed = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "jeugdhulp",
      title: "Vast aanspreekpunt jeugdhulp op elke vo-school",
      text: "Elke vo-school heeft een vast aanspreekpunt van het gebiedsteam.",
    });
    expect(await status(agreed)).toBe("ambtelijk_akkoord");
    const res = await addToAgenda(meeting.id, agreed);
    expect(res.status, await res.clone().text()).toBe(201);
    const view = await json<MeetingView>(res);
    const item = itemOf(view, agreed);
    expect(await status(agreed)).toBe("geagendeerd");
    expect(item.textHash).toBe(item.point!.textHash);
    const moved = (await log()).find(
      (e) => e.type === "point.status_changed" && e.entityId === agreed && e.toStatus === "geagendeerd",
    )!;
    expect(JSON.parse(moved.data)).toMatchObject({ meetingId: meeting.id, lockedTextHash: item.textHash });
  });

  it("takes a point off the agenda back to ambtelijk akkoord, and puts it back", async () => {
    const view = await json<MeetingView>(await ctx.request(`/api/meetings/${meeting.id}`, { cookie: sec }));
    const removed = await ctx.request(`/api/meetings/${meeting.id}/agenda/${itemOf(view, agreed).id}`, {
      method: "DELETE",
      cookie: sec,
    });
    expect(removed.status).toBe(200);
    expect(await status(agreed)).toBe("ambtelijk_akkoord");
    expect((await addToAgenda(meeting.id, agreed)).status).toBe(201);
    expect(await status(agreed)).toBe("geagendeerd");
  });

  it("refuses overeenstemming while no bestuurder represented the parties, and records nothing", async () => {
    meeting = await json(await ctx.request(`/api/meetings/${meeting.id}`, { cookie: sec }));
    const before = (await log()).length;
    const res = await decide(itemOf(meeting, agreed).id, {
      decision: "overeenstemming",
      note: "Partijen zijn het eens.",
    });
    expect(res.status).toBe(409);
    const error = await apiError(res);
    expect(error.code).toBe("ILLEGAL_TRANSITION");
    // No attendance recorded: no party was represented by an attending bestuurder.
    expect(error.message).toMatch(/Niet vertegenwoordigd door een aanwezige bestuurder/);
    expect((await log()).length).toBe(before);
    const view = await json<MeetingView>(await ctx.request(`/api/meetings/${meeting.id}`, { cookie: sec }));
    expect(itemOf(view, agreed).decision).toBeNull();
  });

  it("refuses a decision by a role without meeting.manage", async () => {
    const trekker = await ctx.login(DEMO.groningenTrekker);
    const wethouder = await ctx.login(DEMO.groningenWethouder);
    for (const cookie of [trekker, wethouder]) {
      expect(
        (await decide(itemOf(meeting, agreed).id, { decision: "besproken", note: "Niet mijn rol." }, cookie)).status,
      ).toBe(403);
    }
  });

  it("records overeenstemming once everyone signed the fixed text", async () => {
    await signByAll(ctx, agreed);
    // The last signature completes the agreement by itself; the decision minutes it.
    expect(await status(agreed)).toBe("overeenstemming");
    const res = await decide(itemOf(meeting, agreed).id, {
      decision: "overeenstemming",
      note: "Alle partijen hebben getekend.",
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const view = await json<MeetingView>(res);
    expect(itemOf(view, agreed)).toMatchObject({
      decision: "overeenstemming",
      pointStatusBefore: "overeenstemming",
      pointStatusAfter: "overeenstemming",
    });
  });

  it("records geen overeenstemming as a status event that cites the meeting", async () => {
    disputed = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "leerlingenvervoer",
      title: "Vervoer bij plaatsing in het vso",
      text: "Bij een plaatsing in het vso wordt de vervoersvraag meteen meegenomen.",
    });
    meeting = await json(await addToAgenda(meeting.id, disputed));
    const stale = await decide(itemOf(meeting, disputed).id, {
      decision: "geen_overeenstemming",
      note: "x".repeat(5),
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect((await apiError(stale)).code).toBe("VERSION_CONFLICT");
    const res = await decide(itemOf(meeting, disputed).id, {
      decision: "geen_overeenstemming",
      note: "Tynaarlo wil de vervoerskosten niet alleen dragen.",
      expectedVersion: itemOf(meeting, disputed).point!.version,
    });
    expect(res.status).toBe(200);
    expect(await status(disputed)).toBe("geen_overeenstemming");
    const events = await log();
    const statusEvent = events.find(
      (e) => e.type === "point.status_changed" && e.entityId === disputed && e.toStatus === "geen_overeenstemming",
    )!;
    expect(eventData(statusEvent).meetingId).toBe(meeting.id);
    expect(statusEvent.reasoning).toMatch(/Tynaarlo wil de vervoerskosten/);
    const decision = events.find((e) => e.type === "meeting.decision_recorded" && eventData(e).pointId === disputed)!;
    expect(decision).toMatchObject({
      fromStatus: "geagendeerd",
      toStatus: "geen_overeenstemming",
      actorName: "Pieter Jansen",
    });
    // The point's step and the decision are adjacent in the chain: one transaction.
    expect(decision.seq).toBe(statusEvent.seq + 1);
  });

  it("refers a point back to the werkgroep", async () => {
    referred = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "onderwijshuisvesting",
      title: "Huisvesting tussenvoorzieningen",
      text: "Wijzigingen in tussenvoorzieningen gaan eerst naar het OOGO.",
    });
    meeting = await json(await addToAgenda(meeting.id, referred));
    const res = await decide(itemOf(meeting, referred).id, {
      decision: "terugverwezen",
      note: "Eerst de gevolgen voor het IHP uitzoeken.",
    });
    expect(res.status).toBe(200);
    const back = (await log()).find(
      (e) => e.type === "point.status_changed" && e.entityId === referred && e.fromStatus === "geagendeerd",
    )!;
    expect(back.toStatus).toBe("in_bespreking");
    expect(eventData(back).meetingId).toBe(meeting.id);
    // The stances on the unchanged text still count, so the workflow settles it at ambtelijk
    // akkoord again by itself; the decision records where the point ended up.
    const view = await json<MeetingView>(res);
    expect(itemOf(view, referred)).toMatchObject({
      pointStatusBefore: "geagendeerd",
      pointStatusAfter: await status(referred),
    });
  });

  it("minutes a decision to go to the commission without moving the point; the wethouder starts the dispute", async () => {
    const overleg = await json<MeetingView>(
      await ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie: sec,
        body: {
          type: "tussentijds_overleg",
          title: "Tussentijds bestuurlijk overleg vervoer",
          startsAt: past(0),
          place: "Vries",
        },
      }),
    );
    const withItem = await json<MeetingView>(await addToAgenda(overleg.id, disputed));
    const itemId = itemOf(withItem, disputed).id;
    const early = await ctx.request(`/api/meetings/${overleg.id}/agenda/${itemOf(withItem, disputed).id}/decision`, {
      cookie: sec,
      body: { decision: "overeenstemming", note: "Toch eens?" },
    });
    expect(early.status).toBe(409);
    const res = await ctx.request(`/api/meetings/${overleg.id}/agenda/${itemId}/decision`, {
      cookie: sec,
      body: { decision: "in_geschil", note: "Tynaarlo legt het geschil voor aan de Geschillencommissie OOGO." },
    });
    expect(res.status).toBe(200);
    expect(await status(disputed)).toBe("geen_overeenstemming");
    const tynaarlo = ctx.as(DEMO.tynaarloWethouder);
    await transitionPoint(tynaarlo, {
      pointId: disputed,
      to: "in_geschil",
      reason: "Het college van Tynaarlo legt het geschil voor.",
      meetingId: overleg.id,
    });
    expect(await status(disputed)).toBe("in_geschil");

    // in_geschil as a decision needs geen overeenstemming first.
    const other = await json<MeetingView>(await addToAgenda(overleg.id, referred));
    const wrong = await ctx.request(`/api/meetings/${overleg.id}/agenda/${itemOf(other, referred).id}/decision`, {
      cookie: sec,
      body: { decision: "in_geschil", note: "Kan niet." },
    });
    expect(wrong.status).toBe(409);
    expect((await apiError(wrong)).code).toBe("ILLEGAL_TRANSITION");
  });

  it("cancelling a formal OOGO releases the points it fixed; a cancelled meeting stays cancelled", async () => {
    const later = await json<MeetingView>(
      await ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie: sec,
        body: {
          type: "formeel_oogo",
          title: "Formeel OOGO dat niet doorgaat",
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          place: "Vries",
        },
      }),
    );
    const released = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "doorgaande_lijn",
      title: "Warme overdracht vo–mbo",
      text: "Elke overstap naar het mbo krijgt een warme overdracht.",
    });
    expect((await addToAgenda(later.id, released)).status).toBe(201);
    expect(await status(released)).toBe("geagendeerd");
    const res = await ctx.request(`/api/meetings/${later.id}`, {
      method: "PATCH",
      cookie: sec,
      body: { status: "geannuleerd" },
    });
    expect(res.status).toBe(200);
    expect(await status(released)).toBe("ambtelijk_akkoord");
    const moved = (await log()).find(
      (e) =>
        e.type === "point.status_changed" &&
        e.entityId === released &&
        e.toStatus === "ambtelijk_akkoord" &&
        e.fromStatus === "geagendeerd",
    )!;
    expect(eventData(moved).meetingId).toBe(later.id);
    const again = await ctx.request(`/api/meetings/${later.id}`, {
      method: "PATCH",
      cookie: sec,
      body: { status: "gepland" },
    });
    expect(again.status).toBe(409);
    expect((await addToAgenda(later.id, released)).status).toBe(409);
  });

  it("keeps the log chain valid", async () => {
    expect((await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ws })).valid).toBe(true);
  });
});
