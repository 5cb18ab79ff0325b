/**
 * Creating and keeping tafels (ADR 0010). `/beheer/tafels` is the applicatiebeheerder's (instance
 * capabilities); the rest asks `tafel.manage` at that tafel (beheerder, secretaris). Each route
 * validates, calls one verb and answers with the fresh tafel.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Id } from "../../shared/schemas/common.ts";
import { THEME_KEY_PATTERN } from "../../shared/domain/themes.ts";
import {
  AddPlanInput,
  AddThemeInput,
  ChangePartyInput,
  ChangeThemeInput,
  CreateTafelInput,
  CreateTafelResult,
  InstanceTafelView,
  NextPeriodInput,
  NextPeriodResult,
  PartyInput,
  ReorderThemesInput,
  UpdatePlanInput,
  UpdateTafelInput,
} from "../../shared/schemas/tafel.ts";
import { WorkspaceView } from "../../shared/schemas/workspace.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { getWorkspace } from "../services/workspaces/getWorkspace.ts";
import { createTafel } from "../services/tafels/createTafel.ts";
import { listTafelsForInstance } from "../services/tafels/listTafelsForInstance.ts";
import { updateTafel } from "../services/tafels/updateTafel.ts";
import { addParty, changeParty, removeParty } from "../services/tafels/tafelParties.ts";
import { addPlan, updatePlan } from "../services/tafels/tafelPlans.ts";
import { addTheme, changeTheme, reorderThemes } from "../services/tafels/tafelThemes.ts";
import { startNextPeriod } from "../services/tafels/startNextPeriod.ts";
import { verbContext } from "./verbContext.ts";

const beheer = ["Beheer"];
const tags = ["Tafel instellen"];
const TafelParams = z.object({ id: Id });
const PartyParams = z.object({ id: Id, partyId: Id });
const PlanParams = z.object({ id: Id, planId: Id });
const ThemeParams = z.object({ id: Id, key: z.string().regex(THEME_KEY_PATTERN, "Ongeldige themacode") });
const tafelAnswer = jsonResponse("De tafel zoals die nu is", WorkspaceView);
/** The tafel after the change, as its GET answers it. */
const view = (c: Context<AppEnv>, id: string) => getWorkspace(verbContext(c), { workspaceId: id });

export const tafelRoutes = createRouter();
tafelRoutes.use("/beheer/*", requireCaller);
tafelRoutes.use("/workspaces/*", requireCaller);

tafelRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/beheer/tafels",
      tags: beheer,
      summary: "Alle tafels van deze installatie (applicatiebeheerder)",
      description:
        "Naam, niveau, plannen, aanmaakdatum en wie elke tafel leidt (beheerder, secretaris). Geen inhoud en geen deelnemerslijst.",
      responses: {
        200: jsonResponse("De tafels", z.object({ tafels: z.array(InstanceTafelView) })),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ tafels: await listTafelsForInstance(verbContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/beheer/tafels",
      tags: beheer,
      summary: "Nieuwe OOGO-tafel (applicatiebeheerder)",
      description:
        "Eén verzoek maakt de tafel met plannen, partijen en thema's en nodigt de eerste beheerder en/of secretaris uit. " +
        "Partijen krijgen een `ref`, waarmee een plan zijn eigenaar noemt. Elke fout is een 400 met `field` als pad in het verzoek (bijv. `parties.3.swvCode`); er is dan niets aangemaakt.",
      request: { body: jsonBody(CreateTafelInput) },
      responses: {
        201: jsonResponse("Aangemaakt, met de uitnodigingslinks", CreateTafelResult),
        ...errorResponses(400, 401, 403, 413),
      },
    }),
    async (c) => c.json(await createTafel(verbContext(c), c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/settings",
      tags,
      summary: "Naam, niveau en regionale tafel wijzigen (beheerder, secretaris)",
      request: { params: TafelParams, body: jsonBody(UpdateTafelInput) },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await updateTafel(verbContext(c), { ...c.req.valid("json"), workspaceId: id });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/parties",
      tags,
      summary: "Partij toevoegen",
      request: { params: TafelParams, body: jsonBody(PartyInput) },
      responses: { 201: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await addParty(verbContext(c), { workspaceId: id, party: c.req.valid("json") });
      return c.json(await view(c, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/parties/{partyId}",
      tags,
      summary: "Partij niet meer aan tafel vanaf een datum, of dekking wijzigen",
      description:
        '`leftAt` (jjjj-mm-dd) zet de partij vanaf die datum op "niet meer aan tafel"; `null` zet haar terug. Zij blijft in het dossier.',
      request: { params: PartyParams, body: jsonBody(ChangePartyInput) },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id, partyId } = c.req.valid("param");
      await changeParty(verbContext(c), { ...c.req.valid("json"), workspaceId: id, partyId });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/workspaces/{id}/parties/{partyId}",
      tags,
      summary: "Partij verwijderen die nergens in het dossier voorkomt",
      description:
        '409 zodra de partij standpunten, ondertekeningen, punten in haar scope, deelnemers, een plan of een overleg heeft: zet haar dan op "niet meer aan tafel".',
      request: { params: PartyParams },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, partyId } = c.req.valid("param");
      await removeParty(verbContext(c), { workspaceId: id, partyId });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/plans",
      tags,
      summary: "Plan toevoegen",
      request: { params: TafelParams, body: jsonBody(AddPlanInput) },
      responses: { 201: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await addPlan(verbContext(c), { ...c.req.valid("json"), workspaceId: id });
      return c.json(await view(c, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/plans/{planId}",
      tags,
      summary: "Titel, periode, status of versie van een plan wijzigen",
      request: { params: PlanParams, body: jsonBody(UpdatePlanInput) },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id, planId } = c.req.valid("param");
      await updatePlan(verbContext(c), { ...c.req.valid("json"), workspaceId: id, planId });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/themes",
      tags,
      summary: "Thema toevoegen",
      request: { params: TafelParams, body: jsonBody(AddThemeInput) },
      responses: { 201: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await addTheme(verbContext(c), { ...c.req.valid("json"), workspaceId: id });
      return c.json(await view(c, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/workspaces/{id}/themes/order",
      tags,
      summary: "Volgorde van de thema's",
      request: { params: TafelParams, body: jsonBody(ReorderThemesInput) },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await reorderThemes(verbContext(c), { ...c.req.valid("json"), workspaceId: id });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/themes/{key}",
      tags,
      summary: "Thema hernoemen, archiveren of terugzetten",
      description:
        "Een thema wordt nooit verwijderd: gearchiveerd verdwijnt het uit nieuwe punten en filters, maar houdt zijn naam bij oude punten en in exports.",
      request: { params: ThemeParams, body: jsonBody(ChangeThemeInput) },
      responses: { 200: tafelAnswer, ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id, key } = c.req.valid("param");
      await changeTheme(verbContext(c), { ...c.req.valid("json"), workspaceId: id, key });
      return c.json(await view(c, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/next-period",
      tags,
      summary: "Nieuwe tafel voor de volgende planperiode",
      description:
        "Neemt partijen (behalve wie niet meer aan tafel zit), deelnemers in dezelfde rollen, thema's, de stappen van de procedure (zonder data) en de plannen (met de nieuwe periode) mee. " +
        "Punten die vastgelegd of in uitvoering waren, komen mee als `herzien` met hun tekst en een verwijzing naar het oorspronkelijke punt. Gelogd in beide tafels.",
      request: { params: TafelParams, body: jsonBody(NextPeriodInput) },
      responses: { 201: jsonResponse("De nieuwe tafel", NextPeriodResult), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(
        await startNextPeriod(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        201,
      ),
  );
