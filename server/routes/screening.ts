import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { Id } from "../../shared/schemas/common.ts";
import { BespreekpuntView } from "../../shared/schemas/bespreekpunten.ts";
import {
  PlanScreeningView,
  PlanVersionId,
  ScreeningOpinionView,
  ScreeningThemeKey,
  SetScreeningOpinionInput,
} from "../../shared/schemas/screening.ts";
import { requireCaller } from "../auth/middleware.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { makeBespreekpuntFromScreening } from "../services/screening/bespreekpuntFromScreening.ts";
import { getPlanScreening } from "../services/screening/planScreening.ts";
import { listScreeningOpinions, setScreeningOpinion } from "../services/screening/screeningOpinions.ts";
import { verbContext } from "./verbContext.ts";

const VersionParams = z.object({ id: Id, planVersionId: PlanVersionId });
const ThemeParams = VersionParams.extend({ themeKey: ScreeningThemeKey });
const tags = ["Screening"];
const Opinions = z.object({ opinions: z.array(ScreeningOpinionView) });

const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

export const screeningRoutes = createRouter();
screeningRoutes.use("/workspaces/:id/screening/*", caller);

screeningRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/screening/{planVersionId}/opinions",
      tags,
      summary: "Oordelen van de partijen over de screening van een planversie",
      request: { params: VersionParams },
      responses: { 200: jsonResponse("De oordelen", Opinions), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, planVersionId } = c.req.valid("param");
      return c.json({ opinions: await listScreeningOpinions(verbContext(c), { workspaceId: id, planVersionId }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/workspaces/{id}/screening/{planVersionId}/opinions/{themeKey}",
      tags,
      summary: "Score van mijn partij voor een thema, met reden en citaat (ambtelijk trekker)",
      request: { params: ThemeParams, body: jsonBody(SetScreeningOpinionInput) },
      responses: { 200: jsonResponse("Vastgelegd", Opinions), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id, planVersionId, themeKey } = c.req.valid("param");
      const opinions = await setScreeningOpinion(verbContext(c), {
        ...c.req.valid("json"),
        workspaceId: id,
        planVersionId,
        themeKey,
      });
      return c.json({ opinions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/screening/{planVersionId}",
      tags,
      summary: "De screening van een planversie per thema, met de oordelen van de partijen en wat er verschoof",
      request: { params: VersionParams },
      responses: { 200: jsonResponse("De screening", PlanScreeningView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, planVersionId } = c.req.valid("param");
      return c.json(await getPlanScreening(verbContext(c), { workspaceId: id, planVersionId }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/screening/{planVersionId}/themes/{themeKey}/bespreekpunt",
      tags,
      summary: "Maak een bespreekpunt van een thema dat het plan niet of in algemene woorden beschrijft",
      request: { params: ThemeParams },
      responses: {
        201: jsonResponse("Het bespreekpunt", z.object({ bespreekpunt: BespreekpuntView })),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id, planVersionId, themeKey } = c.req.valid("param");
      const bespreekpunt = await makeBespreekpuntFromScreening(verbContext(c), {
        workspaceId: id,
        planVersionId,
        themeKey,
      });
      return c.json({ bespreekpunt }, 201);
    },
  );
