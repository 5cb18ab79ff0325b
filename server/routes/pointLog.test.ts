/**
 * Tampering with the log directly in the database: the verify endpoint must say where the chain
 * breaks. This file drops the append-only triggers, so it has its own database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import * as match from "../testing/matchers.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { recordStance } from "../services/points/recordStance.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";
import { json } from "../testing/json.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";

let ctx: TestContext;
let ws: string;
let cookie: string;

const verify = async () => json<LogVerdictView>(await ctx.request(`/api/workspaces/${ws}/log/verify`, { cookie }));
const seqOf = async (type: string, pointId: string) => {
  const rs = await ctx.deps.database.client.execute({
    sql: "SELECT seq FROM audit_events WHERE workspace_id = ? AND entity_id = ? AND type = ? ORDER BY seq LIMIT 1",
    args: [ws, pointId, type],
  });
  return Number(rs.rows[0]!.seq);
};

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  cookie = await ctx.login(DEMO.waarnemer);
});
afterAll(() => ctx?.cleanup());

describe("log tampering is detected by GET /api/workspaces/:id/log/verify", () => {
  let pointId: string;

  beforeAll(async () => {
    const { point } = await createPoint(ctx.as(DEMO.swvTrekker), {
      workspaceId: ws,
      theme: "leerplicht_thuiszitters",
      title: "Casusoverleg binnen tien schooldagen",
    });
    pointId = point.id;
    await transitionPoint(ctx.as(DEMO.swvTrekker), {
      pointId,
      to: "in_bespreking",
      reason: "Start",
      expectedVersion: 1,
    });
    await recordStance(ctx.as(DEMO.groningenTrekker), {
      pointId,
      stance: "niet_akkoord",
      reasoning: "Tien schooldagen is te kort voor onze leerplichtafdeling.",
    });
    await recordStance(ctx.as(DEMO.swvTrekker), { pointId, stance: "akkoord" });
  });

  it("is valid before anyone tampers", async () => {
    const v = await verify();
    expect(v).toMatchObject({ valid: true, firstBrokenAt: null });
    expect(v.events).toBeGreaterThanOrEqual(5);
  });

  it("reports a forged row appended with raw SQL at its seq", async () => {
    const { events } = await verify();
    await ctx.deps.database.client.execute({
      sql: `INSERT INTO audit_events (workspace_id, seq, at, type, actor_user_id, actor_name, actor_role, actor_party_id, actor_party_name,
              entity_type, entity_id, from_status, to_status, reasoning, text_hash, data, prev_hash, hash)
            VALUES (?, ?, ?, 'point.signed', NULL, 'Vervalser', 'bestuurder', NULL, 'Gemeente Groningen', 'point', ?, NULL, NULL, NULL, NULL, '{}', ?, ?)`,
      args: [ws, events + 1, new Date().toISOString(), pointId, "0".repeat(64), "1".repeat(64)],
    });
    expect(await verify()).toMatchObject({ valid: false, events: events + 1, firstBrokenAt: events + 1 });
  });

  it("reports a deleted row (once the delete trigger is dropped) at the first event after the gap", async () => {
    const seq = await seqOf("point.stance_recorded", pointId);
    await ctx.deps.database.client.execute("DROP TRIGGER audit_events_no_delete");
    await ctx.deps.database.client.execute({
      sql: "DELETE FROM audit_events WHERE workspace_id = ? AND seq = ?",
      args: [ws, seq + 1],
    });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: seq + 2 });
  });

  it("reports a rewritten reasoning (once the update trigger is dropped) at that event", async () => {
    const seq = await seqOf("point.stance_recorded", pointId);
    await ctx.deps.database.client.execute("DROP TRIGGER audit_events_no_update");
    await ctx.deps.database.client.execute({
      sql: "UPDATE audit_events SET reasoning = 'Akkoord, geen bezwaren.' WHERE workspace_id = ? AND seq = ?",
      args: [ws, seq],
    });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: seq });
  });

  it("lists every broken event, so the first break does not hide the later ones", async () => {
    const seq = await seqOf("point.stance_recorded", pointId);
    // A genuine event after all that chains onto the forged row and is itself in order.
    await createPoint(ctx.as(DEMO.swvTrekker), {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: "Een punt na de vervalsing",
    });
    const v = await verify();
    // The rewritten reasoning; the forged row, which also follows the deleted one; nothing after it.
    expect(v.breaks.map((b) => [b.seq, b.problems])).toEqual([
      [seq, ["hash_mismatch"]],
      [seq + 2, ["out_of_sequence", "broken_link", "hash_mismatch"]],
    ]);
    expect(v.breaks[1]).toMatchObject({
      type: "point.signed",
      id: match.anyInstanceOf(Number),
      at: match.anyInstanceOf(String),
    });
    expect(v.events).toBe(seq + 2); // the stance, the forged row (seq + 2) and the new point's event
  });
});
