import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { streamSSE } from "hono/streaming";
import { Id } from "../../shared/schemas/common.ts";
import type { LiveChange } from "../../shared/schemas/points.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { can } from "../../shared/domain/roles.ts";
import { findMembership, requireMembership } from "../auth/access.ts";

/** A comment line this often keeps proxies from closing an idle stream. */
export const SSE_KEEPALIVE_MS = 15_000;

const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

export const eventRoutes = createRouter();
eventRoutes.use("/workspaces/:id/events", caller);

/**
 * The live stream of a tafel (Server-Sent Events). It carries no content, only "this changed"
 * notices (`event: change`, data `{entity, entityId, type}`) that make open clients refetch
 * what they show, so access control stays with the REST endpoints. Events are forwarded as they
 * are published (after the commit), well within a second. The stream ends when the member is
 * removed from the tafel or the session ends.
 */
eventRoutes.openapi(
  createRoute({
    method: "get",
    path: "/workspaces/{id}/events",
    tags: ["Live"],
    summary: "Live wijzigingen van een tafel (Server-Sent Events)",
    description:
      "Eerst `event: ready`, daarna `event: change` met `{entity, entityId, type}` per wijziging; elke 15 s een commentaarregel als keepalive.",
    request: { params: z.object({ id: Id }) },
    responses: {
      200: { description: "Een text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { id: workspaceId } = c.req.valid("param");
    const { deps, caller: who } = c.var;
    // content.read: not the beheerder. Let: a role or party change re-reads it below.
    let member = await requireMembership(deps.database.db, who, workspaceId);

    return streamSSE(c, async (stream) => {
      // The executor runs at once, so `finish` is set before anything can call it.
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      stream.onAbort(() => finish());

      const send = (change: LiveChange) => {
        if (!stream.closed && !stream.aborted) void stream.writeSSE({ event: "change", data: JSON.stringify(change) });
      };
      const offChanged = deps.events.on("workspace.changed", (e) => {
        if (e.workspaceId !== workspaceId) return;
        // A party's internal note is announced to that party only (ADR 0012).
        if (e.partyId !== undefined && e.partyId !== member.partyId) return;
        // A notice is one person's: only their own stream hears that their inbox changed.
        if (e.entity === "notification" && e.entityId !== who.userId) return;
        send({ entity: e.entity, entityId: e.entityId, type: e.type });
      });
      const offMembership = deps.events.on("membership.changed", (e) => {
        if (e.workspaceId !== workspaceId || e.userId !== who.userId) return;
        // A role change keeps the stream; a removal or a role without content.read ends it.
        void findMembership(deps.database.db, who.userId, workspaceId).then(
          (m) => {
            if (!m || !can(m.role, "content.read")) finish();
            else member = m;
          },
          () => finish(),
        );
      });
      const offSession = deps.events.on("session.ended", (e) => {
        if (e.sessionId === who.sessionId) finish();
      });
      const keepalive = setInterval(() => void stream.write(": keepalive\n\n"), SSE_KEEPALIVE_MS);
      try {
        await stream.writeSSE({ event: "ready", data: JSON.stringify({ workspaceId }), retry: 2000 });
        await finished;
      } finally {
        clearInterval(keepalive);
        offChanged();
        offMembership();
        offSession();
      }
    });
  },
);
