import { readdirSync, readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { auditEvents, meetings as meetingRows } from "../../db/schema/index.ts";
import { documentNames, parseDocumentName } from "../../shared/collab/protocol.ts";
import type { MeetingSummary, MeetingView, ProcedureView } from "../../shared/schemas/meetings.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { isDocumentLocked } from "../services/documents/isDocumentLocked.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { localParts } from "./demoClock.ts";
import { DEMO_POINT_TITLES } from "./demoPoints.ts";

// Taken before the demo is seeded (in beforeAll): no event of the demo may carry the time of seeding.
const beforeSeeding = new Date().toISOString();
let ctx: TestContext;
let sec: string;
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretaris);
});
afterAll(() => ctx?.cleanup());

describe("demo meetings and procedure", { timeout: 120_000 }, () => {
  it("has past meetings of every kind with attendance, decisions and approved (locked) minutes, and one planned", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }),
    );
    expect(meetings.map((m) => m.type)).toEqual([
      "ambtelijke_werkgroep",
      "proef_oogo",
      "formeel_oogo",
      "tussentijds_overleg",
      "formeel_oogo",
    ]);
    const past = meetings.filter((m) => new Date(m.startsAt) < new Date());
    expect(past).toHaveLength(4);
    for (const m of past) {
      const view = await json<MeetingView>(await ctx.request(`/api/meetings/${m.id}`, { cookie: sec }));
      expect(view.minutesStatus).toBe("vastgesteld");
      expect(view.minutesHash).toBe(view.minutesApproval!.textHash);
      expect(view.attendance.length).toBeGreaterThan(3);
      expect(view.agenda.every((a) => a.decision)).toBe(true);
      // The record reads in order: decisions from the start of the meeting, minutes approved after it.
      for (const a of view.agenda) expect(a.decidedAt! >= m.startsAt, `${m.title}: ${a.title}`).toBe(true);
      expect(
        view.minutesApproval!.approvedAt >
          view.agenda
            .map((a) => a.decidedAt!)
            .sort()
            .at(-1)!,
        m.title,
      ).toBe(true);
      expect(
        (
          await isDocumentLocked(
            ctx.deps.database.db,
            parseDocumentName(documentNames.minutes(ctx.demo.workspaceId, m.id))!,
          )
        ).locked,
      ).toBe(true);
    }
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${past[2]!.id}`, { cookie: sec }));
    expect(formal.amendments).toHaveLength(1);
    expect(formal.amendments[0]!.changes!.added[0]).toMatch(/Anneke Smit/);
    const planned = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[4]!.id}`, { cookie: sec }));
    expect(planned).toMatchObject({ status: "gepland", minutesStatus: "concept" });
    expect(planned.agenda.find((a) => a.point)?.point?.status).toBe("geagendeerd");
  });

  it("reflects the dispute: no agreement at the formal OOGO, the decision to go to the commission after", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }),
    );
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[2]!.id}`, { cookie: sec }));
    const overleg = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[3]!.id}`, { cookie: sec }));
    const atFormal = formal.agenda.find((a) => a.title === DEMO_POINT_TITLES.vervoerOpdc)!;
    expect(atFormal).toMatchObject({
      decision: "geen_overeenstemming",
      pointStatusBefore: "geagendeerd",
      pointStatusAfter: "geen_overeenstemming",
      textChangedSince: false,
    });
    const atOverleg = overleg.agenda.find((a) => a.title === DEMO_POINT_TITLES.vervoerOpdc)!;
    expect(atOverleg.decision).toBe("in_geschil");
    expect(atOverleg.point?.status).toBe("in_geschil");
  });

  it("plays the formal OOGO as it happens: agreed in the meeting and signed afterwards, or signed at the table", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }),
    );
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[2]!.id}`, { cookie: sec }));
    // Every bestuurder was there "namens" their party; the Tynaarlo trekker sent apologies.
    expect(formal.attendance.filter((a) => a.mandate).map((a) => a.mandateLabel)).toEqual([
      expect.stringMatching(/^namens het bestuur van /),
      "namens het college van B&W van Groningen",
      "namens het college van B&W van Tynaarlo",
    ]);
    expect(formal.attendance.find((a) => a.name === "Lotte Hoekstra")!.attendance).toBe("afgemeld");
    const afterwards = formal.agenda.find((a) => a.title === DEMO_POINT_TITLES.aanspreekpunt)!;
    expect(afterwards).toMatchObject({ pointStatusBefore: "geagendeerd", pointStatusAfter: "akkoord_in_overleg" });
    expect(afterwards.point!.status).toBe("overeenstemming");
    const signed = await json<PointDetail>(await ctx.request(`/api/points/${afterwards.point!.id}`, { cookie: sec }));
    const valid = signed.signoffs.filter((x) => !x.verouderd);
    expect(valid).toHaveLength(3);
    // Signed after the decision, over the following days.
    for (const x of valid) expect(x.signedAt > afterwards.decidedAt!).toBe(true);
    const atTheTable = formal.agenda.find((a) => a.title === DEMO_POINT_TITLES.casusoverleg)!;
    expect(atTheTable).toMatchObject({ pointStatusBefore: "overeenstemming", pointStatusAfter: "overeenstemming" });
  });

  it("keeps a checklist with done, late, due and planned steps", async () => {
    const view = await json<ProcedureView>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/procedure`, { cookie: sec }),
    );
    const states = view.steps.map((s) => s.state);
    expect(states.filter((s) => s === "gedaan").length).toBeGreaterThanOrEqual(5);
    expect(states.filter((s) => s === "te_laat")).toHaveLength(1);
    expect(states.filter((s) => s === "binnenkort")).toHaveLength(1);
    expect(states).toContain("gepland");
  });

  it("lets the secretaris build the dossier for the demo dispute at once, on a valid log", async () => {
    expect((await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId })).valid).toBe(true);
    const { points } = await json<{ points: Array<{ id: string }> }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/points?status=in_geschil`, { cookie: sec }),
    );
    expect(points).toHaveLength(1);
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/dossier`, {
      cookie: sec,
      body: { pointIds: [points[0]!.id], route: "advies" },
    });
    expect(res.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const s of [
      DEMO_POINT_TITLES.vervoerOpdc,
      "Tussentijds bestuurlijk overleg leerlingenvervoer",
      "Formeel bestuurlijk OOGO ondersteuningsplan 2023–2027",
      "Besloten het geschil voor te leggen aan de Geschillencommissie OOGO",
      "Correctie: wethouder Anneke Smit",
      "Te laat",
      DEMO_POINT_TITLES.casusoverleg,
    ])
      expect(text.replace(/\s+/g, " "), s).toContain(s);
  });
});

describe("the demo's year, played through the verbs on a walking clock", { timeout: 120_000 }, () => {
  // A fresh copy of the seeded demo: the dossier built above has added an event of today.
  let ctx: TestContext;
  let sec: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    sec = await ctx.login(DEMO.secretaris);
  });
  afterAll(() => ctx?.cleanup());
  const log = () =>
    ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, ctx.demo.workspaceId))
      .orderBy(asc(auditEvents.seq));
  const DAY = 86_400_000;

  it("keeps a log that verifies through the API", async () => {
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/log/verify`, { cookie: sec });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: true, firstBrokenAt: null, breaks: [] });
  });

  it("dates its events over most of a school year, never going back, all before it was seeded", async () => {
    const events = await log();
    expect(events.length).toBeGreaterThan(150);
    for (const [i, e] of events.entries()) {
      if (i > 0) expect(e.at >= events[i - 1]!.at, `event ${e.seq} (${e.type}) before event ${e.seq - 1}`).toBe(true);
      expect(e.at < beforeSeeding, `event ${e.seq} carries the time of seeding`).toBe(true);
    }
    const first = new Date(events[0]!.at);
    const last = new Date(events.at(-1)!.at);
    expect(localParts(first).date).toBe("2025-09-01");
    expect(last.getTime() - first.getTime()).toBeGreaterThanOrEqual(270 * DAY);
    // Not a burst at seeding: the events fall on well over a hundred different days.
    expect(new Set(events.map((e) => localParts(new Date(e.at)).date)).size).toBeGreaterThan(60);
  });

  it("has people act on working days within office hours (Dutch time)", async () => {
    for (const e of await log()) {
      const { weekday, minuteOfDay, date, time } = localParts(new Date(e.at));
      expect(
        weekday >= 1 && weekday <= 5 && minuteOfDay >= 8 * 60 && minuteOfDay <= 18 * 60,
        `${e.type} on ${date} ${time}`,
      ).toBe(true);
    }
  });

  it("holds the werkgroep in autumn, the proef-OOGO in winter and the formal OOGO and tussentijds overleg in spring", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }),
    );
    const month = (m: MeetingSummary) => localParts(new Date(m.startsAt)).date.slice(0, 7);
    const [werkgroep, proef, formeel, tussentijds, planned] = meetings;
    expect(["2025-09", "2025-10", "2025-11"]).toContain(month(werkgroep!));
    expect(["2025-12", "2026-01", "2026-02"]).toContain(month(proef!));
    expect(["2026-03", "2026-04", "2026-05"]).toContain(month(formeel!));
    expect(["2026-03", "2026-04", "2026-05", "2026-06"]).toContain(month(tussentijds!));
    // The next formal OOGO is always ahead of the real date, on a working day.
    expect(new Date(planned!.startsAt).getTime()).toBeGreaterThan(Date.now() + 10 * DAY);
    expect([1, 2, 3, 4, 5]).toContain(localParts(new Date(planned!.startsAt)).weekday);
    // Each meeting was planned weeks before it took place.
    const created = new Map((await log()).filter((e) => e.type === "meeting.created").map((e) => [e.entityId, e.at]));
    for (const m of meetings)
      expect(new Date(m.startsAt).getTime() - new Date(created.get(m.id)!).getTime(), m.title).toBeGreaterThan(
        14 * DAY,
      );
  });

  it("records every step of a meeting at or after its start, and its minutes days after", async () => {
    const starts = new Map(
      (
        await ctx.deps.database.db.select().from(meetingRows).where(eq(meetingRows.workspaceId, ctx.demo.workspaceId))
      ).map((m) => [m.id, m.startsAt]),
    );
    const atMeeting = [
      "meeting.attendance_set",
      "meeting.decision_recorded",
      "minutes.approved",
      "minutes.amendment_opened",
      "minutes.amended",
    ];
    let checked = 0;
    for (const e of await log()) {
      const data = JSON.parse(e.data) as { meetingId?: string };
      // A point moved by a meeting's decision cites it; only the agenda's text lock comes before the meeting.
      const meetingId = atMeeting.includes(e.type)
        ? e.entityId
        : e.type === "point.status_changed" && e.toStatus !== "geagendeerd"
          ? data.meetingId
          : undefined;
      if (!meetingId) continue;
      expect(e.at >= starts.get(meetingId)!, `${e.type} (seq ${e.seq}) before the meeting started`).toBe(true);
      if (e.type.startsWith("minutes."))
        expect(new Date(e.at).getTime() - new Date(starts.get(meetingId)!).getTime()).toBeGreaterThan(DAY);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("has the bestuurders sign one point at the table, before the secretaris records the agreement", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }),
    );
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[2]!.id}`, { cookie: sec }));
    const events = await log();
    // The other agreed point (aanspreekpunt) is signed afterwards: see "plays the formal OOGO as it happens".
    for (const title of [DEMO_POINT_TITLES.casusoverleg]) {
      const item = formal.agenda.find((a) => a.title === title)!;
      expect(item).toMatchObject({ decision: "overeenstemming", pointStatusAfter: "overeenstemming" });
      const signed = events.filter((e) => e.type === "point.signed" && e.entityId === item.point!.id).map((e) => e.at);
      expect(signed).toHaveLength(3);
      for (const at of signed) expect(at >= formal.startsAt && at <= item.decidedAt!, title).toBe(true);
    }
  });

  it("writes through the verbs only: no demo file touches tables or the log", () => {
    const dir = new URL(".", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(new URL(file, dir), "utf8");
      const writes = (source.match(/\bappendEvent\(|\.insert\(|\.update\(|\.delete\(|writeTransaction\(/g) ?? [])
        .length;
      // Since issue 10 the tafel, its parties and members are set up through the verbs too: no exception left.
      expect(writes, file).toBe(0);
    }
  });
});
