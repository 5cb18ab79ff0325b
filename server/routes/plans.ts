/** Plan import (issue 14): versions of a plan on the tafel, their text, changes, file, and "Gebruik als basis". */
import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { Id } from "../../shared/schemas/common.ts";
import {
  PlanVersionChanges,
  PlanVersionDetail,
  PlanVersionList,
  PlanVersionSummary,
  UploadPlanQuery,
  UseSectionsInput,
  UseSectionsInSpiegelInput,
} from "../../shared/schemas/plans.ts";
import { ErrorBody } from "../../shared/schemas/common.ts";
import type { AppEnv } from "../context.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { importPlanVersion } from "../services/plans/importPlanVersion.ts";
import {
  getPlanFile,
  getPlanVersion,
  getPlanVersionChanges,
  listPlanVersions,
} from "../services/plans/readPlanVersions.ts";
import { usePlanSections } from "../services/plans/usePlanSections.ts";
import { usePlanSectionsInSpiegelparagraaf } from "../services/plans/usePlanSectionsInSpiegelparagraaf.ts";
import { verbContext } from "./verbContext.ts";

const Params = z.object({ id: Id });
const tags = ["Plannen"];
const Binary = z.string().openapi({ type: "string", format: "binary" });
const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
const fileRefusals = {
  415: {
    description: "Geen .docx of .pdf (FILE_TYPE_UNSUPPORTED)",
    content: { "application/json": { schema: ErrorBody } },
  },
  422: {
    description: "Bestand niet te lezen: FILE_EMPTY, FILE_ENCRYPTED, FILE_UNREADABLE, FILE_NO_TEXT, PARSER_FAILED",
    content: { "application/json": { schema: ErrorBody } },
  },
};

/** requireCaller, unless an earlier router's middleware already resolved the caller for this request. */
const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

/** `attachment` with the original name, safe for any characters (RFC 6266 / 5987). */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const planRoutes = createRouter();
for (const path of ["/plans/*", "/plan-versions/*"]) planRoutes.use(path, caller);

planRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/plans/{id}/versions",
      tags,
      summary: "Versies van een plan (nieuwste eerst)",
      request: { params: Params },
      responses: { 200: jsonResponse("De versies", PlanVersionList), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listPlanVersions(verbContext(c), { planId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/plans/{id}/versions",
      tags,
      summary: "Een versie van het plan uploaden (DOCX of PDF, hoogstens 25 MB)",
      description:
        "Het bestand is de body (elk Content-Type); het formaat wordt aan de inhoud herkend, niet aan de naam. Een bestand dat niet te lezen is, wordt geweigerd en er verandert niets.",
      request: {
        params: Params,
        query: UploadPlanQuery,
        body: { content: { "application/octet-stream": { schema: Binary } }, required: true },
      },
      responses: {
        201: jsonResponse("Opgeslagen als nieuwe versie", PlanVersionSummary),
        ...errorResponses(400, 401, 403, 404, 413),
        ...fileRefusals,
      },
    }),
    async (c) => {
      const { fileName, label } = c.req.valid("query");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const version = await importPlanVersion(verbContext(c), {
        planId: c.req.valid("param").id,
        fileName,
        label,
        bytes,
      });
      return c.json(version, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plan-versions/{id}",
      tags,
      summary: "Eén versie: de ingelezen tekst met inhoudsopgave",
      request: { params: Params },
      responses: { 200: jsonResponse("De versie", PlanVersionDetail), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPlanVersion(verbContext(c), { versionId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plan-versions/{id}/changes",
      tags,
      summary: "Wat er per paragraaf veranderde sinds de vorige versie",
      request: { params: Params },
      responses: { 200: jsonResponse("De wijzigingen", PlanVersionChanges), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPlanVersionChanges(verbContext(c), { versionId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plan-versions/{id}/file",
      tags,
      summary: "Het oorspronkelijke bestand, byte voor byte",
      request: { params: Params },
      responses: {
        200: {
          description: "Het bestand",
          headers: z.object({ "X-Content-Hash": z.string().openapi({ description: "SHA-256 van het bestand" }) }),
          content: { [CONTENT_TYPES.pdf]: { schema: Binary }, [CONTENT_TYPES.docx]: { schema: Binary } },
        },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const file = await getPlanFile(verbContext(c), { versionId: c.req.valid("param").id });
      return c.body(new Uint8Array(file.bytes), 200, {
        "Content-Type": CONTENT_TYPES[file.fileKind],
        "Content-Disposition": disposition(file.fileName),
        "Content-Length": String(file.bytes.length),
        "X-Content-Hash": file.sha256,
      });
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/plan-versions/{id}/use",
      tags,
      summary: "Gebruik als basis: een overeenstemmingspunt beginnen met gekozen paragrafen",
      request: { params: Params, body: jsonBody(UseSectionsInput) },
      responses: {
        201: jsonResponse("Het nieuwe punt", z.object({ pointId: z.string() })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await usePlanSections(verbContext(c), { ...c.req.valid("json"), versionId: c.req.valid("param").id }),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/plan-versions/{id}/use-in-spiegelparagraaf",
      tags,
      summary: "Gebruik als basis: gekozen paragrafen achteraan de spiegelparagraaf toevoegen",
      description:
        "Eén wijziging via de synchronisatieserver (open editors zien hem direct); elke paragraaf krijgt een regel 'Bron:' met een link naar die paragraaf in deze versie van het plan.",
      request: { params: Params, body: jsonBody(UseSectionsInSpiegelInput) },
      responses: {
        200: jsonResponse("Toegevoegd", z.object({ document: z.string(), sections: z.number().int() })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await usePlanSectionsInSpiegelparagraaf(verbContext(c), {
          ...c.req.valid("json"),
          versionId: c.req.valid("param").id,
        }),
        200,
      ),
  );
