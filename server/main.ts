/**
 * Production entry point: reads the environment, starts the server, prints the demo accounts.
 * Configuration (see README): PORT, HOST, DATABASE_URL, DATABASE_AUTH_TOKEN, NODE_ENV,
 * PUBLIC_ORIGIN, COOKIE_SECURE, DEVICE_COOKIE_SECRET, DEMO, SMTP_URL, MAIL_FROM, DEV_ORIGIN (set by
 * `npm run dev`; ignored in production).
 */
import { DEFAULT_DATABASE_URL } from "../db/client.ts";
import { startServer } from "./server.ts";
import { demoBanner } from "./demo/seedDemo.ts";
import { MailConfigError, resolveMailConfig } from "./mail/config.ts";

const env = process.env;
const production = env.NODE_ENV === "production";
const port = Number(env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`PORT is geen geldig poortnummer: ${env.PORT}`);

const mail = { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
try {
  resolveMailConfig(mail, production);
} catch (err) {
  if (!(err instanceof MailConfigError)) throw err;
  console.error(`OOGO Werkruimte start niet / does not start:\n${err.message}`);
  process.exit(1);
}

const running = await startServer({
  port,
  host: env.HOST ?? "0.0.0.0",
  databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  databaseAuthToken: env.DATABASE_AUTH_TOKEN,
  production,
  demo: env.DEMO !== "0",
  staticRoot: "dist",
  publicOrigin: env.PUBLIC_ORIGIN,
  devOrigins: env.DEV_ORIGIN ? [env.DEV_ORIGIN] : [],
  secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === "1" : undefined,
  // An empty variable counts as unset (the server then keeps its own secret in the database).
  deviceCookieSecret: env.DEVICE_COOKIE_SECRET === "" ? undefined : env.DEVICE_COOKIE_SECRET,
  mail,
});

if (running.seeded) console.log(demoBanner(running.port));
console.log(`OOGO Werkruimte draait op http://localhost:${running.port} (database: ${running.deps.database.url})`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log("Afsluiten: openstaande wijzigingen worden opgeslagen…");
  await running.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown());
