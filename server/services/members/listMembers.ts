import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { memberships, organisations, users } from "../../../db/schema/index.ts";
import type { MemberView } from "../../../shared/schemas/workspace.ts";
import type { Caller } from "../../context.ts";
import { requireMembership } from "../../auth/access.ts";

export async function listMembers(db: Db, caller: Caller, workspaceId: string): Promise<MemberView[]> {
  await requireMembership(db, caller, workspaceId);
  const rows = await db
    .select({ m: memberships, user: users, party: organisations })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  return rows.map(({ m, user, party }) => ({
    id: m.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    role: m.role,
    party: party ? { id: party.id, name: party.name, kind: party.kind } : null,
    title: m.title,
    invitationPending: user.passwordHash === null,
  }));
}
