/** The Overzicht for the person looking, on the real demo tafel. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DashboardView } from "../../../shared/schemas/dashboard.ts";
import { apiError, json } from "../../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { pointAtAmbtelijkAkkoord } from "../meetings/meetingFixtures.ts";
import { createPoint } from "../points/createPoint.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { getDashboard } from "./getDashboard.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const dashboard = (email: string) => getDashboard(ctx.as(email), { workspaceId: ctx.demo.workspaceId });

describe("what waits for me", () => {
  it("a wethouder sees the point awaiting his signature; a party outside its scope does not", async () => {
    const groningen = ctx.demo.members[DEMO.groningenWethouder]!.partyId!;
    const pointId = await pointAtAmbtelijkAkkoord(ctx, {
      theme: "jeugdhulp",
      title: "Alleen voor Groningen",
      text: "T.",
      scope: [groningen],
    });
    const mine = await dashboard(DEMO.groningenWethouder);
    const item = mine.waiting.find((w) => w.path.endsWith(pointId));
    expect(item).toMatchObject({ kind: "sign", kindLabel: "Ondertekenen", title: "Alleen voor Groningen" });
    expect(item!.detail).toBe("Ambtelijk akkoord · 0 van 2 partijen ondertekend");
    expect(mine.counts.toSign).toBe(mine.waiting.filter((w) => w.kind === "sign").length);
    const tynaarlo = await dashboard(DEMO.tynaarloWethouder);
    expect(tynaarlo.waiting.some((w) => w.path.endsWith(pointId))).toBe(false);
    // Trekkers and the secretaris sign nothing.
    expect((await dashboard(DEMO.groningenTrekker)).counts.toSign).toBe(0);
    expect((await dashboard(DEMO.secretaris)).counts.toSign).toBe(0);
  });

  it("a trekker sees a point in bespreking that waits for their party's stance, until they give it", async () => {
    const trekker = ctx.as(DEMO.tynaarloTrekker);
    const { point } = await createPoint(trekker, {
      workspaceId: ctx.demo.workspaceId,
      theme: "jeugdhulp",
      title: "Standpunt gevraagd",
      text: "T.",
    });
    await transitionPoint(ctx.as(DEMO.swvTrekker), { pointId: point.id, to: "in_bespreking", reason: "Start" });
    const before = await dashboard(DEMO.tynaarloTrekker);
    expect(before.waiting.find((w) => w.path.endsWith(point.id))).toMatchObject({
      kind: "stance",
      detail: "Uw partij heeft nog geen standpunt",
    });
    expect((await dashboard(DEMO.tynaarloWethouder)).waiting.some((w) => w.kind === "stance")).toBe(false);
  });

  it("the secretaris sees procedure steps due or late; the next meeting and the board per theme for everyone", async () => {
    const secretaris = await dashboard(DEMO.secretaris);
    expect(secretaris.counts.steps).toBeGreaterThan(0);
    expect(secretaris.waiting.some((w) => w.kind === "step_due" || w.kind === "step_late")).toBe(true);
    const wethouder = await dashboard(DEMO.groningenWethouder);
    expect(wethouder.counts.steps).toBe(0);
    expect(wethouder.nextMeeting).not.toBeNull();
    expect(new Date(wethouder.nextMeeting!.startsAt).getTime()).toBeGreaterThan(Date.now());
    const total = wethouder.themes.reduce((n, t) => n + t.total, 0);
    expect(total).toBeGreaterThan(5);
    for (const t of wethouder.themes) expect(Object.values(t.groups).reduce((a, b) => a + b, 0)).toBe(t.total);
  });
});

describe("who may look", () => {
  it("the beheerder (no content), an unknown tafel, a malformed id and anyone not signed in are refused", async () => {
    const beheerder = await ctx.login(DEMO.beheerder);
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/dashboard`, { cookie: beheerder });
    expect(res.status).toBe(403);
    expect((await apiError(res)).code).toBe("FORBIDDEN");
    expect((await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/dashboard`)).status).toBe(401);
    const wethouder = await ctx.login(DEMO.groningenWethouder);
    expect((await ctx.request(`/api/workspaces/bestaat-niet/dashboard`, { cookie: wethouder })).status).toBe(404);
    expect((await ctx.request(`/api/workspaces/${"x".repeat(80)}/dashboard`, { cookie: wethouder })).status).toBe(400);
    const ok = await json<DashboardView>(
      await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/dashboard`, { cookie: wethouder }),
    );
    expect(ok.counts.unread).toBeGreaterThanOrEqual(0);
  });
});
