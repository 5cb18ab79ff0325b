import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents } from "../../db/schema/index.ts";
import { documentNames, parseDocumentName } from "../../shared/collab/protocol.ts";
import { addDays, todayInNl } from "../../shared/domain/dates.ts";
import { textHash } from "../../shared/domain/textHash.ts";
import type { MeetingSummary, MeetingView, ProcedureStepView, ProcedureView } from "../../shared/schemas/meetings.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import * as match from "../testing/matchers.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import { isDocumentLocked } from "../services/documents/isDocumentLocked.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import {
  appendParagraph,
  createOtherTafel,
  insertPoint,
  minutesJson,
  OTHER_SECRETARY,
  OUTSIDER,
  seedDocument,
  approveByParties,
} from "../services/meetings/meetingFixtures.ts";

let ctx: TestContext;
let ws: string;
let other: Awaited<ReturnType<typeof createOtherTafel>>;
const cookies: Record<string, string> = {};

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function events(type?: string) {
  const rows = await ctx.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, ws))
    .orderBy(asc(auditEvents.seq));
  return type ? rows.filter((r) => r.type === type) : rows;
}
async function createMeeting(body: Record<string, unknown>, as = cookies.sec): Promise<MeetingView> {
  const res = await ctx.request(`/api/workspaces/${ws}/meetings`, { body, cookie: as });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<MeetingView>(res);
}

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  other = await createOtherTafel(ctx);
  cookies.sec = await ctx.login(DEMO.secretaris);
  cookies.trekker = await ctx.login(DEMO.swvTrekker);
  cookies.wethouder = await ctx.login(DEMO.groningenWethouder);
  cookies.waarnemer = await ctx.login(DEMO.waarnemer);
  cookies.beheerder = await ctx.login(DEMO.beheerder);
  cookies.otherSec = await ctx.login(OTHER_SECRETARY);
  cookies.outsider = await ctx.login(OUTSIDER);
});
afterAll(() => ctx?.cleanup());

describe("meetings API: denials", () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (
      await createMeeting({
        type: "ambtelijke_werkgroep",
        title: "Werkgroep denials",
        startsAt: past(2),
        place: "Groningen",
      })
    ).id;
  });

  it("refuses every endpoint without a session (401)", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ["GET", `/api/workspaces/${ws}/meetings`],
      ["POST", `/api/workspaces/${ws}/meetings`, {}],
      ["GET", `/api/meetings/${meetingId}`],
      ["PATCH", `/api/meetings/${meetingId}`, { place: "x" }],
      ["PUT", `/api/meetings/${meetingId}/attendance`, { attendees: [] }],
      ["POST", `/api/meetings/${meetingId}/agenda`, { title: "x" }],
      ["PUT", `/api/meetings/${meetingId}/agenda/order`, { itemIds: ["a"] }],
      ["DELETE", `/api/meetings/${meetingId}/agenda/abc`],
      ["POST", `/api/meetings/${meetingId}/agenda/abc/decision`, { decision: "besproken", note: "abc" }],
      ["POST", `/api/meetings/${meetingId}/minutes/review`, {}],
      ["POST", `/api/meetings/${meetingId}/minutes/amendments`, { reason: "x" }],
      ["GET", `/api/workspaces/${ws}/procedure`],
      ["GET", `/api/workspaces/${ws}/procedure/steps`],
      ["POST", `/api/workspaces/${ws}/procedure/steps`, { title: "x" }],
      ["PATCH", `/api/workspaces/${ws}/procedure/steps/abc`, { title: "x" }],
    ];
    const before = (await events()).length;
    for (const [method, path, body] of calls) {
      const res = await ctx.request(path, { method, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await apiError(res)).code).toBe("UNAUTHENTICATED");
    }
    expect((await events()).length).toBe(before);
  });

  it("refuses non-members (403) and unknown ids (404)", async () => {
    for (const cookie of [cookies.outsider, cookies.otherSec]) {
      expect((await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie })).status).toBe(403);
      expect((await ctx.request(`/api/meetings/${meetingId}`, { cookie })).status).toBe(403);
      expect((await ctx.request(`/api/meetings/${meetingId}/minutes/review`, { body: {}, cookie })).status).toBe(403);
      expect((await ctx.request(`/api/workspaces/${ws}/procedure`, { cookie })).status).toBe(403);
    }
    expect((await ctx.request(`/api/meetings/doesnotexist`, { cookie: cookies.sec })).status).toBe(404);
    expect((await ctx.request(`/api/workspaces/doesnotexist/meetings`, { cookie: cookies.sec })).status).toBe(404);
  });

  it("refuses roles without meeting.manage / minutes.approve / procedure.manage (403) and changes nothing", async () => {
    const before = (await events()).length;
    for (const cookie of [cookies.trekker, cookies.wethouder, cookies.waarnemer, cookies.beheerder]) {
      const create = await ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie,
        body: { type: "formeel_oogo", title: "Niet toegestaan", startsAt: future(3), place: "Assen" },
      });
      expect(create.status).toBe(403);
      expect((await apiError(create)).code).toBe("FORBIDDEN");
      expect(
        (await ctx.request(`/api/meetings/${meetingId}`, { method: "PATCH", cookie, body: { place: "Elders" } }))
          .status,
      ).toBe(403);
      expect(
        (await ctx.request(`/api/meetings/${meetingId}/attendance`, { method: "PUT", cookie, body: { attendees: [] } }))
          .status,
      ).toBe(403);
      expect((await ctx.request(`/api/meetings/${meetingId}/agenda`, { cookie, body: { title: "Punt" } })).status).toBe(
        403,
      );
      expect((await ctx.request(`/api/meetings/${meetingId}/minutes/review`, { cookie, body: {} })).status).toBe(403);
      expect(
        (
          await ctx.request(`/api/meetings/${meetingId}/minutes/amendments`, {
            cookie,
            body: { reason: "Een lange genoeg reden" },
          })
        ).status,
      ).toBe(403);
      expect(
        (await ctx.request(`/api/workspaces/${ws}/procedure/steps`, { cookie, body: { title: "Stap" } })).status,
      ).toBe(403);
    }
    expect((await events()).length).toBe(before);
  });

  it("lets every member who reads content read meetings and the procedure; the beheerder sees none (ADR 0005)", async () => {
    for (const cookie of [cookies.trekker, cookies.wethouder, cookies.waarnemer]) {
      expect((await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie })).status).toBe(200);
      expect((await ctx.request(`/api/meetings/${meetingId}`, { cookie })).status).toBe(200);
      expect((await ctx.request(`/api/workspaces/${ws}/procedure`, { cookie })).status).toBe(200);
    }
    expect((await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie: cookies.beheerder })).status).toBe(403);
    expect((await ctx.request(`/api/meetings/${meetingId}`, { cookie: cookies.beheerder })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${ws}/procedure`, { cookie: cookies.beheerder })).status).toBe(403);
  });

  it("refuses malformed bodies (400) and oversize bodies (413)", async () => {
    const before = (await events()).length;
    const bad: unknown[] = [
      { type: "vergadering", title: "Titel", startsAt: future(1), place: "Groningen" },
      { type: "formeel_oogo", title: "Ti", startsAt: future(1), place: "Groningen" },
      { type: "formeel_oogo", title: "Titel", startsAt: "morgen", place: "Groningen" },
      { type: "formeel_oogo", title: "Titel", startsAt: "2023-03-07T14:00:00", place: "Groningen" },
      { type: "formeel_oogo", title: "Titel", startsAt: future(1), place: "Groningen", extra: 1 },
      { type: "formeel_oogo", title: "Titel", startsAt: future(1), place: "Groningen", invitedPartyIds: [] },
      {
        type: "formeel_oogo",
        title: "Titel",
        startsAt: future(1),
        place: "Groningen",
        invitedPartyIds: [other.gemeenteId],
      },
      { type: "formeel_oogo", title: "Titel", startsAt: future(1), place: "Groningen", invitedPartyIds: ["../x"] },
    ];
    for (const body of bad) {
      const res = await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie: cookies.sec, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await apiError(res)).code).toBe("VALIDATION_FAILED");
    }
    const invalid = await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie: cookies.sec, body: "{not json" });
    expect(invalid.status).toBe(400);
    const huge = await ctx.request(`/api/meetings/${meetingId}/agenda`, {
      cookie: cookies.sec,
      body: { title: "x".repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    for (const [method, path, body] of [
      ["PATCH", `/api/meetings/${meetingId}`, {}],
      ["PATCH", `/api/meetings/${meetingId}`, { status: "afgelopen" }],
      [
        "PUT",
        `/api/meetings/${meetingId}/attendance`,
        { attendees: [{ partyId: null, name: "A", capacity: "voorzitter", present: true }] },
      ],
      [
        "PUT",
        `/api/meetings/${meetingId}/attendance`,
        { attendees: [{ partyId: null, name: "Ann", capacity: "voorzitter" }] },
      ],
      ["POST", `/api/meetings/${meetingId}/agenda`, {}],
      ["POST", `/api/meetings/${meetingId}/minutes/amendments`, { reason: "kort" }],
      ["POST", `/api/meetings/${meetingId}/minutes/review`, { textHash: "abc" }],
    ] as const) {
      const res = await ctx.request(path, { method, cookie: cookies.sec, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
    }
    expect((await events()).length).toBe(before);
  });
});

describe("meetings API: planning, attendance and agenda", () => {
  let meeting: MeetingView;

  it("plans a meeting, inviting every party by default, and logs it", async () => {
    meeting = await createMeeting({
      type: "formeel_oogo",
      title: "Formeel OOGO voorjaar",
      startsAt: past(1),
      place: "Stadhuis Groningen",
    });
    expect(meeting.typeLabel).toBe("Formeel bestuurlijk OOGO");
    expect(meeting.invitedParties.map((p) => p.name)).toEqual([
      "Samenwerkingsverband VO Groningen Stad",
      "Gemeente Groningen",
      "Gemeente Tynaarlo",
    ]);
    expect(meeting.minutesDocument).toBe(documentNames.minutes(ws, meeting.id));
    expect(meeting.minutesStatus).toBe("concept");
    const [created] = (await events("meeting.created")).filter((e) => e.entityId === meeting.id);
    expect(created?.actorName).toBe("Pieter Jansen");
    const list = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ws}/meetings`, { cookie: cookies.trekker }),
    );
    expect(list.meetings.map((m) => m.id)).toContain(meeting.id);
  });

  it("changes details with optimistic concurrency", async () => {
    const ok = await ctx.request(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { place: "Gemeentehuis Tynaarlo, Vries", expectedVersion: meeting.version },
    });
    expect(ok.status).toBe(200);
    const changed = await json<MeetingView>(ok);
    expect(changed.place).toBe("Gemeentehuis Tynaarlo, Vries");
    expect(changed.version).toBe(meeting.version + 1);
    const stale = await ctx.request(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { place: "Ergens anders", expectedVersion: meeting.version },
    });
    expect(stale.status).toBe(409);
    expect((await apiError(stale)).code).toBe("VERSION_CONFLICT");
    const [ev] = (await events("meeting.changed")).filter((e) => e.entityId === meeting.id);
    expect(eventData<{ changes: { place: unknown } }>(ev!).changes.place).toEqual({
      from: "Stadhuis Groningen",
      to: "Gemeentehuis Tynaarlo, Vries",
    });
    meeting = changed;
  });

  it("records attendance per party with capacity; refuses parties that are not invited", async () => {
    const { swv, groningen, tynaarlo } = ctx.demo.parties;
    const notInvited = await ctx.request(`/api/meetings/${meeting.id}/attendance`, {
      method: "PUT",
      cookie: cookies.sec,
      body: { attendees: [{ partyId: other.swvId, name: "Iemand", capacity: "bestuurder", present: true }] },
    });
    expect(notInvited.status).toBe(400);
    expect((await apiError(notInvited)).field).toBe("attendees.0.partyId");
    const dup = await ctx.request(`/api/meetings/${meeting.id}/attendance`, {
      method: "PUT",
      cookie: cookies.sec,
      body: {
        attendees: [
          { partyId: swv.id, name: "Jeroen Bakker", capacity: "directeur-bestuurder", present: true },
          { partyId: swv.id, name: "jeroen bakker", capacity: "directeur-bestuurder", present: true },
        ],
      },
    });
    expect(dup.status).toBe(400);

    const res = await ctx.request(`/api/meetings/${meeting.id}/attendance`, {
      method: "PUT",
      cookie: cookies.sec,
      body: {
        attendees: [
          { partyId: swv.id, name: "Jeroen Bakker", capacity: "directeur-bestuurder", present: true },
          { partyId: groningen.id, name: "Karim El Amrani", capacity: "wethouder onderwijs en jeugd", present: true },
          { partyId: tynaarlo.id, name: "Anneke Smit", capacity: "wethouder jeugd en onderwijs", present: false },
          { partyId: null, name: "Pieter Jansen", capacity: "secretaris", present: true },
        ],
      },
    });
    expect(res.status).toBe(200);
    const view = await json<MeetingView>(res);
    expect(view.attendance.map((a) => [a.party?.name ?? null, a.name, a.present])).toEqual([
      ["Samenwerkingsverband VO Groningen Stad", "Jeroen Bakker", true],
      ["Gemeente Groningen", "Karim El Amrani", true],
      ["Gemeente Tynaarlo", "Anneke Smit", false],
      [null, "Pieter Jansen", true],
    ]);
    const [ev] = (await events("meeting.attendance_set")).filter((e) => e.entityId === meeting.id);
    expect(eventData(ev!).attendees).toHaveLength(4);
  });

  it("builds an agenda, refuses foreign points, reorders and removes", async () => {
    const a = await ctx.request(`/api/meetings/${meeting.id}/agenda`, {
      cookie: cookies.sec,
      body: { title: "Opening en vaststellen agenda" },
    });
    expect(a.status).toBe(201);
    const foreign = await insertPoint(ctx, {
      workspaceId: other.workspaceId,
      theme: "jeugdhulp",
      title: "Ander punt",
      status: "ambtelijk_akkoord",
      text: ["x"],
    });
    const bad = await ctx.request(`/api/meetings/${meeting.id}/agenda`, {
      cookie: cookies.sec,
      body: { pointId: foreign.id },
    });
    expect(bad.status).toBe(400);
    expect((await apiError(bad)).field).toBe("pointId");
    // A point that is not ambtelijk akkoord cannot go on a formal OOGO.
    const early = await insertPoint(ctx, {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: "Nog in bespreking",
      status: "in_bespreking",
      text: ["y"],
    });
    const refused = await ctx.request(`/api/meetings/${meeting.id}/agenda`, {
      cookie: cookies.sec,
      body: { pointId: early.id },
    });
    expect(refused.status).toBe(409);
    expect((await apiError(refused)).code).toBe("ILLEGAL_TRANSITION");

    const b = await json<MeetingView>(
      await ctx.request(`/api/meetings/${meeting.id}/agenda`, { cookie: cookies.sec, body: { title: "Rondvraag" } }),
    );
    const c = await json<MeetingView>(
      await ctx.request(`/api/meetings/${meeting.id}/agenda`, { cookie: cookies.sec, body: { title: "Sluiting" } }),
    );
    expect(c.agenda.map((i) => i.title)).toEqual(["Opening en vaststellen agenda", "Rondvraag", "Sluiting"]);
    const ids = c.agenda.map((i) => i.id);
    const incomplete = await ctx.request(`/api/meetings/${meeting.id}/agenda/order`, {
      method: "PUT",
      cookie: cookies.sec,
      body: { itemIds: ids.slice(0, 2) },
    });
    expect(incomplete.status).toBe(400);
    const reordered = await json<MeetingView>(
      await ctx.request(`/api/meetings/${meeting.id}/agenda/order`, {
        method: "PUT",
        cookie: cookies.sec,
        body: { itemIds: [ids[0], ids[2], ids[1]] },
      }),
    );
    expect(reordered.agenda.map((i) => i.title)).toEqual(["Opening en vaststellen agenda", "Sluiting", "Rondvraag"]);
    const removed = await json<MeetingView>(
      await ctx.request(`/api/meetings/${meeting.id}/agenda/${b.agenda[1]!.id}`, {
        method: "DELETE",
        cookie: cookies.sec,
      }),
    );
    expect(removed.agenda.map((i) => [i.title, i.position])).toEqual([
      ["Opening en vaststellen agenda", 0],
      ["Sluiting", 1],
    ]);
    expect(
      (
        await ctx.request(`/api/meetings/${meeting.id}/agenda/${b.agenda[1]!.id}`, {
          method: "DELETE",
          cookie: cookies.sec,
        })
      ).status,
    ).toBe(404);
    const types = (await events()).filter((e) => e.entityId === meeting.id).map((e) => e.type);
    expect(types.filter((t) => t === "meeting.agenda_item_added")).toHaveLength(3);
    expect(types).toContain("meeting.agenda_reordered");
    expect(types).toContain("meeting.agenda_item_removed");
    meeting = removed;
  });

  it("keeps the exact text of a point put on a werkgroep agenda, without locking it", async () => {
    const werkgroep = await createMeeting({
      type: "ambtelijke_werkgroep",
      title: "Werkgroep thuiszitters",
      startsAt: past(3),
      place: "Zuidlaren",
    });
    const point = await insertPoint(ctx, {
      workspaceId: ws,
      theme: "leerplicht_thuiszitters",
      title: "Thuiszitters binnen drie maanden",
      status: "in_bespreking",
      text: ["Geen leerling zit langer dan drie maanden thuis."],
    });
    const res = await ctx.request(`/api/meetings/${werkgroep.id}/agenda`, {
      cookie: cookies.sec,
      body: { pointId: point.id },
    });
    expect(res.status).toBe(201);
    const view = await json<MeetingView>(res);
    expect(view.agenda[0]).toMatchObject({
      title: "Thuiszitters binnen drie maanden",
      textHash: point.textHash,
      textChangedSince: false,
    });
    expect(view.agenda[0]!.point?.status).toBe("in_bespreking");
    const dup = await ctx.request(`/api/meetings/${werkgroep.id}/agenda`, {
      cookie: cookies.sec,
      body: { pointId: point.id },
    });
    expect(dup.status).toBe(409);
    const [ev] = (await events("meeting.agenda_item_added")).filter((e) => e.entityId === werkgroep.id);
    expect(ev!.textHash).toBe(point.textHash);

    // A decision without a status effect is recorded and logged, once.
    const item = view.agenda[0]!.id;
    const decided = await ctx.request(`/api/meetings/${werkgroep.id}/agenda/${item}/decision`, {
      cookie: cookies.sec,
      body: { decision: "besproken", note: "Werkgroep werkt de monitor verder uit." },
    });
    expect(decided.status).toBe(200);
    const after = await json<MeetingView>(decided);
    expect(after.agenda[0]).toMatchObject({
      decision: "besproken",
      decidedBy: "Pieter Jansen",
      pointStatusBefore: "in_bespreking",
      pointStatusAfter: "in_bespreking",
    });
    expect(after.status).toBe("gehouden");
    const again = await ctx.request(`/api/meetings/${werkgroep.id}/agenda/${item}/decision`, {
      cookie: cookies.sec,
      body: { decision: "aangehouden", note: "Nogmaals." },
    });
    expect(again.status).toBe(409);
    const removeDecided = await ctx.request(`/api/meetings/${werkgroep.id}/agenda/${item}`, {
      method: "DELETE",
      cookie: cookies.sec,
    });
    expect(removeDecided.status).toBe(409);
  });

  it("records no decision before the meeting date", async () => {
    const later = await createMeeting({
      type: "tussentijds_overleg",
      title: "Tussentijds overleg najaar",
      startsAt: future(10),
      place: "Groningen",
    });
    const withItem = await json<MeetingView>(
      await ctx.request(`/api/meetings/${later.id}/agenda`, { cookie: cookies.sec, body: { title: "Voortgang" } }),
    );
    const res = await ctx.request(`/api/meetings/${later.id}/agenda/${withItem.agenda[0]!.id}/decision`, {
      cookie: cookies.sec,
      body: { decision: "besproken", note: "Te vroeg." },
    });
    expect(res.status).toBe(409);
    const approve = await approveByParties(ctx, later.id, cookies.sec);
    expect(approve.status).toBe(409);
  });

  it("records no decision and approves no minutes before the start time, even on the meeting's own day", async () => {
    // Starts in an hour: the date alone would allow it; the start time does not.
    const soon = await createMeeting({
      type: "ambtelijke_werkgroep",
      title: "Werkgroep straks",
      startsAt: future(1 / 24),
      place: "Groningen",
    });
    const withItem = await json<MeetingView>(
      await ctx.request(`/api/meetings/${soon.id}/agenda`, { cookie: cookies.sec, body: { title: "Voortgang" } }),
    );
    const res = await ctx.request(`/api/meetings/${soon.id}/agenda/${withItem.agenda[0]!.id}/decision`, {
      cookie: cookies.sec,
      body: { decision: "besproken", note: "Te vroeg." },
    });
    expect(res.status).toBe(409);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain("aanvangstijdstip");
    const approve = await approveByParties(ctx, soon.id, cookies.sec);
    expect(approve.status).toBe(409);
    const after = await json<MeetingView>(await ctx.request(`/api/meetings/${soon.id}`, { cookie: cookies.sec }));
    expect(after.agenda[0]!.decision).toBeNull();
    expect(after.minutesStatus).toBe("concept");
  });
});

describe("minutes: approval locks, amendment is logged", () => {
  let meeting: MeetingView;
  let docName: string;
  const received: string[] = [];

  beforeAll(async () => {
    meeting = await createMeeting({ type: "proef_oogo", title: "Proef-OOGO", startsAt: past(5), place: "Vries" });
    docName = documentNames.minutes(ws, meeting.id);
    ctx.deps.events.on("document.accessChanged", ({ docName: name }) => received.push(name));
  });

  it("refuses to approve empty minutes", async () => {
    const res = await approveByParties(ctx, meeting.id, cookies.sec);
    expect(res.status).toBe(409);
    expect(await isDocumentLocked(ctx.deps.database.db, parseDocumentName(docName)!)).toEqual({ locked: false });
  });

  it("approves the durable text, records its hash and locks the document", async () => {
    const text = minutesJson("Aanwezig: alle partijen.", "De werkgroep licht de punten over jeugdhulp toe.");
    await seedDocument(ctx, docName, text);
    const expected = textHash(await ctx.deps.documents.readJson(docName));
    const stale = await approveByParties(ctx, meeting.id, cookies.sec, { textHash: "0".repeat(64) });
    expect(stale.status).toBe(409);
    expect((await apiError(stale)).code).toBe("TEXT_CHANGED");

    const res = await approveByParties(ctx, meeting.id, cookies.sec, { textHash: expected });
    expect(res.status).toBe(200);
    const view = await json<MeetingView>(res);
    expect(view.minutesStatus).toBe("vastgesteld");
    // The last trekker's agreement fixed them; the secretaris alone cannot.
    expect(view.minutesApproval).toMatchObject({ textHash: expected });
    expect(view.minutesApproval?.approvedBy).not.toBe("Pieter Jansen");
    expect(view.minutesHash).toBe(expected);
    expect(received).toContain(docName);
    const lock = await isDocumentLocked(ctx.deps.database.db, parseDocumentName(docName)!);
    expect(lock.locked).toBe(true);
    expect(lock.reason).toMatch(/vastgesteld/);
    const [ev] = (await events("minutes.approved")).filter((e) => e.entityId === meeting.id);
    expect(ev!.textHash).toBe(expected);

    // The record is frozen now.
    expect((await approveByParties(ctx, meeting.id, cookies.sec)).status).toBe(409);
    expect(
      (
        await ctx.request(`/api/meetings/${meeting.id}/attendance`, {
          method: "PUT",
          cookie: cookies.sec,
          body: { attendees: [] },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await ctx.request(`/api/meetings/${meeting.id}`, {
          method: "PATCH",
          cookie: cookies.sec,
          body: { place: "Anders" },
        })
      ).status,
    ).toBe(409);
    expect(
      (await ctx.request(`/api/meetings/${meeting.id}/agenda`, { cookie: cookies.sec, body: { title: "Nog iets" } }))
        .status,
    ).toBe(409);
  });

  it("changes approved minutes only through a logged amendment with a new hash", async () => {
    const fromHash = meeting.minutesApproval?.textHash ?? textHash(await ctx.deps.documents.readJson(docName));
    received.length = 0;
    const opened = await ctx.request(`/api/meetings/${meeting.id}/minutes/amendments`, {
      cookie: cookies.sec,
      body: { reason: "De naam van de wethouder van Tynaarlo ontbrak bij de aanwezigen." },
    });
    expect(opened.status).toBe(201);
    expect((await json<MeetingView>(opened)).minutesStatus).toBe("in_wijziging");
    expect(received).toContain(docName);
    expect((await isDocumentLocked(ctx.deps.database.db, parseDocumentName(docName)!)).locked).toBe(false);
    expect(
      (
        await ctx.request(`/api/meetings/${meeting.id}/minutes/amendments`, {
          cookie: cookies.sec,
          body: { reason: "Nog een wijziging erbij." },
        })
      ).status,
    ).toBe(409);

    await appendParagraph(ctx, docName, "Aanvulling: wethouder Anneke Smit was aanwezig.");
    const res = await approveByParties(ctx, meeting.id, cookies.sec);
    expect(res.status).toBe(200);
    const view = await json<MeetingView>(res);
    const toHash = textHash(await ctx.deps.documents.readJson(docName));
    expect(toHash).not.toBe(fromHash);
    expect(view.minutesApproval?.textHash).toBe(toHash);
    expect(view.amendments).toEqual([
      expect.objectContaining({
        seq: 1,
        reason: "De naam van de wethouder van Tynaarlo ontbrak bij de aanwezigen.",
        openedBy: "Pieter Jansen",
        fromHash,
        toHash,
        closedBy: match.anyInstanceOf(String),
        changes: { removed: [], added: ["Aanvulling: wethouder Anneke Smit was aanwezig."] },
      }),
    ]);
    expect((await isDocumentLocked(ctx.deps.database.db, parseDocumentName(docName)!)).locked).toBe(true);

    const log = (await events()).filter((e) => e.entityId === meeting.id);
    const opening = log.find((e) => e.type === "minutes.amendment_opened")!;
    expect(opening).toMatchObject({
      actorName: "Pieter Jansen",
      textHash: fromHash,
      reasoning: match.stringMatching(/Tynaarlo/),
    });
    const amended = log.find((e) => e.type === "minutes.amended")!;
    // Closed by the last party's agreement, after the secretaris put the corrected text forward.
    expect(amended).toMatchObject({ textHash: toHash, fromStatus: "ter_vaststelling", toStatus: "vastgesteld" });
    expect(amended.actorName).not.toBe("Pieter Jansen");
    expect(log.find((e) => e.type === "minutes.review_requested" && e.fromStatus === "in_wijziging")).toBeDefined();
    expect(JSON.parse(amended.data)).toMatchObject({
      fromHash,
      toHash,
      changed: true,
      added: ["Aanvulling: wethouder Anneke Smit was aanwezig."],
    });
  });

  it("locks minutes documents of unknown meetings", async () => {
    const lock = await isDocumentLocked(
      ctx.deps.database.db,
      parseDocumentName(documentNames.minutes(ws, "geenvergadering"))!,
    );
    expect(lock.locked).toBe(true);
    const foreign = await isDocumentLocked(
      ctx.deps.database.db,
      parseDocumentName(documentNames.minutes(other.workspaceId, meeting.id))!,
    );
    expect(foreign.locked).toBe(true);
  });
});

describe("procedure steps", () => {
  const today = todayInNl(new Date());
  it("adds steps, derives done / late / due / planned, and logs every change", async () => {
    const add = async (body: Record<string, unknown>) => {
      const res = await ctx.request(`/api/workspaces/${ws}/procedure/steps`, { cookie: cookies.sec, body });
      expect(res.status, await res.clone().text()).toBe(201);
      return json<ProcedureStepView>(res);
    };
    const a = await add({ title: "Conceptplan gedeeld met beide gemeenten", dueDate: addDays(today, -30) });
    const b = await add({ title: "Formeel OOGO gehouden", dueDate: addDays(today, -2) });
    const c = await add({ title: "Instemming OPR", dueDate: addDays(today, 5) });
    const d = await add({ title: "Vaststelling plan", dueDate: addDays(today, 60) });
    const first = await add({ title: "Ambtelijke werkgroep ingesteld", position: 0 });
    expect(first.position).toBe(0);

    const done = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${a.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { doneOn: addDays(today, -31), expectedVersion: a.version },
    });
    expect(done.status).toBe(200);
    const stale = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${a.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { note: "te laat bijgewerkt", expectedVersion: a.version },
    });
    expect(stale.status).toBe(409);
    const futureDone = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${b.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { doneOn: addDays(today, 1) },
    });
    expect(futureDone.status).toBe(400);
    const badDate = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${b.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { dueDate: "2023-02-30" },
    });
    expect(badDate.status).toBe(400);
    const foreignMeeting = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${b.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { meetingId: "nietbestaand" },
    });
    expect(foreignMeeting.status).toBe(400);
    const moved = await ctx.request(`/api/workspaces/${ws}/procedure/steps/${d.id}`, {
      method: "PATCH",
      cookie: cookies.sec,
      body: { position: 1 },
    });
    expect(moved.status).toBe(200);

    const view = await json<ProcedureView>(
      await ctx.request(`/api/workspaces/${ws}/procedure`, { cookie: cookies.waarnemer }),
    );
    expect(view.document).toBe(documentNames.procedure(ws));
    expect(view.today).toBe(today);
    // The demo tafel has its own checklist; look at this test's steps, in the order the list has them.
    const mine = new Set([a.id, b.id, c.id, d.id, first.id]);
    expect(view.steps[0]?.id).toBe(first.id);
    expect(view.steps[1]?.id).toBe(d.id);
    expect(view.steps.filter((s) => mine.has(s.id)).map((s) => [s.title, s.state])).toEqual([
      ["Ambtelijke werkgroep ingesteld", "gepland"],
      ["Vaststelling plan", "gepland"],
      ["Conceptplan gedeeld met beide gemeenten", "gedaan"],
      ["Formeel OOGO gehouden", "te_laat"],
      ["Instemming OPR", "binnenkort"],
    ]);
    expect(view.steps.find((s) => s.id === b.id)?.daysLate).toBe(2);
    expect(c.state).toBe("binnenkort");

    const stepEvents = (await events()).filter((e) => e.entityType === "procedure_step" && mine.has(e.entityId));
    expect(stepEvents.filter((e) => e.type === "procedure.step_added")).toHaveLength(5);
    expect(stepEvents.filter((e) => e.type === "procedure.step_done")).toHaveLength(1);
    expect(stepEvents.filter((e) => e.type === "procedure.step_changed")).toHaveLength(1);
    expect(
      (
        await ctx.request(`/api/workspaces/${other.workspaceId}/procedure/steps/${a.id}`, {
          method: "PATCH",
          cookie: cookies.otherSec,
          body: { note: "niet van mij" },
        })
      ).status,
    ).toBe(404);
  });

  it("keeps the log chain valid", async () => {
    expect((await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ws })).valid).toBe(true);
  });
});

describe("OpenAPI", () => {
  it("documents the meetings, procedure, oplegger and dossier endpoints", async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await ctx.request("/api/openapi.json"));
    const expected: Array<[string, string]> = [
      ["/api/workspaces/{id}/meetings", "get"],
      ["/api/workspaces/{id}/meetings", "post"],
      ["/api/meetings/{id}", "get"],
      ["/api/meetings/{id}", "patch"],
      ["/api/meetings/{id}/attendance", "put"],
      ["/api/meetings/{id}/agenda", "post"],
      ["/api/meetings/{id}/agenda/order", "put"],
      ["/api/meetings/{id}/agenda/{itemId}", "delete"],
      ["/api/meetings/{id}/agenda/{itemId}/decision", "post"],
      ["/api/meetings/{id}/minutes/review", "post"],
      ["/api/meetings/{id}/minutes/amendments", "post"],
      ["/api/workspaces/{id}/procedure", "get"],
      ["/api/workspaces/{id}/procedure/steps", "get"],
      ["/api/workspaces/{id}/procedure/steps", "post"],
      ["/api/workspaces/{id}/procedure/steps/{stepId}", "patch"],
      ["/api/workspaces/{id}/oplegger", "get"],
      ["/api/workspaces/{id}/dossier", "post"],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
