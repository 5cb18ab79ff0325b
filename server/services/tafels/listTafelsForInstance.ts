import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { invitations, memberships, users, workspaces } from "../../../db/schema/index.ts";
import type { InstanceTafelView } from "../../../shared/schemas/tafel.ts";
import { listPlans } from "../workspaces/getWorkspace.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { instanceActor } from "./tafelRecords.ts";

const RUNNING_ROLES = ["beheerder", "secretaris"] as const;

/**
 * Every tafel of this instance for the applicatiebeheerder: name, level, plans, created date and
 * who runs it (beheerder/secretaris, members or open invitations). Nothing else: no content, no
 * member list (ADR 0010).
 */
export async function listTafelsForInstance(ctx: ServiceContext): Promise<InstanceTafelView[]> {
  await instanceActor(ctx, "instance.tafels.list");
  const db = dbOf(ctx);
  const rows = await db.select().from(workspaces).orderBy(asc(workspaces.name));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const plans = await listPlans(db, ids);
  const runners = await db
    .select({ ws: memberships.workspaceId, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.workspaceId, ids), inArray(memberships.role, [...RUNNING_ROLES])))
    .orderBy(asc(users.name));
  const open = await db
    .select({
      ws: invitations.workspaceId,
      role: invitations.role,
      name: invitations.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        inArray(invitations.workspaceId, ids),
        inArray(invitations.role, [...RUNNING_ROLES]),
        isNull(invitations.acceptedAt),
        isNull(invitations.withdrawnAt),
      ),
    )
    .orderBy(asc(invitations.name));
  const now = ctx.clock.now();
  const running = (role: string): role is (typeof RUNNING_ROLES)[number] =>
    (RUNNING_ROLES as readonly string[]).includes(role);
  return rows.map((ws) => ({
    id: ws.id,
    name: ws.name,
    level: ws.level,
    plans: plans.get(ws.id) ?? [],
    runBy: [
      ...runners
        .filter((r) => r.ws === ws.id && running(r.role))
        .map((r) => ({ name: r.name, role: r.role as (typeof RUNNING_ROLES)[number], state: "lid" as const })),
      ...open
        .filter((r) => r.ws === ws.id && running(r.role))
        .map((r) => ({
          name: r.name,
          role: r.role as (typeof RUNNING_ROLES)[number],
          state: Date.parse(r.expiresAt) <= now.getTime() ? ("verlopen" as const) : ("uitgenodigd" as const),
        })),
    ],
    createdAt: ws.createdAt,
  }));
}
