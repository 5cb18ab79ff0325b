import { and, eq } from "drizzle-orm";
import { invitations, memberships, organisations, sessions, users } from "../../../db/schema/index.ts";
import type { AcceptInvitationInput } from "../../../shared/schemas/auth.ts";
import type { MembershipContext } from "../../context.ts";
import { hashPassword } from "../../auth/password.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { usableInvitationByToken } from "./invitationByToken.ts";

export interface AcceptedInvitation {
  userId: string;
  workspaceId: string;
  /** True when the link set the account's first password: the route starts a session. */
  passwordSet: boolean;
}

const WRONG_ACCOUNT =
  "Deze uitnodiging is voor een ander e-mailadres dan waarmee u bent ingelogd. Log uit en open de link opnieuw, of log in met het account van de uitnodiging.";

/**
 * Accepts ONE invitation and creates the membership it names — of its own tafel, in its own
 * role — and nothing else (ADR 0005). `ctx.actor` is whoever is logged in, or null.
 *
 * - An address with an account that has a password: only that account, logged in, accepts. The
 *   link never sets or changes that password.
 * - An address without an account (or whose account never had a password): the link — which only
 *   the mail to that address carries — sets the first password. Every other session of that
 *   account ends, so nobody who got in before keeps access.
 */
export async function acceptInvitation(ctx: ServiceContext, input: AcceptInvitationInput): Promise<AcceptedInvitation> {
  const caller = ctx.actor;
  // argon2 is slow: hash before taking the write lock, only when a password was sent.
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);

  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    const inv = await usableInvitationByToken(tx, input.token, t.clock.now());
    let [user] = await tx.select().from(users).where(eq(users.email, inv.email)).limit(1);
    if (caller && caller.userId !== user?.id) throw new ApiError("FORBIDDEN", WRONG_ACCOUNT);

    let passwordSet = false;
    const endedSessions: string[] = [];
    if (user?.passwordHash) {
      if (!caller) {
        throw new ApiError(
          "UNAUTHENTICATED",
          "Voor dit e-mailadres bestaat al een account. Log in met dat account en open de link daarna opnieuw.",
        );
      }
      if (passwordHash) {
        throw new ApiError(
          "VALIDATION_FAILED",
          "Met een uitnodiging verandert u geen wachtwoord. Neem de uitnodiging aan zonder wachtwoord.",
          "password",
        );
      }
    } else {
      if (!passwordHash)
        throw new ApiError("VALIDATION_FAILED", "Kies een wachtwoord van minstens 8 tekens.", "password");
      if (!user) {
        [user] = await tx
          .insert(users)
          .values({ id: newId(), email: inv.email, name: inv.name, passwordHash, createdAt: now })
          .returning();
      } else {
        // The first password of this account: whoever held a session before it is not its owner.
        for (const s of await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id)))
          endedSessions.push(s.id);
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      }
      passwordSet = true;
    }
    const account = user!;

    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, account.id)))
      .limit(1);
    if (already) throw new ApiError("CONFLICT", "U bent al deelnemer aan deze tafel.");

    const membershipId = newId();
    await tx.insert(memberships).values({
      id: membershipId,
      workspaceId: inv.workspaceId,
      userId: account.id,
      organisationId: inv.organisationId,
      role: inv.role,
      title: inv.title,
      createdAt: now,
      updatedAt: now,
    });
    await tx.update(invitations).set({ acceptedAt: now, acceptedBy: account.id }).where(eq(invitations.id, inv.id));
    const [party] = inv.organisationId
      ? await tx.select().from(organisations).where(eq(organisations.id, inv.organisationId)).limit(1)
      : [];
    const actor: MembershipContext = {
      membershipId,
      workspaceId: inv.workspaceId,
      userId: account.id,
      role: inv.role,
      partyId: party?.id ?? null,
      partyName: party?.name ?? null,
      partyKind: party?.kind ?? null,
      title: inv.title,
      userName: account.name,
    };
    await appendEvent(tx, {
      workspaceId: inv.workspaceId,
      type: "member.joined",
      entityType: "membership",
      entityId: membershipId,
      actor,
      toStatus: inv.role,
      data: { invitationId: inv.id, userId: account.id, partyId: inv.organisationId },
      at: now,
    });
    afterCommit(t, () => {
      const { events } = t.deps;
      for (const sessionId of endedSessions) events.emit("session.ended", { sessionId, userId: account.id });
      events.emit("membership.changed", { workspaceId: inv.workspaceId, userId: account.id });
      events.emit("workspace.changed", {
        workspaceId: inv.workspaceId,
        entity: "members",
        entityId: membershipId,
        type: "member.joined",
      });
    });
    return { userId: account.id, workspaceId: inv.workspaceId, passwordSet };
  });
}
