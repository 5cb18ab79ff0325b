/**
 * The export and log verbs have the verb(ctx, input) shape: they ask who acts themselves (no
 * route in between) and take the time they log from ctx.clock, never from the wall clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditEvents, points } from "../../../db/schema/index.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { anyInstanceOf } from "../../testing/matchers.ts";
import { createOtherTafel } from "../meetings/meetingFixtures.ts";
import { verifyLog } from "../audit/verifyLog.ts";
import { actingAs, type ServiceContext } from "../serviceContext.ts";
import { buildDossier } from "./buildDossier.ts";
import { exportOplegger } from "./exportOplegger.ts";

let ctx: TestContext;
let ws: string;
let disputed: string;
let otherTafel: ServiceContext;
const log = () =>
  ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws)).orderBy(asc(auditEvents.seq));
const at = (iso: string) => ({ now: () => new Date(iso) });

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  const [point] = await ctx.deps.database.db
    .select()
    .from(points)
    .where(and(eq(points.workspaceId, ws), inArray(points.status, ["in_geschil", "geen_overeenstemming"])))
    .limit(1);
  disputed = point!.id;
  const other = await createOtherTafel(ctx);
  otherTafel = actingAs(ctx.system, {
    userId: other.secretary.userId,
    email: "secretaris@andere-tafel.test",
    name: other.secretary.userName,
    sessionId: "test",
  });
}, 120_000);
afterAll(() => ctx?.cleanup());

describe("export and log verbs", { timeout: 120_000 }, () => {
  it("log the export at the time of ctx.clock", async () => {
    await exportOplegger(
      { ...ctx.as(DEMO.waarnemer), clock: at("2031-02-03T04:05:06.007Z") },
      { workspaceId: ws, format: "pdf" },
    );
    expect((await log()).at(-1)).toMatchObject({
      type: "oplegger.generated",
      at: "2031-02-03T04:05:06.007Z",
      actorName: anyInstanceOf(String),
    });
    await buildDossier(
      { ...ctx.as(DEMO.secretaris), clock: at("2031-02-04T10:00:00.000Z") },
      { workspaceId: ws, pointIds: [disputed], route: "advies", format: "docx" },
    );
    expect((await log()).at(-1)).toMatchObject({ type: "dossier.generated", at: "2031-02-04T10:00:00.000Z" });
    expect((await verifyLog(ctx.as(DEMO.waarnemer), { workspaceId: ws })).valid).toBe(true);
  });

  it("authorise inside the verb: no actor, a member of another tafel, a role without the capability — nothing logged", async () => {
    const before = (await log()).length;
    const denied = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { code?: string }) => e.code,
      );
    expect(await denied(exportOplegger(ctx.system, { workspaceId: ws, format: "pdf" }))).toBe("UNAUTHENTICATED");
    expect(
      await denied(buildDossier(ctx.system, { workspaceId: ws, pointIds: [disputed], route: "advies", format: "pdf" })),
    ).toBe("UNAUTHENTICATED");
    expect(await denied(verifyLog(ctx.system, { workspaceId: ws }))).toBe("UNAUTHENTICATED");
    expect(await denied(exportOplegger(otherTafel, { workspaceId: ws, format: "pdf" }))).toBe("FORBIDDEN");
    expect(
      await denied(buildDossier(otherTafel, { workspaceId: ws, pointIds: [disputed], route: "advies", format: "pdf" })),
    ).toBe("FORBIDDEN");
    expect(await denied(verifyLog(otherTafel, { workspaceId: ws }))).toBe("FORBIDDEN");
    expect(await denied(exportOplegger(ctx.as(DEMO.beheerder), { workspaceId: ws, format: "pdf" }))).toBe("FORBIDDEN");
    for (const email of [DEMO.groningenTrekker, DEMO.swvBestuurder, DEMO.waarnemer, DEMO.beheerder]) {
      expect(
        await denied(
          buildDossier(ctx.as(email), { workspaceId: ws, pointIds: [disputed], route: "advies", format: "pdf" }),
        ),
        email,
      ).toBe("FORBIDDEN");
    }
    expect((await log()).length).toBe(before);
  });
});
