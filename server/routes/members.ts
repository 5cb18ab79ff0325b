/**
 * Members and invitations of a tafel: validate → one verb → present. Who may is decided in the
 * verbs (members.manage: beheerder and secretaris, ADR 0011).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { Id } from "../../shared/schemas/common.ts";
import { ChangeMemberInput, InviteMemberInput, InviteResult, MembersView } from "../../shared/schemas/workspace.ts";
import { BulkInviteResult, InvitationCsvInput, InvitationPreview } from "../../shared/schemas/invitations.ts";
import { InvitationView } from "../../shared/schemas/workspace.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { listMembers } from "../services/members/listMembers.ts";
import { inviteMember } from "../services/members/inviteMember.ts";
import { inviteMany, previewInvitations } from "../services/members/inviteMany.ts";
import { resendInvitation } from "../services/members/resendInvitation.ts";
import { changeMember, revokeMember } from "../services/members/changeMember.ts";
import { withdrawInvitation } from "../services/members/withdrawInvitation.ts";
import { verbContext } from "./verbContext.ts";

const WorkspaceParams = z.object({ id: Id });
const MemberParams = z.object({ id: Id, memberId: Id });
const InvitationParams = z.object({ id: Id, invitationId: Id });
const Ok = z.object({ ok: z.literal(true) });
const tags = ["Deelnemers en uitnodigingen"];
const MANAGERS = "Voor wie de deelnemers beheert: beheerder of secretaris van de tafel.";

/** requireCaller, unless an earlier router's middleware already resolved the caller for this request. */
const caller = createMiddleware<AppEnv>(async (c, next) => (c.get("caller") ? next() : requireCaller(c, next)));

export const memberRoutes = createRouter();
for (const path of ["/workspaces/:id/members", "/workspaces/:id/members/*", "/workspaces/:id/invitations/*"])
  memberRoutes.use(path, caller);

memberRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/members",
      tags,
      summary: "Deelnemers en hun rollen; uitnodigingen voor wie de deelnemers beheert",
      description:
        "Elke rol ziet de deelnemers. De uitnodigingen — open eerst, daarna aangenomen en ingetrokken — met hun status (wordt verstuurd, verstuurd, niet verstuurd, geopend, aangenomen, verlopen, ingetrokken) en de laatste e-mail ziet alleen wie de deelnemers beheert; anderen krijgen een lege lijst.",
      request: { params: WorkspaceParams },
      responses: {
        200: jsonResponse("Deelnemers (en uitnodigingen)", MembersView),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await listMembers(verbContext(c), { workspaceId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/members",
      tags,
      summary: "Iemand uitnodigen",
      description: `${MANAGERS} Maakt een uitnodiging voor deze tafel, in deze rol, namens deze partij, en zet de uitnodigingsmail in dezelfde transactie in de wachtrij. De link staat alleen in die e-mail, nooit in het antwoord. Lid wordt de genodigde pas door de link aan te nemen. Het antwoord is gelijk, of er voor het adres al een account bestaat of niet.`,
      request: { params: WorkspaceParams, body: jsonBody(InviteMemberInput) },
      responses: {
        201: jsonResponse("Uitgenodigd; de e-mail gaat na de commit de deur uit", InviteResult),
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) =>
      c.json(await inviteMember(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/invitations/preview",
      tags,
      summary: "Meerdere mensen uitnodigen: CSV controleren",
      description: `${MANAGERS} Leest \`naam;e-mail;partij;rol[;functie]\` (ook met komma's; kopregel, aanhalingstekens, BOM en CRLF mogen) en geeft elke regel terug met zijn problemen in het Nederlands: ongeldig of dubbel e-mailadres, al deelnemer of al uitgenodigd, onbekende partij (naam of code zoals op de tafel), onbekende rol (Nederlandse naam of sleutel), een rol die een partij nodig heeft zonder partij. Schrijft niets.`,
      request: { params: WorkspaceParams, body: jsonBody(InvitationCsvInput) },
      responses: {
        200: jsonResponse("Elke regel met zijn problemen", InvitationPreview),
        ...errorResponses(400, 401, 403, 404, 413),
      },
    }),
    async (c) =>
      c.json(
        await previewInvitations(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/invitations/bulk",
      tags,
      summary: "Meerdere mensen uitnodigen: alles of niets",
      description: `${MANAGERS} Dezelfde CSV als bij controleren. Heeft één regel een probleem, dan wordt niemand uitgenodigd en niets verstuurd (400; het bericht noemt de regels). Anders worden alle regels in één transactie uitgenodigd en hun e-mails in de wachtrij gezet.`,
      request: { params: WorkspaceParams, body: jsonBody(InvitationCsvInput) },
      responses: {
        201: jsonResponse("Iedereen uitgenodigd", BulkInviteResult),
        ...errorResponses(400, 401, 403, 404, 413),
      },
    }),
    async (c) =>
      c.json(
        {
          invitations: await inviteMany(verbContext(c), {
            ...c.req.valid("json"),
            workspaceId: c.req.valid("param").id,
          }),
        },
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/invitations/{invitationId}/resend",
      tags,
      summary: "Uitnodiging opnieuw versturen",
      description: `${MANAGERS} Een nieuwe link (de oude werkt direct niet meer), 14 dagen geldig, en een nieuwe e-mail; vastgelegd in het logboek. Ook voor een verlopen uitnodiging. 409 als ze al aangenomen is.`,
      request: { params: InvitationParams },
      responses: {
        200: jsonResponse("Opnieuw verstuurd", z.object({ invitation: InvitationView })),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      return c.json({ invitation: await resendInvitation(verbContext(c), { workspaceId: id, invitationId }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/workspaces/{id}/invitations/{invitationId}",
      tags,
      summary: "Uitnodiging intrekken",
      description: `${MANAGERS} De link werkt daarna niet meer. Een aangenomen uitnodiging trekt u niet in: verwijder dan de deelnemer.`,
      request: { params: InvitationParams },
      responses: { 200: jsonResponse("Ingetrokken", Ok), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      await withdrawInvitation(verbContext(c), { workspaceId: id, invitationId });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/members/{memberId}",
      tags,
      summary: "Rol of partij van een deelnemer wijzigen",
      description: `${MANAGERS} Werkt direct: open verbindingen van deze deelnemer worden gesloten (close code 4001) en opnieuw geautoriseerd. 409 als daarmee niemand meer de deelnemers kan beheren.`,
      request: { params: MemberParams, body: jsonBody(ChangeMemberInput) },
      responses: { 200: jsonResponse("Gewijzigd", Ok), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      await changeMember(verbContext(c), { ...c.req.valid("json"), workspaceId: id, membershipId: memberId });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/workspaces/{id}/members/{memberId}",
      tags,
      summary: "Deelnemer verwijderen",
      description: `${MANAGERS} 409 voor de laatste deelnemer die de deelnemers kan beheren.`,
      request: { params: MemberParams },
      responses: { 200: jsonResponse("Verwijderd", Ok), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      await revokeMember(verbContext(c), { workspaceId: id, membershipId: memberId });
      return c.json({ ok: true as const }, 200);
    },
  );
