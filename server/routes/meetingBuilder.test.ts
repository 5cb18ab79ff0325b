/**
 * Issue 13, meetings like council software: the agenda builder offers only points that can be
 * placed (the rest with the reason), fixed items carry no point decisions, and minutes are
 * approved by the parties — never by the secretaris alone — with a warning when minutes and
 * recorded decisions say different things; or by a later meeting as an agenda item.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { AgendaCandidatesView, MeetingView } from "../../shared/schemas/meetings.ts";
import { minutesTemplate } from "../../shared/domain/agendaBuilder.ts";
import { AGENDA_DECISION_LABELS } from "../../shared/domain/meetings.ts";
import { apiError, json } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import {
  appendParagraph,
  approveByParties,
  createOtherTafel,
  insertPoint,
  OTHER_SECRETARY,
  seedDocument,
} from "../services/meetings/meetingFixtures.ts";

let ctx: TestContext;
let ws: string;
const cookies: Record<string, string> = {};
const past = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeEach(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  for (const who of ["secretaris", "swvTrekker", "groningenTrekker", "waarnemer", "groningenWethouder"] as const)
    cookies[who] = await ctx.login(DEMO[who]);
});
afterEach(() => ctx.cleanup());

async function meeting(type: string, startsAt: string, title = "Vergadering"): Promise<MeetingView> {
  const res = await ctx.request(`/api/workspaces/${ws}/meetings`, {
    cookie: cookies.secretaris,
    body: { type, title, startsAt, place: "Stadhuis Groningen" },
  });
  expect(res.status).toBe(201);
  return json<MeetingView>(res);
}
const add = (id: string, body: Record<string, unknown>, cookie = cookies.secretaris) =>
  ctx.request(`/api/meetings/${id}/agenda`, { cookie, body });
const decide = (id: string, itemId: string, decision: string) =>
  ctx.request(`/api/meetings/${id}/agenda/${itemId}/decision`, {
    cookie: cookies.secretaris,
    body: { decision, note: "Zo besloten in de vergadering." },
  });

describe("agenda builder", () => {
  it("offers only placeable points, lists the others with the reason the server also refuses with", async () => {
    const formal = await meeting("formeel_oogo", future(10));
    const draft = await insertPoint(ctx, {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: "Concept over jeugdhulp",
      status: "concept",
      text: ["Nog een concept."],
    });
    const ready = await insertPoint(ctx, {
      workspaceId: ws,
      theme: "jeugdhulp",
      title: "Klaar voor het OOGO",
      status: "ambtelijk_akkoord",
      text: ["Klaar."],
    });
    const res = await ctx.request(`/api/meetings/${formal.id}/agenda/candidates`, { cookie: cookies.secretaris });
    expect(res.status).toBe(200);
    const view = await json<AgendaCandidatesView>(res);
    expect(view.placeable.map((p) => p.id)).toContain(ready.id);
    expect(view.placeable.every((p) => p.status === "ambtelijk_akkoord" || p.status === "geagendeerd")).toBe(true);
    const refused = view.notPlaceable.find((p) => p.id === draft.id)!;
    expect(refused.reason).toMatch(/alleen een punt waarover ambtelijk akkoord is/);

    const denied = await add(formal.id, { pointId: draft.id });
    expect(denied.status).toBe(409);
    expect(await apiError(denied)).toMatchObject({ code: "ILLEGAL_TRANSITION", message: refused.reason });
    const after = await json<MeetingView>(
      await ctx.request(`/api/meetings/${formal.id}`, { cookie: cookies.secretaris }),
    );
    expect(after.agenda).toHaveLength(0);

    // Only the secretaris builds: a trekker or waarnemer sees no builder and adds nothing.
    for (const who of ["swvTrekker", "waarnemer"] as const) {
      expect((await ctx.request(`/api/meetings/${formal.id}/agenda/candidates`, { cookie: cookies[who] })).status).toBe(
        403,
      );
      expect((await add(formal.id, { kind: "opening" }, cookies[who])).status).toBe(403);
    }
    // Another tafel's secretaris cannot use this meeting id.
    await createOtherTafel(ctx);
    const stranger = await ctx.login(OTHER_SECRETARY);
    expect([403, 404]).toContain((await add(formal.id, { kind: "opening" }, stranger)).status);
  });

  it("gives opening, mededelingen, rondvraag and sluiting no decisions; another subject no point decisions", async () => {
    const held = await meeting("ambtelijke_werkgroep", past(2));
    for (const kind of ["opening", "mededelingen", "rondvraag", "sluiting"])
      expect((await add(held.id, { kind })).status).toBe(201);
    const withOther = await json<MeetingView>(await add(held.id, { title: "Planning van het jaar" }));
    const [opening, , , sluiting, other] = withOther.agenda;
    expect(opening).toMatchObject({ kind: "opening", title: "Opening en vaststellen agenda", allowedDecisions: [] });
    expect(other).toMatchObject({ kind: "overig", allowedDecisions: ["besproken", "aangehouden"] });
    for (const decision of ["in_geschil", "overeenstemming", "besproken"]) {
      const res = await decide(held.id, opening!.id, decision);
      expect(res.status, decision).toBe(400);
      expect(await apiError(res)).toMatchObject({ code: "VALIDATION_FAILED", field: "decision" });
    }
    expect((await decide(held.id, sluiting!.id, "aangehouden")).status).toBe(400);
    expect((await decide(held.id, other!.id, "in_geschil")).status).toBe(400);
    expect((await decide(held.id, other!.id, "besproken")).status).toBe(200);
    // Input that does not fit the kind is refused before anything is written.
    expect((await add(held.id, { kind: "opening", pointId: "abc" })).status).toBe(400);
    expect((await add(held.id, { kind: "notulen" })).status).toBe(400);
  });
});

describe("minutes approved by the parties", () => {
  it("starts from agenda, attendance and decisions; warns when minutes and decision differ; parties approve", async () => {
    const held = await meeting("ambtelijke_werkgroep", past(3), "Werkgroep jeugdhulp");
    let view = await json<MeetingView>(await add(held.id, { title: "Planning van het jaar" }));
    const item = view.agenda[0]!;
    view = await json<MeetingView>(await decide(held.id, item.id, "aangehouden"));

    // The prefilled start names the decision under the item's heading: no warning.
    const template = minutesTemplate({
      title: view.title,
      typeLabel: view.typeLabel,
      when: "vandaag",
      where: view.place,
      attendance: [],
      agenda: view.agenda.map((a) => ({
        position: a.position,
        title: a.title,
        decision: a.decision,
        decisionLabel: a.decision ? AGENDA_DECISION_LABELS[a.decision] : null,
        note: a.decisionNote,
      })),
    });
    const docName = documentNames.minutes(ws, held.id);
    expect(JSON.stringify(template)).toContain("Besluit: Aangehouden tot een volgend overleg.");

    // The prefilled start names the recorded decision under the item's heading: no warning.
    await seedDocument(ctx, docName, template);
    view = await json<MeetingView>(await ctx.request(`/api/meetings/${held.id}`, { cookie: cookies.secretaris }));
    expect(view.minutesWarnings).toEqual([]);

    // A sentence in that section that names another decision: the page warns, putting forward is refused.
    await appendParagraph(ctx, docName, "Besluit: Besproken, geen besluit. Alles blijft zo.");
    view = await json<MeetingView>(await ctx.request(`/api/meetings/${held.id}`, { cookie: cookies.secretaris }));
    expect(view.minutesWarnings).toHaveLength(1);
    expect(view.minutesWarnings[0]!.message).toMatch(/vastgelegd is "Aangehouden tot een volgend overleg"/);
    const refused = await ctx.request(`/api/meetings/${held.id}/minutes/review`, {
      cookie: cookies.secretaris,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect((await apiError(refused)).code).toBe("MINUTES_DECISION_MISMATCH");
    expect(
      (await json<MeetingView>(await ctx.request(`/api/meetings/${held.id}`, { cookie: cookies.secretaris })))
        .minutesStatus,
    ).toBe("concept");

    // Seen and confirmed, the secretaris puts them forward anyway (the log keeps the warning).
    const review = await ctx.request(`/api/meetings/${held.id}/minutes/review`, {
      cookie: cookies.secretaris,
      body: { acceptWarnings: true },
    });
    expect(review.status).toBe(200);
    view = await json<MeetingView>(review);
    expect(view.minutesStatus).toBe("ter_vaststelling");
    expect(view.minutesReview!.parties).toHaveLength(3);
    const textHash = view.minutesReview!.textHash;

    // Not the secretaris, not a wethouder, not a waarnemer, not for a text other than the one put forward.
    for (const who of ["secretaris", "groningenWethouder", "waarnemer"] as const) {
      const res = await ctx.request(`/api/meetings/${held.id}/minutes/agree`, {
        cookie: cookies[who],
        body: { textHash },
      });
      expect(res.status, who).toBe(403);
    }
    const wrong = await ctx.request(`/api/meetings/${held.id}/minutes/agree`, {
      cookie: cookies.swvTrekker,
      body: { textHash: "0".repeat(64) },
    });
    expect((await apiError(wrong)).code).toBe("TEXT_CHANGED");

    // Two of three agreed: still ter vaststelling.
    for (const who of ["swvTrekker", "groningenTrekker"] as const)
      expect(
        (await ctx.request(`/api/meetings/${held.id}/minutes/agree`, { cookie: cookies[who], body: { textHash } }))
          .status,
      ).toBe(200);
    const twice = await ctx.request(`/api/meetings/${held.id}/minutes/agree`, {
      cookie: cookies.swvTrekker,
      body: { textHash },
    });
    expect(twice.status).toBe(409);
    view = await json<MeetingView>(await ctx.request(`/api/meetings/${held.id}`, { cookie: cookies.secretaris }));
    expect(view.minutesStatus).toBe("ter_vaststelling");
    expect(view.minutesReview!.parties.filter((p) => p.agreedBy)).toHaveLength(2);

    // The third party's trekker closes it.
    const last = await ctx.request(`/api/meetings/${held.id}/minutes/agree`, {
      cookie: await ctx.login(DEMO.tynaarloTrekker),
      body: { textHash },
    });
    expect(last.status).toBe(200);
    view = await json<MeetingView>(last);
    expect(view.minutesStatus).toBe("vastgesteld");
    expect(view.minutesApproval).toMatchObject({ textHash });
  });

  it("lets a later meeting approve the minutes as an agenda item", async () => {
    const earlier = await meeting("ambtelijke_werkgroep", past(48), "Werkgroep januari");
    await seedDocument(ctx, documentNames.minutes(ws, earlier.id), {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Alle partijen waren aanwezig." }] }],
    });
    expect(
      (await ctx.request(`/api/meetings/${earlier.id}/minutes/review`, { cookie: cookies.secretaris, body: {} }))
        .status,
    ).toBe(200);
    const next = await meeting("ambtelijke_werkgroep", past(1), "Werkgroep februari");
    const candidates = await json<AgendaCandidatesView>(
      await ctx.request(`/api/meetings/${next.id}/agenda/candidates`, { cookie: cookies.secretaris }),
    );
    expect(candidates.minutesToApprove.map((m) => m.id)).toEqual([earlier.id]);
    const added = await json<MeetingView>(await add(next.id, { kind: "notulen", minutesOfMeetingId: earlier.id }));
    const item = added.agenda[0]!;
    expect(item).toMatchObject({ kind: "notulen", minutesOf: { id: earlier.id } });
    expect((await decide(next.id, item.id, "notulen_vastgesteld")).status).toBe(200);
    const approved = await json<MeetingView>(
      await ctx.request(`/api/meetings/${earlier.id}`, { cookie: cookies.secretaris }),
    );
    expect(approved.minutesStatus).toBe("vastgesteld");
    // A meeting cannot approve its own minutes or a later one's.
    expect((await add(earlier.id, { kind: "notulen", minutesOfMeetingId: next.id })).status).toBe(409);
  });

  it("still approves through the parties helper used by the other tests", async () => {
    const held = await meeting("ambtelijke_werkgroep", past(2));
    await seedDocument(ctx, documentNames.minutes(ws, held.id), {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Kort verslag." }] }],
    });
    const res = await approveByParties(ctx, held.id, cookies.secretaris);
    expect((await json<MeetingView>(res)).minutesStatus).toBe("vastgesteld");
  });
});
