import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import { WorkspaceSummary, WorkspaceView } from "../../shared/schemas/workspace.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { listWorkspaces } from "../services/workspaces/listWorkspaces.ts";
import { getWorkspace } from "../services/workspaces/getWorkspace.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { verbContext } from "./verbContext.ts";
import { parseLogHead } from "../../shared/domain/logWitness.ts";
import { LogVerdictView, LogVerifyQuery } from "../../shared/schemas/log.ts";

const WorkspaceParams = z.object({ id: Id });
const tags = ["Tafels"];

export const workspaceRoutes = createRouter();
workspaceRoutes.use("/workspaces", requireCaller);
workspaceRoutes.use("/workspaces/*", requireCaller);

workspaceRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces",
      tags,
      summary: "Mijn OOGO-tafels",
      responses: {
        200: jsonResponse(
          "De tafels waar de gebruiker deelnemer is",
          z.object({ workspaces: z.array(WorkspaceSummary) }),
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ workspaces: await listWorkspaces(verbContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}",
      tags,
      summary: "Eén OOGO-tafel met partijen, thema's en mijn rol",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("De tafel", WorkspaceView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getWorkspace(verbContext(c), { workspaceId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/log/verify",
      tags: ["Logboek"],
      summary: "De hashketen van het logboek narekenen",
      description:
        "Rekent de hele keten na en noemt elke gebeurtenis die niet klopt (`breaks`). Met `count` en `head` " +
        "(een bewaard logboekkenmerk: gebeurtenis `count` had hash `head`) zegt `witness` of het huidige logboek " +
        "dat kenmerk nog bevat en erop voortbouwt; zo vallen het weglaten van de nieuwste gebeurtenissen en " +
        "het herschrijven van de geschiedenis met een herberekende keten op.",
      request: { params: WorkspaceParams, query: LogVerifyQuery },
      responses: {
        200: jsonResponse("Uitslag", LogVerdictView),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const kept =
        query.count !== undefined && query.head !== undefined
          ? { count: Number(query.count), head: parseLogHead(query.head)! }
          : undefined;
      return c.json(await verifyLog(verbContext(c), { workspaceId: id, kept }), 200);
    },
  );
