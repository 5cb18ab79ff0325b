import { z } from "zod";
import { MAIL_KINDS, MAIL_STATES, MAIL_TRANSPORTS } from "../domain/mail.ts";

/** One outgoing mail as the beheerder sees it on "Uitgaande e-mail". */
export const OutboxMailView = z.object({
  id: z.string(),
  kind: z.enum(MAIL_KINDS),
  kindLabel: z.string(),
  to: z.string(),
  subject: z.string(),
  state: z.enum(MAIL_STATES),
  /** The state in words, e.g. "In de wachtrij". */
  stateLabel: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** When the sender tries again (only while "mislukt_opnieuw"). */
  nextAttemptAt: z.string().nullable(),
  /** The last failure, in Dutch, with the mail server's reply. */
  lastError: z.string().nullable(),
  sentVia: z.enum(MAIL_TRANSPORTS).nullable(),
  canRetry: z.boolean(),
  /** Plain-text body; only outside production (it carries one-time links), and null once SMTP accepted it. */
  text: z.string().nullable(),
});
export type OutboxMailView = z.infer<typeof OutboxMailView>;

export const OutboxView = z.object({
  mails: z.array(OutboxMailView),
  /** False in production: bodies are never shown there. */
  bodiesShown: z.boolean(),
});
export type OutboxView = z.infer<typeof OutboxView>;
