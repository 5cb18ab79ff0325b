import { signedIn } from "../membershipOf.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { capabilitiesOf, instanceCapabilitiesOf, isInstanceRole } from "../../../shared/domain/roles.ts";
import type { MeView } from "../../../shared/schemas/auth.ts";
import { listWorkspaces } from "./listWorkspaces.ts";
import { eq } from "drizzle-orm";
import { memberships } from "../../../db/schema/index.ts";
import { instanceRolesOf } from "../tafels/tafelRecords.ts";

export async function getMe(ctx: ServiceContext): Promise<MeView> {
  const db = ctx.deps.database.db;
  const caller = signedIn(ctx);
  const tafels = await listWorkspaces(ctx);
  const titles = new Map(
    (
      await db
        .select({ ws: memberships.workspaceId, title: memberships.title })
        .from(memberships)
        .where(eq(memberships.userId, caller.userId))
    ).map((r) => [r.ws, r.title]),
  );
  const instanceRoles = (await instanceRolesOf(db, caller.userId)).filter(isInstanceRole);
  return {
    instanceRoles,
    instanceCapabilities: instanceCapabilitiesOf(instanceRoles),
    user: { id: caller.userId, email: caller.email, name: caller.name },
    memberships: tafels.map((t) => ({
      workspaceId: t.id,
      workspaceName: t.name,
      role: t.role,
      party: t.party,
      title: titles.get(t.id) ?? null,
      capabilities: capabilitiesOf(t.role),
    })),
  };
}
