import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { organisations, workspaceParties, workspaceThemes, workspaces } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { partyColour } from "../../../shared/domain/parties.ts";
import { capabilitiesOf } from "../../../shared/domain/roles.ts";
import { STANDARD_THEMES } from "../../../shared/domain/themes.ts";
import type { PartyView, ThemeView, WorkspaceView } from "../../../shared/schemas/workspace.ts";
import type { Caller } from "../../context.ts";
import { requireMembership } from "../../auth/access.ts";
import { notFound } from "../../http/errors.ts";

/** The parties of a tafel in their fixed order, with their colours. */
export async function listParties(db: Db, workspaceId: string): Promise<PartyView[]> {
  const rows = await db
    .select({ org: organisations, position: workspaceParties.position, coverageNote: workspaceParties.coverageNote })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
  return rows.map(({ org, position, coverageNote }) => ({
    id: org.id,
    kind: org.kind,
    name: org.name,
    swvCode: org.swvCode,
    sector: org.sector,
    cbsCode: org.cbsCode,
    coverageNote,
    color: partyColour(position),
  }));
}

/** Standard themes first, then the tafel's own. */
export async function listThemes(db: Db, workspaceId: string): Promise<ThemeView[]> {
  const extra = await db.select().from(workspaceThemes).where(eq(workspaceThemes.workspaceId, workspaceId)).orderBy(asc(workspaceThemes.position));
  return [
    ...STANDARD_THEMES.map((t) => ({ ...t, standard: true })),
    ...extra.map((t) => ({ key: t.key, label: t.label, description: t.description, standard: false })),
  ];
}

export async function getWorkspace(db: Db, caller: Caller, workspaceId: string): Promise<WorkspaceView> {
  const membership = await requireMembership(db, caller, workspaceId, "workspace.read");
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!ws) throw notFound("Deze OOGO-tafel");
  return {
    id: ws.id,
    name: ws.name,
    planType: ws.planType,
    planTitle: ws.planTitle,
    planVersion: ws.planVersion,
    period: { start: ws.periodStart, end: ws.periodEnd },
    level: ws.level,
    role: membership.role,
    party: membership.partyId ? { id: membership.partyId, name: membership.partyName!, kind: membership.partyKind! } : null,
    parties: await listParties(db, workspaceId),
    themes: await listThemes(db, workspaceId),
    capabilities: capabilitiesOf(membership.role),
    spiegelparagraafDocument: documentNames.spiegelparagraaf(ws.id),
    procedureDocument: documentNames.procedure(ws.id),
  };
}
