/**
 * The convocatie through the real app, a real libSQL file, the outbox's own sender and a real SMTP
 * server on loopback; the mails are parsed with mailparser and their .ics read back with ical.js.
 */
import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/index.ts";
import { instantToNlLocal, nlLocalToInstant } from "../../shared/domain/dates.ts";
import type { MeetingView } from "../../shared/schemas/meetings.ts";
import { MailSender } from "../mail/sender.ts";
import { smtpTransport } from "../mail/transport.ts";
import { createContext } from "../services/serviceContext.ts";
import { apiError, json } from "../testing/json.ts";
import { parse, startTestSmtp, type TestSmtp } from "../testing/smtpServer.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";

let ctx: TestContext;
let smtp: TestSmtp;
let sender: MailSender;
let ws: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  smtp.received.length = 0;
  sender = new MailSender(createContext(ctx.deps), {
    transport: smtpTransport({ url: smtp.url, maxConnections: 2, timeoutMs: 2000 }),
    from: "OOGO Werkruimte <noreply@oogo.test>",
    log: () => undefined,
  });
  for (const who of ["secretaris", "waarnemer", "swvTrekker", "beheerder"] as const)
    cookies[who] = await ctx.login(DEMO[who]);
});
afterEach(async () => {
  await sender.stop();
  ctx.cleanup();
});

/** A date a month ahead in summer time, so Amsterdam (+02:00) differs from UTC. */
const start = nlLocalToInstant("2027-06-10", "14:00");
const end = nlLocalToInstant("2027-06-10", "16:30");

async function plan(): Promise<MeetingView> {
  const res = await ctx.request(`/api/workspaces/${ws}/meetings`, {
    cookie: cookies.secretaris,
    body: {
      type: "tussentijds_overleg",
      title: "Tussentijds overleg leerlingenvervoer",
      startsAt: start,
      endsAt: end,
      place: "Gemeentehuis Tynaarlo, Vries",
      onlineUrl: "https://teams.example.nl/meet/oogo-123",
    },
  });
  expect(res.status).toBe(201);
  return json<MeetingView>(res);
}

interface ReadEvent {
  method: string;
  uid: string;
  sequence: number;
  status: string | null;
  start: ICAL.Time;
  end: ICAL.Time;
  attendees: string[];
  organizer: string;
}

function readIcs(ics: string): ReadEvent {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const tz = cal.getFirstSubcomponent("vtimezone");
  if (tz) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: event.uid,
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
    start: event.startDate,
    end: event.endDate,
    attendees: vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue()).toLowerCase()),
    organizer: String(vevent.getFirstPropertyValue("organizer")).toLowerCase(),
  };
}

/** Sends what is queued and returns the mails received since `from`, parsed. */
async function deliver(from: number) {
  await sender.drain();
  return Promise.all(smtp.received.slice(from).map(parse));
}

const icsOf = (mail: Awaited<ReturnType<typeof parse>>) => {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part, "a calendar part").toBeDefined();
  return part!.content.toString("utf8");
};

describe("convocatie by e-mail", () => {
  it("mails every invited member an .ics (REQUEST, Amsterdam times) and the agenda PDF; updates and cancels", async () => {
    const meeting = await plan();
    expect(meeting.endsAt).toBe(new Date(end).toISOString());
    const sent = await ctx.request(`/api/meetings/${meeting.id}/convocation`, {
      cookie: cookies.secretaris,
      body: { expectedVersion: meeting.version },
    });
    expect(sent.status).toBe(200);
    const view = await json<MeetingView>(sent);
    expect(view.convocation).toMatchObject({ sequence: 0, cancelled: false });

    const mails = await deliver(0);
    const to = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0]!.address!.toLowerCase()).sort();
    // Everyone who reads the tafel's content and acts for an invited party or for the tafel; not the beheerder.
    expect(to).toContain(DEMO.secretaris);
    expect(to).toContain(DEMO.groningenWethouder);
    expect(to).toContain(DEMO.swvTrekker);
    expect(to).not.toContain(DEMO.beheerder);
    const mail = mails.find((m) => m.text?.includes("Beste") && m.subject?.startsWith("Convocatie"))!;
    expect(mail.subject).toContain("Tussentijds overleg leerlingenvervoer");
    expect(mail.text).toContain("10 juni 2027, 14.00–16.30 uur");
    expect(mail.text).toContain("https://teams.example.nl/meet/oogo-123");
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toMatch(/^agenda-.*\.pdf$/);
    expect(pdf!.content.subarray(0, 5).toString()).toBe("%PDF-");

    const first = readIcs(icsOf(mail));
    expect(first.method).toBe("REQUEST");
    expect(first.sequence).toBe(0);
    expect(first.start.zone?.tzid).toBe("Europe/Amsterdam");
    expect(icsOf(mail)).toContain("DTSTART;TZID=Europe/Amsterdam:20270610T140000");
    expect([first.start.hour, first.start.minute, first.end.hour, first.end.minute]).toEqual([14, 0, 16, 30]);
    expect(first.start.toJSDate().toISOString()).toBe(new Date(start).toISOString());
    expect(first.end.toJSDate().toISOString()).toBe(new Date(end).toISOString());
    expect(first.organizer).toBe(`mailto:${DEMO.secretaris}`);
    expect(first.attendees).toContain(`mailto:${DEMO.groningenWethouder}`);

    // Moving the meeting after sending: an update with the same UID and SEQUENCE + 1.
    const later = nlLocalToInstant("2027-06-11", "09:30");
    const moved = await ctx.request(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      cookie: cookies.secretaris,
      body: { startsAt: later },
    });
    expect(moved.status).toBe(200);
    const movedView = await json<MeetingView>(moved);
    // The length stays: 2,5 hours.
    expect(instantToNlLocal(movedView.endsAt)).toEqual({ date: "2027-06-11", time: "12:00" });
    const updates = await deliver(mails.length);
    expect(updates).toHaveLength(mails.length);
    const update = updates[0]!;
    expect(update.subject).toMatch(/^Gewijzigd:/);
    const second = readIcs(icsOf(update));
    expect(second).toMatchObject({ method: "REQUEST", uid: first.uid, sequence: 1 });
    expect([second.start.hour, second.start.minute, second.end.hour]).toEqual([9, 30, 12]);

    // A change a calendar does not need (none) sends nothing; cancelling sends METHOD:CANCEL.
    const cancelled = await ctx.request(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      cookie: cookies.secretaris,
      body: { status: "geannuleerd" },
    });
    expect(cancelled.status).toBe(200);
    const cancels = await deliver(mails.length * 2);
    expect(cancels).toHaveLength(mails.length);
    expect(cancels[0]!.subject).toMatch(/^Geannuleerd:/);
    const third = readIcs(icsOf(cancels[0]!));
    expect(third).toMatchObject({ method: "CANCEL", uid: first.uid, sequence: 2, status: "CANCELLED" });
    expect(cancels[0]!.attachments.some((a) => a.contentType === "application/pdf")).toBe(false);

    const types = (
      await ctx.deps.database.db
        .select({ type: auditEvents.type })
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, ws), eq(auditEvents.entityId, meeting.id)))
    ).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["meeting.convened", "meeting.convocation_updated", "meeting.convocation_cancelled"]),
    );
  });

  it("sends the convocatie once; refuses a waarnemer, a trekker, another tafel's secretaris, and changes nothing", async () => {
    const meeting = await plan();
    for (const who of ["waarnemer", "swvTrekker"] as const) {
      const res = await ctx.request(`/api/meetings/${meeting.id}/convocation`, { cookie: cookies[who], body: {} });
      expect(res.status).toBe(403);
      expect((await apiError(res)).code).toBe("FORBIDDEN");
    }
    await createOtherTafel(ctx);
    const stranger = await ctx.login(OTHER_SECRETARY);
    const foreign = await ctx.request(`/api/meetings/${meeting.id}/convocation`, { cookie: stranger, body: {} });
    expect([403, 404]).toContain(foreign.status);
    const beheerder = await ctx.request(`/api/meetings/${meeting.id}/convocation`, {
      cookie: cookies.beheerder,
      body: {},
    });
    expect(beheerder.status).toBe(403);
    expect(smtp.received.length + (await deliver(0)).length).toBe(0);
    const unchanged = await json<MeetingView>(
      await ctx.request(`/api/meetings/${meeting.id}`, { cookie: cookies.secretaris }),
    );
    expect(unchanged.convocation).toBeNull();

    const stale = await ctx.request(`/api/meetings/${meeting.id}/convocation`, {
      cookie: cookies.secretaris,
      body: { expectedVersion: meeting.version + 5 },
    });
    expect(stale.status).toBe(409);
    expect(
      (await ctx.request(`/api/meetings/${meeting.id}/convocation`, { cookie: cookies.secretaris, body: {} })).status,
    ).toBe(200);
    const again = await ctx.request(`/api/meetings/${meeting.id}/convocation`, {
      cookie: cookies.secretaris,
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it("a changed agenda after the convocatie is flagged and sent on request: update with SEQUENCE + 1 and the new PDF", async () => {
    const meeting = await plan();
    const url = `/api/meetings/${meeting.id}`;
    const read = async () => json<MeetingView>(await ctx.request(url, { cookie: cookies.secretaris }));
    // Before a convocatie there is nothing to update.
    const early = await ctx.request(`${url}/convocation/agenda-update`, { cookie: cookies.secretaris, body: {} });
    expect(early.status).toBe(409);
    expect((await ctx.request(`${url}/convocation`, { cookie: cookies.secretaris, body: {} })).status).toBe(200);
    const convened = await deliver(0);
    expect((await read()).agendaChangedSinceConvocation).toBe(false);
    const unchanged = await ctx.request(`${url}/convocation/agenda-update`, { cookie: cookies.secretaris, body: {} });
    expect(unchanged.status).toBe(409);
    expect((await apiError(unchanged)).message).toMatch(/niet gewijzigd/);

    // Two agenda edits in a row: no mail by themselves, the meeting says the agenda changed.
    for (const title of ["Vervoer bij stages", "Vervoer naar het speciaal onderwijs"]) {
      const added = await ctx.request(`${url}/agenda`, { cookie: cookies.secretaris, body: { title } });
      expect(added.status).toBe(201);
    }
    expect(await deliver(convened.length)).toHaveLength(0);
    const flagged = await read();
    expect(flagged.agendaChangedSinceConvocation).toBe(true);

    // Only the secretaris sends it; a reader sees no flag to act on but is refused the verb.
    for (const who of ["waarnemer", "swvTrekker"] as const) {
      const res = await ctx.request(`${url}/convocation/agenda-update`, { cookie: cookies[who], body: {} });
      expect(res.status).toBe(403);
    }
    await createOtherTafel(ctx);
    const stranger = await ctx.login(OTHER_SECRETARY);
    const foreign = await ctx.request(`${url}/convocation/agenda-update`, { cookie: stranger, body: {} });
    expect([403, 404]).toContain(foreign.status);
    expect(await deliver(convened.length)).toHaveLength(0);

    const sent = await ctx.request(`${url}/convocation/agenda-update`, {
      cookie: cookies.secretaris,
      body: { expectedVersion: flagged.version },
    });
    expect(sent.status).toBe(200);
    const after = await json<MeetingView>(sent);
    expect(after.agendaChangedSinceConvocation).toBe(false);
    expect(after.convocation).toMatchObject({ sequence: 1 });
    const updates = await deliver(convened.length);
    expect(updates).toHaveLength(convened.length);
    const update = updates[0]!;
    expect(update.subject).toMatch(/^Gewijzigd:/);
    expect(update.text).toContain("De agenda van de vergadering");
    expect(readIcs(icsOf(update))).toMatchObject({ method: "REQUEST", sequence: 1 });
    const pdf = update.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf!.content.subarray(0, 5).toString()).toBe("%PDF-");
    const events = await ctx.deps.database.db
      .select({ type: auditEvents.type, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, meeting.id), eq(auditEvents.type, "meeting.convocation_updated")));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.data)).toContain("agenda");

    // Sent once: the same agenda is not sent again.
    const twice = await ctx.request(`${url}/convocation/agenda-update`, { cookie: cookies.secretaris, body: {} });
    expect(twice.status).toBe(409);
  });

  it("refuses an end before the start and an online link that is not https (Dutch message, field named)", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsAt: nlLocalToInstant("2027-06-10", "13:00") }, "endsAt"],
      [{ onlineUrl: "http://teams.example.nl/x" }, "onlineUrl"],
      [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl"],
      [{ onlineUrl: "https://gebruiker:geheim@teams.example.nl/x" }, "onlineUrl"],
    ];
    for (const [extra, field] of cases) {
      const res = await ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie: cookies.secretaris,
        body: { type: "tussentijds_overleg", title: "Overleg", startsAt: start, place: "Vries", ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      const err = await apiError(res);
      expect(err.field).toBe(field);
      expect(err.message).toMatch(/[a-z]/);
    }
    const noPlace = await ctx.request(`/api/workspaces/${ws}/meetings`, {
      cookie: cookies.secretaris,
      body: { type: "tussentijds_overleg", title: "Overleg", startsAt: start },
    });
    expect(noPlace.status).toBe(400);
  });
});
