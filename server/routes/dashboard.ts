import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import { DashboardView } from "../../shared/schemas/dashboard.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";
import { getDashboard } from "../services/dashboard/getDashboard.ts";
import { verbContext } from "./verbContext.ts";

/** The tafel's Overzicht for the person looking (issue 13). */
export const dashboardRoutes = createRouter();
dashboardRoutes.use("/workspaces/:id/dashboard", requireCaller);

dashboardRoutes.openapi(
  createRoute({
    method: "get",
    path: "/workspaces/{id}/dashboard",
    tags: ["Overzicht"],
    summary: "Wat op mij wacht, het volgende overleg en het bord in één regel per thema",
    request: { params: z.object({ id: Id }) },
    responses: { 200: jsonResponse("Overzicht", DashboardView), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => c.json(await getDashboard(verbContext(c), { workspaceId: c.req.valid("param").id }), 200),
);
