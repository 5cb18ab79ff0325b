/**
 * The formal OOGO as it really happens (issue 13), end to end on a real server (port 0, a real
 * libSQL file, real HTTP logins, real y-websocket clients): agenda → attendance with capacity →
 * "Overeenstemming bereikt" → akkoord in overleg → three signatures afterwards → overeenstemming;
 * and the refusals: a party not represented, a text changed since the agenda, typing into a
 * signed text (refused by the sync server), "Heropenen" that voids the signatures (logged).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PERMISSION_DENIED_REASON, documentNames } from "../../../shared/collab/protocol.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import type { PointDetail, PointEventView } from "../../../shared/schemas/points.ts";
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";
import { startServer, type RunningServer } from "../../server.ts";
import { DEMO, tempDatabaseUrl } from "../../testing/testContext.ts";
import { login, openClient, roundTrip, waitFor, type TestClient } from "../../sync/testSupport.ts";
import { DOCUMENT_FIELD } from "../../../shared/editor/extensions.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let ws: string;
const cookie: Record<string, string> = {};
const party: Record<"swv" | "groningen" | "tynaarlo", string> = { swv: "", groningen: "", tynaarlo: "" };
const clients: TestClient[] = [];

async function api<T = unknown>(
  method: string,
  path: string,
  who: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: { cookie: cookie[who]!, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
const ok = async <T>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};
interface Err {
  error: { code: string; message: string };
}

const point = (id: string) => ok(api<PointDetail>("GET", `/api/points/${id}`, DEMO.secretaris));
const history = async (id: string) =>
  (await ok(api<{ events: PointEventView[] }>("GET", `/api/points/${id}/history`, DEMO.secretaris))).events;

/** A new point walked to ambtelijk akkoord by the three trekkers. */
async function pointAtAkkoord(title: string): Promise<string> {
  const created = await ok(
    api<PointDetail>("POST", `/api/workspaces/${ws}/points`, DEMO.swvTrekker, {
      theme: "jeugdhulp",
      title,
      text: `${title}: de tekst waarover het bestuurlijk overleg besluit.`,
    }),
    201,
  );
  await ok(
    api("POST", `/api/points/${created.id}/transitions`, DEMO.swvTrekker, {
      to: "in_bespreking",
      reason: "De werkgroep start.",
      expectedVersion: created.version,
    }),
  );
  for (const t of [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker]) {
    await ok(api("POST", `/api/points/${created.id}/stances`, t, { stance: "akkoord", reasoning: "Akkoord." }));
  }
  expect((await point(created.id)).status).toBe("ambtelijk_akkoord");
  return created.id;
}

async function formalMeeting(title: string): Promise<MeetingView> {
  return ok(
    api<MeetingView>("POST", `/api/workspaces/${ws}/meetings`, DEMO.secretaris, {
      type: "formeel_oogo",
      title,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: "Stadhuis Groningen",
    }),
    201,
  );
}

const bestuurders = (tynaarlo: "aanwezig" | "afgemeld" | "zonder_mandaat") => [
  {
    partyId: party.swv,
    name: "Jeroen Bakker",
    capacity: "directeur-bestuurder",
    attendance: "aanwezig",
    mandate: true,
  },
  {
    partyId: party.groningen,
    name: "Karim El Amrani",
    capacity: "wethouder onderwijs en jeugd",
    attendance: "aanwezig",
    mandate: true,
  },
  tynaarlo === "afgemeld"
    ? {
        partyId: party.tynaarlo,
        name: "Anneke Smit",
        capacity: "wethouder jeugd en onderwijs",
        attendance: "afgemeld",
        substitute: "Lotte Hoekstra",
      }
    : {
        partyId: party.tynaarlo,
        name: "Anneke Smit",
        capacity: "wethouder jeugd en onderwijs",
        attendance: "aanwezig",
        mandate: tynaarlo === "aanwezig",
      },
  { partyId: null, name: "Pieter Jansen", capacity: "secretaris OOGO", attendance: "aanwezig" },
];

async function decide(meeting: MeetingView, pointId: string) {
  const item = meeting.agenda.find((i) => i.point?.id === pointId)!;
  return api<MeetingView | Err>("POST", `/api/meetings/${meeting.id}/agenda/${item.id}/decision`, DEMO.secretaris, {
    decision: "overeenstemming",
    note: "De bestuurders stemmen in met de tekst.",
  });
}

async function sign(who: string, id: string, textHash?: string) {
  const current = await point(id);
  return api<{ point: PointDetail } | Err>("POST", `/api/points/${id}/signoffs`, who, {
    textHash: textHash ?? current.textHash,
  });
}

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-formal-");
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: true });
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  ws = tafel!.id;
  for (const email of Object.values(DEMO)) cookie[email] = await login(running.url, email);
  const view = await ok(api<WorkspaceView>("GET", `/api/workspaces/${ws}`, DEMO.secretaris));
  for (const p of view.parties) {
    if (p.kind === "swv") party.swv = p.id;
    else if (p.name.includes("Groningen")) party.groningen = p.id;
    else if (p.name.includes("Tynaarlo")) party.tynaarlo = p.id;
  }
}, 120_000);
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await running?.close();
  tmp?.cleanup();
});

describe("decide in the meeting, sign afterwards", () => {
  let meeting: MeetingView;
  let agreed: string;

  it("agenda → attendance with capacity → overeenstemming bereikt → akkoord in overleg", async () => {
    agreed = await pointAtAkkoord("Vast aanspreekpunt jeugdhulp in het mbo");
    meeting = await formalMeeting("Formeel OOGO voorjaar");
    meeting = await ok(
      api<MeetingView>("POST", `/api/meetings/${meeting.id}/agenda`, DEMO.secretaris, { pointId: agreed }),
      201,
    );
    const fixed = meeting.agenda.find((i) => i.point?.id === agreed)!.textHash;
    meeting = await ok(
      api<MeetingView>("PUT", `/api/meetings/${meeting.id}/attendance`, DEMO.secretaris, {
        attendees: bestuurders("aanwezig"),
      }),
    );
    expect(meeting.attendance.map((a) => a.mandateLabel)).toEqual([
      `namens het bestuur van ${meeting.attendance[0]!.party!.name}`,
      "namens het college van B&W van Groningen",
      "namens het college van B&W van Tynaarlo",
      null,
    ]);

    meeting = (await ok(decide(meeting, agreed))) as MeetingView;
    const item = meeting.agenda.find((i) => i.point?.id === agreed)!;
    expect(item).toMatchObject({ pointStatusBefore: "geagendeerd", pointStatusAfter: "akkoord_in_overleg" });
    const detail = await point(agreed);
    expect(detail.status).toBe("akkoord_in_overleg");
    expect(detail.textHash).toBe(fixed);
    expect(detail.textProtection).toMatch(/ondertekenen/);
    const moved = (await history(agreed)).find((e) => e.toStatus === "akkoord_in_overleg")!;
    expect(moved.data).toMatchObject({ meetingId: meeting.id });
    expect((moved.data.representedPartyIds as string[]).sort()).toEqual(
      [party.swv, party.groningen, party.tynaarlo].sort(),
    );
  });

  it("each bestuurder signs the fixed text afterwards; the last signature completes overeenstemming", async () => {
    const wethouder = await ok(
      api<Array<{ pointId: string }>>("GET", `/api/workspaces/${ws}/to-sign`, DEMO.tynaarloWethouder),
    );
    expect(JSON.stringify(wethouder)).toContain(agreed);
    const statuses: string[] = [];
    for (const who of [DEMO.swvBestuurder, DEMO.groningenWethouder, DEMO.tynaarloWethouder]) {
      const r = await sign(who, agreed);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      statuses.push((r.body as { point: PointDetail }).point.status);
    }
    expect(statuses).toEqual(["akkoord_in_overleg", "akkoord_in_overleg", "overeenstemming"]);
    const events = await history(agreed);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      type: "point.status_changed",
      fromStatus: "akkoord_in_overleg",
      toStatus: "overeenstemming",
    });
    const detail = await point(agreed);
    expect(detail.signoffs.filter((s) => !s.verouderd)).toHaveLength(3);
    expect(detail.abilities.reopen.ok).toBe(false);
    expect(detail.textProtection).toMatch(/Herzien/);
  });

  it("refuses the decision when a party was not represented by an attending bestuurder, and records nothing", async () => {
    for (const tynaarlo of ["afgemeld", "zonder_mandaat"] as const) {
      const id = await pointAtAkkoord(`Thuiszitterspact ${tynaarlo}`);
      let m = await formalMeeting(`Formeel OOGO zonder Tynaarlo (${tynaarlo})`);
      m = await ok(api<MeetingView>("POST", `/api/meetings/${m.id}/agenda`, DEMO.secretaris, { pointId: id }), 201);
      m = await ok(
        api<MeetingView>("PUT", `/api/meetings/${m.id}/attendance`, DEMO.secretaris, {
          attendees: bestuurders(tynaarlo),
        }),
      );
      const before = (await history(id)).length;
      const r = await decide(m, id);
      expect(r.status).toBe(409);
      expect((r.body as Err).error).toMatchObject({ code: "ILLEGAL_TRANSITION" });
      expect((r.body as Err).error.message).toContain(
        "Niet vertegenwoordigd door een aanwezige bestuurder: Gemeente Tynaarlo.",
      );
      expect((await point(id)).status).toBe("geagendeerd");
      // Nor can the secretaris claim the representation in a request: only the meeting verb supplies it.
      const forged = await api<Err>("POST", `/api/points/${id}/transitions`, DEMO.secretaris, {
        to: "akkoord_in_overleg",
        reason: "Zonder vergadering.",
        expectedVersion: (await point(id)).version,
        representedPartyIds: [party.swv, party.groningen, party.tynaarlo],
      });
      expect(forged.status).toBe(409);
      expect(forged.body.error.message).toContain("Overeenstemming bereikt");
      expect((await history(id)).length).toBe(before);
      const again = await ok(api<MeetingView>("GET", `/api/meetings/${m.id}`, DEMO.secretaris));
      expect(again.agenda.find((i) => i.point?.id === id)!.decision).toBeNull();
    }
  });

  it("refuses inconsistent attendance: a mandate for someone absent, a vervanger without an afmelding", async () => {
    const m = await formalMeeting("Formeel OOGO presentielijst");
    for (const attendee of [
      { partyId: party.swv, name: "Jeroen Bakker", capacity: "bestuurder", attendance: "afwezig", mandate: true },
      { partyId: party.swv, name: "Jeroen Bakker", capacity: "bestuurder", attendance: "aanwezig", substitute: "X. Y" },
      { partyId: party.swv, name: "Jeroen Bakker", capacity: "bestuurder", attendance: "misschien" },
    ]) {
      const r = await api<Err>("PUT", `/api/meetings/${m.id}/attendance`, DEMO.secretaris, { attendees: [attendee] });
      expect(r.status, JSON.stringify(attendee)).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await ok(api<MeetingView>("GET", `/api/meetings/${m.id}`, DEMO.secretaris))).attendance).toEqual([]);
  });
});

describe("signing at the table, and texts that are protected by a signature", () => {
  it("signing at the table during the meeting completes the agreement; the decision then minutes it", async () => {
    const id = await pointAtAkkoord("Gezamenlijke aanpak schoolverzuim");
    let m = await formalMeeting("Formeel OOGO aan tafel");
    m = await ok(api<MeetingView>("POST", `/api/meetings/${m.id}/agenda`, DEMO.secretaris, { pointId: id }), 201);
    m = await ok(
      api<MeetingView>("PUT", `/api/meetings/${m.id}/attendance`, DEMO.secretaris, {
        attendees: bestuurders("aanwezig"),
      }),
    );
    for (const who of [DEMO.swvBestuurder, DEMO.groningenWethouder, DEMO.tynaarloWethouder])
      expect((await sign(who, id)).status).toBe(201);
    expect((await point(id)).status).toBe("overeenstemming");
    const after = (await ok(decide(m, id))) as MeetingView;
    expect(after.agenda.find((i) => i.point?.id === id)).toMatchObject({
      decision: "overeenstemming",
      pointStatusBefore: "overeenstemming",
      pointStatusAfter: "overeenstemming",
    });
  });

  it("refuses a crafted sync update to a signed text, and Heropenen voids the signatures (logged) so it can change", async () => {
    const id = await pointAtAkkoord("Schriftelijke ronde leerlingenvervoer");
    const docName = documentNames.point(ws, id);
    const before = await point(id);

    // Open as an editor while the text is still free.
    const editor = openClient(running.url, docName, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(editor);
    await waitFor(() => editor.provider.synced, "editor synced");

    // A written round: the wethouder of Groningen signs (ambtelijk akkoord, no meeting).
    expect((await sign(DEMO.groningenWethouder, id, before.textHash)).status).toBe(201);
    const signed = await point(id);
    expect(signed.status).toBe("ambtelijk_akkoord");
    expect(signed.abilities.editText.ok).toBe(false);
    expect(signed.textProtection).toContain("De tekst is ondertekend door");

    // The open editor was re-authorised read-only; a crafted update is refused and not stored.
    await waitFor(() => editor.provider.synced && editor.closeCodes.length > 0, "editor re-authorised");
    await waitFor(() => editor.provider.synced, "editor back");
    const para = new Y.XmlElement("paragraph");
    para.insert(0, [new Y.XmlText("Eén woord erbij.")]);
    editor.doc.getXmlFragment(DOCUMENT_FIELD).push([para]);
    await waitFor(() => editor.denied.length > 0, "update refused");
    expect(editor.denied).toContain(PERMISSION_DENIED_REASON);
    // A fresh connection is read-only from the start too.
    const late = openClient(running.url, docName, { cookie: cookie[DEMO.swvTrekker] });
    clients.push(late);
    await waitFor(() => late.provider.synced, "late synced");
    late.doc.getXmlFragment(DOCUMENT_FIELD).push([new Y.XmlElement("paragraph")]);
    await waitFor(() => late.denied.length > 0, "late update refused");
    await roundTrip(late);
    await running.sync.flush();
    const still = await point(id);
    expect(still.textHash).toBe(before.textHash);
    expect(still.signoffs.filter((s) => !s.verouderd)).toHaveLength(1);

    // Heropenen: refused to a bestuurder and without a reason; done by a trekker with one.
    expect(
      (
        await api<Err>("POST", `/api/points/${id}/reopen`, DEMO.groningenWethouder, {
          reason: "Ik wil iets wijzigen.",
          expectedVersion: still.version,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api<Err>("POST", `/api/points/${id}/reopen`, DEMO.swvTrekker, {
          reason: "kort",
          expectedVersion: still.version,
        })
      ).status,
    ).toBe(400);
    const reopened = await ok(
      api<PointDetail>("POST", `/api/points/${id}/reopen`, DEMO.swvTrekker, {
        reason: "Het vervoersbudget moet in de tekst worden aangepast.",
        expectedVersion: still.version,
      }),
    );
    expect(reopened.status).toBe("in_bespreking");
    expect(reopened.abilities.editText.ok).toBe(true);
    expect(reopened.signoffs).toHaveLength(1);
    expect(reopened.signoffs[0]).toMatchObject({ verouderd: true });
    expect(reopened.signoffs[0]!.voidedAt).not.toBeNull();
    const event = (await history(id)).find((e) => e.type === "point.reopened")!;
    expect(event.reasoning).toBe("Het vervoersbudget moet in de tekst worden aangepast.");
    expect(event.actor.name).toBeTruthy();
    expect(event.data.voidedSignoffs).toEqual([
      expect.objectContaining({ partyId: party.groningen, signerName: signed.signoffs[0]!.signer.name }),
    ]);

    // Now typing works again (a fresh editor has write access) and the change is stored.
    const writer = openClient(running.url, docName, { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(writer);
    await waitFor(() => writer.provider.synced, "writer synced");
    const p2 = new Y.XmlElement("paragraph");
    p2.insert(0, [new Y.XmlText("Het budget is 40.000 euro.")]);
    writer.doc.getXmlFragment(DOCUMENT_FIELD).push([p2]);
    await roundTrip(writer);
    expect(writer.denied).toEqual([]);
    await running.sync.flush();
    await waitFor(async () => (await point(id)).textHash !== before.textHash, "text changed");
    // Nothing to reopen any more: the text carries no valid signature.
    const fresh = await point(id);
    const nothing = await api<Err>("POST", `/api/points/${id}/reopen`, DEMO.swvTrekker, {
      reason: "Nog een keer heropenen.",
      expectedVersion: fresh.version,
    });
    expect(nothing.status).toBe(409);
  });

  it("refuses a decision on a text changed since the agenda (the meeting decides on the fixed text)", async () => {
    const id = await pointAtAkkoord("Doorgaande lijn vo-mbo");
    let m = await formalMeeting("Formeel OOGO na wijziging");
    m = await ok(api<MeetingView>("POST", `/api/meetings/${m.id}/agenda`, DEMO.secretaris, { pointId: id }), 201);
    await ok(
      api<MeetingView>("PUT", `/api/meetings/${m.id}/attendance`, DEMO.secretaris, {
        attendees: bestuurders("aanwezig"),
      }),
    );
    // Sent back to the werkgroep, edited, and put on the agenda of the same meeting again is a new item;
    // the old item's text is no longer the point's text.
    const p = await point(id);
    await ok(
      api("POST", `/api/points/${id}/transitions`, DEMO.secretaris, {
        to: "in_bespreking",
        reason: "Terug.",
        expectedVersion: p.version,
      }),
    );
    const writer = openClient(running.url, documentNames.point(ws, id), { cookie: cookie[DEMO.groningenTrekker] });
    clients.push(writer);
    await waitFor(() => writer.provider.synced, "writer synced");
    writer.doc.getXmlFragment(DOCUMENT_FIELD).push([new Y.XmlElement("paragraph")]);
    const p3 = new Y.XmlElement("paragraph");
    p3.insert(0, [new Y.XmlText("Aangepast na het agenderen.")]);
    writer.doc.getXmlFragment(DOCUMENT_FIELD).push([p3]);
    await roundTrip(writer);
    await running.sync.flush();
    await waitFor(async () => (await point(id)).textHash !== p.textHash, "text changed");
    m = await ok(api<MeetingView>("GET", `/api/meetings/${m.id}`, DEMO.secretaris));
    const r = await decide(m, id);
    expect(r.status).toBe(409);
    expect((r.body as Err).error.code).toBe("TEXT_CHANGED");
  });

  it("keeps the log chain valid", async () => {
    const verdict = await ok(api<{ valid: boolean }>("GET", `/api/workspaces/${ws}/log/verify`, DEMO.secretaris));
    expect(verdict.valid).toBe(true);
  });
});
