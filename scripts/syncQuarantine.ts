/**
 * `npm run sync:quarantine`: lists stored updates the sync server does not apply (table
 * sync_quarantine, see docs/sync-protocol.md). Read-only; uses DATABASE_URL like the server.
 *
 *   npm run sync:quarantine                 all entries, newest first
 *   npm run sync:quarantine -- <docName>    one document
 *   npm run sync:quarantine -- --hex <id>   the raw update of one entry, as hex
 */
import { createDb, DEFAULT_DATABASE_URL } from "../db/client.ts";

/** A row of the listing query below (columns of db/schema/documents.ts's syncQuarantine). */
interface QuarantineRow {
  id: number;
  doc_name: string;
  source: "log" | "snapshot";
  source_id: number;
  bytes: number;
  reason: string;
  created_at: string;
}

const args = process.argv.slice(2);
const database = await createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
try {
  if (args[0] === "--hex") {
    const { rows } = await database.client.execute({
      sql: `SELECT "update" FROM sync_quarantine WHERE id = ?`,
      args: [Number(args[1])],
    });
    if (!rows[0]) throw new Error(`no quarantine entry ${args[1]}`);
    console.log(Buffer.from(rows[0][0] as ArrayBuffer).toString("hex"));
  } else {
    const { rows } = await database.client.execute({
      sql: `SELECT id, doc_name, source, source_id, length("update") AS bytes, reason, created_at FROM sync_quarantine
            ${args[0] ? "WHERE doc_name = ?" : ""} ORDER BY id DESC`,
      args: args[0] ? [args[0]] : [],
    });
    if (rows.length === 0) console.log("Geen updates in quarantaine.");
    for (const r of rows as unknown as QuarantineRow[]) {
      console.log(`${r.id}\t${r.created_at}\t${r.doc_name}\t${r.source} ${r.source_id}\t${r.bytes} bytes\t${r.reason}`);
    }
  }
} finally {
  database.close();
}
