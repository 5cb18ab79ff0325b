/**
 * Our server as `npm start` runs it (startServer: migrations, demo tafel, Hono app and the sync
 * endpoint in one process), on a temp libSQL file.
 *
 * Bench documents need names the sync server authorises (tafel membership from the name, and
 * point documents need their point). Documents that get edited (single keys such as "fanout")
 * are the spiegelparagraaf of a bench tafel of their own, with the demo tafel's members copied,
 * so that no point-text hooks run on every commit; the many read-only documents (numbered keys)
 * are points of the demo tafel. All rows are inserted straight into the tables.
 */
import { eq } from "drizzle-orm";
import { memberships, points, workspaces } from "../../db/schema/index.ts";
import { startServer } from "../../server/server.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { runChild } from "./childHarness.ts";
import { digestCommands } from "./digestCommands.ts";

const safeId = (key: string) => `bench-${key}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64);

runChild(async (dbPath) => {
  // One departure from production defaults: idle documents unload after 3 s instead of 30 s, so
  // the heap after unload can be measured within the time budget (BENCH_OURS_IDLE_UNLOAD_MS).
  // BENCH_OURS_SYNC_OPTIONS (JSON) overrides further sync options, for experiments only.
  const idleUnloadMs = Number(process.env.BENCH_OURS_IDLE_UNLOAD_MS ?? 3000);
  const experiment = JSON.parse(process.env.BENCH_OURS_SYNC_OPTIONS ?? "{}") as Record<string, unknown>;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `file:${dbPath}`,
    demo: true,
    sync: { idleUnloadMs, ...experiment },
    // bench/digest.ts hands the server's mail to a real SMTP server on loopback.
    ...(process.env.BENCH_SMTP_URL ? { mail: { smtpUrl: process.env.BENCH_SMTP_URL } } : {}),
  });
  const { db } = server.deps.database;
  const [demo] = await db.select().from(workspaces).limit(1);
  if (!demo) throw new Error("no demo tafel in the bench database");

  async function benchTafel(id: string): Promise<string> {
    const now = new Date().toISOString();
    const exists = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, id));
    if (exists.length) return id;
    const members = await db.select().from(memberships).where(eq(memberships.workspaceId, demo!.id));
    await db.transaction(async (tx) => {
      await tx.insert(workspaces).values({ ...demo!, id, name: `Benchmarktafel ${id}`, createdAt: now });
      await tx.insert(memberships).values(
        members.map((m) => ({
          ...m,
          id: `${id}-${m.id}`.slice(0, 64),
          workspaceId: id,
          createdAt: now,
          updatedAt: now,
        })),
      );
    });
    return id;
  }

  async function demoPoints(ids: string[]) {
    const now = new Date().toISOString();
    for (let i = 0; i < ids.length; i += 200) {
      await db
        .insert(points)
        .values(
          ids.slice(i, i + 200).map((id) => ({
            id,
            workspaceId: demo!.id,
            theme: "jeugdhulp",
            title: `Benchmarkpunt ${id}`,
            status: "concept" as const,
            textHash: "0".repeat(64),
            sectionKey: "jeugdhulp",
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoNothing();
    }
  }

  return {
    port: server.port,
    info: { workspaceId: demo.id },
    async prepareDocs(keys) {
      const many = keys.filter((k) => /\d/.test(k));
      await demoPoints(many.map(safeId));
      const names: string[] = [];
      for (const key of keys) {
        names.push(
          /\d/.test(key)
            ? documentNames.point(demo.id, safeId(key))
            : documentNames.spiegelparagraaf(await benchTafel(safeId(key))),
        );
      }
      return names;
    },
    seed: (name, update) => server.store.append(name, [update]),
    loadedDocuments: () => server.sync.stats().documents,
    counters: () => ({ ...server.sync.stats() }),
    close: () => server.close(),
    commands: digestCommands(server),
  };
});
