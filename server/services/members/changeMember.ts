import { and, eq } from "drizzle-orm";
import { memberships } from "../../../db/schema/index.ts";
import type { ChangeMemberInput } from "../../../shared/schemas/workspace.ts";
import { notFound } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { assertChangeKeepsSeats, assertValidParty, managerOf } from "./memberRules.ts";

export interface MemberCommand {
  workspaceId: string;
  membershipId: string;
}

async function loadTarget(t: TxContext, { workspaceId, membershipId }: MemberCommand) {
  const [target] = await t.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  if (!target) throw notFound("Dit lidmaatschap");
  return target;
}

function announce(t: TxContext, workspaceId: string, userId: string, membershipId: string, type: string) {
  afterCommit(t, () => {
    t.deps.events.emit("membership.changed", { workspaceId, userId });
    t.deps.events.emit("workspace.changed", { workspaceId, entity: "members", entityId: membershipId, type });
  });
}

/** Changes a member's role or party. Takes effect at once: open sockets of that member are closed. */
export async function changeMember(ctx: ServiceContext, input: MemberCommand & ChangeMemberInput): Promise<void> {
  const { workspaceId, membershipId } = input;
  const actor = await managerOf(ctx, workspaceId, "rollen wijzigen");
  await withTransaction(ctx, async (t) => {
    const target = await loadTarget(t, input);
    const partyId = input.partyId === undefined ? target.organisationId : input.partyId;
    await assertValidParty(t.tx, workspaceId, input.role, partyId);
    await assertChangeKeepsSeats(t.tx, workspaceId, { membershipId, role: input.role, partyId: partyId ?? null });
    const now = nowIso(t);
    await t.tx
      .update(memberships)
      .set({
        role: input.role,
        organisationId: partyId ?? null,
        title: input.title === undefined ? target.title : input.title,
        updatedAt: now,
      })
      .where(eq(memberships.id, membershipId));
    await appendEvent(t.tx, {
      workspaceId,
      type: "member.role_changed",
      entityType: "membership",
      entityId: membershipId,
      actor,
      fromStatus: target.role,
      toStatus: input.role,
      data: { userId: target.userId, fromPartyId: target.organisationId, toPartyId: partyId ?? null },
      at: now,
    });
    announce(t, workspaceId, target.userId, membershipId, "member.role_changed");
  });
}

/** Removes a member from a tafel; their open sessions lose access immediately. */
export async function revokeMember(ctx: ServiceContext, input: MemberCommand): Promise<void> {
  const { workspaceId, membershipId } = input;
  const actor = await managerOf(ctx, workspaceId, "deelnemers verwijderen");
  await withTransaction(ctx, async (t) => {
    const target = await loadTarget(t, input);
    await assertChangeKeepsSeats(t.tx, workspaceId, { membershipId, remove: true });
    const now = nowIso(t);
    await t.tx.delete(memberships).where(eq(memberships.id, membershipId));
    await appendEvent(t.tx, {
      workspaceId,
      type: "member.revoked",
      entityType: "membership",
      entityId: membershipId,
      actor,
      fromStatus: target.role,
      data: { userId: target.userId, partyId: target.organisationId },
      at: now,
    });
    announce(t, workspaceId, target.userId, membershipId, "member.revoked");
  });
}
