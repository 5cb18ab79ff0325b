import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";
import { AccountView, ChangePasswordInput, UpdateAccountInput } from "../../shared/schemas/auth.ts";
import { requireCaller } from "../auth/middleware.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { changePassword, getAccount, signOutEverywhere, updateAccount } from "../services/accounts/myAccount.ts";
import { verbContext } from "./verbContext.ts";

const tags = ["Mijn account"];
const Ended = z.object({ ok: z.literal(true), endedSessions: z.number().int() });

/** "Mijn account": only ever the signed-in person's own account. */
export const accountRoutes = createRouter();
accountRoutes.use("/account", requireCaller);
accountRoutes.use("/account/*", requireCaller);

accountRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/account",
      tags,
      summary: "Mijn account: naam, e-mailadres en functie",
      responses: { 200: jsonResponse("Mijn account", AccountView), ...errorResponses(401) },
    }),
    async (c) => c.json(await getAccount(verbContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/account",
      tags,
      summary: "Naam en functie wijzigen",
      description:
        'De functie is die van de persoon zelf (bijv. "wethouder onderwijs en jeugd"); een lege functie wist haar. ' +
        "De titel bij een lidmaatschap van een tafel blijft zoals hij is.",
      request: { body: jsonBody(UpdateAccountInput) },
      responses: { 200: jsonResponse("Gewijzigd", AccountView), ...errorResponses(400, 401, 413) },
    }),
    async (c) => c.json(await updateAccount(verbContext(c), c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/account/password",
      tags,
      summary: "Wachtwoord wijzigen",
      description:
        "Met het huidige wachtwoord. Elke andere sessie van het account eindigt; deze blijft. " +
        "Een onjuist huidig wachtwoord: 400 met veld `currentPassword`, er verandert niets.",
      request: { body: jsonBody(ChangePasswordInput) },
      responses: { 200: jsonResponse("Gewijzigd", Ended), ...errorResponses(400, 401, 413) },
    }),
    async (c) => c.json({ ok: true as const, ...(await changePassword(verbContext(c), c.req.valid("json"))) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/account/sign-out-everywhere",
      tags,
      summary: "Overal uitloggen",
      description:
        "Beëindigt elke sessie van het account, ook deze; open synchronisatie- en eventverbindingen sluiten.",
      responses: { 200: jsonResponse("Uitgelogd", Ended), ...errorResponses(401) },
    }),
    async (c) => {
      const result = await signOutEverywhere(verbContext(c));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true as const, ...result }, 200);
    },
  );
