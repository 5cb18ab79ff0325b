import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.ts";
import { createDb, migrateDb, type Database } from "../../db/client.ts";
import { EventBus } from "../events.ts";
import type { AppDeps } from "../context.ts";
import { tempDatabaseUrl } from "../testing/testContext.ts";
import { afterCommit, createContext, dbOf, withTransaction, type ServiceContext } from "./serviceContext.ts";

let database: Database;
let cleanup: () => void;
let ctx: ServiceContext;

beforeEach(async () => {
  const tmp = tempDatabaseUrl();
  database = await createDb(tmp.url);
  await migrateDb(database);
  cleanup = () => {
    database.close();
    tmp.cleanup();
  };
  const deps: AppDeps = {
    database,
    events: new EventBus(),
    config: { production: false, secureCookies: false, publicOrigin: "http://localhost", sessionTtlHours: 1 },
    documents: {
      readJson: () => Promise.resolve({ type: "doc", content: [] }),
      readState: () => Promise.resolve(null),
      write: () => Promise.resolve(false),
    },
  };
  ctx = createContext(deps, { clock: { now: () => new Date("2026-03-01T10:00:00Z") } });
});
afterEach(() => cleanup());

/** Two tiny verbs that write a row each; `inner` is called from inside `outer`'s transaction. */
async function inner(c: ServiceContext, id: string, fail: boolean) {
  return withTransaction(c, async (t) => {
    await t.tx
      .insert(users)
      .values({ id, email: `${id}@x.test`, name: id, passwordHash: null, createdAt: t.clock.now().toISOString() });
    afterCommit(t, () => log.push(`committed ${id}`));
    if (fail) throw new Error("inner failed");
  });
}
async function outer(c: ServiceContext, failInner: boolean, failOuter = false) {
  return withTransaction(c, async (t) => {
    await t.tx
      .insert(users)
      .values({ id: "outer", email: "outer@x.test", name: "outer", passwordHash: null, createdAt: "x" });
    afterCommit(t, () => log.push("committed outer"));
    await inner(t, "inner", failInner);
    // The inner verb's write is visible to the outer one before the commit: it joined the transaction.
    const seen = await dbOf(t).select({ id: users.id }).from(users).where(eq(users.id, "inner"));
    expect(seen).toHaveLength(1);
    if (failOuter) throw new Error("outer failed");
  });
}
let log: string[] = [];
beforeEach(() => {
  log = [];
});

const ids = async () => (await database.db.select({ id: users.id }).from(users)).map((r) => r.id).sort();

describe("withTransaction", () => {
  it("a verb called inside another verb's transaction commits with it, after-commit work runs once after the outer commit", async () => {
    await outer(ctx, false);
    expect(await ids()).toEqual(["inner", "outer"]);
    expect(log).toEqual(["committed outer", "committed inner"]);
  });

  it("an inner failure rolls back the outer verb's writes too, and no after-commit work runs", async () => {
    await expect(outer(ctx, true)).rejects.toThrow("inner failed");
    expect(await ids()).toEqual([]);
    expect(log).toEqual([]);
  });

  it("an outer failure after the inner verb succeeded rolls back the inner verb's writes", async () => {
    await expect(outer(ctx, false, true)).rejects.toThrow("outer failed");
    expect(await ids()).toEqual([]);
    expect(log).toEqual([]);
  });

  it("a verb on its own opens its own transaction; after-commit outside a transaction runs at once", async () => {
    await inner(ctx, "alone", false);
    expect(await ids()).toEqual(["alone"]);
    afterCommit(ctx, () => log.push("now"));
    expect(log).toEqual(["committed alone", "now"]);
  });

  it("the clock comes from the context", async () => {
    await inner(ctx, "timed", false);
    const [row] = await database.db.select({ at: users.createdAt }).from(users);
    expect(row?.at).toBe("2026-03-01T10:00:00.000Z");
  });
});
