import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { MAIL_KINDS, MAIL_STATES, MAIL_TRANSPORTS } from "../../shared/domain/mail.ts";
import { workspaces } from "./workspaces.ts";

/**
 * The durable outbox: a mail is a row written in the same transaction as the change that causes
 * it (an invitation), and server/mail/sender.ts sends it later, off the request path. A restart
 * loses none; the claim (state `verzenden` with a lease) keeps two senders from sending one row
 * twice. See docs/mail.md.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    /** The tafel whose beheerder sees this mail; null for mail about an account (password reset). */
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** Plain-text and HTML body. Emptied (null) once SMTP accepted the mail: an invitation link is a credential. */
    text: text("text"),
    html: text("html"),
    /**
     * JSON list of attachments ({ filename, contentType, base64, calendarMethod? }); a text/calendar
     * part with `calendarMethod` is sent as the mail's calendar invitation. Emptied with the body.
     */
    attachments: text("attachments"),
    /** What the mail is about, e.g. ("invitation", invitationId). */
    relatedType: text("related_type"),
    relatedId: text("related_id"),
    state: text("state", { enum: MAIL_STATES }).notNull(),
    /** Send attempts since the mail was queued or last put back by a beheerder. */
    attempts: integer("attempts").notNull().default(0),
    /** Not before this moment (ISO 8601 UTC); backoff after a failure. */
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** While `verzenden`: which claim holds the row and until when; an expired lease is reclaimed. */
    claimToken: text("claim_token"),
    claimedUntil: text("claimed_until"),
    /** Last failure in words an operator understands (Dutch), with the server's reply. */
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    sentVia: text("sent_via", { enum: MAIL_TRANSPORTS }),
    /** The Message-ID header, fixed when queued: a resend after a crash carries the same one. */
    messageId: text("message_id").notNull(),
    /** The List-Unsubscribe URL (RFC 8058 one-click) of a notification mail; null for other mail. */
    listUnsubscribe: text("list_unsubscribe"),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.state, t.nextAttemptAt),
    index("mail_outbox_ws_idx").on(t.workspaceId, t.createdAt),
    index("mail_outbox_related_idx").on(t.relatedType, t.relatedId),
  ],
);
