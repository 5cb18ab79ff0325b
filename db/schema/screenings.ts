import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { planVersions } from "./plans.ts";
import { workspaces } from "./workspaces.ts";

/**
 * The screening's proposal for one plan version (issue 14), computed once from the stored text
 * (shared/domain/screening) and kept, so every reader sees the same proposal the trekkers judged.
 * `algorithmVersion` says which screening made it: a later algorithm re-screens older rows on read.
 */
export const planScreenings = sqliteTable(
  "plan_screenings",
  {
    versionId: text("version_id")
      .primaryKey()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    algorithmVersion: integer("algorithm_version").notNull(),
    /** The PlanScreening as JSON. */
    result: text("result").notNull(),
    screenedAt: text("screened_at").notNull(),
  },
  (t) => [index("plan_screenings_ws_idx").on(t.workspaceId)],
);
