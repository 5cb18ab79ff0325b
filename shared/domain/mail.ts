/**
 * Outgoing e-mail: the states a mail in the outbox passes through and how the UI names them.
 * The server (server/mail) moves mails between states; the client only shows them.
 *
 *   wachtrij ──claim──▶ verzenden ──accepted──▶ verstuurd
 *                          │
 *                          ├─ temporary failure, attempts left ─▶ mislukt_opnieuw ──(after backoff)──▶ verzenden …
 *                          └─ permanent failure or attempts used up ─▶ niet_verstuurd ──(beheerder: opnieuw)──▶ wachtrij
 */
export const MAIL_STATES = ["wachtrij", "verzenden", "verstuurd", "mislukt_opnieuw", "niet_verstuurd"] as const;
export type MailState = (typeof MAIL_STATES)[number];

export const MAIL_KINDS = [
  "invitation",
  "password_reset",
  "digest",
  // notifications (issue 13): one notice mailed at once
  "notification",
  // A meeting's convocatie, its updates and its cancellation (with an .ics calendar invitation).
  "convocation",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** How the mail left the server: through SMTP, or (without SMTP_URL, never in production) into the server log. */
export const MAIL_TRANSPORTS = ["smtp", "log"] as const;
export type MailTransportKind = (typeof MAIL_TRANSPORTS)[number];

export const MAIL_STATE_LABELS: Record<MailState, string> = {
  wachtrij: "In de wachtrij",
  verzenden: "Wordt verstuurd",
  verstuurd: "Verstuurd",
  mislukt_opnieuw: "Mislukt — wordt opnieuw geprobeerd",
  niet_verstuurd: "Niet verstuurd",
};

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  invitation: "Uitnodiging",
  password_reset: "Wachtwoord opnieuw instellen",
  digest: "Overzicht",
  notification: "Melding",
  convocation: "Convocatie",
};

/** A beheerder may put a mail back in the queue once the sender has given up on it, or while it waits for its next try. */
export function canRetryMail(state: MailState): boolean {
  return state === "niet_verstuurd" || state === "mislukt_opnieuw";
}
