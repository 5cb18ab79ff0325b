/**
 * Database access: drizzle on @libsql/client. `DATABASE_URL` may be a local file
 * (`file:data/oogo.db`, the default) or a libSQL/Turso server (`libsql://…`, `http://…`);
 * nothing else in the code cares which.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index.ts";

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  db: Db;
  client: Client;
  url: string;
  close(): void;
}

export const DEFAULT_DATABASE_URL = "file:data/oogo.db";
const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

export async function createDb(url: string = DEFAULT_DATABASE_URL, authToken?: string): Promise<Database> {
  const isFile = url.startsWith("file:");
  if (isFile) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // The local client keeps a small pool of connections; `timeout` is each connection's busy
  // timeout, so a writer waits for another connection's write transaction instead of failing.
  // libSQL opens connections with foreign_keys=ON and synchronous=FULL: a committed transaction
  // survives kill -9 and power loss, which the save acknowledgement promises.
  const client = createClient({ url, timeout: 5000, ...(authToken ? { authToken } : {}) });
  if (isFile) {
    // WAL is a property of the file: readers never block the writer.
    await client.execute("PRAGMA journal_mode = WAL");
  }
  const db = drizzle(client, { schema });
  return { db, client, url, close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations under db/migrations. Idempotent. */
export async function migrateDb(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS });
}

export { schema };
