import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, jsonResponse } from "../http/router.ts";

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["Systeem"],
    summary: "Is de server in de lucht?",
    responses: { 200: jsonResponse("De server werkt", z.object({ status: z.literal("ok") })) },
  }),
  (c) => c.json({ status: "ok" as const }, 200),
);
