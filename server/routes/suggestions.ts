import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import {
  DecidedSuggestion,
  SetSuggestOnlyInput,
  SuggestOnlyQuery,
  SuggestOnlyView,
} from "../../shared/schemas/suggestions.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { getSuggestOnly, setSuggestOnly } from "../services/suggestions/suggestOnly.ts";
import { listSuggestionDecisions } from "../services/suggestions/suggestionDecisions.ts";
import { verbContext } from "./verbContext.ts";

const tags = ["Voorstellen"];
const Params = z.object({ id: Id });

export const suggestionRoutes = createRouter();
suggestionRoutes.use("/workspaces/:id/suggestions/*", requireCaller);

suggestionRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/suggestions/alleen-voorstellen",
      tags,
      summary: "Wie bij een document alleen mag voorstellen",
      description: "`mine`: of de vrager alleen mag voorstellen. De lijst alleen voor wie dit mag instellen.",
      request: { params: Params, query: SuggestOnlyQuery },
      responses: { 200: jsonResponse("De instelling", SuggestOnlyView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await getSuggestOnly(verbContext(c), {
          workspaceId: c.req.valid("param").id,
          document: c.req.valid("query").document,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/workspaces/{id}/suggestions/alleen-voorstellen",
      tags,
      summary: "Iemand bij een document op 'alleen voorstellen' zetten (of dat opheffen)",
      description:
        "Vraagt `suggestions.restrict`. De sync-server controleert daarna elke wijziging van deze persoon (ADR 0016).",
      request: { params: Params, body: jsonBody(SetSuggestOnlyInput) },
      responses: { 200: jsonResponse("Ingesteld", SuggestOnlyView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await setSuggestOnly(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/suggestions/decisions",
      tags,
      summary: "Aanvaarde, verworpen en ingetrokken voorstellen bij een document",
      request: { params: Params, query: SuggestOnlyQuery },
      responses: {
        200: jsonResponse("Oudste eerst", z.object({ decisions: z.array(DecidedSuggestion) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          decisions: await listSuggestionDecisions(verbContext(c), {
            workspaceId: c.req.valid("param").id,
            document: c.req.valid("query").document,
          }),
        },
        200,
      ),
  );
