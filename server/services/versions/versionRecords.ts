import { gunzipSync, gzipSync } from "node:zlib";
import { and, desc, eq, inArray } from "drizzle-orm";
import { documentVersions, users } from "../../../db/schema/index.ts";
import type { DocumentVersionReason } from "../../../shared/domain/documentVersions.ts";
import { canonicalJson, sha256Hex } from "../../../shared/domain/textHash.ts";
import type { VersionSummary } from "../../../shared/schemas/versions.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { membershipOf } from "../membershipOf.ts";
import type { MembershipContext } from "../../context.ts";

export type VersionRow = typeof documentVersions.$inferSelect;

/**
 * Keeps the document's durable text as a version. A milestone whose text equals the document's
 * latest version keeps nothing (a stance on an unchanged text is not a new version of it); a
 * version a person names is always kept.
 */
export async function keepVersion(
  ctx: ServiceContext,
  input: {
    workspaceId: string;
    docName: string;
    reason: DocumentVersionReason;
    name?: string | null;
    createdBy?: string | null;
  },
): Promise<VersionRow | null> {
  const json = await ctx.deps.documents.readJson(input.docName);
  const canonical = canonicalJson(json);
  const contentHash = sha256Hex(canonical);
  return withTransaction(ctx, async (t) => {
    const [latest] = await t.tx
      .select({ contentHash: documentVersions.contentHash })
      .from(documentVersions)
      .where(and(eq(documentVersions.workspaceId, input.workspaceId), eq(documentVersions.docName, input.docName)))
      .orderBy(desc(documentVersions.createdAt))
      .limit(1);
    if (input.reason !== "handmatig" && latest?.contentHash === contentHash) return null;
    const row: VersionRow = {
      id: newId(),
      workspaceId: input.workspaceId,
      docName: input.docName,
      reason: input.reason,
      name: input.name ?? null,
      content: gzipSync(canonical),
      contentHash,
      createdBy: input.createdBy ?? null,
      createdAt: nowIso(t),
    };
    await t.tx.insert(documentVersions).values(row);
    return row;
  });
}

export const contentOf = (row: Pick<VersionRow, "content">): unknown =>
  JSON.parse(gunzipSync(row.content).toString("utf8"));

/** A version the caller may read (content.read at its tafel); 404 for another tafel's. */
export async function readableVersion(
  ctx: ServiceContext,
  versionId: string,
): Promise<{ version: VersionRow; member: MembershipContext }> {
  const [version] = await dbOf(ctx).select().from(documentVersions).where(eq(documentVersions.id, versionId));
  if (!version) throw new ApiError("NOT_FOUND", "Deze versie bestaat niet.");
  const member = await membershipOf(ctx, version.workspaceId);
  return { version, member };
}

export async function summarise(db: DbOrTx, rows: VersionRow[]): Promise<VersionSummary[]> {
  // Only the people who kept these versions, never the whole account table.
  const creators = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))];
  const people = creators.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, creators))
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    document: r.docName,
    reason: r.reason,
    name: r.name,
    createdAt: r.createdAt,
    createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
  }));
}
