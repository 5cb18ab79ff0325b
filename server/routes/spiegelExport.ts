import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import { SpiegelExportQuery } from "../../shared/schemas/exports.ts";
import { createRouter, errorResponses } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { exportSpiegelparagraaf } from "../services/exports/exportSpiegelparagraaf.ts";
import { sendFile } from "./exports.ts";
import { verbContext } from "./verbContext.ts";

const Binary = z.string().openapi({ type: "string", format: "binary" });

/** Issue 12: the spiegelparagraaf as DOCX or PDF, optionally with the changes since a kept version. */
export const spiegelExportRoutes = createRouter();
spiegelExportRoutes.use("/workspaces/:id/spiegelparagraaf/export", requireCaller);

spiegelExportRoutes.openapi(
  createRoute({
    method: "get",
    path: "/workspaces/{id}/spiegelparagraaf/export",
    tags: ["Exports"],
    summary: "Spiegelparagraaf als document (PDF of DOCX), met de opgenomen punten",
    description:
      "De tekst met elk opgenomen overeenstemmingspunt: tekst, status, standpunten en ondertekeningen. Met `sinds=<versie-id>` de versie met wijzigingen sinds die bewaarde versie (ingevoegd onderstreept, verwijderd doorgehaald). Het downloaden bewaart een versie en wordt gelogd.",
    request: { params: z.object({ id: Id }), query: SpiegelExportQuery },
    responses: {
      200: {
        description: "Het bestand",
        headers: z.object({ "X-Content-Hash": z.string() }),
        content: {
          "application/pdf": { schema: Binary },
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: Binary },
        },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const query = c.req.valid("query");
    return sendFile(
      c,
      await exportSpiegelparagraaf(verbContext(c), {
        workspaceId: c.req.valid("param").id,
        format: query.format,
        ...(query.sinds ? { sinceVersionId: query.sinds } : {}),
      }),
    );
  },
);
