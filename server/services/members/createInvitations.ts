/**
 * The one way invitations come into being, for the form (one) and the CSV import (many): each
 * gets a one-time token, a row, an event in the tafel's log and a mail in the outbox — all in the
 * caller's transaction, so a round is sent whole or not at all. The link goes only into the mail,
 * never back to the inviter (ADR 0005).
 */
import { and, eq, inArray, isNull, gt } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import {
  invitations,
  memberships,
  organisations,
  users,
  workspaceParties,
  workspaces,
} from "../../../db/schema/index.ts";
import { INVITATION_DAYS } from "../../../shared/domain/invitations.ts";
import type { Role } from "../../../shared/domain/roles.ts";
import { hashToken, newId, newToken } from "../../auth/tokens.ts";
import { notFound } from "../../http/errors.ts";
import { enqueueMails, type MailMessage } from "../../mail/outbox.ts";
import { invitationMail } from "../../mail/templates.ts";
import { appendEvent, type EventActor } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, type TxContext } from "../serviceContext.ts";
import { INVITATION_MAIL, type InvitationRow } from "./invitationRecords.ts";
import { yieldToLoop } from "../yieldToLoop.ts";

export interface NewInvitation {
  email: string;
  name: string;
  role: Role;
  partyId: string | null;
  title: string | null;
}

/** Rows per multi-row INSERT. */
const CHUNK = 50;
/**
 * Log events between yields: each is a read of the chain head and an insert, run synchronously by
 * the local libSQL driver, so a round of 500 would otherwise hold the event loop for its whole length.
 */
const EVENTS_PER_YIELD = 10;

export const invitationLink = (publicOrigin: string, token: string) => `${publicOrigin}/uitnodiging#${token}`;
export const invitationExpiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();

/** Why an address cannot be invited here now: it is a member, or it has a working invitation. */
export async function takenAddresses(
  db: Db | WriteTx,
  workspaceId: string,
  emails: readonly string[],
  now: string,
): Promise<Map<string, "member" | "invited">> {
  const taken = new Map<string, "member" | "invited">();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    // Membership of THIS tafel is in the member list the inviter already sees: saying so reveals nothing new.
    const members = await db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(users.email, chunk)));
    const invited = await db
      .select({ email: invitations.email })
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          inArray(invitations.email, chunk),
          isNull(invitations.acceptedAt),
          isNull(invitations.withdrawnAt),
          gt(invitations.expiresAt, now),
        ),
      );
    for (const r of invited) taken.set(r.email, "invited");
    for (const r of members) taken.set(r.email, "member");
  }
  return taken;
}

/** The tafel's name and the names of its parties, for the mails. */
async function mailFacts(t: TxContext, workspaceId: string) {
  const [tafel] = await t.tx
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!tafel) throw notFound("Deze OOGO-tafel");
  const parties = await t.tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(workspaceParties, eq(workspaceParties.organisationId, organisations.id))
    .where(eq(workspaceParties.workspaceId, workspaceId));
  return { tafelName: tafel.name, partyName: new Map(parties.map((p) => [p.id, p.name])) };
}

function mailFor(
  t: TxContext,
  facts: { tafelName: string; partyName: Map<string, string> },
  inviter: EventActor,
  row: InvitationRow,
  token: string,
): MailMessage {
  return {
    workspaceId: row.workspaceId,
    kind: "invitation",
    to: row.email,
    related: { type: INVITATION_MAIL, id: row.id },
    ...invitationMail({
      tafelName: facts.tafelName,
      inviterName: inviter.userName,
      role: row.role,
      partyName: row.organisationId ? (facts.partyName.get(row.organisationId) ?? null) : null,
      link: invitationLink(t.deps.config.publicOrigin, token),
      expiresAt: new Date(row.expiresAt),
      recipientName: row.name,
    }),
  };
}

/**
 * Creates invitations that the caller has already authorised and checked (party of this tafel,
 * address free). Returns their ids in input order.
 */
export async function createInvitations(
  t: TxContext,
  inviter: EventActor,
  workspaceId: string,
  list: readonly NewInvitation[],
): Promise<string[]> {
  const now = nowIso(t);
  const expiresAt = invitationExpiry(t.clock.now());
  const facts = await mailFacts(t, workspaceId);
  const rows: InvitationRow[] = [];
  const mails: MailMessage[] = [];
  for (const item of list) {
    const token = newToken();
    const row: InvitationRow = {
      id: newId(),
      tokenHash: hashToken(token),
      workspaceId,
      email: item.email,
      name: item.name,
      role: item.role,
      organisationId: item.partyId,
      title: item.title,
      createdAt: now,
      expiresAt,
      acceptedAt: null,
      acceptedBy: null,
      withdrawnAt: null,
      invitedBy: inviter.userId,
      openedAt: null,
    };
    rows.push(row);
    mails.push(mailFor(t, facts, inviter, row, token));
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    if (i > 0) await yieldToLoop();
    await t.tx.insert(invitations).values(rows.slice(i, i + CHUNK));
  }
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % EVENTS_PER_YIELD === 0) await yieldToLoop();
    await appendEvent(t.tx, {
      workspaceId,
      type: "member.invited",
      entityType: "invitation",
      entityId: row.id,
      actor: inviter,
      toStatus: row.role,
      data: { email: row.email, name: row.name, role: row.role, partyId: row.organisationId, expiresAt: row.expiresAt },
      at: now,
    });
  }
  await enqueueMails(t, mails);
  afterCommit(t, () =>
    t.deps.events.emit("workspace.changed", {
      workspaceId,
      entity: "members",
      entityId: rows.length === 1 ? rows[0]!.id : workspaceId,
      type: "member.invited",
    }),
  );
  return rows.map((r) => r.id);
}

/**
 * A new link for an existing invitation: a fresh token (the old one stops working at once), a new
 * expiry, "not opened" again, and a new mail from whoever resends it.
 */
export async function renewInvitation(t: TxContext, inviter: EventActor, row: InvitationRow): Promise<void> {
  const token = newToken();
  const renewed: InvitationRow = {
    ...row,
    tokenHash: hashToken(token),
    expiresAt: invitationExpiry(t.clock.now()),
    openedAt: null,
    invitedBy: inviter.userId,
  };
  await t.tx
    .update(invitations)
    .set({ tokenHash: renewed.tokenHash, expiresAt: renewed.expiresAt, openedAt: null, invitedBy: inviter.userId })
    .where(eq(invitations.id, row.id));
  await appendEvent(t.tx, {
    workspaceId: row.workspaceId,
    type: "member.invitation_resent",
    entityType: "invitation",
    entityId: row.id,
    actor: inviter,
    toStatus: row.role,
    data: { email: row.email, role: row.role, partyId: row.organisationId, expiresAt: renewed.expiresAt },
    at: nowIso(t),
  });
  await enqueueMails(t, [mailFor(t, await mailFacts(t, row.workspaceId), inviter, renewed, token)]);
  afterCommit(t, () =>
    t.deps.events.emit("workspace.changed", {
      workspaceId: row.workspaceId,
      entity: "members",
      entityId: row.id,
      type: "member.invitation_resent",
    }),
  );
}
