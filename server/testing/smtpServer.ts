/**
 * A real SMTP server on loopback (smtp-server), for tests and the bench: it accepts mail on a
 * random port and keeps what it received. `reject` lets a test make it refuse recipients.
 */
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The Message-ID header as sent (with angle brackets). */
  messageId: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Set to make the server refuse RCPT TO with this SMTP code and text (e.g. 550 or 451). */
  reject: { code: number; message: string } | null;
  /** Resolves once `count` mails have been received in total. */
  waitForCount(count: number): Promise<void>;
  close(): Promise<void>;
}

export function parse(mail: ReceivedMail): Promise<ParsedMail> {
  return simpleParser(mail.raw);
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const events = new EventEmitter();
  const state: TestSmtp = {
    port: 0,
    url: "",
    received: [],
    reject: null,
    waitForCount: (count) =>
      new Promise<void>((resolve) => {
        if (state.received.length >= count) return resolve();
        const check = () => {
          if (state.received.length >= count) {
            events.off("mail", check);
            resolve();
          }
        };
        events.on("mail", check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.reject) {
        const err = Object.assign(new Error(state.reject.message), { responseCode: state.reject.code });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const header = raw.subarray(0, Math.min(raw.length, 8192)).toString("latin1");
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(header)?.[1] ?? "";
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId,
        });
        callback();
        events.emit("mail");
      });
    },
  });
  server.on("error", () => {
    /* a client hanging up mid-session is not a test failure */
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}
