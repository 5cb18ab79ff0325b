/**
 * Witnesses of the log: a party that kept a logboekkenmerk ("event N had hash H") can prove
 * that the log was not cut short or rewritten with a recomputed chain — two things the chain on
 * its own cannot show. This file drops the append-only triggers, so it has its own database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditEvents } from "../../db/schema/index.ts";
import { eventHash } from "../../shared/domain/auditChain.ts";
import { logKenmerk, parseLogKenmerk } from "../../shared/domain/logWitness.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { apiError, json } from "../testing/json.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";
import { createOtherTafel, OTHER_SECRETARY, OUTSIDER } from "../services/meetings/meetingFixtures.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";

let ctx: TestContext;
let ws: string;
let other: Awaited<ReturnType<typeof createOtherTafel>>;
const cookies: Record<string, string> = {};

const verifyRes = (query = "", workspaceId = ws, cookie = cookies.waarnemer) =>
  ctx.request(`/api/workspaces/${workspaceId}/log/verify${query}`, { cookie });
const verify = async (query = "", workspaceId = ws, cookie = cookies.waarnemer) => {
  const res = await verifyRes(query, workspaceId, cookie);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<LogVerdictView>(res);
};
const withKenmerk = (kenmerk: string) => {
  const k = parseLogKenmerk(kenmerk)!;
  return `?count=${k.count}&head=${k.head}`;
};
const rows = () =>
  ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws)).orderBy(asc(auditEvents.seq));

async function someEvents(n: number) {
  for (let i = 0; i < n; i++) {
    const { point } = await createPoint(ctx.as(DEMO.swvTrekker), {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: `Punt ${i + 1} na het kenmerk`,
    });
    await transitionPoint(ctx.as(DEMO.swvTrekker), {
      pointId: point.id,
      to: "in_bespreking",
      reason: "Bespreken in de werkgroep",
      expectedVersion: 1,
    });
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  other = await createOtherTafel(ctx);
  cookies.waarnemer = await ctx.login(DEMO.waarnemer);
  cookies.otherSec = await ctx.login(OTHER_SECRETARY);
  const planned = await ctx.request(`/api/workspaces/${other.workspaceId}/meetings`, {
    cookie: cookies.otherSec,
    body: {
      type: "ambtelijke_werkgroep",
      title: "Werkgroep andere tafel",
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      place: "Voorbeeld",
    },
  });
  expect(planned.status).toBe(201);
  cookies.outsider = await ctx.login(OUTSIDER);
});
afterAll(() => ctx?.cleanup());

describe("the log kenmerk", () => {
  it("is reported by verify as the current head", async () => {
    const v = await verify();
    const last = (await rows()).at(-1)!;
    expect(v).toMatchObject({
      valid: true,
      events: last.seq,
      headHash: last.hash,
      headAt: last.at,
      kenmerk: logKenmerk(last.seq, last.hash),
    });
    expect(v.kenmerk).toMatch(/^L-\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(v.witness).toBeUndefined();
  });

  it("is still extended after more events, whether the short digits or the full hash was kept", async () => {
    const kept = await verify();
    await someEvents(2);
    const now = await verify(withKenmerk(kept.kenmerk));
    expect(now.events).toBe(kept.events + 4);
    expect(now.witness).toEqual({
      count: kept.events,
      head: parseLogKenmerk(kept.kenmerk)!.head,
      at: kept.headAt,
      extends: true,
      problem: null,
    });
    expect((await verify(`?count=${kept.events}&head=${kept.headHash}`)).witness).toMatchObject({ extends: true });
    // Hyphens and capitals as printed on paper are fine too.
    const printed = kept.kenmerk.split("-").slice(2).join("-");
    expect((await verify(`?count=${kept.events}&head=${printed}`)).witness).toMatchObject({ extends: true });
  });

  it("of another tafel is never extended by this one (event hashes include the tafel)", async () => {
    const foreign = await verify("", other.workspaceId, cookies.otherSec);
    expect(foreign.events).toBeGreaterThan(0);
    expect((await verify(withKenmerk(foreign.kenmerk))).witness).toMatchObject({
      extends: false,
      problem: "hash_differs",
    });
    const mine = await verify();
    expect((await verify(withKenmerk(mine.kenmerk), other.workspaceId, cookies.otherSec)).witness).toMatchObject({
      extends: false,
      problem: "fewer_events",
    });
  });

  it("refuses malformed count and head with VALIDATION_FAILED naming the parameter", async () => {
    const head = "9f3a2c7b01d4e5a6";
    const cases: Array<[string, string]> = [
      [`?count=abc&head=${head}`, "count"],
      [`?count=-1&head=${head}`, "count"],
      [`?count=01&head=${head}`, "count"],
      [`?count=1.5&head=${head}`, "count"],
      [`?count=1234567890&head=${head}`, "count"],
      [`?count=&head=${head}`, "count"],
      ["?count=3&head=xyz", "head"],
      ["?count=3&head=9F3A", "head"],
      [`?count=3&head=${head}0`, "head"],
      [`?count=3&head=${"g".repeat(64)}`, "head"],
      [`?count=3&head=${"a".repeat(101)}`, "head"],
      ["?count=3", "head"],
      [`?head=${head}`, "count"],
    ];
    for (const [query, field] of cases) {
      const res = await verifyRes(query);
      expect(res.status, query).toBe(400);
      expect(await apiError(res), query).toMatchObject({ code: "VALIDATION_FAILED", field });
    }
  });

  it("is checked only for members of the tafel", async () => {
    const q = `?count=1&head=${"0".repeat(16)}`;
    expect((await ctx.request(`/api/workspaces/${ws}/log/verify${q}`)).status).toBe(401);
    expect((await verifyRes(q, ws, cookies.outsider)).status).toBe(403);
    expect((await verifyRes(q, ws, cookies.otherSec)).status).toBe(403);
  });
});

describe("tampering a kept kenmerk exposes", () => {
  it("deleting the newest events: the chain still holds, the kenmerk says events are missing", async () => {
    await someEvents(1);
    const kept = await verify();
    await ctx.deps.database.client.execute("DROP TRIGGER IF EXISTS audit_events_no_delete");
    await ctx.deps.database.client.execute({
      sql: "DELETE FROM audit_events WHERE workspace_id = ? AND seq > ?",
      args: [ws, kept.events - 2],
    });
    const after = await verify(withKenmerk(kept.kenmerk));
    expect(after).toMatchObject({ valid: true, events: kept.events - 2, breaks: [] });
    expect(after.witness).toMatchObject({ extends: false, problem: "fewer_events" });
  });

  it("rewriting an event and recomputing the chain after it: the chain holds, the kenmerk's hash differs", async () => {
    await someEvents(1);
    const kept = await verify();
    await ctx.deps.database.client.execute("DROP TRIGGER IF EXISTS audit_events_no_update");
    const all = await rows();
    const from = all.findLast((e) => e.type === "point.status_changed")!.seq;
    let prev = all.find((e) => e.seq === from - 1)!.hash;
    for (const e of all.filter((r) => r.seq >= from)) {
      const content = { ...e, prevHash: prev, reasoning: e.seq === from ? "Herschreven reden" : e.reasoning };
      const hash = eventHash(content);
      await ctx.deps.database.client.execute({
        sql: "UPDATE audit_events SET reasoning = ?, prev_hash = ?, hash = ? WHERE id = ?",
        args: [content.reasoning, prev, hash, e.id],
      });
      prev = hash;
    }
    const after = await verify(withKenmerk(kept.kenmerk));
    expect(after).toMatchObject({ valid: true, events: kept.events, breaks: [] });
    expect(after.headHash).not.toBe(kept.headHash);
    expect(after.witness).toMatchObject({ extends: false, problem: "hash_differs" });
    expect((await verify(`?count=${kept.events}&head=${kept.headHash}`)).witness).toMatchObject({
      extends: false,
      problem: "hash_differs",
    });
  });

  it("rewriting an event without recomputing: the kept head still matches, but the chain is broken", async () => {
    await someEvents(1);
    const kept = await verify();
    const target = (await rows()).findLast((e) => e.type === "point.created")!;
    await ctx.deps.database.client.execute({
      sql: "UPDATE audit_events SET actor_name = 'Iemand anders' WHERE id = ?",
      args: [target.id],
    });
    const after = await verify(withKenmerk(kept.kenmerk));
    expect(after).toMatchObject({
      valid: false,
      firstBrokenAt: target.seq,
      breaks: [{ seq: target.seq, problems: ["hash_mismatch"] }],
    });
    expect(after.witness).toMatchObject({ extends: false, problem: "chain_broken" });
  });
});
