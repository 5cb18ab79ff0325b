/**
 * Rows and reads shared by the tafel verbs (ADR 0010): the standard theme rows of a new tafel,
 * the tafel's parties as stored, and the membership that may keep a tafel's set-up.
 */
import { signedIn } from "../membershipOf.ts";
import { and, eq } from "drizzle-orm";
import { instanceRoles, workspaceParties, workspaceThemes, workspaces } from "../../../db/schema/index.ts";
import { canInstance, type InstanceCapability } from "../../../shared/domain/roles.ts";
import { STANDARD_THEMES } from "../../../shared/domain/themes.ts";
import type { MembershipContext } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { ApiError, forbidden, notFound } from "../../http/errors.ts";
import type { DbOrTx, EventActor } from "../audit/appendEvent.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";

/** The six standard themes as rows of a tafel, in their standard order. */
export function standardThemeRows(workspaceId: string) {
  return STANDARD_THEMES.map((t, position) => ({
    workspaceId,
    key: t.key,
    label: t.label,
    description: t.description,
    position,
    archivedAt: null,
  }));
}

/**
 * The member who may change the tafel's set-up (`tafel.manage`: beheerder, secretaris): 401
 * without a session, 404 for an unknown tafel, 403 for a non-member or another role.
 */
export async function tafelManager(ctx: ServiceContext, workspaceId: string): Promise<MembershipContext> {
  const actor = signedIn(ctx);
  const member = await requireMembership(ctx.deps.database.db, actor, workspaceId, "workspace.read");
  assertCan(
    member,
    "tafel.manage",
    "Alleen de beheerder of de secretaris van de tafel wijzigt de inrichting van de tafel.",
  );
  return member;
}

/** The instance roles of an account (ADR 0010). */
export async function instanceRolesOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ role: instanceRoles.role })
    .from(instanceRoles)
    .where(eq(instanceRoles.userId, userId));
  return rows.map((r) => r.role);
}

/**
 * The acting applicatiebeheerder, as the log names them: not a member of any tafel, so their
 * events carry their instance role. 403 for anyone without the capability.
 */
export async function instanceActor(ctx: ServiceContext, capability: InstanceCapability): Promise<EventActor> {
  const actor = signedIn(ctx);
  const roles = await instanceRolesOf(dbOf(ctx), actor.userId);
  if (!canInstance(roles, capability))
    throw forbidden("Alleen een applicatiebeheerder van deze installatie richt OOGO-tafels in.");
  return {
    userId: actor.userId,
    userName: actor.name,
    role: "applicatiebeheerder",
    partyId: null,
    partyName: null,
  };
}

export async function requireTafelRow(db: DbOrTx, workspaceId: string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!ws) throw notFound("Deze OOGO-tafel");
  return ws;
}

/** The link of a party to this tafel; 404 for a party of another tafel. */
export async function requireTafelParty(db: DbOrTx, workspaceId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(workspaceParties)
    .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, organisationId)))
    .limit(1);
  if (!row) throw notFound("Deze partij aan deze tafel");
  return row;
}

/**
 * A local tafel may name a regional one as its parent; 400 `parentWorkspaceId` otherwise.
 * `self` guards against a tafel naming itself.
 */
export async function assertValidParent(
  db: DbOrTx,
  level: "regionaal" | "lokaal",
  parentId: string | null | undefined,
  self?: string,
) {
  if (!parentId) return;
  if (level !== "lokaal") {
    throw new ApiError(
      "VALIDATION_FAILED",
      "Alleen een lokale tafel werkt een regionale tafel uit; kies niveau lokaal of geen regionale tafel.",
      "parentWorkspaceId",
    );
  }
  if (parentId === self)
    throw new ApiError("VALIDATION_FAILED", "Een tafel kan zichzelf niet uitwerken.", "parentWorkspaceId");
  const [parent] = await db
    .select({ level: workspaces.level })
    .from(workspaces)
    .where(eq(workspaces.id, parentId))
    .limit(1);
  if (!parent) throw new ApiError("VALIDATION_FAILED", "De gekozen regionale tafel bestaat niet.", "parentWorkspaceId");
  if (parent.level !== "regionaal")
    throw new ApiError("VALIDATION_FAILED", "De gekozen tafel is geen regionale tafel.", "parentWorkspaceId");
}

/** The next free position among a tafel's themes. */
export async function nextThemePosition(db: DbOrTx, workspaceId: string): Promise<number> {
  const rows = await db
    .select({ position: workspaceThemes.position })
    .from(workspaceThemes)
    .where(eq(workspaceThemes.workspaceId, workspaceId));
  return rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
}
