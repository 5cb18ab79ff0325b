import { signedIn } from "../membershipOf.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { asc, eq } from "drizzle-orm";
import { memberships, organisations, workspaces } from "../../../db/schema/index.ts";
import type { WorkspaceSummary } from "../../../shared/schemas/workspace.ts";
import { listPlans } from "./getWorkspace.ts";

/** The tafels the caller is a member of, with their plans and the caller's role there. */
export async function listWorkspaces(ctx: ServiceContext): Promise<WorkspaceSummary[]> {
  const db = ctx.deps.database.db;
  const caller = signedIn(ctx);
  const rows = await db
    .select({ ws: workspaces, role: memberships.role, party: organisations })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, caller.userId))
    .orderBy(asc(workspaces.name));
  const plans = await listPlans(
    db,
    rows.map((r) => r.ws.id),
  );
  return rows.map(({ ws, role, party }) => ({
    id: ws.id,
    name: ws.name,
    plans: plans.get(ws.id) ?? [],
    role,
    party: party ? { id: party.id, name: party.name, kind: party.kind } : null,
  }));
}
