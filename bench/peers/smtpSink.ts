/**
 * Child process for bench/mailOutbox.bench.ts: a real SMTP server (smtp-server) on loopback that
 * accepts everything. Its own process, so its parsing does not count against the sender's event
 * loop. IPC: sends { port } when listening; on { expect: n } answers { count, unique } once n
 * mails have arrived.
 */
import { startTestSmtp } from "../../server/testing/smtpServer.ts";

const smtp = await startTestSmtp();
process.send!({ port: smtp.port });
async function onMessage(msg: { expect?: number; stop?: boolean }) {
  if (msg.expect !== undefined) {
    await smtp.waitForCount(msg.expect);
    process.send!({ count: smtp.received.length, unique: new Set(smtp.received.map((m) => m.messageId)).size });
  }
  if (msg.stop) {
    await smtp.close();
    process.exit(0);
  }
}
process.on("message", (msg: { expect?: number; stop?: boolean }) => void onMessage(msg));
