/**
 * The custom migration 0006_pending_members_to_invitations on a database from before ADR 0005:
 * a pending invitee (account without password) was already a member; afterwards they are an
 * expired invitation of that tafel and no member, and nothing else changes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, expect, it } from "vitest";
import { createDb, migrateDb } from "./client.ts";
import { migrationsBefore } from "./migrationsBefore.ts";

const dir = mkdtempSync(join(tmpdir(), "oogo-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before this change: entries up to 0003. */
it("turns pending memberships into expired invitations of the same tafel and role", async () => {
  const database = await createDb(`file:${join(dir, "old.db")}`);
  await migrate(database.db, { migrationsFolder: migrationsBefore(dir, "0005_invitations_per_tafel") });
  const now = "2026-01-01T00:00:00.000Z";
  const run = (sql: string, args: unknown[] = []) => database.client.execute({ sql, args: args as never });
  await run(`INSERT INTO organisations (id, kind, name, created_at) VALUES ('org', 'gemeente', 'Gemeente', ?)`, [now]);
  await run(
    `INSERT INTO workspaces (id, name, plan_type, plan_title, plan_version, period_start, period_end, level, created_at)
    VALUES ('ws', 'Tafel', 'ondersteuningsplan', 'Plan', '1', 2023, 2027, 'regionaal', ?)`,
    [now],
  );
  await run(`INSERT INTO workspace_parties (workspace_id, organisation_id, position) VALUES ('ws', 'org', 0)`);
  await run(
    `INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('pending', 'p@x.nl', 'Pending Persoon', NULL, ?), ('member', 'm@x.nl', 'Lid', 'hash', ?)`,
    [now, now],
  );
  await run(
    `INSERT INTO memberships (id, workspace_id, user_id, organisation_id, role, title, created_at, updated_at)
    VALUES ('m-pending', 'ws', 'pending', 'org', 'trekker', 'beleidsmedewerker', ?, ?), ('m-member', 'ws', 'member', NULL, 'secretaris', NULL, ?, ?)`,
    [now, now, now, now],
  );
  await run(
    `INSERT INTO invitations (id, user_id, workspace_id, created_at, expires_at) VALUES ('oldtokenhash', 'pending', 'ws', ?, '2999-01-01T00:00:00.000Z')`,
    [now],
  );
  await run(
    `INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s-pending', 'pending', ?, '2999-01-01T00:00:00.000Z'), ('s-member', 'member', ?, '2999-01-01T00:00:00.000Z')`,
    [now, now],
  );

  await migrateDb(database);

  const rows = async (sql: string) => (await run(sql)).rows.map((r) => ({ ...r }));
  expect(await rows("SELECT id, user_id, role FROM memberships ORDER BY id")).toEqual([
    { id: "m-member", user_id: "member", role: "secretaris" },
  ]);
  expect(
    await rows(
      "SELECT id, workspace_id, email, name, role, organisation_id, title, expires_at, accepted_at, withdrawn_at FROM tafel_invitations",
    ),
  ).toEqual([
    {
      id: "legacy-m-pending",
      workspace_id: "ws",
      email: "p@x.nl",
      name: "Pending Persoon",
      role: "trekker",
      organisation_id: "org",
      title: "beleidsmedewerker",
      expires_at: now,
      accepted_at: null,
      withdrawn_at: null,
    },
  ]);
  expect(await rows("SELECT id FROM sessions ORDER BY id")).toEqual([{ id: "s-member" }]);
  expect(await rows("SELECT name FROM sqlite_master WHERE name = 'invitations'")).toEqual([]);
  database.close();
});
