import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.ts";
import { workspaces } from "./workspaces.ts";

/**
 * "Alleen voorstellen" (issue 12, ADR 0016): on this document the member may only suggest
 * changes; the sync server checks every update of theirs. No row: their role decides alone.
 */
export const documentSuggestOnly = sqliteTable(
  "document_suggest_only",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    docName: text("doc_name").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    setBy: text("set_by").notNull(),
    setAt: text("set_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.docName, t.userId] })],
);
