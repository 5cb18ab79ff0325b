/**
 * The server's mail work behind one shape: sending the outbox and composing the daily overview.
 * `npm start` runs it in a thread of its own (mailThread.ts); a database only this thread can
 * open (`:memory:`) runs it here (`inProcessMail`). Callers cannot tell the difference.
 */
import type { MailTransportKind } from "../../shared/domain/mail.ts";
import type { AppDeps } from "../context.ts";
import { sendDigests, type DigestOutcome } from "../services/notifications/sendDigests.ts";
import { createContext } from "../services/serviceContext.ts";
import type { MailConfig } from "./config.ts";
import { MailSender } from "./sender.ts";
import { logTransport, smtpTransport, type MailTransport } from "./transport.ts";

export interface MailService {
  readonly transportKind: MailTransportKind;
  /** Starts sending in the background: now, on every nudge, and on the sender's poll timer. */
  start(): void;
  /** Something was queued (after its commit): look for due mail now. Never throws, never blocks. */
  nudge(): void;
  /** Resolves when everything due now has been sent (tests, the bench). */
  drain(): Promise<void>;
  /** Composes and queues the overview of every notice that waited until `until`; see sendDigests. */
  digest(until: Date): Promise<DigestOutcome>;
  /** Lets mails in flight finish and be marked, hands back the rest, closes SMTP. */
  stop(): Promise<void>;
}

export interface MailSettings {
  config: MailConfig;
  /** Mails in flight at once, and SMTP connections in the pool. */
  concurrency: number;
}

/** SMTP when SMTP_URL is set; otherwise the server log (never in production: config.ts refuses). */
export function mailTransport(settings: MailSettings): MailTransport {
  return settings.config.smtpUrl
    ? smtpTransport({ url: settings.config.smtpUrl, maxConnections: settings.concurrency })
    : logTransport();
}

/** The mail work on this thread, with `deps`' database. Sets `deps.mail`, so queued mail nudges it. */
export function inProcessMail(deps: AppDeps, settings: MailSettings): MailService {
  const ctx = createContext(deps);
  const sender = new MailSender(ctx, {
    transport: mailTransport(settings),
    from: settings.config.from,
    concurrency: settings.concurrency,
  });
  const service: MailService = {
    transportKind: sender.transport.kind,
    start: () => sender.start(),
    nudge: () => sender.nudge(),
    drain: () => sender.drain(),
    digest: (until) => sendDigests(ctx, until),
    stop: () => sender.stop(),
  };
  deps.mail = service;
  return service;
}
