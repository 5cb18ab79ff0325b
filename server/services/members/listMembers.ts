import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { memberships, organisations, users } from "../../../db/schema/index.ts";
import { can } from "../../../shared/domain/roles.ts";
import type { MembersView } from "../../../shared/schemas/workspace.ts";
import type { Caller } from "../../context.ts";
import { requireMembership } from "../../auth/access.ts";
import { listOpenInvitations } from "./invitationRecords.ts";

/** The members of a tafel (part of the overview every role sees); open invitations only for a beheerder. */
export async function listMembers(db: Db, caller: Caller, workspaceId: string): Promise<MembersView> {
  const membership = await requireMembership(db, caller, workspaceId, "workspace.read");
  const rows = await db
    .select({ m: memberships, user: users, party: organisations })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.workspaceId, workspaceId))
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
    invitations: can(membership.role, "members.manage") ? await listOpenInvitations(db, workspaceId) : [],
  };
}
