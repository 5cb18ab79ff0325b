/**
 * Minutes over the network: a real server on port 0, real y-websocket editing of a meeting's
 * minutes, approval over REST that locks the document for the open editor, and a logged
 * amendment that re-opens it and ends with a new approved hash.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditEvents } from "../../db/schema/index.ts";
import { CLOSE_CODES } from "../../shared/collab/protocol.ts";
import { textHash } from "../../shared/domain/textHash.ts";
import type { MeetingView } from "../../shared/schemas/meetings.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { reply, type Reply } from "../testing/json.ts";
import { appendParagraph, login, openClient, waitFor, type TestClient } from "../sync/testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let ws: string;
const cookie: Record<string, string> = {};
const clients: TestClient[] = [];

async function api<T>(who: string, method: string, path: string, body?: unknown): Promise<Reply<T>> {
  return reply<T>(
    await fetch(`${running.url}${path}`, {
      method,
      headers: { cookie: cookie[who]!, origin: running.url, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
  );
}

/** The secretaris puts the minutes to the parties; the three trekkers agree (issue 13). The last reply. */
async function approveByParties(meetingId: string, body: Record<string, unknown>): Promise<Reply<MeetingView>> {
  const review = await api<MeetingView>(DEMO.secretaris, "POST", `/api/meetings/${meetingId}/minutes/review`, body);
  if (review.status !== 200) return review;
  let last = review;
  for (const trekker of [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker])
    last = await api<MeetingView>(trekker, "POST", `/api/meetings/${meetingId}/minutes/agree`, {
      textHash: review.body.minutesReview!.textHash,
    });
  return last;
}

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-minutes-live-");
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: true });
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  ws = tafel!.id;
  for (const email of [DEMO.secretaris, DEMO.groningenTrekker, DEMO.swvTrekker, DEMO.tynaarloTrekker])
    cookie[email] = await login(running.url, email);
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running?.close();
  tmp?.cleanup();
});

describe("minutes over the network", { timeout: 60_000 }, () => {
  it("are written live, locked for open editors on approval, and change afterwards only through a logged amendment", async () => {
    const created = await api<MeetingView>(DEMO.secretaris, "POST", `/api/workspaces/${ws}/meetings`, {
      type: "ambtelijke_werkgroep",
      title: "Werkgroep live notulen",
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: "Groningen",
    });
    expect(created.status).toBe(201);
    const meeting = created.body;

    // An ambtenaar types the minutes; the text reaches durable storage.
    const editor = openClient(running.url, meeting.minutesDocument, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(editor);
    await waitFor(() => editor.provider.synced, "editor synced");
    appendParagraph(editor.doc, "De werkgroep bespreekt de monitor thuiszitters.");
    const typed = await waitFor(async () => {
      const view = (await api<MeetingView>(DEMO.secretaris, "GET", `/api/meetings/${meeting.id}`)).body;
      return view.minutesHash !== meeting.minutesHash ? view : null;
    }, "typed minutes stored");

    // The secretaris approves exactly what she read.
    const approved = await approveByParties(meeting.id, { textHash: typed.minutesHash });
    expect(approved.status).toBe(200);
    expect(approved.body.minutesApproval?.textHash).toBe(typed.minutesHash);
    await waitFor(() => editor.closeCodes.includes(CLOSE_CODES.ACCESS_CHANGED), "editor re-authorised after approval");
    await waitFor(() => editor.provider.synced, "reconnected");
    appendParagraph(editor.doc, "Deze zin komt na de vaststelling en mag niet worden opgeslagen.");
    await waitFor(() => editor.denied.length > 0, "edit refused: the minutes are read-only");
    await running.sync.flush();
    expect(textHash(await running.deps.documents.readJson(meeting.minutesDocument))).toBe(typed.minutesHash);

    // A logged amendment re-opens them; the correction is stored; re-approval records the new hash.
    const closesBefore = editor.closeCodes.length;
    const opened = await api<MeetingView>(DEMO.secretaris, "POST", `/api/meetings/${meeting.id}/minutes/amendments`, {
      reason: "De naam van de voorzitter ontbrak in de notulen.",
    });
    expect(opened.status).toBe(201);
    await waitFor(() => editor.closeCodes.length > closesBefore, "editor re-authorised after the amendment opened");
    const fresh = openClient(running.url, meeting.minutesDocument, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(fresh);
    await waitFor(() => fresh.provider.synced, "fresh editor synced");
    appendParagraph(fresh.doc, "Voorzitter: Pieter Jansen.");
    const corrected = await waitFor(async () => {
      const json = await running.deps.documents.readJson(meeting.minutesDocument);
      return JSON.stringify(json).includes("Voorzitter: Pieter Jansen.") ? textHash(json) : null;
    }, "correction stored");
    const reapproved = await approveByParties(meeting.id, {});
    expect(reapproved.status).toBe(200);
    expect(reapproved.body.minutesApproval?.textHash).toBe(corrected);
    expect(reapproved.body.amendments[0]).toMatchObject({
      fromHash: typed.minutesHash,
      toHash: corrected,
      openedBy: "Pieter Jansen",
    });
    expect(reapproved.body.amendments[0]!.changes!.added).toContain("Voorzitter: Pieter Jansen.");
    // The edit refused while locked never made it in.
    expect(JSON.stringify(await running.deps.documents.readJson(meeting.minutesDocument))).not.toContain(
      "mag niet worden opgeslagen",
    );

    const log = await running.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, ws), eq(auditEvents.entityId, meeting.id)))
      .orderBy(asc(auditEvents.seq));
    const agreed = Array<string>(3).fill("minutes.party_agreed");
    expect(log.map((e) => e.type)).toEqual([
      "meeting.created",
      "minutes.review_requested",
      ...agreed,
      "minutes.approved",
      "minutes.amendment_opened",
      "minutes.review_requested",
      ...agreed,
      "minutes.amended",
    ]);
    const t1 = typed.minutesHash;
    expect(log.map((e) => e.textHash)).toEqual([
      null,
      t1,
      t1,
      t1,
      t1,
      t1,
      t1,
      corrected,
      corrected,
      corrected,
      corrected,
      corrected,
    ]);
  });
});
