import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import {
  AgendeerInput,
  BespreekpuntenList,
  BespreekpuntView,
  CreateBespreekpuntInput,
  MakePointInput,
  UpdateBespreekpuntInput,
} from "../../shared/schemas/bespreekpunten.ts";
import { Id } from "../../shared/schemas/common.ts";
import { PointDetail } from "../../shared/schemas/points.ts";
import { requireCaller } from "../auth/middleware.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { agendeerBespreekpunt } from "../services/bespreekpunten/agendeerBespreekpunt.ts";
import { createBespreekpunt } from "../services/bespreekpunten/createBespreekpunt.ts";
import { listBespreekpunten } from "../services/bespreekpunten/listBespreekpunten.ts";
import { makePointFromBespreekpunt } from "../services/bespreekpunten/makePointFromBespreekpunt.ts";
import { updateBespreekpunt } from "../services/bespreekpunten/updateBespreekpunt.ts";
import { describePoint } from "../services/points/getPointDetail.ts";
import { verbContext } from "./verbContext.ts";

const Params = z.object({ id: Id });
const tags = ["Bespreekpunten"];

/** requireCaller, unless an earlier router's middleware already resolved the caller for this request. */
const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

export const bespreekpuntRoutes = createRouter();
for (const path of ["/bespreekpunten/*", "/workspaces/:id/bespreekpunten"]) bespreekpuntRoutes.use(path, caller);

bespreekpuntRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/bespreekpunten",
      tags,
      summary: "Bespreekpunten van een tafel, met de dekking",
      description: "Een tafel zonder bespreekpunten krijgt bij de eerste keer lezen de standaardset van haar plannen.",
      request: { params: Params },
      responses: { 200: jsonResponse("De bespreekpunten", BespreekpuntenList), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listBespreekpunten(verbContext(c), { workspaceId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/bespreekpunten",
      tags,
      summary: "Eigen bespreekpunt toevoegen",
      request: { params: Params, body: jsonBody(CreateBespreekpuntInput) },
      responses: { 201: jsonResponse("Toegevoegd", BespreekpuntView), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(
        await createBespreekpunt(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/bespreekpunten/{id}",
      tags,
      summary: "Status, trekker, vraag, thema, planpassage of gekoppelde punten wijzigen",
      description:
        "409 VERSION_CONFLICT bij een verouderde expectedVersion; 409 ILLEGAL_TRANSITION voor 'leidt tot overeenstemmingspunt' zonder gekoppeld punt.",
      request: { params: Params, body: jsonBody(UpdateBespreekpuntInput) },
      responses: { 200: jsonResponse("Gewijzigd", BespreekpuntView), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await updateBespreekpunt(verbContext(c), { ...c.req.valid("json"), id: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/bespreekpunten/{id}/point",
      tags,
      summary: "Maak overeenstemmingspunt (thema en titel voorgevuld, gekoppeld)",
      request: { params: Params, body: jsonBody(MakePointInput) },
      responses: { 201: jsonResponse("Aangemaakt", PointDetail), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await makePointFromBespreekpunt(ctx, {
        ...c.req.valid("json"),
        id: c.req.valid("param").id,
      });
      return c.json(await describePoint(ctx, point.id, member), 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/bespreekpunten/{id}/agenda",
      tags,
      summary: "Agendeer: op de agenda van een vergadering zetten (secretaris)",
      request: { params: Params, body: jsonBody(AgendeerInput) },
      responses: {
        200: jsonResponse("Geagendeerd", BespreekpuntView),
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) =>
      c.json(await agendeerBespreekpunt(verbContext(c), { ...c.req.valid("json"), id: c.req.valid("param").id }), 200),
  );
