/**
 * The migration 0024_screening_opinion_fk: screening_opinions.plan_version_id gets a foreign key to
 * plan_versions (cascade on delete), by SQLite's table rebuild. Existing opinions survive with all
 * their columns and constraints; an opinion on a version that does not exist is refused afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, expect, it } from "vitest";
import { createDb, migrateDb } from "./client.ts";
import { migrationsBefore } from "./migrationsBefore.ts";

const dir = mkdtempSync(join(tmpdir(), "oogo-migration-0024-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps existing opinions, then refuses one on a missing version and cascades a deleted one", async () => {
  const database = await createDb(`file:${join(dir, "old.db")}`);
  await migrate(database.db, { migrationsFolder: migrationsBefore(dir, "0024_screening_opinion_fk") });
  const now = "2026-01-01T00:00:00.000Z";
  const run = (sql: string, args: unknown[] = []) => database.client.execute({ sql, args: args as never });
  await run(
    `INSERT INTO organisations (id, kind, name, created_at) VALUES ('gem', 'gemeente', 'Gemeente Groningen', ?), ('swv', 'swv', 'SWV', ?)`,
    [now, now],
  );
  await run(`INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'a@example.test', 'Sanne', ?)`, [now]);
  await run(`INSERT INTO workspaces (id, name, level, created_at) VALUES ('ws', 'Tafel', 'regionaal', ?)`, [now]);
  await run(
    `INSERT INTO workspace_plans (id, workspace_id, kind, organisation_id, title, period_start, period_end, position, created_at, updated_at)
     VALUES ('plan', 'ws', 'ondersteuningsplan', 'swv', 'Ondersteuningsplan', 2023, 2027, 0, ?, ?)`,
    [now, now],
  );
  for (const [id, seq] of [
    ["v1", 1],
    ["v2", 2],
  ] as const) {
    await run(
      `INSERT INTO plan_versions (id, plan_id, workspace_id, seq, label, file_name, file_kind, byte_size, sha256, plan_text, section_count, uploaded_by, created_at)
       VALUES (?, 'plan', 'ws', ?, ?, 'plan.docx', 'docx', 10, 'abc', '{}', 0, 'u1', ?)`,
      [id, seq, `versie ${seq}`, now],
    );
  }
  const opinions: Array<[string, string, string, number, string, string | null]> = [
    ["v1", "thuiszitters", "gem", 1, "Te globaal.", "Wij zetten in op maatwerk."],
    ["v1", "thuiszitters", "swv", 2, "Concreet genoeg.", null],
    ["v2", "vervoer", "gem", 0, "Staat er niet in.", null],
  ];
  for (const [version, theme, party, score, reason, quote] of opinions)
    await run(
      `INSERT INTO screening_opinions (workspace_id, plan_version_id, theme_key, party_id, score, reason, quote, set_by, set_at)
       VALUES ('ws', ?, ?, ?, ?, ?, ?, 'u1', ?)`,
      [version, theme, party, score, reason, quote, now],
    );

  await migrateDb(database);

  const all = async () =>
    (
      await run(
        "SELECT plan_version_id, theme_key, party_id, score, reason, quote, set_by, set_at FROM screening_opinions ORDER BY plan_version_id, party_id",
      )
    ).rows.map((r) => [r.plan_version_id, r.theme_key, r.party_id, r.score, r.reason, r.quote, r.set_by, r.set_at]);
  expect(await all()).toEqual(opinions.map((o) => [o[0], o[1], o[2], o[3], o[4], o[5], "u1", now]));
  expect((await run("PRAGMA foreign_key_check")).rows).toEqual([]);
  const fks = (await run("PRAGMA foreign_key_list(screening_opinions)")).rows.map((r) => [
    r.from,
    r.table,
    r.to,
    r.on_delete,
  ]);
  expect(fks).toEqual(
    expect.arrayContaining([
      ["plan_version_id", "plan_versions", "id", "CASCADE"],
      ["workspace_id", "workspaces", "id", "CASCADE"],
      ["party_id", "organisations", "id", "NO ACTION"],
      ["set_by", "users", "id", "NO ACTION"],
    ]),
  );
  expect(fks).toHaveLength(4);

  // The primary key is still there: a second opinion of the same party on the same theme is refused.
  await expect(
    run(
      `INSERT INTO screening_opinions (workspace_id, plan_version_id, theme_key, party_id, score, reason, set_at) VALUES ('ws', 'v1', 'thuiszitters', 'gem', 3, 'Nogmaals.', ?)`,
      [now],
    ),
  ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
  // An opinion on a version that does not exist is refused.
  await expect(
    run(
      `INSERT INTO screening_opinions (workspace_id, plan_version_id, theme_key, party_id, score, reason, set_at) VALUES ('ws', 'nope', 'vervoer', 'gem', 1, 'Waar?', ?)`,
      [now],
    ),
  ).rejects.toThrow(/FOREIGN KEY/);
  // A version that goes (only with its tafel, in practice) takes its opinions with it, like its screening.
  await run("DELETE FROM plan_versions WHERE id = 'v2'");
  expect((await all()).map((r) => r[0])).toEqual(["v1", "v1"]);
  database.close();
});

it("leaves out opinions on a version that never existed, so the rebuilt table has no dangling key", async () => {
  const database = await createDb(`file:${join(dir, "orphan.db")}`);
  await migrate(database.db, { migrationsFolder: migrationsBefore(join(dir, "orphan"), "0024_screening_opinion_fk") });
  const now = "2026-01-01T00:00:00.000Z";
  const run = (sql: string, args: unknown[] = []) => database.client.execute({ sql, args: args as never });
  await run(`INSERT INTO organisations (id, kind, name, created_at) VALUES ('gem', 'gemeente', 'Gemeente', ?)`, [now]);
  await run(`INSERT INTO workspaces (id, name, level, created_at) VALUES ('ws', 'Tafel', 'regionaal', ?)`, [now]);
  await run(
    `INSERT INTO screening_opinions (workspace_id, plan_version_id, theme_key, party_id, score, reason, set_at) VALUES ('ws', 'gone', 'vervoer', 'gem', 1, 'Waar?', ?)`,
    [now],
  );

  await migrateDb(database);

  expect((await run("SELECT count(*) AS n FROM screening_opinions")).rows[0]?.n).toBe(0);
  expect((await run("PRAGMA foreign_key_check")).rows).toEqual([]);
  database.close();
});
