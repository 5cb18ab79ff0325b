/**
 * "Deze versie terugzetten" (issue 12): the document's text becomes the version's text again as
 * ONE new edit through the sync server (open editors see it arrive; nothing of the history is
 * rewritten). The text as it stood is kept as a version first, the restored text as another,
 * and the log names the version and who restored it. Comment threads whose text came back are
 * anchored again by their quote.
 */
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { documentVersions } from "../../../db/schema/index.ts";
import { parseDocumentName } from "../../../shared/collab/protocol.ts";
import { threadVisibleTo } from "../../../shared/domain/comments.ts";
import type { RestoreOutcome } from "../../../shared/schemas/versions.ts";
import { assertCan, findMembership } from "../../auth/access.ts";
import { setContent } from "../../documents/prosemirror.ts";
import { ApiError } from "../../http/errors.ts";
import { WRITE_CAPABILITY } from "../../sync/authorizeDocument.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { reanchorThreads } from "../comments/reanchorThreads.ts";
import { isDocumentLocked } from "../documents/isDocumentLocked.ts";
import { signedIn } from "../membershipOf.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { contentOf, keepVersion, summarise } from "./versionRecords.ts";

const notFound = () => new ApiError("NOT_FOUND", "Deze versie bestaat niet.", "versionId");

export async function restoreVersion(ctx: ServiceContext, input: { versionId: string }): Promise<RestoreOutcome> {
  const actor = signedIn(ctx);
  const db = ctx.deps.database.db;
  const [version] = await dbOf(ctx).select().from(documentVersions).where(eq(documentVersions.id, input.versionId));
  // Another tafel's version is as unknown as a made-up id: its existence is not the caller's to know.
  const member = version ? await findMembership(db, actor.userId, version.workspaceId) : null;
  const document = version ? parseDocumentName(version.docName) : null;
  if (!version || !member || !document) throw notFound();
  assertCan(
    member,
    WRITE_CAPABILITY[document.kind],
    "Alleen wie deze tekst mag bewerken, zet er een versie van terug.",
  );
  const lock = await isDocumentLocked(db, document);
  if (lock.locked)
    throw new ApiError(
      "CONFLICT",
      `${lock.reason ?? "De tekst ligt vast."} Daarom kan er geen oudere versie worden teruggezet.`,
    );

  // Nothing is lost: the text as it stands now becomes a version before it is replaced.
  const before = await keepVersion(ctx, {
    workspaceId: version.workspaceId,
    docName: version.docName,
    reason: "teruggezet",
    createdBy: member.userId,
  });
  let previous: Y.Doc | null = null;
  const apply = setContent(contentOf(version));
  await ctx.deps.documents.write(version.docName, (doc) => {
    previous = new Y.Doc();
    Y.applyUpdate(previous, Y.encodeStateAsUpdate(doc));
    apply(doc);
  });
  let reanchored = 0;
  try {
    if (previous)
      reanchored = (
        await reanchorThreads(ctx, { workspaceId: version.workspaceId, docName: version.docName, before: previous })
      ).filter((thread) => threadVisibleTo(thread, member.partyId)).length;
  } finally {
    (previous as Y.Doc | null)?.destroy();
  }
  const restored = await keepVersion(ctx, {
    workspaceId: version.workspaceId,
    docName: version.docName,
    reason: "hersteld",
    name: version.name ? `Teruggezet: ${version.name}` : null,
    createdBy: member.userId,
  });
  await withTransaction(ctx, async (t) => {
    await appendEvent(t.tx, {
      workspaceId: version.workspaceId,
      type: "document.version_restored",
      entityType: "document",
      entityId: version.docName,
      actor: member,
      at: nowIso(t),
      data: {
        versionId: version.id,
        versionCreatedAt: version.createdAt,
        versionName: version.name,
        keptBefore: before?.id ?? null,
        restoredAs: restored?.id ?? null,
      },
    });
    afterCommit(t, () =>
      t.deps.events.emit("workspace.changed", {
        workspaceId: version.workspaceId,
        entity: "document",
        entityId: version.docName,
        type: "document.version_restored",
      }),
    );
  });
  const [summary] = await summarise(dbOf(ctx), [restored ?? version]);
  return { version: summary!, reanchored };
}
