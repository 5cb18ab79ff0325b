import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import {
  ChangeMemberInput, InviteMemberInput, InviteResult, MembersView, WorkspaceSummary, WorkspaceView,
} from "../../shared/schemas/workspace.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { listWorkspaces } from "../services/workspaces/listWorkspaces.ts";
import { getWorkspace } from "../services/workspaces/getWorkspace.ts";
import { listMembers } from "../services/members/listMembers.ts";
import { inviteMember } from "../services/members/inviteMember.ts";
import { changeMember, revokeMember } from "../services/members/changeMember.ts";
import { withdrawInvitation } from "../services/members/withdrawInvitation.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { verbContext } from "./verbContext.ts";
import { parseLogHead } from "../../shared/domain/logWitness.ts";
import { LogVerdictView, LogVerifyQuery } from "../../shared/schemas/log.ts";

const WorkspaceParams = z.object({ id: Id });
const MemberParams = z.object({ id: Id, memberId: Id });
const InvitationParams = z.object({ id: Id, invitationId: Id });
const tags = ["Tafels"];

export const workspaceRoutes = createRouter();
workspaceRoutes.use("/workspaces", requireCaller);
workspaceRoutes.use("/workspaces/*", requireCaller);

workspaceRoutes
  .openapi(
    createRoute({
      method: "get", path: "/workspaces", tags, summary: "Mijn OOGO-tafels",
      responses: { 200: jsonResponse("De tafels waar de gebruiker deelnemer is", z.object({ workspaces: z.array(WorkspaceSummary) })), ...errorResponses(401) },
    }),
    async (c) => c.json({ workspaces: await listWorkspaces(c.var.deps.database.db, c.var.caller) }, 200),
  )
  .openapi(
    createRoute({
      method: "get", path: "/workspaces/{id}", tags, summary: "Eén OOGO-tafel met partijen, thema's en mijn rol",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("De tafel", WorkspaceView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getWorkspace(c.var.deps.database.db, c.var.caller, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get", path: "/workspaces/{id}/members", tags, summary: "Deelnemers en hun rollen; open uitnodigingen voor de beheerder",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("Deelnemers (en voor de beheerder de open uitnodigingen)", MembersView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listMembers(c.var.deps.database.db, c.var.caller, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post", path: "/workspaces/{id}/members", tags, summary: "Deelnemer uitnodigen (beheerder)",
      description: "Maakt een uitnodiging voor deze tafel, in deze rol, namens deze partij. Lid wordt de genodigde pas door de link aan te nemen. Het antwoord is gelijk, of er voor het adres al een account bestaat of niet.",
      request: { params: WorkspaceParams, body: jsonBody(InviteMemberInput) },
      responses: {
        201: jsonResponse("Uitgenodigd", InviteResult),
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => c.json(await inviteMember(c.var.deps, c.var.caller, c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "patch", path: "/workspaces/{id}/members/{memberId}", tags, summary: "Rol of partij van een deelnemer wijzigen (beheerder)",
      description: "Werkt direct: open verbindingen van deze deelnemer worden gesloten (close code 4001) en opnieuw geautoriseerd.",
      request: { params: MemberParams, body: jsonBody(ChangeMemberInput) },
      responses: { 200: jsonResponse("Gewijzigd", z.object({ ok: z.literal(true) })), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      await changeMember(c.var.deps, c.var.caller, id, memberId, c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete", path: "/workspaces/{id}/members/{memberId}", tags, summary: "Deelnemer verwijderen (beheerder)",
      request: { params: MemberParams },
      responses: { 200: jsonResponse("Verwijderd", z.object({ ok: z.literal(true) })), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      await revokeMember(c.var.deps, c.var.caller, id, memberId);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete", path: "/workspaces/{id}/invitations/{invitationId}", tags, summary: "Uitnodiging intrekken (beheerder)",
      description: "De link werkt daarna niet meer. Een aangenomen uitnodiging trekt u niet in: verwijder dan de deelnemer.",
      request: { params: InvitationParams },
      responses: { 200: jsonResponse("Ingetrokken", z.object({ ok: z.literal(true) })), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      await withdrawInvitation(c.var.deps, c.var.caller, id, invitationId);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get", path: "/workspaces/{id}/log/verify", tags: ["Logboek"], summary: "De hashketen van het logboek narekenen",
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
      const kept = query.count !== undefined && query.head !== undefined
        ? { count: Number(query.count), head: parseLogHead(query.head)! }
        : undefined;
      return c.json(await verifyLog(verbContext(c), { workspaceId: id, kept }), 200);
    },
  );
