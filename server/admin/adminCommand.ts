/**
 * `npm run admin -- <command>`: the instance's own administration from the command line, for
 * the first applicatiebeheerder of an empty production install (ADR 0010).
 *
 *   create --email <adres> --name <naam>   new applicatiebeheerder + one-time link to set the password
 *   link --email <adres>                   a new one-time link for an applicatiebeheerder (the old one expired)
 *
 * Exit codes: 0 done, 1 refused (e.g. already applicatiebeheerder), 2 wrong usage or input.
 */
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { createDb, DEFAULT_DATABASE_URL, migrateDb } from "../../db/client.ts";
import { instanceRoles, users } from "../../db/schema/index.ts";
import { Email } from "../../shared/schemas/common.ts";
import type { AppDeps } from "../context.ts";
import { EventBus } from "../events.ts";
import { ApiError } from "../http/errors.ts";
import { createApplicatiebeheerder } from "../services/accounts/createApplicatiebeheerder.ts";
import { issueAccountToken, passwordLinkUrl } from "../services/accounts/accountTokens.ts";
import { createContext, withTransaction } from "../services/serviceContext.ts";

const USAGE = [
  "Gebruik:",
  '  npm run admin -- create --email <e-mailadres> --name "<naam>"',
  "  npm run admin -- link --email <e-mailadres>",
].join("\n");

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

export async function runAdminCommand(argv: string[], env: NodeJS.ProcessEnv, io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { email: { type: "string" }, name: { type: "string" } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (command !== "create" && command !== "link") {
    io.err(USAGE);
    return 2;
  }
  const database = await createDb(env.DATABASE_URL ?? DEFAULT_DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDb(database);
    const port = env.PORT ?? "3000";
    const deps: AppDeps = {
      database,
      events: new EventBus(),
      config: {
        production: env.NODE_ENV === "production",
        secureCookies: false,
        sessionTtlHours: 12,
        publicOrigin: (env.PUBLIC_ORIGIN ?? `http://localhost:${port}`).replace(/\/+$/, ""),
      },
      documents: {
        readJson: () => Promise.reject(new Error("geen documenten in de beheeropdracht")),
        readState: () => Promise.reject(new Error("geen documenten in de beheeropdracht")),
        write: () => Promise.reject(new Error("geen documenten in de beheeropdracht")),
      },
    };
    const ctx = createContext(deps);
    if (command === "create") {
      const result = await createApplicatiebeheerder(ctx, {
        email: parsed.values.email ?? "",
        name: parsed.values.name ?? "",
      });
      io.out(
        result.created
          ? `Applicatiebeheerder aangemaakt: ${parsed.values.name} <${parsed.values.email?.trim().toLowerCase()}>.`
          : `Het bestaande account ${parsed.values.email?.trim().toLowerCase()} is nu ook applicatiebeheerder.`,
      );
      io.out(
        result.link
          ? `Open deze eenmalige link om het wachtwoord te kiezen (geldig 72 uur):\n\n  ${result.link}\n`
          : "Dit account heeft al een wachtwoord; log daarmee in en open Beheer.",
      );
      return 0;
    }
    const email = Email.safeParse(parsed.values.email ?? "");
    if (!email.success) throw new ApiError("VALIDATION_FAILED", email.error.issues[0]!.message, "email");
    const link = await withTransaction(ctx, async (t) => {
      const [admin] = await t.tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(instanceRoles, eq(instanceRoles.userId, users.id))
        .where(and(eq(users.email, email.data), eq(instanceRoles.role, "applicatiebeheerder")))
        .limit(1);
      if (!admin)
        throw new ApiError("NOT_FOUND", `${email.data} is geen applicatiebeheerder van deze installatie.`, "email");
      return passwordLinkUrl(
        deps.config.publicOrigin,
        await issueAccountToken(t.tx, admin.id, "set_password", t.clock.now()),
      );
    });
    io.out(`Nieuwe eenmalige link om het wachtwoord te kiezen (geldig 72 uur):\n\n  ${link}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      io.err(`${error.field ? `--${error.field}: ` : ""}${error.message}`);
      return error.code === "VALIDATION_FAILED" ? 2 : 1;
    }
    throw error;
  } finally {
    database.close();
  }
}
