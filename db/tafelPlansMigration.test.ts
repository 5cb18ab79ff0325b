/**
 * The migration 0009_tafel_plans_parties_themes on a database from before ADR 0010: the single
 * plan of a tafel becomes its first plan row (owned by its first SWV), the standard six themes
 * become rows ahead of the tafel's own, and the old plan columns are gone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Value } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, expect, it } from "vitest";
import { createDb, migrateDb } from "./client.ts";
import { migrationsBefore } from "./migrationsBefore.ts";

const dir = mkdtempSync(join(tmpdir(), "oogo-migration-0007-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("moves each tafel's plan into workspace_plans and makes the standard themes rows", async () => {
  const database = await createDb(`file:${join(dir, "old.db")}`);
  await migrate(database.db, { migrationsFolder: migrationsBefore(dir, "0009_tafel_plans_parties_themes") });
  const now = "2026-01-01T00:00:00.000Z";
  const run = (sql: string, args: unknown[] = []) => database.client.execute({ sql, args: args as never });
  await run(
    `INSERT INTO organisations (id, kind, name, swv_code, sector, created_at) VALUES ('gem', 'gemeente', 'Gemeente', NULL, NULL, ?), ('swv', 'swv', 'SWV', 'VO 20.01', 'vo', ?)`,
    [now, now],
  );
  await run(
    `INSERT INTO workspaces (id, name, plan_type, plan_title, plan_version, period_start, period_end, level, created_at)
    VALUES ('ws', 'Tafel', 'ondersteuningsplan', 'Ondersteuningsplan 2023–2027', 'concept 0.4', 2023, 2027, 'regionaal', ?),
           ('jp', 'Jeugdtafel', 'jeugdplan', 'Beleidsplan jeugd', '1.0', 2024, 2027, 'lokaal', ?)`,
    [now, now],
  );
  await run(
    `INSERT INTO workspace_parties (workspace_id, organisation_id, position) VALUES ('ws', 'gem', 0), ('ws', 'swv', 1), ('jp', 'swv', 0), ('jp', 'gem', 1)`,
  );
  await run(
    `INSERT INTO workspace_themes (workspace_id, key, label, description, position) VALUES ('ws', 'eigen_thema', 'Eigen thema', '', 0)`,
  );

  await migrateDb(database);

  // Typed as the test reads them, like `json<T>`: the assertions check the values.
  const rows = async <T = Record<string, Value>>(sql: string) => (await run(sql)).rows.map((r) => ({ ...r }) as T);
  expect(
    await rows(
      "SELECT workspace_id, kind, organisation_id, title, period_start, period_end, version_label, position FROM workspace_plans ORDER BY workspace_id",
    ),
  ).toEqual([
    {
      workspace_id: "jp",
      kind: "jeugdplan",
      organisation_id: "gem",
      title: "Beleidsplan jeugd",
      period_start: 2024,
      period_end: 2027,
      version_label: "1.0",
      position: 0,
    },
    {
      workspace_id: "ws",
      kind: "ondersteuningsplan",
      organisation_id: "swv",
      title: "Ondersteuningsplan 2023–2027",
      period_start: 2023,
      period_end: 2027,
      version_label: "concept 0.4",
      position: 0,
    },
  ]);
  expect(
    (
      await rows<{ key: string; position: number }>(
        "SELECT key, position FROM workspace_themes WHERE workspace_id = 'ws' ORDER BY position",
      )
    ).map((r) => `${r.position}:${r.key}`),
  ).toEqual([
    "0:jeugdhulp",
    "1:leerlingenvervoer",
    "2:onderwijshuisvesting",
    "3:leerplicht_thuiszitters",
    "4:doorgaande_lijn",
    "5:onderwijs_arbeidsmarkt",
    "6:eigen_thema",
  ]);
  expect(await rows("SELECT count(*) AS n FROM workspace_themes WHERE workspace_id = 'jp'")).toEqual([{ n: 6 }]);
  const columns = (await rows("PRAGMA table_info(workspaces)")).map((c) => c.name);
  expect(columns).not.toContain("plan_type");
  expect(columns).toEqual(expect.arrayContaining(["parent_workspace_id", "previous_workspace_id", "level"]));
  database.close();
});
