import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { documentNames, parseDocumentName } from "../../shared/collab/protocol.ts";
import type { MeetingSummary, MeetingView, ProcedureView } from "../../shared/schemas/meetings.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { isDocumentLocked } from "../services/documents/isDocumentLocked.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { DEMO_POINT_TITLES } from "./demoPoints.ts";

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
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }));
    expect(meetings.map((m) => m.type)).toEqual(["ambtelijke_werkgroep", "proef_oogo", "formeel_oogo", "tussentijds_overleg", "formeel_oogo"]);
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
      expect(view.minutesApproval!.approvedAt > view.agenda.map((a) => a.decidedAt!).sort().at(-1)!, m.title).toBe(true);
      expect((await isDocumentLocked(ctx.deps.database.db, parseDocumentName(documentNames.minutes(ctx.demo.workspaceId, m.id))!)).locked).toBe(true);
    }
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${past[2]!.id}`, { cookie: sec }));
    expect(formal.amendments).toHaveLength(1);
    expect(formal.amendments[0]!.changes!.added[0]).toMatch(/Anneke Smit/);
    const planned = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[4]!.id}`, { cookie: sec }));
    expect(planned).toMatchObject({ status: "gepland", minutesStatus: "concept" });
    expect(planned.agenda.find((a) => a.point)?.point?.status).toBe("geagendeerd");
  });

  it("reflects the dispute: no agreement at the formal OOGO, the decision to go to the commission after", async () => {
    const { meetings } = await json<{ meetings: MeetingSummary[] }>(await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/meetings`, { cookie: sec }));
    const formal = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[2]!.id}`, { cookie: sec }));
    const overleg = await json<MeetingView>(await ctx.request(`/api/meetings/${meetings[3]!.id}`, { cookie: sec }));
    const atFormal = formal.agenda.find((a) => a.title === DEMO_POINT_TITLES.vervoerOpdc)!;
    expect(atFormal).toMatchObject({ decision: "geen_overeenstemming", pointStatusBefore: "geagendeerd", pointStatusAfter: "geen_overeenstemming", textChangedSince: false });
    const atOverleg = overleg.agenda.find((a) => a.title === DEMO_POINT_TITLES.vervoerOpdc)!;
    expect(atOverleg.decision).toBe("in_geschil");
    expect(atOverleg.point?.status).toBe("in_geschil");
  });

  it("keeps a checklist with done, late, due and planned steps", async () => {
    const view = await json<ProcedureView>(await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/procedure`, { cookie: sec }));
    const states = view.steps.map((s) => s.state);
    expect(states.filter((s) => s === "gedaan").length).toBeGreaterThanOrEqual(5);
    expect(states.filter((s) => s === "te_laat")).toHaveLength(1);
    expect(states.filter((s) => s === "binnenkort")).toHaveLength(1);
    expect(states).toContain("gepland");
  });

  it("lets the secretaris build the dossier for the demo dispute at once, on a valid log", async () => {
    expect((await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId })).valid).toBe(true);
    const { points } = await json<{ points: Array<{ id: string }> }>(await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/points?status=in_geschil`, { cookie: sec }));
    expect(points).toHaveLength(1);
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/dossier`, { cookie: sec, body: { pointIds: [points[0]!.id], route: "advies" } });
    expect(res.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const s of [
      DEMO_POINT_TITLES.vervoerOpdc, "Tussentijds bestuurlijk overleg leerlingenvervoer", "Formeel bestuurlijk OOGO ondersteuningsplan 2023–2027",
      "Besloten het geschil voor te leggen aan de Geschillencommissie OOGO", "Correctie: wethouder Anneke Smit", "Te laat", DEMO_POINT_TITLES.casusoverleg,
    ]) expect(text.replace(/\s+/g, " "), s).toContain(s);
  });
});
