import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { Id } from "../../shared/schemas/common.ts";
import {
  BoardView,
  CreatePointInput,
  ListPointsQuery,
  PointDetail,
  PointEventView,
  PointSummary,
  RecordStanceInput,
  ReopenInput,
  SignOffInput,
  SignoffView,
  TextHash,
  TextVersionSummary,
  TextVersionView,
  ToSignItem,
  TransitionInput,
  UpdatePointInput,
} from "../../shared/schemas/points.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { getBoard } from "../services/points/getBoard.ts";
import { describePoint, getPointDetail } from "../services/points/getPointDetail.ts";
import { getTextVersion } from "../services/points/getTextVersion.ts";
import { listPointHistory } from "../services/points/listPointHistory.ts";
import { listPoints } from "../services/points/listPoints.ts";
import { listTextVersions } from "../services/points/listTextVersions.ts";
import { listToSign } from "../services/points/listToSign.ts";
import { recordStance } from "../services/points/recordStance.ts";
import { reopenPoint } from "../services/points/reopenPoint.ts";
import { signOffPoint } from "../services/points/signOffPoint.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";
import { updatePoint } from "../services/points/updatePoint.ts";
import { verbContext } from "./verbContext.ts";

const WorkspaceParams = z.object({ id: Id });
const PointParams = z.object({ id: Id });
const VersionParams = z.object({ id: Id, hash: TextHash });
const tags = ["Overeenstemmingspunten"];

/** requireCaller, unless an earlier router's middleware already resolved the caller for this request. */
const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

export const pointRoutes = createRouter();
for (const path of ["/points/*", "/workspaces/:id/points", "/workspaces/:id/board", "/workspaces/:id/to-sign"])
  pointRoutes.use(path, caller);

pointRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/points",
      tags,
      summary: "Overeenstemmingspunten van een tafel",
      description: "Filter op thema, status en gemeente (punten waarvan de scope die gemeente omvat).",
      request: { params: WorkspaceParams, query: ListPointsQuery },
      responses: {
        200: jsonResponse("De punten", z.object({ points: z.array(PointSummary) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json({ points: await listPoints(verbContext(c), { ...c.req.valid("query"), workspaceId: id }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/points",
      tags,
      summary: "Overeenstemmingspunt aanmaken (status concept)",
      request: { params: WorkspaceParams, body: jsonBody(CreatePointInput) },
      responses: { 201: jsonResponse("Aangemaakt", PointDetail), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await createPoint(ctx, {
        ...c.req.valid("json"),
        workspaceId: c.req.valid("param").id,
      });
      return c.json(await describePoint(ctx, point.id, member), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/board",
      tags,
      summary: "Overeenstemmingsbord: thema's × status en per partij",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("Het bord", BoardView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      return c.json(await getBoard(verbContext(c), { workspaceId: c.req.valid("param").id }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/to-sign",
      tags,
      summary: "Te ondertekenen (bestuurders en wethouders)",
      request: { params: WorkspaceParams },
      responses: {
        200: jsonResponse(
          "Punten die op de handtekening van mijn partij wachten",
          z.object({ items: z.array(ToSignItem) }),
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      return c.json({ items: await listToSign(verbContext(c), { workspaceId: c.req.valid("param").id }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/points/{id}",
      tags,
      summary: "Eén punt: tekst-hash, standpunten, handtekeningen en wat ik mag",
      request: { params: PointParams },
      responses: { 200: jsonResponse("Het punt", PointDetail), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      return c.json(await getPointDetail(verbContext(c), { pointId: c.req.valid("param").id }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/points/{id}",
      tags,
      summary: "Titel, scope, looptijd of paragraaf wijzigen",
      request: { params: PointParams, body: jsonBody(UpdatePointInput) },
      responses: { 200: jsonResponse("Gewijzigd", PointDetail), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await updatePoint(ctx, { ...c.req.valid("json"), pointId: c.req.valid("param").id });
      return c.json(await describePoint(ctx, point.id, member), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/points/{id}/stances",
      tags,
      summary: "Standpunt van mijn partij vastleggen (ambtelijk trekker)",
      description: "Het standpunt geldt voor de huidige tekst. Toelichting verplicht bij voorbehoud of niet akkoord.",
      request: { params: PointParams, body: jsonBody(RecordStanceInput) },
      responses: { 200: jsonResponse("Vastgelegd", PointDetail), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await recordStance(ctx, { ...c.req.valid("json"), pointId: c.req.valid("param").id });
      return c.json(await describePoint(ctx, point.id, member), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/points/{id}/transitions",
      tags,
      summary: "Status wijzigen",
      description:
        "403 wanneer uw rol deze stap nooit mag zetten; 409 ILLEGAL_TRANSITION met de reden wanneer de stap niet bestaat of de voorwaarde niet geldt; 409 VERSION_CONFLICT bij een verouderde expectedVersion.",
      request: { params: PointParams, body: jsonBody(TransitionInput) },
      responses: { 200: jsonResponse("Gewijzigd", PointDetail), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await transitionPoint(ctx, {
        ...c.req.valid("json"),
        pointId: c.req.valid("param").id,
      });
      return c.json(await describePoint(ctx, point.id, member), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/points/{id}/reopen",
      tags,
      summary: "Heropenen: de handtekeningen op de huidige tekst vervallen (met reden)",
      description:
        "Een ambtelijk trekker van een partij in de scope of de secretaris. 409 ILLEGAL_TRANSITION wanneer er niets te heropenen is of de tekst na overeenstemming via Herzien moet.",
      request: { params: PointParams, body: jsonBody(ReopenInput) },
      responses: { 200: jsonResponse("Heropend", PointDetail), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member } = await reopenPoint(ctx, { ...c.req.valid("json"), pointId: c.req.valid("param").id });
      return c.json(await describePoint(ctx, point.id, member), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/points/{id}/signoffs",
      tags,
      summary: "Ondertekenen namens mijn partij (bestuurder of wethouder)",
      description: "Alleen geldig voor de huidige duurzame tekst: een andere textHash geeft 409 TEXT_CHANGED.",
      request: { params: PointParams, body: jsonBody(SignOffInput) },
      responses: {
        201: jsonResponse("Ondertekend", z.object({ signoff: SignoffView, point: PointDetail })),
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const ctx = verbContext(c);
      const { point, member, signoff } = await signOffPoint(ctx, {
        ...c.req.valid("json"),
        pointId: c.req.valid("param").id,
      });
      const detail = await describePoint(ctx, point.id, member);
      // The new signature as the point page lists it (party name, verouderd against the current text).
      return c.json({ signoff: detail.signoffs.find((s) => s.id === signoff.id)!, point: detail }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/points/{id}/history",
      tags,
      summary: "Tijdlijn van het punt uit het logboek",
      request: { params: PointParams },
      responses: {
        200: jsonResponse("Gebeurtenissen, oudste eerst", z.object({ events: z.array(PointEventView) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      return c.json({ events: await listPointHistory(verbContext(c), { pointId: c.req.valid("param").id }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/points/{id}/versions",
      tags,
      summary: "Tekstversies waarnaar het logboek verwijst",
      request: { params: PointParams },
      responses: {
        200: jsonResponse("Versies", z.object({ versions: z.array(TextVersionSummary) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      return c.json({ versions: await listTextVersions(verbContext(c), { pointId: c.req.valid("param").id }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/points/{id}/versions/{hash}",
      tags,
      summary: "De exacte tekst bij een hash (ProseMirror JSON)",
      request: { params: VersionParams },
      responses: { 200: jsonResponse("De tekst", TextVersionView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, hash } = c.req.valid("param");
      return c.json(await getTextVersion(verbContext(c), { pointId: id, hash }), 200);
    },
  );
