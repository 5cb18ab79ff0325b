/**
 * The invitation link is never in an API answer: it goes by mail only (ADR 0005). Tests that are
 * not about mail take it from where the mail waits — the outbox row's text — as a person would
 * take it from their inbox. (Once SMTP accepted a mail its text is emptied; those tests read the
 * mail the SMTP server received instead.)
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";

const LINK = /https?:\/\/\S+\/uitnodiging#([A-Za-z0-9_-]+)/;

/** The link in the latest invitation mail of this invitation. */
export async function invitationLinkOf(database: Database, invitationId: string): Promise<string> {
  const [row] = await database.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.relatedType, "invitation"), eq(mailOutbox.relatedId, invitationId)))
    .orderBy(desc(mailOutbox.createdAt), desc(sql`${mailOutbox}.rowid`))
    .limit(1);
  const match = LINK.exec(row?.text ?? "");
  if (!match) throw new Error(`Geen uitnodigingslink in de outbox voor uitnodiging ${invitationId}`);
  return match[0];
}

export async function invitationTokenOf(database: Database, invitationId: string): Promise<string> {
  return new URL(await invitationLinkOf(database, invitationId)).hash.slice(1);
}

/** The token in a mail's text (from the outbox or as received over SMTP). */
export function tokenInText(text: string): string | null {
  return LINK.exec(text)?.[1] ?? null;
}
