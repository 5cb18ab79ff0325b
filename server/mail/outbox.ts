/**
 * The outbox verbs. A verb that causes a mail (an invitation) calls `enqueueMail(ctx, …)` inside
 * its own transaction: the mail row commits or rolls back with the change, and the sender is
 * woken only after the commit. Nothing here talks SMTP — server/mail/sender.ts does, off the
 * request path. See docs/mail.md.
 */
import { signedIn } from "../services/membershipOf.ts";
import { and, desc, eq } from "drizzle-orm";
import { mailOutbox } from "../../db/schema/index.ts";
import { canRetryMail, MAIL_KIND_LABELS, MAIL_STATE_LABELS, type MailKind } from "../../shared/domain/mail.ts";
import type { OutboxMailView } from "../../shared/schemas/outbox.ts";
import { assertCan, requireMembership } from "../auth/access.ts";
import { newId } from "../auth/tokens.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../services/serviceContext.ts";
import type { RenderedMail } from "./templates.ts";
import type { MailAttachment } from "./transport.ts";
import { yieldToLoop } from "../services/yieldToLoop.ts";

export interface MailMessage extends RenderedMail {
  /** The tafel whose beheerder sees this mail on "Uitgaande e-mail"; null for account mail. */
  workspaceId: string | null;
  kind: MailKind;
  to: string;
  /** What the mail is about, e.g. { type: "invitation", id: invitationId }. */
  related?: { type: string; id: string };
  /** One-click unsubscribe URL (notification mail), sent as List-Unsubscribe. */
  listUnsubscribe?: string;
  /** Files sent with the mail (a convocatie's .ics and agenda PDF). */
  attachments?: MailAttachment[];
}

export interface EnqueuedMail {
  id: string;
  messageId: string;
}

/** A bare address, one line: the To header is built from it, so CR/LF would inject headers. */
const ADDRESS = /^[^\s@<>",;:()\\[\]]+@[^\s@<>",;:()\\[\]]+\.[^\s@<>",;:()\\[\]]+$/;
const MAX_BODY_CHARS = 200_000;
/** Base64 characters of all attachments together (~7.5 MB of files): a mail server's usual limit is 10 MB. */
const MAX_ATTACHMENT_CHARS = 10_000_000;

function assertMessage(message: MailMessage): void {
  if (message.to.length > 254 || !ADDRESS.test(message.to))
    throw new Error(`Ongeldig e-mailadres voor de outbox: ${JSON.stringify(message.to)}`);
  if (/[\r\n]/.test(message.subject) || message.subject.length > 300)
    throw new Error("Onderwerp van een e-mail moet één regel zijn (max. 300 tekens).");
  if (message.text.length > MAX_BODY_CHARS || message.html.length > MAX_BODY_CHARS)
    throw new Error("E-mail is te groot voor de outbox.");
  const attached = (message.attachments ?? []).reduce((n, a) => n + a.base64.length, 0);
  if (attached > MAX_ATTACHMENT_CHARS) throw new Error("De bijlagen zijn te groot voor de outbox.");
  for (const a of message.attachments ?? [])
    if (/[\r\n"\\/]/.test(a.filename) || a.filename.length > 120)
      throw new Error(`Ongeldige bestandsnaam: ${a.filename}`);
}

/** The Message-ID's domain: the public host name, so a duplicate after a crash is recognisable as ours. */
function messageIdFor(ctx: ServiceContext, id: string): string {
  let host = "localhost";
  try {
    host = new URL(ctx.deps.config.publicOrigin).hostname || host;
  } catch {
    /* keep localhost */
  }
  return `<oogo-${id}@${host}>`;
}

/**
 * Queues a mail. Inside the caller's transaction it joins it: a rollback leaves no mail behind.
 * Never sends, never waits for SMTP; the sender is nudged after the outermost commit.
 */
export async function enqueueMail(ctx: ServiceContext, message: MailMessage): Promise<EnqueuedMail> {
  const [queued] = await enqueueMails(ctx, [message]);
  return queued!;
}

/** Rows per INSERT (15 columns each; SQLite allows 32766 bound parameters). */
const INSERT_CHUNK = 50;

/**
 * Queues many mails at once (an invitation round from a CSV), as `enqueueMail` does, with
 * multi-row INSERTs. The local libSQL driver runs statements synchronously, so a transaction that
 * only awaits the database never lets the event loop run: between chunks we yield to it (the
 * write lock is held a little longer; other writers wait in the in-process queue, readers do not).
 */
export async function enqueueMails(ctx: ServiceContext, messages: readonly MailMessage[]): Promise<EnqueuedMail[]> {
  messages.forEach(assertMessage);
  if (messages.length === 0) return [];
  return withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const rows = messages.map((message) => {
      const id = newId();
      return {
        id,
        workspaceId: message.workspaceId,
        kind: message.kind,
        toAddress: message.to.toLowerCase(),
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
        relatedType: message.related?.type ?? null,
        relatedId: message.related?.id ?? null,
        state: "wachtrij" as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        messageId: messageIdFor(t, id),
        listUnsubscribe: message.listUnsubscribe ?? null,
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      if (i > 0) await yieldToLoop();
      await t.tx.insert(mailOutbox).values(rows.slice(i, i + INSERT_CHUNK));
    }
    afterCommit(t, () => t.deps.mail?.nudge());
    return rows.map((r) => ({ id: r.id, messageId: r.messageId }));
  });
}

type OutboxRow = typeof mailOutbox.$inferSelect;

function present(row: OutboxRow, showBody: boolean): OutboxMailView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: MAIL_KIND_LABELS[row.kind],
    to: row.toAddress,
    subject: row.subject,
    state: row.state,
    stateLabel:
      row.sentVia === "log" && row.state === "verstuurd"
        ? "Naar het serverlog geschreven (geen mailserver ingesteld)"
        : MAIL_STATE_LABELS[row.state],
    attempts: row.attempts,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    nextAttemptAt: row.state === "mislukt_opnieuw" ? row.nextAttemptAt : null,
    lastError: row.lastError,
    sentVia: row.sentVia,
    canRetry: canRetryMail(row.state),
    // The body carries one-time links: shown only outside production, so the demo can follow them.
    text: showBody ? row.text : null,
  };
}

async function requireManager(ctx: ServiceContext, workspaceId: string) {
  const actor = signedIn(ctx);
  // workspace.read, not content: the beheerder manages people and sees no content (ADR 0005).
  const membership = await requireMembership(ctx.deps.database.db, actor, workspaceId, "workspace.read");
  assertCan(membership, "members.manage", "Alleen een beheerder of secretaris van de tafel ziet de uitgaande e-mail.");
  return membership;
}

const LIST_LIMIT = 500;

/** The tafel's outgoing mail, newest first (beheerder). */
export async function listOutbox(
  ctx: ServiceContext,
  input: { workspaceId: string },
): Promise<{ mails: OutboxMailView[]; bodiesShown: boolean }> {
  await requireManager(ctx, input.workspaceId);
  const rows = await dbOf(ctx)
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.workspaceId, input.workspaceId))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(LIST_LIMIT);
  const showBody = !ctx.deps.config.production;
  return { mails: rows.map((r) => present(r, showBody)), bodiesShown: showBody };
}

/**
 * A beheerder puts a mail the sender gave up on (or is waiting to retry) back in the queue, due
 * now, with a fresh set of attempts. A mail of another tafel is "not found", never "forbidden".
 */
export async function retryMail(
  ctx: ServiceContext,
  input: { workspaceId: string; mailId: string },
): Promise<OutboxMailView> {
  await requireManager(ctx, input.workspaceId);
  const row = await withTransaction(ctx, async (t) => {
    const [current] = await t.tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, input.mailId), eq(mailOutbox.workspaceId, input.workspaceId)))
      .limit(1);
    if (!current) throw notFound("Deze e-mail");
    if (!canRetryMail(current.state)) {
      throw new ApiError(
        "CONFLICT",
        current.state === "verstuurd" ? "Deze e-mail is al verstuurd." : "Deze e-mail staat al in de wachtrij.",
      );
    }
    const [updated] = await t.tx
      .update(mailOutbox)
      .set({ state: "wachtrij", attempts: 0, nextAttemptAt: nowIso(t), claimToken: null, claimedUntil: null })
      .where(eq(mailOutbox.id, current.id))
      .returning();
    afterCommit(t, () => t.deps.mail?.nudge());
    return updated!;
  });
  return present(row, !ctx.deps.config.production);
}
