import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Id } from "../../shared/schemas/common.ts";
import { BuildDossierInput, ExportFormatQuery } from "../../shared/schemas/exports.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { buildDossier } from "../services/exports/buildDossier.ts";
import { exportOplegger } from "../services/exports/exportOplegger.ts";
import type { ExportFile } from "../services/exports/exportFiles.ts";
import { verbContext } from "./verbContext.ts";

const WorkspaceParams = z.object({ id: Id });
const tags = ["Exports"];
const Binary = z.string().openapi({ type: "string", format: "binary" });
const fileResponse = (description: string) => ({
  description,
  headers: z.object({
    "X-Content-Hash": z.string().openapi({ description: "SHA-256 van de inhoud (gelijk voor PDF en DOCX)" }),
  }),
  content: {
    "application/pdf": { schema: Binary },
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: Binary },
  },
});

export function sendFile(c: Context<AppEnv>, file: ExportFile) {
  return c.body(new Uint8Array(file.bytes), 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Content-Length": String(file.bytes.length),
    "X-Content-Hash": file.contentHash,
    "Cache-Control": "no-store",
  });
}

export const exportRoutes = createRouter();
exportRoutes.use("/workspaces/:id/oplegger", requireCaller);
exportRoutes.use("/workspaces/:id/dossier", requireCaller);

exportRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/oplegger",
      tags,
      summary: "Oplegger: overeenstemmingspunten per thema (PDF of DOCX)",
      description:
        "Per punt de tekst, scope, status en wie welke versie (korte hash) wanneer ondertekende. Het downloaden wordt gelogd.",
      request: { params: WorkspaceParams, query: ExportFormatQuery },
      responses: { 200: fileResponse("Het bestand"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      sendFile(
        c,
        await exportOplegger(verbContext(c), {
          workspaceId: c.req.valid("param").id,
          format: c.req.valid("query").format,
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/dossier",
      tags,
      summary: "Dossier voor de Landelijke Geschillencommissie OOGO (secretaris)",
      description:
        "Eén PDF (of met ?format=docx een Word-bestand) met voorblad, partijen, grondslag, procedure, geschilpunten met tekstversies, standpunten en ondertekeningen, het verloop, de punten met overeenstemming, bijlagen en een integriteitsbijlage. Alleen punten van deze tafel die niet tot overeenstemming kwamen of in geschil zijn. Dezelfde gegevens geven dezelfde inhoud (X-Content-Hash); het samenstellen wordt ná het bepalen van de inhoud gelogd.",
      request: { params: WorkspaceParams, query: ExportFormatQuery, body: jsonBody(BuildDossierInput) },
      responses: { 200: fileResponse("Het dossier"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      sendFile(
        c,
        await buildDossier(verbContext(c), {
          ...c.req.valid("json"),
          workspaceId: c.req.valid("param").id,
          format: c.req.valid("query").format,
        }),
      ),
  );
