/**
 * Where a mail goes: a pooled SMTP connection (nodemailer, from SMTP_URL), or — without SMTP_URL,
 * never in production — the server log, so the demo and tests work without a mail server.
 */
import nodemailer from "nodemailer";
import type { MailTransportKind } from "../../shared/domain/mail.ts";

/** A file sent with a mail. A text/calendar part with `calendarMethod` is the mail's calendar invitation. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  base64: string;
  /** REQUEST or CANCEL (RFC 5546): sent as the calendar part calendars act on, and as a file. */
  calendarMethod?: "REQUEST" | "CANCEL";
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed when queued, so a resend after a crash carries the same Message-ID. */
  messageId: string;
  /** RFC 8058 one-click unsubscribe URL (notification mail); adds List-Unsubscribe and List-Unsubscribe-Post. */
  listUnsubscribe?: string | null;
  attachments?: MailAttachment[];
}

export interface MailTransport {
  readonly kind: MailTransportKind;
  /** Resolves once the server accepted the mail; rejects with the server's error otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  /** Open connections at most; also how many mails are in flight at once. */
  maxConnections: number;
  /** Milliseconds before an unreachable or silent server counts as a failed attempt. */
  timeoutMs?: number;
}

export function smtpTransport(options: SmtpOptions): MailTransport {
  const timeout = options.timeoutMs ?? 15_000;
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections,
    // nodemailer's defaults (2 min connect, 10 min idle) would hold a claimed mail for minutes.
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 2 * timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: "smtp",
    async send(mail) {
      const calendar = mail.attachments?.find((a) => a.calendarMethod);
      const files = (mail.attachments ?? []).filter((a) => a !== calendar);
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        // The calendar part (text/calendar; method=…) is what Outlook, Google and Apple act on.
        ...(calendar
          ? {
              icalEvent: {
                method: calendar.calendarMethod!,
                filename: calendar.filename,
                content: Buffer.from(calendar.base64, "base64").toString("utf8"),
              },
            }
          : {}),
        attachments: files.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.base64, "base64"),
        })),
        // RFC 3834: out-of-office replies must not answer this mail.
        headers: {
          "Auto-Submitted": "auto-generated",
          ...(mail.listUnsubscribe
            ? { "List-Unsubscribe": `<${mail.listUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
            : {}),
        },
      });
    },
    close() {
      transporter.close();
      return Promise.resolve();
    },
  };
}

/** Writes each mail to the log instead of sending it (development and demo only). */
export function logTransport(log: (line: string) => void = (line) => console.log(line)): MailTransport {
  return {
    kind: "log",
    send(mail) {
      log(
        `[mail] Geen SMTP_URL ingesteld: e-mail naar het log in plaats van verstuurd.\n` +
          `  Van: ${mail.from}\n  Aan: ${mail.to}\n  Onderwerp: ${mail.subject}\n  Message-ID: ${mail.messageId}\n` +
          (mail.attachments?.length ? `  Bijlagen: ${mail.attachments.map((a) => a.filename).join(", ")}\n` : "") +
          "\n" +
          mail.text
            .split("\n")
            .map((l) => `  ${l}`)
            .join("\n"),
      );
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

/** The host of an SMTP URL without credentials, for log lines. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return "(ongeldige SMTP_URL)";
  }
}
