/**
 * Versions of a collaborative document (issue 12): keep one on demand, list them, open one
 * read-only, compare two (or one with the current text). Reading needs content.read; keeping a
 * named version needs the right to write that kind of document.
 */
import { and, desc, eq } from "drizzle-orm";
import { documentVersions } from "../../../db/schema/index.ts";
import { blocksOf, compareBlocks } from "../../../shared/domain/textDiff.ts";
import type { VersionComparison, VersionSummary, VersionView } from "../../../shared/schemas/versions.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { WRITE_CAPABILITY } from "../../sync/authorizeDocument.ts";
import { tafelDocument } from "../documents/tafelDocument.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { contentOf, keepVersion, readableVersion, summarise } from "./versionRecords.ts";

export async function saveVersion(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string; name: string },
): Promise<VersionSummary> {
  const { member, document } = await tafelDocument(ctx, input.workspaceId, input.document);
  assertCan(member, WRITE_CAPABILITY[document.kind], "Alleen wie deze tekst mag bewerken, bewaart er een versie van.");
  const row = await keepVersion(ctx, {
    workspaceId: input.workspaceId,
    docName: input.document,
    reason: "handmatig",
    name: input.name,
    createdBy: member.userId,
  });
  // A named version is always kept.
  return (await summarise(dbOf(ctx), [row!]))[0]!;
}

export async function listVersions(
  ctx: ServiceContext,
  input: { workspaceId: string; document: string },
): Promise<VersionSummary[]> {
  await tafelDocument(ctx, input.workspaceId, input.document);
  const db = dbOf(ctx);
  const rows = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.workspaceId, input.workspaceId), eq(documentVersions.docName, input.document)))
    .orderBy(desc(documentVersions.createdAt), desc(documentVersions.id));
  return summarise(db, rows);
}

export async function getVersion(ctx: ServiceContext, input: { versionId: string }): Promise<VersionView> {
  const { version } = await readableVersion(ctx, input.versionId);
  const [summary] = await summarise(dbOf(ctx), [version]);
  return { ...summary!, json: contentOf(version) };
}

/** Compares an older version with a later one, or with the current text ("huidig"). */
export async function compareVersions(
  ctx: ServiceContext,
  input: { versionId: string; with: string },
): Promise<VersionComparison> {
  const { version } = await readableVersion(ctx, input.versionId);
  const db = dbOf(ctx);
  let toJson: unknown;
  let toRow = null;
  if (input.with === "huidig") {
    toJson = await ctx.deps.documents.readJson(version.docName);
  } else {
    const [other] = await db
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.id, input.with), eq(documentVersions.docName, version.docName)));
    // A version of another document (or tafel) is not one to compare with.
    if (!other)
      throw new ApiError("NOT_FOUND", "De versie om mee te vergelijken bestaat niet bij dit document.", "with");
    toRow = other;
    toJson = contentOf(other);
  }
  const [from, to] = await summarise(db, toRow ? [version, toRow] : [version]);
  return {
    from: from!,
    to: to ?? null,
    changes: compareBlocks(blocksOf(contentOf(version)), blocksOf(toJson)),
  };
}
