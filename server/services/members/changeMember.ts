import { and, eq } from "drizzle-orm";
import { writeTransaction } from "../../../db/writeLock.ts";
import { memberships } from "../../../db/schema/index.ts";
import type { ChangeMemberInput } from "../../../shared/schemas/workspace.ts";
import type { AppDeps, Caller } from "../../context.ts";
import { assertCan, requireMembership } from "../../auth/access.ts";
import { notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertNotLastBeheerder, assertValidParty } from "./memberRules.ts";

async function loadTarget(deps: AppDeps, workspaceId: string, membershipId: string) {
  const [target] = await deps.database.db.select().from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.workspaceId, workspaceId))).limit(1);
  if (!target) throw notFound("Dit lidmaatschap");
  return target;
}

/** Changes a member's role or party. Takes effect at once: open sockets of that member are closed. */
export async function changeMember(deps: AppDeps, caller: Caller, workspaceId: string, membershipId: string, input: ChangeMemberInput) {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId, "workspace.read");
  assertCan(actor, "members.manage", "Alleen een beheerder van de tafel kan rollen wijzigen.");
  const target = await loadTarget(deps, workspaceId, membershipId);
  const partyId = input.partyId === undefined ? target.organisationId : input.partyId;
  await assertValidParty(db, workspaceId, input.role, partyId);
  if (target.role === "beheerder" && input.role !== "beheerder") await assertNotLastBeheerder(db, workspaceId, membershipId);

  await writeTransaction(deps.database, async (tx) => {
    await tx.update(memberships).set({
      role: input.role, organisationId: partyId ?? null,
      title: input.title === undefined ? target.title : input.title, updatedAt: new Date().toISOString(),
    }).where(eq(memberships.id, membershipId));
    await appendEvent(tx, {
      workspaceId, type: "member.role_changed", entityType: "membership", entityId: membershipId, actor,
      fromStatus: target.role, toStatus: input.role,
      data: { userId: target.userId, fromPartyId: target.organisationId, toPartyId: partyId ?? null }, at: new Date().toISOString(),
    });
  });
  deps.events.emit("membership.changed", { workspaceId, userId: target.userId });
  deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: membershipId, type: "member.role_changed" });
}

/** Removes a member from a tafel; their open sessions lose access immediately. */
export async function revokeMember(deps: AppDeps, caller: Caller, workspaceId: string, membershipId: string) {
  const { db } = deps.database;
  const actor = await requireMembership(db, caller, workspaceId, "workspace.read");
  assertCan(actor, "members.manage", "Alleen een beheerder van de tafel kan deelnemers verwijderen.");
  const target = await loadTarget(deps, workspaceId, membershipId);
  if (target.role === "beheerder") await assertNotLastBeheerder(db, workspaceId, membershipId);

  await writeTransaction(deps.database, async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await appendEvent(tx, {
      workspaceId, type: "member.revoked", entityType: "membership", entityId: membershipId, actor,
      fromStatus: target.role, data: { userId: target.userId, partyId: target.organisationId }, at: new Date().toISOString(),
    });
  });
  deps.events.emit("membership.changed", { workspaceId, userId: target.userId });
  deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: membershipId, type: "member.revoked" });
}
