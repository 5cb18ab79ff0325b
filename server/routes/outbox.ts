import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Id } from "../../shared/schemas/common.ts";
import { OutboxMailView, OutboxView } from "../../shared/schemas/outbox.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createContext } from "../services/serviceContext.ts";
import { listOutbox, retryMail } from "../mail/outbox.ts";

const WorkspaceParams = z.object({ id: Id });
const MailParams = z.object({ id: Id, mailId: Id });
const tags = ["Uitgaande e-mail"];
const ctxOf = (c: Context<AppEnv>) => createContext(c.var.deps, { actor: c.var.caller });

export const outboxRoutes = createRouter();
outboxRoutes.use("/workspaces/:id/outbox", requireCaller);
outboxRoutes.use("/workspaces/:id/outbox/*", requireCaller);

outboxRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/outbox",
      tags,
      summary: "Uitgaande e-mail van een tafel (beheerder)",
      description:
        "Nieuwste eerst, met status, pogingen en de laatste foutmelding. De tekst van een e-mail (met eenmalige links) alleen buiten productie.",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("Uitgaande e-mail", OutboxView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listOutbox(ctxOf(c), { workspaceId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/outbox/{mailId}/retry",
      tags,
      summary: "Niet verstuurde e-mail opnieuw proberen (beheerder)",
      description:
        "Zet de e-mail terug in de wachtrij; de verzender probeert het direct opnieuw. 409 als de e-mail al verstuurd is of al in de wachtrij staat.",
      request: { params: MailParams },
      responses: {
        200: jsonResponse("Weer in de wachtrij", z.object({ mail: OutboxMailView })),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id, mailId } = c.req.valid("param");
      return c.json({ mail: await retryMail(ctxOf(c), { workspaceId: id, mailId }) }, 200);
    },
  );
