import { createRoute, z } from "@hono/zod-openapi";
import { Id } from "../../shared/schemas/common.ts";
import {
  AddAgendaItemInput,
  AddProcedureStepInput,
  AgendaCandidatesView,
  AgreeMinutesInput,
  AmendMinutesInput,
  ConveneInput,
  RequestMinutesReviewInput,
  ChangeProcedureStepInput,
  CreateMeetingInput,
  DecisionInput,
  MeetingSummary,
  MeetingView,
  ProcedureStepView,
  ProcedureView,
  ReorderAgendaInput,
  SetAttendanceInput,
  UpdateMeetingInput,
} from "../../shared/schemas/meetings.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requireCaller } from "../auth/middleware.ts";
import { listMeetings } from "../services/meetings/listMeetings.ts";
import { createMeeting } from "../services/meetings/createMeeting.ts";
import { getMeeting } from "../services/meetings/getMeeting.ts";
import { updateMeeting } from "../services/meetings/updateMeeting.ts";
import { setAttendance } from "../services/meetings/setAttendance.ts";
import { addAgendaItem } from "../services/meetings/addAgendaItem.ts";
import { removeAgendaItem } from "../services/meetings/removeAgendaItem.ts";
import { reorderAgenda } from "../services/meetings/reorderAgenda.ts";
import { decideAgendaItem } from "../services/meetings/decideAgendaItem.ts";
import { agreeMinutes, requestMinutesReview, withdrawMinutesReview } from "../services/meetings/minutesReview.ts";
import { convokeMeeting, sendAgendaUpdate } from "../services/meetings/convocation.ts";
import { listAgendaCandidates } from "../services/meetings/listAgendaCandidates.ts";
import { amendMinutes } from "../services/meetings/amendMinutes.ts";
import { listProcedure } from "../services/procedure/listProcedure.ts";
import { addProcedureStep } from "../services/procedure/addProcedureStep.ts";
import { changeProcedureStep } from "../services/procedure/changeProcedureStep.ts";
import { verbContext } from "./verbContext.ts";

const WorkspaceParams = z.object({ id: Id });
const MeetingParams = z.object({ id: Id });
const ItemParams = z.object({ id: Id, itemId: Id });
const StepParams = z.object({ id: Id, stepId: Id });
const tags = ["Vergaderingen"];
const procedureTags = ["Procedure"];
const meetingResponse = (description: string) => jsonResponse(description, MeetingView);

export const meetingRoutes = createRouter();
meetingRoutes.use("/workspaces/:id/meetings", requireCaller);
meetingRoutes.use("/workspaces/:id/procedure", requireCaller);
meetingRoutes.use("/workspaces/:id/procedure/*", requireCaller);
meetingRoutes.use("/meetings/*", requireCaller);

meetingRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/meetings",
      tags,
      summary: "Vergaderingen van een tafel",
      request: { params: WorkspaceParams },
      responses: {
        200: jsonResponse("Vergaderingen op datum", z.object({ meetings: z.array(MeetingSummary) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ meetings: await listMeetings(verbContext(c), { workspaceId: c.req.valid("param").id }) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/meetings",
      tags,
      summary: "Vergadering plannen (secretaris)",
      description: "Zonder invitedPartyIds worden alle partijen van de tafel uitgenodigd.",
      request: { params: WorkspaceParams, body: jsonBody(CreateMeetingInput) },
      responses: { 201: meetingResponse("Gepland"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(
        await createMeeting(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}",
      tags,
      summary: "Eén vergadering met presentie, agenda, besluiten en notulen",
      request: { params: MeetingParams },
      responses: { 200: meetingResponse("De vergadering"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getMeeting(verbContext(c), { meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{id}",
      tags,
      summary: "Titel, datum, plaats, status of genodigden wijzigen (secretaris)",
      description:
        "Geweigerd (409) zodra de notulen zijn vastgesteld. Met expectedVersion: 409 VERSION_CONFLICT als iemand anders intussen wijzigde.",
      request: { params: MeetingParams, body: jsonBody(UpdateMeetingInput) },
      responses: { 200: meetingResponse("Gewijzigd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await updateMeeting(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/meetings/{id}/attendance",
      tags,
      summary: "Presentielijst vervangen (secretaris)",
      description:
        "De volledige lijst: per persoon de partij (of null), naam, hoedanigheid, aanwezig/afgemeld (met vervanger)/afwezig en of hij/zij als bestuurder namens de partij besluit (mandate).",
      request: { params: MeetingParams, body: jsonBody(SetAttendanceInput) },
      responses: { 200: meetingResponse("Opgeslagen"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await setAttendance(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/agenda",
      tags,
      summary: "Agendapunt toevoegen (secretaris)",
      description:
        "Een overeenstemmingspunt op de agenda van een formeel OOGO legt de besproken tekstversie vast: het punt moet ambtelijk akkoord zijn en wordt geagendeerd (tekst op slot).",
      request: { params: MeetingParams, body: jsonBody(AddAgendaItemInput) },
      responses: { 201: meetingResponse("Toegevoegd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await addAgendaItem(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/meetings/{id}/agenda/order",
      tags,
      summary: "Agenda herordenen (secretaris)",
      request: { params: MeetingParams, body: jsonBody(ReorderAgendaInput) },
      responses: { 200: meetingResponse("Herordend"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await reorderAgenda(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/meetings/{id}/agenda/{itemId}",
      tags,
      summary: "Agendapunt verwijderen (secretaris, alleen zonder besluit)",
      request: { params: ItemParams },
      responses: { 200: meetingResponse("Verwijderd"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid("param");
      return c.json(await removeAgendaItem(verbContext(c), { meetingId: id, itemId }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/agenda/{itemId}/decision",
      tags,
      summary: "Besluit over een agendapunt vastleggen (secretaris)",
      description:
        "Voor een overeenstemmingspunt zet het besluit de status van het punt via de workflow van punten (gebeurtenis met verwijzing naar deze vergadering). Weigert de workflow, dan wordt niets vastgelegd.",
      request: { params: ItemParams, body: jsonBody(DecisionInput) },
      responses: { 200: meetingResponse("Vastgelegd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid("param");
      return c.json(await decideAgendaItem(verbContext(c), { ...c.req.valid("json"), meetingId: id, itemId }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/minutes/review",
      tags,
      summary: "Notulen ter vaststelling voorleggen aan de partijen (secretaris)",
      description:
        "Zet het notulendocument op slot en legt de hash vast; elke uitgenodigde partij (SWV, gemeente) stemt daarna via haar trekker in. Zeggen notulen en vastgelegde besluiten niet hetzelfde, dan 409 MINUTES_DECISION_MISMATCH tenzij acceptWarnings. Met textHash: 409 TEXT_CHANGED als de tekst sindsdien veranderde.",
      request: { params: MeetingParams, body: jsonBody(RequestMinutesReviewInput) },
      responses: { 200: meetingResponse("Ter vaststelling"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(
        await requestMinutesReview(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/minutes/review/withdraw",
      tags,
      summary: "Notulen terugnemen van de partijen (secretaris)",
      request: { params: MeetingParams },
      responses: { 200: meetingResponse("Teruggenomen"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await withdrawMinutesReview(verbContext(c), { meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/minutes/agree",
      tags,
      summary: "Namens de eigen partij instemmen met de notulen (trekker)",
      description:
        "Met precies de tekst met deze hash. De laatste partij die instemt, stelt de notulen vast (notulendocument blijft op slot).",
      request: { params: MeetingParams, body: jsonBody(AgreeMinutesInput) },
      responses: { 200: meetingResponse("Ingestemd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await agreeMinutes(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/convocation",
      tags,
      summary: "Convocatie versturen (secretaris)",
      description:
        "Mailt iedere genodigde een agenda-uitnodiging (.ics, METHOD:REQUEST) en de agenda met vergaderstukken als PDF. Latere wijzigingen van tijd, plaats of genodigden sturen een bijgewerkte uitnodiging; annuleren stuurt METHOD:CANCEL.",
      request: { params: MeetingParams, body: jsonBody(ConveneInput) },
      responses: { 200: meetingResponse("Verstuurd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await convokeMeeting(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/convocation/agenda-update",
      tags,
      summary: "Gewijzigde agenda versturen (secretaris)",
      description:
        "Na de convocatie: mailt iedere genodigde de gewijzigde agenda met vergaderstukken als PDF en een bijgewerkte agenda-uitnodiging (.ics, SEQUENCE + 1). 409 als de agenda niet is gewijzigd sinds wat de genodigden kregen.",
      request: { params: MeetingParams, body: jsonBody(ConveneInput) },
      responses: { 200: meetingResponse("Verstuurd"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(
        await sendAgendaUpdate(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}/agenda/candidates",
      tags,
      summary: "Wat de agendabouwer aanbiedt (secretaris)",
      description:
        "Punten die op de agenda kunnen, de andere met de reden waarom niet, en notulen die wachten op vaststelling.",
      request: { params: MeetingParams },
      responses: {
        200: jsonResponse("Keuze voor de agenda", AgendaCandidatesView),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await listAgendaCandidates(verbContext(c), { meetingId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/minutes/amendments",
      tags,
      summary: "Gelogde wijziging van vastgestelde notulen openen (secretaris)",
      description:
        "Logt de reden en de vastgestelde hash, en opent het document weer voor bewerking. De volgende vaststelling sluit de wijziging af met de nieuwe hash en wat er veranderde.",
      request: { params: MeetingParams, body: jsonBody(AmendMinutesInput) },
      responses: { 201: meetingResponse("Wijziging geopend"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) =>
      c.json(await amendMinutes(verbContext(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/procedure",
      tags: procedureTags,
      summary: "Afgesproken OOGO-procedure: tekstdocument en stappen",
      request: { params: WorkspaceParams },
      responses: { 200: jsonResponse("De procedure", ProcedureView), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listProcedure(verbContext(c), { workspaceId: c.req.valid("param").id }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/workspaces/{id}/procedure/steps",
      tags: procedureTags,
      summary: "Stappen van de procedure met gedaan / binnenkort / te laat",
      request: { params: WorkspaceParams },
      responses: {
        200: jsonResponse("Stappen", z.object({ today: z.string(), steps: z.array(ProcedureStepView) })),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { today, steps } = await listProcedure(verbContext(c), { workspaceId: c.req.valid("param").id });
      return c.json({ today, steps }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/workspaces/{id}/procedure/steps",
      tags: procedureTags,
      summary: "Stap toevoegen (secretaris)",
      request: { params: WorkspaceParams, body: jsonBody(AddProcedureStepInput) },
      responses: { 201: jsonResponse("Toegevoegd", ProcedureStepView), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) =>
      c.json(
        await addProcedureStep(verbContext(c), { ...c.req.valid("json"), workspaceId: c.req.valid("param").id }),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/workspaces/{id}/procedure/steps/{stepId}",
      tags: procedureTags,
      summary: "Stap wijzigen of afvinken (secretaris)",
      description:
        "doneOn: de datum waarop de stap gedaan is (null heropent). Met expectedVersion: 409 bij gelijktijdige wijziging.",
      request: { params: StepParams, body: jsonBody(ChangeProcedureStepInput) },
      responses: { 200: jsonResponse("Gewijzigd", ProcedureStepView), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { id, stepId } = c.req.valid("param");
      return c.json(
        await changeProcedureStep(verbContext(c), { ...c.req.valid("json"), workspaceId: id, stepId }),
        200,
      );
    },
  );
