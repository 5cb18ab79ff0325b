import { blob, index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DOCUMENT_VERSION_REASONS } from "../../shared/domain/documentVersions.ts";
import { users } from "./accounts.ts";
import { workspaces } from "./workspaces.ts";

/**
 * A kept version of a collaborative document (issue 12): its content as ProseMirror JSON,
 * gzip-compressed, kept on demand ("Versie bewaren", with a name) or at a milestone. A version
 * identical to the document's previous one is not kept twice (`content_hash`).
 */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    docName: text("doc_name").notNull(),
    reason: text("reason", { enum: DOCUMENT_VERSION_REASONS }).notNull(),
    /** The name a person gave it ("na werkgroep 12 maart"); null for milestones. */
    name: text("name"),
    content: blob("content", { mode: "buffer" }).notNull(),
    contentHash: text("content_hash").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("document_versions_doc_idx").on(t.workspaceId, t.docName, t.createdAt)],
);
