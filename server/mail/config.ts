/**
 * Mail configuration from the environment: SMTP_URL and MAIL_FROM (see README).
 * Production without SMTP_URL is refused: invitations would silently never arrive.
 */
export const DEFAULT_MAIL_FROM = "OOGO Werkruimte <noreply@localhost>";

export interface MailConfig {
  /** smtp://… or smtps://…; undefined → mail goes to the server log (never in production). */
  smtpUrl?: string;
  from: string;
}

export class MailConfigError extends Error {}

export const MISSING_SMTP_MESSAGE =
  "SMTP_URL ontbreekt. In productie verstuurt OOGO Werkruimte uitnodigingen per e-mail en start daarom niet zonder mailserver. " +
  "Stel SMTP_URL in, bijvoorbeeld smtp://gebruiker:wachtwoord@mail.example.nl:587.\n" +
  "SMTP_URL is not set. In production OOGO Werkruimte sends invitations by e-mail and refuses to start without a mail server. " +
  "Set SMTP_URL, for example smtp://user:password@mail.example.nl:587.";

/** A variable that is empty or only spaces counts as unset. */
function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Checks the mail settings; throws MailConfigError with a Dutch + English message. */
export function resolveMailConfig(input: { smtpUrl?: string; from?: string }, production: boolean): MailConfig {
  const smtpUrl = nonBlank(input.smtpUrl);
  const from = nonBlank(input.from) ?? DEFAULT_MAIL_FROM;
  if (!smtpUrl && production) throw new MailConfigError(MISSING_SMTP_MESSAGE);
  if (smtpUrl) {
    let url: URL | null = null;
    try {
      url = new URL(smtpUrl);
    } catch {
      /* reported below */
    }
    if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
      throw new MailConfigError(
        "SMTP_URL is geen geldige smtp://- of smtps://-URL. / SMTP_URL is not a valid smtp:// or smtps:// URL.",
      );
    }
  }
  if (/[\r\n]/.test(from) || !/@[^@\s>]+>?$/.test(from)) {
    throw new MailConfigError(
      `MAIL_FROM is geen geldig afzenderadres: ${JSON.stringify(from)}. / MAIL_FROM is not a valid sender address.`,
    );
  }
  return { smtpUrl, from };
}
