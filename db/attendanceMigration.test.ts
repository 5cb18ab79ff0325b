/**
 * The migration 0014_attendance_states_signoff_voids on a database from before issue 13: present
 * becomes "aanwezig", absent "afwezig" (apologies were never recorded, so they are not claimed),
 * and a present bestuurder of a signing party gets the mandate that lets a formal OOGO agree.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, expect, it } from "vitest";
import { workspaces } from "./schema/index.ts";
import { createDb, migrateDb } from "./client.ts";
import { migrationsBefore } from "./migrationsBefore.ts";

const dir = mkdtempSync(join(tmpdir(), "oogo-migration-0014-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("turns present/absent into the three states and gives present bestuurders of a party the mandate", async () => {
  const database = await createDb(`file:${join(dir, "old.db")}`);
  await migrate(database.db, { migrationsFolder: migrationsBefore(dir, "0014_attendance_states_signoff_voids") });
  const now = "2026-01-01T00:00:00.000Z";
  const run = (sql: string, args: unknown[] = []) => database.client.execute({ sql, args: args as never });
  await run(
    `INSERT INTO organisations (id, kind, name, swv_code, sector, created_at) VALUES
     ('gem', 'gemeente', 'Gemeente Groningen', NULL, NULL, ?), ('swv', 'swv', 'SWV', 'VO 20.01', 'vo', ?), ('opr', 'overig', 'OPR', NULL, NULL, ?)`,
    [now, now, now],
  );
  // The tafel table is the same before and after this migration, so its schema writes it.
  await database.db.insert(workspaces).values({ id: "ws", name: "Tafel", level: "regionaal", createdAt: now });
  await run(
    `INSERT INTO meetings (id, workspace_id, type, title, starts_at, place, created_at) VALUES ('m', 'ws', 'formeel_oogo', 'Formeel OOGO', ?, 'Groningen', ?)`,
    [now, now],
  );
  const rows: Array<[string, string | null, string, string, number]> = [
    ["a1", "gem", "Karim El Amrani", "Wethouder onderwijs", 1],
    ["a2", "swv", "Jeroen Bakker", "directeur-bestuurder", 1],
    ["a3", "gem", "Sanne de Vries", "beleidsadviseur", 1],
    ["a4", "gem", "Anneke Smit", "wethouder jeugd", 0],
    ["a5", "opr", "Marloes Visser", "bestuurder OPR", 1],
    ["a6", null, "Pieter Jansen", "secretaris", 1],
  ];
  for (const [id, org, name, capacity, present] of rows) {
    await run(
      `INSERT INTO meeting_attendance (id, meeting_id, organisation_id, name, capacity, present, position) VALUES (?, 'm', ?, ?, ?, ?, 0)`,
      [id, org, name, capacity, present],
    );
  }

  await migrateDb(database);

  const after = await run("SELECT id, attendance, mandate, substitute FROM meeting_attendance ORDER BY id");
  expect(after.rows.map((r) => [r.id, r.attendance, Number(r.mandate), r.substitute])).toEqual([
    ["a1", "aanwezig", 1, null],
    ["a2", "aanwezig", 1, null],
    ["a3", "aanwezig", 0, null],
    ["a4", "afwezig", 0, null],
    ["a5", "aanwezig", 0, null], // an `overig` participant never decides for a party
    ["a6", "aanwezig", 0, null],
  ]);
  database.close();
});
