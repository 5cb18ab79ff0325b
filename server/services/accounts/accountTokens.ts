/**
 * One-time account links (table account_tokens): choosing a first password or a new one. Generic
 * on purpose — "Wachtwoord vergeten" issues `reset_password` links on the same table. Only the
 * SHA-256 of a token is stored; a link works once, until it expires.
 */
import { eq } from "drizzle-orm";
import { accountTokens } from "../../../db/schema/index.ts";
import { hashToken, newId, newToken } from "../../auth/tokens.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";

export type AccountTokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];

/** How long each kind of link works. */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  // The first administrator opens the link the CLI printed; a few days leaves room for a weekend.
  set_password: 72 * 3600_000,
  reset_password: 3600_000,
};

/** The page that opens a link: `/wachtwoord#<token>` (the token never travels in a query string). */
export const passwordLinkUrl = (publicOrigin: string, token: string) => `${publicOrigin}/wachtwoord#${token}`;

export async function issueAccountToken(
  db: DbOrTx,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.insert(accountTokens).values({
    id: newId(),
    tokenHash: hashToken(token),
    userId,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]).toISOString(),
    usedAt: null,
  });
  return token;
}

/** The unused, unexpired token row for a token, or null. */
export async function findUsableToken(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(eq(accountTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.usedAt || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return row;
}
