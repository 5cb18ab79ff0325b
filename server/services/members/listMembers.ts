import { asc, eq } from "drizzle-orm";
import { memberships, organisations, users } from "../../../db/schema/index.ts";
import { can } from "../../../shared/domain/roles.ts";
import type { MembersView } from "../../../shared/schemas/workspace.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { listInvitations } from "./invitationRecords.ts";
import { memberOf } from "./memberRules.ts";

/**
 * The members of a tafel (part of the overview every role sees). Invitations — addresses of
 * people who are not members, and what became of their mail — only for whoever manages members.
 */
export async function listMembers(ctx: ServiceContext, input: { workspaceId: string }): Promise<MembersView> {
  const membership = await memberOf(ctx, input.workspaceId);
  const db = dbOf(ctx);
  const rows = await db
    .select({ m: memberships, user: users, party: organisations })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.workspaceId, input.workspaceId))
    .orderBy(asc(users.name));
  return {
    members: rows.map(({ m, user, party }) => ({
      id: m.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: m.role,
      party: party ? { id: party.id, name: party.name, kind: party.kind } : null,
      title: m.title,
    })),
    invitations: can(membership.role, "members.manage")
      ? await listInvitations(db, input.workspaceId, ctx.clock.now())
      : [],
  };
}
