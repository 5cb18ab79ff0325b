/**
 * The mail thread's side (see mailThread.ts): its own database connection, the outbox sender and
 * the daily overview's composition, driven by requests from the server's main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../db/client.ts";
import type { AppDeps } from "../context.ts";
import { EventBus } from "../events.ts";
import { lowerThisThreadsPriority } from "../threads/lowerPriority.ts";
import { inProcessMail } from "./mailService.ts";
import type { MailReply, MailRequest, MailThreadSettings } from "./mailThread.ts";

const settings = workerData as MailThreadSettings;
const port = parentPort!;
// Mail may wait a moment; a keystroke on its way to 100 editors may not.
lowerThisThreadsPriority(settings.nice);

const unavailable = () => Promise.reject(new Error("Documenten zijn niet beschikbaar in de mailthread."));
const database = await createDb(settings.databaseUrl, settings.databaseAuthToken);
const deps: AppDeps = {
  database,
  // Mail work publishes no live events; the main thread's engine does.
  events: new EventBus(),
  config: settings.appConfig,
  documents: { readJson: unavailable, readState: unavailable, write: unavailable },
};
const mail = inProcessMail(deps, settings.mail);
mail.start();

async function handle(request: MailRequest): Promise<MailReply> {
  try {
    switch (request.op) {
      case "nudge":
        mail.nudge();
        return { id: request.id, ok: true, result: null };
      case "drain":
        await mail.drain();
        return { id: request.id, ok: true, result: null };
      case "digest":
        return { id: request.id, ok: true, result: await mail.digest(new Date(request.until)) };
      case "stop":
        await mail.stop();
        database.close();
        return { id: request.id, ok: true, result: null };
    }
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

port.on("message", (request: MailRequest) => {
  void handle(request).then((reply) => port.postMessage(reply));
});
