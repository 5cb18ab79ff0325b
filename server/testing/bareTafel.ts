/**
 * A second tafel for tests, written directly (no verbs): the workspace, one plan and the standard
 * theme rows every tafel has since ADR 0010. Parties and members are the test's own business.
 */
import { workspacePlans, workspaceThemes, workspaces } from "../../db/schema/index.ts";
import type { DbOrTx } from "../services/audit/appendEvent.ts";
import { standardThemeRows } from "../services/tafels/tafelRecords.ts";

export async function insertBareTafel(
  db: DbOrTx,
  t: { id: string; name: string; level?: "regionaal" | "lokaal"; createdAt: string; planTitle?: string },
) {
  await db.insert(workspaces).values({ id: t.id, name: t.name, level: t.level ?? "regionaal", createdAt: t.createdAt });
  await db.insert(workspacePlans).values({
    id: `plan-${t.id}`,
    workspaceId: t.id,
    kind: "ondersteuningsplan",
    organisationId: null,
    title: t.planTitle ?? "Plan",
    periodStart: 2024,
    periodEnd: 2028,
    status: "concept",
    versionLabel: "1",
    position: 0,
    createdAt: t.createdAt,
    updatedAt: t.createdAt,
  });
  await db.insert(workspaceThemes).values(standardThemeRows(t.id));
}
