/**
 * Free text cannot break the log. For every free-text field that reaches the audit log (and the
 * others people type), through the real API:
 * - text with a decomposed accent ("e" + U+0301), emoji outside the BMP, and — in multi-line
 *   fields — tab and newline is accepted, stored in NFC, and the log still verifies;
 * - a NUL or a lone surrogate is refused with 400 VALIDATION_FAILED naming the field, and nothing
 *   is written (the log has as many events as before).
 * Below the schemas, appendEvent itself refuses what SQLite could not give back unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents, points } from "../../db/schema/index.ts";
import { writeTransaction } from "../../db/writeLock.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { MeetingView, ProcedureStepView } from "../../shared/schemas/meetings.ts";
import type { PointDetail, PointEventView } from "../../shared/schemas/points.ts";
import type { InviteResult, MembersView } from "../../shared/schemas/workspace.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import * as match from "../testing/matchers.ts";
import { apiError, json } from "../testing/json.ts";
import { appendEvent } from "../services/audit/appendEvent.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { minutesJson, seedDocument, approveByParties } from "../services/meetings/meetingFixtures.ts";
import { ApiError } from "../http/errors.ts";

let ctx: TestContext;
let ws: string;
const cookies: Record<string, string> = {};
const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const log = () =>
  ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws)).orderBy(asc(auditEvents.seq));
const verify = async () =>
  json<LogVerdictView>(await ctx.request(`/api/workspaces/${ws}/log/verify`, { cookie: cookies.sec }));

/** What a person may type: a decomposed é, emoji (surrogate pairs), and in multi-line text tab and newline. */
const SINGLE = "Cafe\u0301 overleg 😀 👩‍👩‍👧";
const SINGLE_NFC = "Caf\u00e9 overleg 😀 👩‍👩‍👧";
const MULTI = "Toelichting bij het cafe\u0301:\tpunt één\r\nregel twee 😀";
const MULTI_NFC = "Toelichting bij het caf\u00e9:\tpunt één\nregel twee 😀";
const HOSTILE: Array<[string, string]> = [
  ["NUL", "Een tekst\u0000 met een nulteken"],
  ["lone surrogate", "Een tekst \ud800 met een half teken"],
];

/** Does this event carry the value, as its reasoning or somewhere in its data? */
function eventHolds(row: { reasoning: string | null; data: string }, value: string): boolean {
  return row.reasoning === value || row.data.includes(JSON.stringify(value));
}

interface Case {
  name: string;
  /** The field the 400 must name (dot path as in the API error). */
  field: string;
  multiline: boolean;
  /** Whether the value lands in an audit event (else only in its own table). */
  logged: boolean;
  send(value: string): Promise<Response>;
  /** The stored form when it is not simply the NFC text (the opening text becomes paragraphs). */
  expected?: string;
  /** The value as stored, read back through the API after a successful send. */
  read(res: Response): Promise<string | null>;
}

let pointId: string;
let meeting: MeetingView;
let pastMeeting: MeetingView;
let approved: MeetingView;
let stepId: string;
/** An existing member whose function the "change" case edits: the demo waarnemer. */
const memberId = () => ctx.demo.members[DEMO.waarnemer]!.membershipId;
let pointVersion = 1;

async function meetingGet(id: string): Promise<MeetingView> {
  return json<MeetingView>(await ctx.request(`/api/meetings/${id}`, { cookie: cookies.sec }));
}
async function point() {
  const p = await json<PointDetail>(await ctx.request(`/api/points/${pointId}`, { cookie: cookies.trekker }));
  pointVersion = p.version;
  return p;
}

const cases: Case[] = [
  {
    name: "point title (create)",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/points`, { cookie: cookies.trekker, body: { theme: "jeugdhulp", title: v } }),
    read: async (res) => (await json<PointDetail>(res)).title,
  },
  {
    name: "point opening text (create)",
    field: "text",
    multiline: true,
    logged: false,
    // A single line break stays inside the paragraph as a space; blank lines separate paragraphs.
    expected: MULTI_NFC.replace("\n", " "),
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/points`, {
        cookie: cookies.trekker,
        body: { theme: "jeugdhulp", title: "Met begintekst", text: v },
      }),
    read: async (res) => {
      const doc = (await ctx.deps.documents.readJson((await json<PointDetail>(res)).documentName)) as {
        content: Array<{ content?: Array<{ text: string }> }>;
      };
      return doc.content.map((p) => (p.content ?? []).map((t) => t.text).join("")).join("\n");
    },
  },
  {
    name: "point title (update)",
    field: "title",
    multiline: false,
    logged: true,
    send: async (v) => {
      await point();
      return ctx.request(`/api/points/${pointId}`, {
        method: "PATCH",
        cookie: cookies.trekker,
        body: { title: v, expectedVersion: pointVersion },
      });
    },
    read: async () => (await point()).title,
  },
  {
    name: "transition reason",
    field: "reason",
    multiline: true,
    logged: true,
    send: async (v) => {
      await point();
      return ctx.request(`/api/points/${pointId}/transitions`, {
        cookie: cookies.trekker,
        body: { to: "in_bespreking", reason: v, expectedVersion: pointVersion },
      });
    },
    read: async () => {
      const history = await json<{ events: PointEventView[] }>(
        await ctx.request(`/api/points/${pointId}/history`, { cookie: cookies.trekker }),
      );
      return history.events.findLast((e) => e.type === "point.status_changed")!.reasoning;
    },
  },
  {
    name: "stance reasoning",
    field: "reasoning",
    multiline: true,
    logged: true,
    send: (v) =>
      ctx.request(`/api/points/${pointId}/stances`, {
        cookie: cookies.trekker,
        body: { stance: "niet_akkoord", reasoning: v },
      }),
    read: async () => (await point()).stances.find((s) => s.partyId === ctx.demo.parties.swv.id)!.reasoning,
  },
  {
    name: "meeting title (plan)",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie: cookies.sec,
        body: { type: "ambtelijke_werkgroep", title: v, startsAt: past(3), place: "Groningen" },
      }),
    read: async (res) => (await json<MeetingView>(res)).title,
  },
  {
    name: "meeting place (plan)",
    field: "place",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/meetings`, {
        cookie: cookies.sec,
        body: { type: "ambtelijke_werkgroep", title: "Werkgroep", startsAt: past(3), place: v },
      }),
    read: async (res) => (await json<MeetingView>(res)).place,
  },
  {
    name: "meeting title (change)",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/meetings/${meeting.id}`, { method: "PATCH", cookie: cookies.sec, body: { title: v } }),
    read: async () => (await meetingGet(meeting.id)).title,
  },
  {
    name: "meeting place (change)",
    field: "place",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/meetings/${meeting.id}`, { method: "PATCH", cookie: cookies.sec, body: { place: v } }),
    read: async () => (await meetingGet(meeting.id)).place,
  },
  {
    name: "attendee name",
    field: "attendees.0.name",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/meetings/${meeting.id}/attendance`, {
        method: "PUT",
        cookie: cookies.sec,
        body: { attendees: [{ partyId: null, name: v, capacity: "voorzitter", present: true }] },
      }),
    read: async () => (await meetingGet(meeting.id)).attendance[0]!.name,
  },
  {
    name: "attendee capacity",
    field: "attendees.0.capacity",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/meetings/${meeting.id}/attendance`, {
        method: "PUT",
        cookie: cookies.sec,
        body: { attendees: [{ partyId: null, name: "Anna de Vries", capacity: v, present: true }] },
      }),
    read: async () => (await meetingGet(meeting.id)).attendance[0]!.capacity,
  },
  {
    name: "agenda item title",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) => ctx.request(`/api/meetings/${pastMeeting.id}/agenda`, { cookie: cookies.sec, body: { title: v } }),
    read: async (res) => (await json<MeetingView>(res)).agenda.at(-1)!.title,
  },
  {
    name: "decision note",
    field: "note",
    multiline: true,
    logged: true,
    send: async (v) => {
      const item = (await meetingGet(pastMeeting.id)).agenda.at(-1)!;
      return ctx.request(`/api/meetings/${pastMeeting.id}/agenda/${item.id}/decision`, {
        cookie: cookies.sec,
        body: { decision: "besproken", note: v },
      });
    },
    read: async () => (await meetingGet(pastMeeting.id)).agenda.at(-1)!.decisionNote!,
  },
  {
    name: "minutes amendment reason",
    field: "reason",
    multiline: true,
    logged: true,
    send: (v) =>
      ctx.request(`/api/meetings/${approved.id}/minutes/amendments`, { cookie: cookies.sec, body: { reason: v } }),
    read: async () => (await meetingGet(approved.id)).amendments.at(-1)!.reason,
  },
  {
    name: "procedure step title (add)",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) => ctx.request(`/api/workspaces/${ws}/procedure/steps`, { cookie: cookies.sec, body: { title: v } }),
    read: async (res) => (await json<ProcedureStepView>(res)).title,
  },
  {
    name: "procedure step note (add)",
    field: "note",
    multiline: true,
    logged: true,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/procedure/steps`, {
        cookie: cookies.sec,
        body: { title: "Stap met notitie", note: v },
      }),
    read: async (res) => {
      const step = await json<ProcedureStepView>(res);
      stepId = step.id;
      return step.note;
    },
  },
  {
    name: "procedure step title (change)",
    field: "title",
    multiline: false,
    logged: true,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/procedure/steps/${stepId}`, {
        method: "PATCH",
        cookie: cookies.sec,
        body: { title: v },
      }),
    read: async (res) => (await json<ProcedureStepView>(res)).title,
  },
  {
    name: "procedure step note (change)",
    field: "note",
    multiline: true,
    logged: false,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/procedure/steps/${stepId}`, {
        method: "PATCH",
        cookie: cookies.sec,
        body: { note: v },
      }),
    read: async (res) => (await json<ProcedureStepView>(res)).note,
  },
  {
    // An invitation holds the typed name and function until the invitee accepts it.
    name: "member name (invite)",
    field: "name",
    multiline: false,
    logged: false,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/members`, {
        cookie: cookies.beheerder,
        body: {
          email: `nieuw${Math.random().toString(36).slice(2)}@example.nl`,
          name: v,
          role: "waarnemer",
          partyId: ctx.demo.parties.swv.id,
        },
      }),
    read: async (res) => (await json<InviteResult>(res)).invitation.name,
  },
  {
    name: "member function (invite)",
    field: "title",
    multiline: false,
    logged: false,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/members`, {
        cookie: cookies.beheerder,
        body: {
          email: `nieuw${Math.random().toString(36).slice(2)}@example.nl`,
          name: "Nieuwe Collega",
          role: "waarnemer",
          partyId: ctx.demo.parties.swv.id,
          title: v,
        },
      }),
    read: async (res) => (await json<InviteResult>(res)).invitation.title,
  },
  {
    name: "member function (change)",
    field: "title",
    multiline: false,
    logged: false,
    send: (v) =>
      ctx.request(`/api/workspaces/${ws}/members/${memberId()}`, {
        method: "PATCH",
        cookie: cookies.beheerder,
        body: { role: "waarnemer", partyId: ctx.demo.parties.swv.id, title: v },
      }),
    read: async () => {
      const { members } = await json<MembersView>(
        await ctx.request(`/api/workspaces/${ws}/members`, { cookie: cookies.beheerder }),
      );
      return members.find((m) => m.id === memberId())!.title;
    },
  },
];

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  cookies.sec = await ctx.login(DEMO.secretaris);
  cookies.trekker = await ctx.login(DEMO.swvTrekker);
  cookies.beheerder = await ctx.login(DEMO.beheerder);
  const res = await ctx.request(`/api/workspaces/${ws}/points`, {
    cookie: cookies.trekker,
    body: { theme: "jeugdhulp", title: "Punt voor vrije tekst" },
  });
  pointId = (await json<PointDetail>(res)).id;
  meeting = await json<MeetingView>(
    await ctx.request(`/api/workspaces/${ws}/meetings`, {
      cookie: cookies.sec,
      body: { type: "ambtelijke_werkgroep", title: "Werkgroep tekst", startsAt: past(2), place: "Groningen" },
    }),
  );
  pastMeeting = await json<MeetingView>(
    await ctx.request(`/api/workspaces/${ws}/meetings`, {
      cookie: cookies.sec,
      body: { type: "ambtelijke_werkgroep", title: "Werkgroep besluit", startsAt: past(4), place: "Groningen" },
    }),
  );
  approved = await json<MeetingView>(
    await ctx.request(`/api/workspaces/${ws}/meetings`, {
      cookie: cookies.sec,
      body: { type: "proef_oogo", title: "Proef-OOGO tekst", startsAt: past(5), place: "Vries" },
    }),
  );
  await seedDocument(ctx, documentNames.minutes(ws, approved.id), minutesJson("Aanwezig: alle partijen."));
  expect((await approveByParties(ctx, approved.id, cookies.sec)).status).toBe(200);
});
afterAll(() => ctx?.cleanup());

describe("free text through the API", () => {
  for (const c of cases) {
    it(`${c.name}: refuses NUL and lone surrogates naming "${c.field}", writes nothing; stores NFC and the log verifies`, async () => {
      for (const [what, bad] of HOSTILE) {
        const before = (await log()).length;
        const res = await c.send(bad);
        expect(res.status, `${what}: ${await res.clone().text()}`).toBe(400);
        const error = await apiError(res);
        expect(error).toMatchObject({ code: "VALIDATION_FAILED", field: c.field });
        expect(error.message).toMatch(/bevat op plaats \d+ een (onzichtbaar stuurteken \(U\+0000\)|onvolledig teken)/);
        expect((await log()).length, what).toBe(before);
      }
      if (!c.multiline) {
        const res = await c.send("Twee\nregels");
        expect(res.status).toBe(400);
        expect(await apiError(res)).toMatchObject({ field: c.field, message: match.stringContaining("regeleinde") });
      }

      const value = c.multiline ? MULTI : SINGLE;
      const expected = c.expected ?? (c.multiline ? MULTI_NFC : SINGLE_NFC);
      const before = (await log()).length;
      const res = await c.send(value);
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      expect(await c.read(res)).toBe(expected);
      const after = await log();
      if (c.logged)
        expect(
          after.slice(before).some((e) => eventHolds(e, expected)),
          "the event carries the NFC text",
        ).toBe(true);
      const v = await verify();
      expect(v).toMatchObject({ valid: true, firstBrokenAt: null, breaks: [], events: after.length });
    });
  }
});

describe("appendEvent refuses what the database would not give back unchanged", () => {
  it("SQLite keeps a NUL on write but cuts the TEXT short on read (why a NUL broke the chain)", async () => {
    const rs = await ctx.deps.database.client.execute({
      sql: "SELECT ? AS t, length(?) AS n",
      args: ["ab\u0000cd", "ab\u0000cd"],
    });
    expect(rs.rows[0]!.t).not.toBe("ab\u0000cd");
  });

  it("refuses NUL and lone surrogates in any event field, and the caller's change rolls back with it", async () => {
    const m = ctx.demo.members[DEMO.swvTrekker]!;
    const { point: p } = await createPoint(ctx.as(DEMO.swvTrekker), {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: "Buiten het schema om",
    });
    for (const reason of ["Reden met \u0000 nulteken", "Reden met \udc00 half teken"]) {
      const before = (await log()).length;
      // The service is called directly, bypassing the request schema, as a future route might.
      const err = await transitionPoint(ctx.as(DEMO.swvTrekker), {
        pointId: p.id,
        to: "in_bespreking",
        reason,
        expectedVersion: 1,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: "VALIDATION_FAILED", field: "reasoning" });
      expect((await log()).length).toBe(before);
      const [row] = await ctx.deps.database.db.select().from(points).where(eq(points.id, p.id));
      expect(row!.status).toBe("concept");
    }
    for (const field of ["type", "entityId", "actorName"] as const) {
      const before = (await log()).length;
      const input = {
        workspaceId: ws,
        type: "test.event",
        entityType: "test",
        entityId: "x",
        actor: { ...m },
        at: new Date().toISOString(),
      };
      if (field === "actorName") input.actor.userName = "Naam\u0000";
      else input[field] = "x\ud800";
      const err = await writeTransaction(ctx.deps.database, (tx) => appendEvent(tx, input)).catch((e: unknown) => e);
      expect(err, field).toMatchObject({ code: "VALIDATION_FAILED", field });
      expect((await log()).length).toBe(before);
    }
    expect(await verify()).toMatchObject({ valid: true });
  });

  it("keeps such characters inside `data`, which canonical JSON escapes, and the chain still verifies", async () => {
    const m = ctx.demo.members[DEMO.swvTrekker]!;
    const row = await writeTransaction(ctx.deps.database, (tx) =>
      appendEvent(tx, {
        workspaceId: ws,
        type: "test.event",
        entityType: "test",
        entityId: "x",
        actor: m,
        data: { raw: "a\u0000b\ud800c\u0007" },
        at: new Date().toISOString(),
      }),
    );
    expect(JSON.parse(row.data)).toEqual({ raw: "a\u0000b\ud800c\u0007" });
    expect(await verify()).toMatchObject({ valid: true });
  });
});
