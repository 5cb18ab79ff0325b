import { verbContext } from "./verbContext.ts";
import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.ts";
import { withWriteLock } from "../../db/writeLock.ts";
import {
  AcceptInvitationInput,
  AcceptInvitationResult,
  LoginInput,
  MeView,
  PASSWORD_RESET_ANSWER,
  PasswordLinkInput,
  PasswordResetInput,
  UserView,
} from "../../shared/schemas/auth.ts";
import type { AppEnv } from "../context.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { ApiError } from "../http/errors.ts";
import { createSession, resolveSession, SESSION_COOKIE } from "../auth/sessions.ts";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, DEVICE_COOKIE_PATH } from "../auth/deviceCookie.ts";
import { logIn, logOut, throttledMessage } from "../services/accounts/logIn.ts";
import { requireCaller } from "../auth/middleware.ts";
import { getMe } from "../services/workspaces/getMe.ts";
import { acceptInvitation } from "../services/members/acceptInvitation.ts";
import { setPasswordByLink } from "../services/accounts/setPasswordByLink.ts";
import { requestPasswordReset } from "../services/accounts/requestPasswordReset.ts";
import { createContext } from "../services/serviceContext.ts";
import { openInvitation } from "../services/members/openInvitation.ts";
import { InvitationGreeting, OpenInvitationInput } from "../../shared/schemas/invitations.ts";

function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "onbekend";
  } catch {
    return "onbekend"; // app.request() in tests has no socket
  }
}

function setSessionCookie(c: Context<AppEnv>, session: { token: string; expiresAt: Date }) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.var.deps.config.secureCookies,
    path: "/",
    expires: session.expiresAt,
  });
}

/** A session for someone a verb just let in (an accepted invitation, a password link). */
async function startSession(c: Context<AppEnv>, userId: string) {
  const { config, database } = c.var.deps;
  // Every write goes through the in-process write queue (db/writeLock.ts).
  setSessionCookie(c, await withWriteLock(database, () => createSession(database.db, userId, config.sessionTtlHours)));
}

const Ok = z.object({ ok: z.literal(true) });

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags: ["Inloggen"],
      summary: "Inloggen met e-mail en wachtwoord",
      description:
        "Zet een httpOnly sessiecookie en een apparaatcookie. Herhaalde mislukte pogingen worden per account en adres " +
        "(of per bekend apparaat) vertraagd, en per adres boven een ruim plafond (429 met Retry-After); ze worden gelogd.",
      request: { body: jsonBody(LoginInput) },
      responses: { 200: jsonResponse("Ingelogd", z.object({ user: UserView })), ...errorResponses(400, 401, 413, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const result = await logIn(createContext(c.var.deps), {
        email,
        password,
        ip: clientIp(c),
        deviceCookie: getCookie(c, DEVICE_COOKIE),
      });
      if (result.kind === "throttled") {
        c.header("Retry-After", String(result.retryAfterSeconds));
        throw new ApiError("RATE_LIMITED", throttledMessage(result.retryAfterSeconds));
      }
      setSessionCookie(c, result.session);
      if (result.deviceCookie) {
        const { config } = c.var.deps;
        setCookie(c, DEVICE_COOKIE, result.deviceCookie, {
          httpOnly: true,
          sameSite: "Lax",
          secure: config.secureCookies,
          path: DEVICE_COOKIE_PATH,
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
      }
      return c.json({ user: result.user }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags: ["Inloggen"],
      summary: "Uitloggen",
      responses: { 200: jsonResponse("Uitgelogd (ook als er geen sessie was)", Ok) },
    }),
    async (c) => {
      await logOut(createContext(c.var.deps), { sessionToken: getCookie(c, SESSION_COOKIE) });
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/invitation",
      tags: ["Inloggen"],
      summary: "Uitnodiging voor één tafel aannemen",
      description:
        "Maakt het lidmaatschap van precies deze uitnodiging aan (tafel, rol, partij). Heeft het e-mailadres een account met wachtwoord, dan neemt alleen dat account, ingelogd, de uitnodiging aan en verandert het wachtwoord niet. Anders kiest de genodigde met `password` een eerste wachtwoord; alle andere sessies van dat account eindigen en er begint een nieuwe.",
      request: { body: jsonBody(AcceptInvitationInput) },
      responses: {
        200: jsonResponse("Aangenomen", AcceptInvitationResult),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { deps } = c.var;
      // Optional session: someone with an account accepts while logged in.
      const caller = await resolveSession(deps.database.db, getCookie(c, SESSION_COOKIE));
      const accepted = await acceptInvitation(createContext(deps, { actor: caller }), c.req.valid("json"));
      if (accepted.passwordSet) await startSession(c, accepted.userId);
      return c.json({ ok: true as const, workspaceId: accepted.workspaceId }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/invitation/open",
      tags: ["Inloggen"],
      summary: "Uitnodigingslink geopend: wie nodigt uit, voor welke tafel",
      description:
        "De uitnodigingspagina roept dit aan zodra de link geopend is. Legt de eerste keer vast dat de uitnodiging geopend is (de status *geopend* die de uitnodiger ziet) en geeft de naam van de tafel, wie uitnodigt, de rol en de partij, om de genodigde te begroeten. Zegt niets over accounts. Gebruikte, ingetrokken, vervangen (opnieuw verstuurde) en verlopen links: 404.",
      request: { body: jsonBody(OpenInvitationInput) },
      responses: { 200: jsonResponse("De uitnodiging", InvitationGreeting), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await openInvitation(createContext(c.var.deps), c.req.valid("json")), 200),
  );

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/password-link",
    tags: ["Inloggen"],
    summary: "Wachtwoord kiezen met een eenmalige link",
    description:
      'Voor de link van `npm run admin -- create` en van "Wachtwoord vergeten": zet het wachtwoord, maakt de link onbruikbaar, ' +
      "beëindigt elke andere sessie van het account en logt in. 404 voor een ongeldige, verlopen of gebruikte link.",
    request: { body: jsonBody(PasswordLinkInput) },
    responses: {
      200: jsonResponse("Wachtwoord gezet, ingelogd", z.object({ user: UserView })),
      ...errorResponses(400, 404, 413),
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const { userId } = await setPasswordByLink(createContext(deps), c.req.valid("json"));
    await startSession(c, userId);
    const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId)).limit(1);
    return c.json({ user: { id: user!.id, email: user!.email, name: user!.name } }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/password-reset",
    tags: ["Inloggen"],
    summary: "Wachtwoord vergeten: een link per e-mail aanvragen",
    description:
      "Is het adres bekend, dan gaat er een e-mail uit met een link (`/wachtwoord#<token>`, voor `POST /api/auth/password-link`) " +
      "die één uur en één keer werkt. Per account hoogstens 3 zulke e-mails per uur. Het antwoord is altijd hetzelfde — bekend adres, " +
      "onbekend adres of te vaak gevraagd — zodat niemand hiermee kan nagaan wie een account heeft.",
    request: { body: jsonBody(PasswordResetInput) },
    responses: {
      200: jsonResponse("Altijd hetzelfde antwoord", z.object({ ok: z.literal(true), message: z.string() })),
      ...errorResponses(400, 413),
    },
  }),
  async (c) => {
    await requestPasswordReset(createContext(c.var.deps), c.req.valid("json"));
    return c.json({ ok: true as const, message: PASSWORD_RESET_ANSWER }, 200);
  },
);

export const meRoutes = createRouter();
meRoutes.use("/me", requireCaller);
meRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Inloggen"],
    summary: "De ingelogde gebruiker met zijn lidmaatschappen",
    responses: { 200: jsonResponse("Gebruiker", MeView), ...errorResponses(401) },
  }),
  async (c) => c.json(await getMe(verbContext(c)), 200),
);
