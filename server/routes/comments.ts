import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import { CommentThreadView, CreateThreadInput, ReplyInput } from "../../shared/schemas/comments.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createThread } from "../services/comments/createThread.ts";
import { listThreads } from "../services/comments/listThreads.ts";
import { replyToThread } from "../services/comments/replyToThread.ts";
import { setThreadStatus } from "../services/comments/setThreadStatus.ts";
import { verbContext } from "./verbContext.ts";

const tags = ["Opmerkingen"];
const threadResponse = (description: string) => jsonResponse(description, CommentThreadView);
const ThreadParams = z.object({ id: Id });

export const commentRoutes = createRouter();
commentRoutes.use("/workspaces/:id/comments", requireCaller);
commentRoutes.use("/comments/*", requireCaller);

commentRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/comments",
      tags,
      summary: "Opmerkingen bij één document",
      description:
        "Alle draden die de vrager mag zien: die voor alle partijen en de interne notities van de eigen partij.",
      request: { params: z.object({ id: Id }), query: z.object({ document: z.string().max(200) }) },
      responses: {
        200: jsonResponse("De draden, oudste eerst", z.object({ threads: z.array(CommentThreadView) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          threads: await listThreads(verbContext(c), {
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
      path: "/workspaces/{id}/comments",
      tags,
      summary: "Opmerking plaatsen bij een stuk tekst",
      description:
        "Het anker is een paar Yjs relatieve posities (base64url) plus de geciteerde tekst. `visibility: partij` maakt een interne notitie van de eigen partij.",
      request: { params: z.object({ id: Id }), body: jsonBody(CreateThreadInput) },
      responses: { 201: threadResponse("Geplaatst"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(await createThread(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/comments/{id}/replies",
      tags,
      summary: "Reageren op een opmerking",
      request: { params: ThreadParams, body: jsonBody(ReplyInput) },
      responses: { 201: threadResponse("Gereageerd"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(await replyToThread(verbContext(c), { ...c.req.valid("json"), threadId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/comments/{id}/resolve",
      tags,
      summary: "Opmerking oplossen",
      request: { params: ThreadParams },
      responses: { 200: threadResponse("Opgelost"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await setThreadStatus(verbContext(c), { threadId: c.req.valid("param").id, status: "opgelost" }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/comments/{id}/reopen",
      tags,
      summary: "Opgeloste opmerking heropenen",
      request: { params: ThreadParams },
      responses: { 200: threadResponse("Weer open"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await setThreadStatus(verbContext(c), { threadId: c.req.valid("param").id, status: "open" }), 200),
  );
