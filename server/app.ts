import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./context.ts";
import { ApiError, handleError } from "./http/errors.ts";
import { isAllowedOrigin, trustedOrigins } from "./http/origin.ts";
import { validationHook } from "./http/router.ts";
import { compression } from "./http/compression.ts";
import { revalidate } from "./http/revalidate.ts";
import { healthRoutes } from "./routes/health.ts";
import { authRoutes, meRoutes } from "./routes/auth.ts";
import { workspaceRoutes } from "./routes/workspaces.ts";
import { pointRoutes } from "./routes/points.ts";
import { eventRoutes } from "./routes/events.ts";
import { meetingRoutes } from "./routes/meetings.ts";
import { commentRoutes } from "./routes/comments.ts";
import { suggestionRoutes } from "./routes/suggestions.ts";
import { versionRoutes } from "./routes/versions.ts";
import { exportRoutes } from "./routes/exports.ts";
import { spiegelExportRoutes } from "./routes/spiegelExport.ts";
import { outboxRoutes } from "./routes/outbox.ts";
import { tafelRoutes } from "./routes/tafels.ts";
import { memberRoutes } from "./routes/members.ts";
import { accountRoutes } from "./routes/account.ts";
import { planRoutes } from "./routes/plans.ts";
import { MAX_PLAN_FILE_BYTES } from "../shared/domain/planImport.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { bespreekpuntRoutes } from "./routes/bespreekpunten.ts";
import { screeningRoutes } from "./routes/screening.ts";

/** Largest JSON body the API accepts. */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * Larger, only for an invitation CSV (preview and bulk): 500 people at a realistic 100–150 bytes
 * a line is 60–80 kB as JSON, over the general limit; the schema caps the text at 400 000
 * characters (1000 rows), which this leaves room for with escaping.
 */
export const MAX_CSV_BODY_BYTES = 512 * 1024;
const CSV_PATHS = ["/api/workspaces/:id/invitations/preview", "/api/workspaces/:id/invitations/bulk"];
/** The plan upload (issue 14): the file itself is the body, up to 25 MB. */
const PLAN_UPLOAD_PATHS = ["/api/plans/:id/versions"];

/**
 * Builds the HTTP app. It never listens: server/main.ts serves it, tests call `app.request()`.
 * Static client files are added by startServer (http/static.ts), so the API can be tested without a build.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.onError(handleError);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  // Outermost on the way out: revalidate hashes the plain body, then compression encodes it.
  app.use("*", compression());
  app.use("*", revalidate());
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", "ws:", "wss:"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // CSRF: a browser always sends Origin or Sec-Fetch-Site with a state-changing request; hono's
  // csrf() refuses cross-site ones that a form could send. JSON bodies from other sites need CORS,
  // which we never grant. Requests with neither header come from non-browser API clients, which
  // cannot carry a victim's cookie by accident, so they pass (see docs/adr/0003-csrf.md).
  // Any request from a page of a foreign origin is refused outright (also reads: another port of
  // the same host is another origin, and a GET with the member's cookie would leak data); the
  // same rule as the sync socket's (server/http/origin.ts), in every environment.
  const trusted = trustedOrigins(deps.config);
  app.use("/api/*", async (c, next) => {
    if (!isAllowedOrigin(c.req.header("origin"), new URL(c.req.url).host, trusted)) {
      throw new ApiError("CSRF_REJECTED", "Verzoek geweigerd: het komt niet van deze site.");
    }
    await next();
  });
  const browserCsrf = csrf({
    origin: (origin, c) => isAllowedOrigin(origin, new URL(c.req.url).host, trusted),
  });
  app.use(
    "/api/*",
    except((c) => c.req.header("origin") === undefined && c.req.header("sec-fetch-site") === undefined, browserCsrf),
  );
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError("PAYLOAD_TOO_LARGE", `Het verzoek is groter dan ${maxSize / 1024} kB.`);
      },
    });
  app.use("/api/*", except([...CSV_PATHS, ...PLAN_UPLOAD_PATHS], limitOf(MAX_BODY_BYTES)));
  for (const path of CSV_PATHS) app.use(path, limitOf(MAX_CSV_BODY_BYTES));
  for (const path of PLAN_UPLOAD_PATHS)
    app.use(
      path,
      bodyLimit({
        maxSize: MAX_PLAN_FILE_BYTES,
        onError: () => {
          throw new ApiError(
            "PAYLOAD_TOO_LARGE",
            "Het bestand is groter dan 25 MB. Verklein het (bijvoorbeeld zonder afbeeldingen) en probeer het opnieuw.",
            "file",
          );
        },
      }),
    );

  // Each resource is a sub-app; mounting on the OpenAPIHono app merges their OpenAPI documents.
  for (const routes of [
    healthRoutes,
    authRoutes,
    meRoutes,
    accountRoutes,
    workspaceRoutes,
    memberRoutes,
    meetingRoutes,
    pointRoutes,
    eventRoutes,
    exportRoutes,
    outboxRoutes,
    tafelRoutes,
    commentRoutes,
    versionRoutes,
    planRoutes,
    notificationRoutes,
    dashboardRoutes,
    bespreekpuntRoutes,
    screeningRoutes,
    suggestionRoutes,
    spiegelExportRoutes,
  ])
    app.route("/api", routes);

  app.notFound((c) => c.json(new ApiError("NOT_FOUND", "Dit adres bestaat niet.").toBody(), 404));

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "OOGO Werkruimte API",
      version: "1.0.0",
      description: "Fouten hebben altijd de vorm { error: { code, message, field? } } met een stabiele code.",
    },
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
