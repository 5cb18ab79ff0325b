/**
 * libSQL file for the two peer servers, opened like our own server opens its database
 * (db/client.ts): WAL, libSQL's default synchronous=FULL. Each peer gets its own schema,
 * written to match what that server's persistence normally does.
 */
import { createClient, type Client } from "@libsql/client";

export async function openPeerDatabase(dbPath: string, ddl: string[]): Promise<Client> {
  const client = createClient({ url: `file:${dbPath}`, timeout: 5000 });
  await client.execute("PRAGMA journal_mode = WAL");
  for (const statement of ddl) await client.execute(statement);
  return client;
}

/** libSQL returns BLOBs as ArrayBuffer. */
export const blob = (value: unknown): Uint8Array => new Uint8Array(value as ArrayBuffer);
