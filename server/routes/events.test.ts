/**
 * The live stream (SSE) of a tafel, read through the real app: who may open it, what it carries,
 * how fast, and that it ends when the member is removed or logs out.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberships, organisations, users, workspaceParties } from "../../db/schema/index.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import * as match from "../testing/matchers.ts";
import { hashPassword } from "../auth/password.ts";
import { newId } from "../auth/tokens.ts";
import { SSE_KEEPALIVE_MS } from "./events.ts";
import { apiError, json } from "../testing/json.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import type { MembersView } from "../../shared/schemas/workspace.ts";
import { insertBareTafel } from "../testing/bareTafel.ts";
import { sseReader } from "../testing/sseReader.ts";

let ctx: TestContext;
let ws: string;

const open = (cookie?: string, workspaceId = ws) => ctx.request(`/api/workspaces/${workspaceId}/events`, { cookie });

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
});
afterAll(() => ctx?.cleanup());

describe("GET /api/workspaces/:id/events", () => {
  it("refuses without a session (401), for a tafel one is not a member of (403) and an unknown tafel (404)", async () => {
    expect((await open()).status).toBe(401);
    const { db } = ctx.deps.database;
    const now = new Date().toISOString();
    const other = { ws: newId(), org: newId(), user: newId() };
    await db.insert(organisations).values({
      id: other.org,
      kind: "swv",
      name: "SWV Elders",
      swvCode: null,
      sector: "vo",
      cbsCode: null,
      createdAt: now,
    });
    await insertBareTafel(db, { id: other.ws, name: "Andere tafel", createdAt: now });
    await db
      .insert(workspaceParties)
      .values({ workspaceId: other.ws, organisationId: other.org, position: 0, coverageNote: null });
    await db.insert(users).values({
      id: other.user,
      email: "elders.sse@example.test",
      name: "Elders",
      passwordHash: await hashPassword("elders-wachtwoord"),
      createdAt: now,
    });
    await db.insert(memberships).values({
      id: newId(),
      workspaceId: other.ws,
      userId: other.user,
      organisationId: other.org,
      role: "trekker",
      title: null,
      createdAt: now,
      updatedAt: now,
    });
    const outsider = await ctx.login("elders.sse@example.test", "elders-wachtwoord");
    const denied = await open(outsider);
    expect(denied.status).toBe(403);
    expect((await apiError(denied)).code).toBe("FORBIDDEN");
    expect((await open(await ctx.login(DEMO.waarnemer), "bestaatniet")).status).toBe(404);
  });

  // How fast a change arrives is measured in bench/, not asserted here: this checks that it is
  // pushed (no polling) and that other tafels' changes are not.
  it("pushes changes of its own tafel only", async () => {
    const res = await open(await ctx.login(DEMO.waarnemer));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const sse = sseReader(res);
    expect(await sse.next()).toMatchObject({ event: "ready" });

    ctx.deps.events.emit("workspace.changed", {
      workspaceId: "anderetafel",
      entity: "point",
      entityId: "x",
      type: "point.created",
    });
    const trekker = await ctx.login(DEMO.swvTrekker);
    const created = await ctx.request(`/api/workspaces/${ws}/points`, {
      body: { theme: "doorgaande_lijn", title: "Live zichtbaar" },
      cookie: trekker,
    });
    expect(created.status).toBe(201);
    const { id } = await json<PointDetail>(created);
    const msg = await sse.next(10_000);
    expect(msg).toEqual({
      event: "change",
      data: JSON.stringify({ entity: "point", entityId: id, type: "point.created" }),
    });

    const move = await ctx.request(`/api/points/${id}/transitions`, {
      body: { to: "in_bespreking", reason: "Start", expectedVersion: 1 },
      cookie: trekker,
    });
    expect(move.status).toBe(200);
    expect(await sse.next(1000)).toMatchObject({
      event: "change",
      data: match.stringContaining("point.status_changed"),
    });
    await sse.cancel();
  });

  it("ends the stream when the member is removed from the tafel", async () => {
    const waarnemer = await ctx.login(DEMO.waarnemer);
    const sse = sseReader(await open(waarnemer));
    expect(await sse.next()).toMatchObject({ event: "ready" });
    const beheerder = await ctx.login(DEMO.beheerder);
    const { members } = await json<MembersView>(
      await ctx.request(`/api/workspaces/${ws}/members`, { cookie: beheerder }),
    );
    const target = members.find((m) => m.email === DEMO.waarnemer)!;
    // A role change keeps the stream open (it carries no content) …
    const changed = await ctx.request(`/api/workspaces/${ws}/members/${target.id}`, {
      method: "PATCH",
      body: { role: "waarnemer", title: "lid OPR" },
      cookie: beheerder,
    });
    expect(changed.status).toBe(200);
    expect(await sse.next()).toMatchObject({ event: "change", data: match.stringContaining("member.role_changed") });
    // … a removal ends it.
    const revoked = await ctx.request(`/api/workspaces/${ws}/members/${target.id}`, {
      method: "DELETE",
      cookie: beheerder,
    });
    expect(revoked.status).toBe(200);
    expect(await sse.ended(1000)).toBe(true);
    expect((await open(waarnemer)).status).toBe(403);
  });

  it("ends the stream when the member becomes beheerder: that role sees no content (ADR 0005)", async () => {
    // The secretaris: the only wethouder of Tynaarlo may not leave that seat empty (409).
    const secretaris = await ctx.login(DEMO.secretaris);
    const sse = sseReader(await open(secretaris));
    expect(await sse.next()).toMatchObject({ event: "ready" });
    const beheerder = await ctx.login(DEMO.beheerder);
    expect((await open(beheerder)).status).toBe(403);
    const target = ctx.demo.members[DEMO.secretaris]!.membershipId;
    const changed = await ctx.request(`/api/workspaces/${ws}/members/${target}`, {
      method: "PATCH",
      body: { role: "beheerder", partyId: null },
      cookie: beheerder,
    });
    expect(changed.status).toBe(200);
    expect(await sse.ended(1000)).toBe(true);
    expect((await open(secretaris)).status).toBe(403);
  });

  it("ends the stream when the session ends (logout)", async () => {
    const cookie = await ctx.login(DEMO.groningenTrekker);
    const sse = sseReader(await open(cookie));
    expect(await sse.next()).toMatchObject({ event: "ready" });
    expect((await ctx.request("/api/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect(await sse.ended(1000)).toBe(true);
  });

  it("sends a keepalive comment every 15 seconds", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const sse = sseReader(await open(await ctx.login(DEMO.swvBestuurder)));
      expect(await sse.next()).toMatchObject({ event: "ready" });
      vi.advanceTimersByTime(SSE_KEEPALIVE_MS - 1);
      vi.advanceTimersByTime(1);
      expect(await sse.next()).toEqual({ comment: "keepalive" });
      await sse.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it("is in the OpenAPI document with the points endpoints", async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await ctx.request("/api/openapi.json"));
    for (const path of [
      "/api/workspaces/{id}/events",
      "/api/workspaces/{id}/points",
      "/api/workspaces/{id}/board",
      "/api/workspaces/{id}/to-sign",
      "/api/points/{id}",
      "/api/points/{id}/stances",
      "/api/points/{id}/transitions",
      "/api/points/{id}/signoffs",
      "/api/points/{id}/history",
    ])
      expect(Object.keys(doc.paths), path).toContain(path);
  });
});
