import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import {
  CompareQuery,
  RestoreOutcome,
  SaveVersionInput,
  VersionComparison,
  VersionSummary,
  VersionView,
} from "../../shared/schemas/versions.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { compareVersions, getVersion, listVersions, saveVersion } from "../services/versions/versionVerbs.ts";
import { restoreVersion } from "../services/versions/restoreVersion.ts";
import { verbContext } from "./verbContext.ts";

const tags = ["Versies"];

export const versionRoutes = createRouter();
versionRoutes.use("/workspaces/:id/versions", requireCaller);
versionRoutes.use("/versions/*", requireCaller);

versionRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/versions",
      tags,
      summary: "Versies van één document, nieuwste eerst",
      request: { params: z.object({ id: Id }), query: z.object({ document: z.string().max(200) }) },
      responses: {
        200: jsonResponse("De versies", z.object({ versions: z.array(VersionSummary) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          versions: await listVersions(verbContext(c), {
            workspaceId: c.req.valid("param").id,
            document: c.req.valid("query").document,
          }),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/versions",
      tags,
      summary: "Versie bewaren met een naam",
      request: { params: z.object({ id: Id }), body: jsonBody(SaveVersionInput) },
      responses: { 201: jsonResponse("Bewaard", VersionSummary), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(await saveVersion(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/versions/{id}",
      tags,
      summary: "Eén versie, om te lezen",
      request: { params: z.object({ id: Id }) },
      responses: { 200: jsonResponse("De versie", VersionView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getVersion(verbContext(c), { versionId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/versions/{id}/compare",
      tags,
      summary: "Versie vergelijken met een latere versie of de huidige tekst",
      description:
        "Alinea's gepaard, woorden gemarkeerd, verplaatste alinea's herkend. `with=huidig` (standaard) vergelijkt met de huidige tekst.",
      request: { params: z.object({ id: Id }), query: CompareQuery },
      responses: { 200: jsonResponse("Het verschil", VersionComparison), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await compareVersions(verbContext(c), { versionId: c.req.valid("param").id, with: c.req.valid("query").with }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/versions/{id}/restore",
      tags,
      summary: "Deze versie terugzetten",
      description:
        "Maakt de tekst weer gelijk aan deze versie, als één nieuwe wijziging (open editors zien hem direct). De tekst zoals hij was blijft als versie bewaard; het logboek noemt de versie en wie hem terugzette. 409 als de tekst vastligt.",
      request: { params: z.object({ id: Id }) },
      responses: { 200: jsonResponse("Teruggezet", RestoreOutcome), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await restoreVersion(verbContext(c), { versionId: c.req.valid("param").id }), 200),
  );
