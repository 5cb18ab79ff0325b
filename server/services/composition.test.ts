/**
 * Verbs as `verb(ctx, input)` on the real demo tafel: authorisation from `ctx.actor`, nesting
 * inside another verb's transaction without deadlock, and time from `ctx.clock`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { ApiError } from "../http/errors.ts";
import { addAgendaItem } from "./meetings/addAgendaItem.ts";
import { createMeeting } from "./meetings/createMeeting.ts";
import { decideAgendaItem } from "./meetings/decideAgendaItem.ts";
import { createPoint } from "./points/createPoint.ts";
import { getPointDetail } from "./points/getPointDetail.ts";
import { paragraphEdit } from "./points/paragraphEdit.ts";
import { loadPoint } from "./points/pointState.ts";
import { pointDocumentName } from "./points/pointText.ts";
import { recordStance } from "./points/recordStance.ts";
import { refreshPointText } from "./points/refreshPointText.ts";
import { transitionPoint } from "./points/transitionPoint.ts";
import { withTransaction, type ServiceContext } from "./serviceContext.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
  );

async function pointInBespreking() {
  const trekker = ctx.as(DEMO.swvTrekker);
  const { point } = await createPoint(trekker, {
    workspaceId: ctx.demo.workspaceId,
    theme: "jeugdhulp",
    title: "Samen",
    text: "Begin.",
  });
  await transitionPoint(trekker, { pointId: point.id, to: "in_bespreking", reason: "Start" });
  return point;
}
const edit = async (point: { id: string; workspaceId: string }, text: string) => {
  const name = pointDocumentName(point);
  await ctx.store.append(name, [paragraphEdit(await ctx.store.load(name), text)]);
};

describe("verbs authorise from ctx.actor", () => {
  it("without an actor 401; an unknown point 404 before a non-member 403", async () => {
    const point = await pointInBespreking();
    expect(await codeOf(getPointDetail(ctx.system, { pointId: point.id }))).toBe("UNAUTHENTICATED");
    expect(await codeOf(getPointDetail(ctx.as(DEMO.swvTrekker), { pointId: "bestaatniet" }))).toBe("NOT_FOUND");
    const stranger: ServiceContext = {
      ...ctx.system,
      actor: { userId: "niemand", email: "x@y.test", name: "X", sessionId: "s" },
    };
    expect(await codeOf(getPointDetail(stranger, { pointId: "bestaatniet" }))).toBe("NOT_FOUND");
    expect(await codeOf(getPointDetail(stranger, { pointId: point.id }))).toBe("FORBIDDEN");
  });
});

describe("point verbs inside another verb's transaction", () => {
  it("do not catch up with a pending text change there: TEXT_CHANGED, and the outer work rolls back with them", async () => {
    const point = await pointInBespreking();
    await edit(point, "Een wijziging die de cache nog niet kent.");
    const before = (await loadPoint(ctx.deps.database.db, point.id))!;
    const outer = withTransaction(ctx.as(DEMO.swvTrekker), async (t) => {
      await recordStance(t, { pointId: point.id, stance: "akkoord" });
    });
    expect(await codeOf(outer)).toBe("TEXT_CHANGED");
    expect(await loadPoint(ctx.deps.database.db, point.id)).toEqual(before);
    // On its own the verb catches up first (committed separately) and then records the stance on the new text.
    const { point: after } = await recordStance(ctx.as(DEMO.swvTrekker), { pointId: point.id, stance: "akkoord" });
    expect(after.textHash).not.toBe(before.textHash);
  });

  it("an explicit refresh joins the transaction: its text change commits with it or not at all", async () => {
    const point = await pointInBespreking();
    await recordStance(ctx.as(DEMO.swvTrekker), { pointId: point.id, stance: "akkoord" });
    await edit(point, "Nog een zin.");
    const before = (await loadPoint(ctx.deps.database.db, point.id))!;
    const heard: string[] = [];
    ctx.deps.events.on("workspace.changed", (e) => {
      if (e.entityId === point.id) heard.push(e.type);
    });
    const failing = withTransaction(ctx.system, async (t) => {
      expect(await refreshPointText(t, { pointId: point.id })).toMatchObject({ changed: true, logged: true });
      throw new Error("afgebroken");
    });
    await expect(failing).rejects.toThrow("afgebroken");
    expect(await loadPoint(ctx.deps.database.db, point.id)).toEqual(before);
    expect(heard).toEqual([]);
    await withTransaction(ctx.system, (t) => refreshPointText(t, { pointId: point.id }));
    expect((await loadPoint(ctx.deps.database.db, point.id))!.textHash).not.toBe(before.textHash);
    expect(heard).toEqual(["point.text_changed"]);
  });
});

describe("time comes from ctx.clock", () => {
  it("a decision is refused before the meeting starts and recorded once the clock has reached it", async () => {
    const startsAt = "2031-05-12T09:00:00.000Z";
    const secretaris = ctx.as(DEMO.secretaris);
    const meeting = await createMeeting(secretaris, {
      workspaceId: ctx.demo.workspaceId,
      type: "ambtelijke_werkgroep",
      title: "Werkgroep",
      startsAt,
      place: "Groningen",
    });
    const withItem = await addAgendaItem(secretaris, { meetingId: meeting.id, title: "Rondvraag" });
    const itemId = withItem.agenda[0]!.id;
    const at = (iso: string): ServiceContext => ({ ...secretaris, clock: { now: () => new Date(iso) } });
    const decide = (c: ServiceContext) =>
      decideAgendaItem(c, { meetingId: meeting.id, itemId, decision: "besproken", note: "Besproken." });
    expect(await codeOf(decide(at("2031-05-12T08:59:59.000Z")))).toBe("CONFLICT");
    const decided = await decide(at("2031-05-12T10:30:00.000Z"));
    expect(decided.agenda[0]).toMatchObject({ decision: "besproken", decidedAt: "2031-05-12T10:30:00.000Z" });
  });
});
