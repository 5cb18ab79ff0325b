/**
 * The demo's members take their invitation link from where the mail waits — the outbox row's
 * text — as a person would from their inbox: the link is never in a verb's answer (ADR 0005).
 * The mail sender starts only after seeding, so the text is still there.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";

const LINK = /https?:\/\/\S+\/uitnodiging#([A-Za-z0-9_-]+)/;

/** The token in the latest invitation mail of this invitation. */
export async function invitationTokenInOutbox(database: Database, invitationId: string): Promise<string> {
  const [row] = await database.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.relatedType, "invitation"), eq(mailOutbox.relatedId, invitationId)))
    .orderBy(desc(mailOutbox.createdAt), desc(sql`${mailOutbox}.rowid`))
    .limit(1);
  const token = LINK.exec(row?.text ?? "")?.[1];
  if (!token) throw new Error(`Geen uitnodigingslink in de outbox voor uitnodiging ${invitationId}`);
  return token;
}
