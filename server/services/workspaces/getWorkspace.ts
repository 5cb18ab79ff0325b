import { signedIn } from "../membershipOf.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { asc, eq, inArray } from "drizzle-orm";
import {
  organisations,
  workspacePlans,
  workspaceParties,
  workspaceThemes,
  workspaces,
} from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { partyColour } from "../../../shared/domain/parties.ts";
import { capabilitiesOf } from "../../../shared/domain/roles.ts";
import { standardTheme } from "../../../shared/domain/themes.ts";
import type { PartyView, PlanView, ThemeView, WorkspaceView } from "../../../shared/schemas/workspace.ts";
import { requireMembership } from "../../auth/access.ts";
import { notFound } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";

/** The parties of a tafel in their fixed order, with their colours; parties that left are kept (marked). */
export async function listParties(db: DbOrTx, workspaceId: string): Promise<PartyView[]> {
  const rows = await db
    .select({
      org: organisations,
      position: workspaceParties.position,
      coverageNote: workspaceParties.coverageNote,
      leftAt: workspaceParties.leftAt,
    })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
  return rows.map(({ org, position, coverageNote, leftAt }) => ({
    id: org.id,
    kind: org.kind,
    subtype: org.subtype,
    name: org.name,
    swvCode: org.swvCode,
    sector: org.sector,
    cbsCode: org.cbsCode,
    coverageNote,
    leftAt,
    color: partyColour(position),
  }));
}

/**
 * Every theme of the tafel in its order, archived ones included (they still label old points);
 * the standard six are rows like the tafel's own (ADR 0010).
 */
export async function listThemes(db: DbOrTx, workspaceId: string): Promise<ThemeView[]> {
  const rows = await db
    .select()
    .from(workspaceThemes)
    .where(eq(workspaceThemes.workspaceId, workspaceId))
    .orderBy(asc(workspaceThemes.position));
  return rows.map((t) => ({
    key: t.key,
    label: t.label,
    description: t.description,
    standard: standardTheme(t.key) !== undefined,
    archived: t.archivedAt !== null,
  }));
}

/** The plans of several tafels, each list in its order. */
export async function listPlans(db: DbOrTx, workspaceIds: readonly string[]): Promise<Map<string, PlanView[]>> {
  const out = new Map<string, PlanView[]>(workspaceIds.map((id) => [id, []]));
  if (workspaceIds.length === 0) return out;
  const rows = await db
    .select({ plan: workspacePlans, org: organisations })
    .from(workspacePlans)
    .leftJoin(organisations, eq(organisations.id, workspacePlans.organisationId))
    .where(inArray(workspacePlans.workspaceId, [...workspaceIds]))
    .orderBy(asc(workspacePlans.workspaceId), asc(workspacePlans.position));
  for (const { plan, org } of rows) {
    out.get(plan.workspaceId)?.push({
      id: plan.id,
      kind: plan.kind,
      party: org ? { id: org.id, name: org.name } : null,
      sector: plan.kind === "ondersteuningsplan" ? (org?.sector ?? null) : null,
      title: plan.title,
      period: { start: plan.periodStart, end: plan.periodEnd },
      status: plan.status,
      versionLabel: plan.versionLabel,
    });
  }
  return out;
}

/** The tafel overview (plans, parties, themes, the caller's role): `workspace.read`, so the beheerder sees it too. */
export async function getWorkspace(ctx: ServiceContext, input: { workspaceId: string }): Promise<WorkspaceView> {
  const { workspaceId } = input;
  const db = ctx.deps.database.db;
  const membership = await requireMembership(db, signedIn(ctx), workspaceId, "workspace.read");
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!ws) throw notFound("Deze OOGO-tafel");
  const [parent] = ws.parentWorkspaceId
    ? await db
        .select({ id: workspaces.id, name: workspaces.name })
        .from(workspaces)
        .where(eq(workspaces.id, ws.parentWorkspaceId))
        .limit(1)
    : [];
  return {
    id: ws.id,
    name: ws.name,
    plans: (await listPlans(db, [ws.id])).get(ws.id) ?? [],
    level: ws.level,
    parent: parent ?? null,
    previousWorkspaceId: ws.previousWorkspaceId,
    createdAt: ws.createdAt,
    role: membership.role,
    party: membership.partyId
      ? { id: membership.partyId, name: membership.partyName!, kind: membership.partyKind! }
      : null,
    parties: await listParties(db, workspaceId),
    themes: await listThemes(db, workspaceId),
    capabilities: capabilitiesOf(membership.role),
    spiegelparagraafDocument: documentNames.spiegelparagraaf(ws.id),
    procedureDocument: documentNames.procedure(ws.id),
  };
}
