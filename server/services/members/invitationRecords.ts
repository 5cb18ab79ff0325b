import { and, asc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { invitations, mailOutbox, organisations, users } from "../../../db/schema/index.ts";
import { invitationState, isOpenInvitation } from "../../../shared/domain/invitations.ts";
import { canRetryMail } from "../../../shared/domain/mail.ts";
import type { InvitationMailView, InvitationView } from "../../../shared/schemas/workspace.ts";
import type { OrganisationKind } from "../../../shared/domain/parties.ts";

export type InvitationRow = typeof invitations.$inferSelect;
type MailRow = Pick<
  typeof mailOutbox.$inferSelect,
  "id" | "state" | "sentAt" | "lastError" | "nextAttemptAt" | "relatedId"
>;
type Party = { id: string; name: string; kind: OrganisationKind } | null;

/** What the outbox row of an invitation's mail is called in mail_outbox.related_type. */
export const INVITATION_MAIL = "invitation";

function presentMail(mail: MailRow | null): InvitationMailView | null {
  if (!mail) return null;
  return {
    id: mail.id,
    state: mail.state,
    sentAt: mail.sentAt,
    lastError: mail.state === "verstuurd" ? null : mail.lastError,
    nextAttemptAt: mail.state === "mislukt_opnieuw" ? mail.nextAttemptAt : null,
    canRetry: canRetryMail(mail.state),
  };
}

/** Only what the inviter typed and what happened to the invitation: never whether the address has an account. */
export function presentInvitation(
  row: InvitationRow,
  party: Party,
  inviterName: string | null,
  mail: MailRow | null,
  now: Date,
): InvitationView {
  const state = invitationState(row, mail?.state ?? null, now);
  const open = isOpenInvitation(state);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    party,
    title: row.title,
    state,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    openedAt: row.openedAt,
    acceptedAt: row.acceptedAt,
    withdrawnAt: row.withdrawnAt,
    invitedBy: inviterName,
    mail: presentMail(mail),
    canResend: open,
    canWithdraw: open,
  };
}

/** The latest invitation mail of each invitation (a resend queues a new one). Insertion order breaks ties in time. */
async function latestMails(db: Db | WriteTx, invitationIds: string[]): Promise<Map<string, MailRow>> {
  const latest = new Map<string, MailRow>();
  for (let i = 0; i < invitationIds.length; i += 500) {
    const rows = await db
      .select({
        id: mailOutbox.id,
        state: mailOutbox.state,
        sentAt: mailOutbox.sentAt,
        lastError: mailOutbox.lastError,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        relatedId: mailOutbox.relatedId,
      })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.relatedType, INVITATION_MAIL),
          inArray(mailOutbox.relatedId, invitationIds.slice(i, i + 500)),
        ),
      )
      .orderBy(asc(mailOutbox.createdAt), asc(sql`${mailOutbox}.rowid`));
    for (const row of rows) latest.set(row.relatedId!, row);
  }
  return latest;
}

const byName = new Intl.Collator("nl");

/** Invitations of a tafel as views: open ones first (by name), then the rest (newest first). */
export async function listInvitations(
  db: Db | WriteTx,
  workspaceId: string,
  now: Date,
  onlyIds?: string[],
): Promise<InvitationView[]> {
  const rows = await db
    .select({ inv: invitations, party: organisations, inviter: users.name })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, workspaceId), onlyIds ? inArray(invitations.id, onlyIds) : undefined));
  const mails = await latestMails(
    db,
    rows.map((r) => r.inv.id),
  );
  const views = rows.map(({ inv, party, inviter }) =>
    presentInvitation(
      inv,
      party ? { id: party.id, name: party.name, kind: party.kind } : null,
      inviter,
      mails.get(inv.id) ?? null,
      now,
    ),
  );
  const open = views
    .filter((v) => v.canWithdraw)
    .sort((a, b) => byName.compare(a.name, b.name) || a.createdAt.localeCompare(b.createdAt));
  const done = views
    .filter((v) => !v.canWithdraw)
    .sort((a, b) => (b.acceptedAt ?? b.withdrawnAt ?? "").localeCompare(a.acceptedAt ?? a.withdrawnAt ?? ""));
  return [...open, ...done];
}

export async function presentOne(
  db: Db | WriteTx,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<InvitationView> {
  const [view] = await listInvitations(db, workspaceId, now, [id]);
  return view!;
}

/** An invitation of this tafel for this address that still works (so a second one would be confusing). */
export async function findUsableInvitation(
  tx: Db | WriteTx,
  workspaceId: string,
  email: string,
  now: string,
  except?: string,
) {
  const [row] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.withdrawnAt),
        gt(invitations.expiresAt, now),
        except ? ne(invitations.id, except) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}
