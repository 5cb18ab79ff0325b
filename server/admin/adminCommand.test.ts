/**
 * `npm run admin -- create`: the real script in a child process on a real, empty database file,
 * as an operator of a fresh production install runs it.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDb } from "../../db/client.ts";
import { instanceRoles, users } from "../../db/schema/index.ts";
import { tempDatabaseUrl } from "../testing/testContext.ts";
import { runAdminCommand } from "./adminCommand.ts";

const run = promisify(execFile);
const tmp = tempDatabaseUrl("oogo-admin-");
afterAll(() => tmp.cleanup());
const env = {
  ...process.env,
  DATABASE_URL: tmp.url,
  PUBLIC_ORIGIN: "https://oogo.regio.example",
  NODE_ENV: "production",
};

async function admin(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run admin -- create", () => {
  it("creates the applicatiebeheerder without a password, prints a one-time link, and refuses a second run", async () => {
    const first = await admin("create", "--email", "Beheer@Regio.example", "--name", "Anna de Vries");
    expect(first.code, first.stderr).toBe(0);
    const link = /https:\/\/oogo\.regio\.example\/wachtwoord#([A-Za-z0-9_-]{43})/.exec(first.stdout);
    expect(link, first.stdout).not.toBeNull();

    const second = await admin("create", "--email", "beheer@regio.example", "--name", "Anna de Vries");
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/al applicatiebeheerder/);

    const database = await createDb(tmp.url);
    const rows = await database.db
      .select({ email: users.email, hash: users.passwordHash, role: instanceRoles.role })
      .from(users)
      .innerJoin(instanceRoles, eq(instanceRoles.userId, users.id));
    expect(rows).toEqual([{ email: "beheer@regio.example", hash: null, role: "applicatiebeheerder" }]);
    database.close();
  });

  it("validates its input with a Dutch message and exit code 2", async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runAdminCommand(["create", "--email", "geen-adres", "--name", "Anna"], env, io)).toBe(2);
    expect(lines.at(-1)).toMatch(/--email: Vul een geldig e-mailadres in/);
    expect(await runAdminCommand(["create", "--email", "a@b.example", "--name", "A\u0000"], env, io)).toBe(2);
    expect(lines.at(-1)).toMatch(/--name/);
    expect(await runAdminCommand(["verwijder"], env, io)).toBe(2);
    expect(await runAdminCommand(["create", "--onbekend"], env, io)).toBe(2);
    expect(await runAdminCommand(["link", "--email", "niemand@regio.example"], env, io)).toBe(1);
    expect(await runAdminCommand(["link", "--email", "beheer@regio.example"], env, io)).toBe(0);
    expect(lines.at(-1)).toMatch(/wachtwoord#/);
  });
});
