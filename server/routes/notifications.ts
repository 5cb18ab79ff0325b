import { createRoute, z } from "@hono/zod-openapi";
import {
  InboxQuery,
  InboxView,
  MarkReadInput,
  NotificationPreferencesView,
  SetNotificationPreferencesInput,
  UnreadCountView,
  UnsubscribeToken,
  UnsubscribeView,
} from "../../shared/schemas/notifications.ts";
import { requireCaller } from "../auth/middleware.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { listInbox, markNotificationsRead, unreadCount } from "../services/notifications/inbox.ts";
import { getNotificationPreferences, setNotificationPreferences } from "../services/notifications/preferences.ts";
import { describeUnsubscribe, unsubscribe } from "../services/notifications/unsubscribe.ts";
import { createContext } from "../services/serviceContext.ts";
import { verbContext } from "./verbContext.ts";

const tags = ["Meldingen"];
const TokenQuery = z.object({ token: UnsubscribeToken });

/** The signed-in person's inbox and choices; unsubscribing from a mail needs no login (a signed token). */
export const notificationRoutes = createRouter();
for (const path of ["/notifications", "/notifications/unread", "/notifications/read", "/notifications/preferences"])
  notificationRoutes.use(path, requireCaller);

notificationRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications",
      tags,
      summary: "Mijn meldingen (nieuwste eerst), eventueel van één tafel",
      request: { query: InboxQuery },
      responses: { 200: jsonResponse("Meldingen", InboxView), ...errorResponses(400, 401) },
    }),
    async (c) => c.json(await listInbox(verbContext(c), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications/unread",
      tags,
      summary: "Aantal ongelezen meldingen (voor de kop van de pagina)",
      responses: { 200: jsonResponse("Aantal", UnreadCountView), ...errorResponses(401) },
    }),
    async (c) => c.json(await unreadCount(verbContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/notifications/read",
      tags,
      summary: "Meldingen als gelezen markeren",
      description: "Alleen eigen meldingen; ids van andermans meldingen veranderen niets.",
      request: { body: jsonBody(MarkReadInput) },
      responses: { 200: jsonResponse("Nog ongelezen", UnreadCountView), ...errorResponses(400, 401, 413) },
    }),
    async (c) => c.json(await markNotificationsRead(verbContext(c), c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications/preferences",
      tags,
      summary: "Per soort melding: geen e-mail, direct of in het dagelijkse overzicht",
      responses: { 200: jsonResponse("Keuzes", NotificationPreferencesView), ...errorResponses(401) },
    }),
    async (c) => c.json({ preferences: await getNotificationPreferences(verbContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/notifications/preferences",
      tags,
      summary: "Keuzes voor meldingen opslaan",
      request: { body: jsonBody(SetNotificationPreferencesInput) },
      responses: { 200: jsonResponse("Keuzes", NotificationPreferencesView), ...errorResponses(400, 401, 413) },
    }),
    async (c) => c.json({ preferences: await setNotificationPreferences(verbContext(c), c.req.valid("json")) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications/unsubscribe",
      tags,
      summary: "Waarvoor deze afmeldlink geldt (verandert niets)",
      request: { query: TokenQuery },
      responses: { 200: jsonResponse("Soorten", UnsubscribeView), ...errorResponses(400) },
    }),
    async (c) => c.json(await describeUnsubscribe(createContext(c.var.deps), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/notifications/unsubscribe",
      tags,
      summary: "Afmelden voor e-mail over één soort melding (ook RFC 8058 one-click, zonder inloggen)",
      description:
        "De token komt uit de link in de e-mail. Zet die soort (of bij het dagelijkse overzicht: elke soort daarin) op 'geen e-mail'. " +
        "De melding in de app blijft.",
      request: { query: TokenQuery },
      responses: { 200: jsonResponse("Afgemeld", UnsubscribeView), ...errorResponses(400) },
    }),
    async (c) => c.json(await unsubscribe(createContext(c.var.deps), c.req.valid("query")), 200),
  );
