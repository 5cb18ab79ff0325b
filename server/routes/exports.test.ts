/**
 * The dossier for the Geschillencommissie OOGO and the oplegger, built from a scripted OOGO on
 * the demo tafel (procedure steps, meetings with attendance, agenda, decisions and approved
 * minutes, stances with reasoning, an edit that voids a signature, a dispute), checked by the
 * text extracted from the produced PDF (unpdf) and DOCX (word/document.xml).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { auditEvents } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { addDays, todayInNl } from "../../shared/domain/dates.ts";
import { shortHash, textHash } from "../../shared/domain/textHash.ts";
import { logKenmerk } from "../../shared/domain/logWitness.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";
import type { MeetingView, ProcedureStepView } from "../../shared/schemas/meetings.ts";
import type { PointDetail, PointSummary, TextVersionView } from "../../shared/schemas/points.ts";
import { apiError, eventData, json } from "../testing/json.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { recordStance } from "../services/points/recordStance.ts";
import { refreshPointText } from "../services/points/refreshPointText.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import {
  appendParagraph,
  createOtherTafel,
  insertPoint,
  minutesJson,
  OTHER_SECRETARY,
  OUTSIDER,
  pointAtAmbtelijkAkkoord,
  seedDocument,
  signByAll,
  approveByParties,
} from "../services/meetings/meetingFixtures.ts";
import { loadPoint } from "../services/points/pointState.ts";

let ctx: TestContext;
let ws: string;
let other: Awaited<ReturnType<typeof createOtherTafel>>;
const cookies: Record<string, string> = {};
let disputed: string;
let foreignPoint: string;
let formal: MeetingView;
const DISPUTE_TITLE = "Bekostiging van het vervoer naar de tussenvoorziening (scenario)";
const FOREIGN_TITLE = "Punt van een andere tafel dat nooit in het dossier mag staan";
const STANCE_REASON = "De gemeente wil eerst de kosten van het vervoer in beeld hebben voordat zij tekent.";
const MINUTES_LINE =
  "Het formeel OOGO bespreekt de bekostiging van het vervoer; partijen bereiken geen overeenstemming.";

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const log = async () =>
  ctx.deps.database.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws)).orderBy(asc(auditEvents.seq));

async function pdfText(bytes: ArrayBuffer): Promise<{ text: string; pages: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}
async function docxText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml
    .replace(/<w:tab\/>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, " ");
}
/** Hashes may wrap inside table cells; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");

async function dossier(body: unknown, cookie = cookies.sec, format?: "pdf" | "docx") {
  return ctx.request(`/api/workspaces/${ws}/dossier${format ? `?format=${format}` : ""}`, { cookie, body });
}

beforeAll(async () => {
  ctx = await createTestContext();
  ws = ctx.demo.workspaceId;
  other = await createOtherTafel(ctx);
  for (const [k, email] of Object.entries({
    sec: DEMO.secretaris,
    trekker: DEMO.groningenTrekker,
    wethouder: DEMO.groningenWethouder,
    waarnemer: DEMO.waarnemer,
    beheerder: DEMO.beheerder,
    swvBestuurder: DEMO.swvBestuurder,
  })) {
    cookies[k] = await ctx.login(email);
  }
  cookies.otherSec = await ctx.login(OTHER_SECRETARY);
  cookies.outsider = await ctx.login(OUTSIDER);

  // ── The scripted OOGO ──
  const today = todayInNl(new Date());
  for (const [title, dueDate, doneOn] of [
    ["Conceptplan gedeeld met beide gemeenten", addDays(today, -40), addDays(today, -41)],
    ["Formeel bestuurlijk OOGO gehouden", addDays(today, -10), addDays(today, -10)],
    ["Schriftelijke ronde afgerond", addDays(today, -2), null],
    ["Instemming ondersteuningsplanraad", addDays(today, 20), null],
  ] as const) {
    const step = await json<ProcedureStepView>(
      await ctx.request(`/api/workspaces/${ws}/procedure/steps`, { cookie: cookies.sec, body: { title, dueDate } }),
    );
    if (doneOn)
      await ctx.request(`/api/workspaces/${ws}/procedure/steps/${step.id}`, {
        method: "PATCH",
        cookie: cookies.sec,
        body: { doneOn },
      });
  }

  // A point with a voorbehoud, an edit (second text version), then ambtelijk akkoord.
  disputed = await pointAtAmbtelijkAkkoord(ctx, {
    theme: "leerlingenvervoer",
    title: DISPUTE_TITLE,
    scope: [ctx.demo.parties.groningen.id],
    text: "Leerlingen van de tussenvoorziening krijgen vervoer als de reistijd met het openbaar vervoer meer dan drie kwartier is.",
  });
  const groningenTrekker = ctx.as(DEMO.groningenTrekker);
  await transitionPoint(groningenTrekker, {
    pointId: disputed,
    to: "in_bespreking",
    reason: "Kostenverdeling nog open.",
  });
  await recordStance(groningenTrekker, {
    pointId: disputed,
    stance: "akkoord_met_voorbehoud",
    reasoning: STANCE_REASON,
  });
  await appendParagraph(
    ctx,
    documentNames.point(ws, disputed),
    "De gemeente Groningen draagt de kosten van dit vervoer.",
  );
  await refreshPointText(ctx.system, { pointId: disputed });
  for (const email of [DEMO.swvTrekker, DEMO.groningenTrekker]) {
    await recordStance(ctx.as(email), {
      pointId: disputed,
      stance: "akkoord",
      reasoning: "Akkoord om bestuurlijk voor te leggen.",
    });
  }
  expect((await loadPoint(ctx.deps.database.db, disputed))!.status).toBe("ambtelijk_akkoord");

  // Formal OOGO: attendance, agenda (fixes the text), the SWV signs, then no agreement.
  formal = await json<MeetingView>(
    await ctx.request(`/api/workspaces/${ws}/meetings`, {
      cookie: cookies.sec,
      body: {
        type: "formeel_oogo",
        title: "Formeel OOGO vervoer (scenario)",
        startsAt: past(10),
        place: "Stadhuis Groningen",
      },
    }),
  );
  const { swv, groningen, tynaarlo } = ctx.demo.parties;
  await ctx.request(`/api/meetings/${formal.id}/attendance`, {
    method: "PUT",
    cookie: cookies.sec,
    body: {
      attendees: [
        { partyId: swv.id, name: "Jeroen Bakker", capacity: "directeur-bestuurder", present: true },
        { partyId: groningen.id, name: "Karim El Amrani", capacity: "wethouder onderwijs en jeugd", present: true },
        { partyId: tynaarlo.id, name: "Anneke Smit", capacity: "wethouder jeugd en onderwijs", present: false },
      ],
    },
  });
  formal = await json<MeetingView>(
    await ctx.request(`/api/meetings/${formal.id}/agenda`, { cookie: cookies.sec, body: { pointId: disputed } }),
  );
  await signByAll(ctx, disputed, [DEMO.swvBestuurder]);
  const item = formal.agenda.find((i) => i.point?.id === disputed)!;
  const decided = await ctx.request(`/api/meetings/${formal.id}/agenda/${item.id}/decision`, {
    cookie: cookies.sec,
    body: { decision: "geen_overeenstemming", note: "Groningen wil de kosten niet alleen dragen." },
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
  await seedDocument(
    ctx,
    documentNames.minutes(ws, formal.id),
    minutesJson("Aanwezig: Jeroen Bakker, Karim El Amrani.", MINUTES_LINE),
  );
  expect((await approveByParties(ctx, formal.id, cookies.sec)).status).toBe(200);

  // The wethouder takes the dispute to the commission.
  await transitionPoint(ctx.as(DEMO.groningenWethouder), {
    pointId: disputed,
    to: "in_geschil",
    reason: "Het college van Groningen legt het geschil voor aan de Geschillencommissie OOGO.",
    meetingId: formal.id,
  });

  foreignPoint = (
    await insertPoint(ctx, {
      workspaceId: other.workspaceId,
      theme: "jeugdhulp",
      title: FOREIGN_TITLE,
      status: "geen_overeenstemming",
      text: ["Elders."],
    })
  ).id;
}, 120_000);
afterAll(() => ctx?.cleanup());

// Building a PDF takes a few seconds on a busy two-core machine.
const SLOW = { timeout: 120_000 };

describe("dossier: who may build it, and with what", SLOW, () => {
  it("refuses without a session, for non-members and for every role but secretaris — and logs nothing", async () => {
    const before = (await log()).length;
    const body = { pointIds: [disputed], route: "advies" };
    expect((await ctx.request(`/api/workspaces/${ws}/dossier`, { body })).status).toBe(401);
    expect((await dossier(body, cookies.outsider)).status).toBe(403);
    expect((await dossier(body, cookies.otherSec)).status).toBe(403);
    for (const role of ["trekker", "wethouder", "swvBestuurder", "waarnemer", "beheerder"]) {
      const res = await dossier(body, cookies[role]);
      expect(res.status, role).toBe(403);
      expect((await apiError(res)).code).toBe("FORBIDDEN");
    }
    expect((await log()).length).toBe(before);
  });

  it("refuses a bad route, bad or foreign point ids and points not in dispute (400) — nothing generated or logged", async () => {
    const before = (await log()).length;
    const agreed =
      (
        await json<{ points: PointSummary[] }>(
          await ctx.request(`/api/workspaces/${ws}/points?status=in_uitvoering`, { cookie: cookies.sec }),
        )
      ).points[0]?.id ??
      (
        await insertPoint(ctx, {
          workspaceId: ws,
          theme: "jeugdhulp",
          title: "Akkoord punt",
          status: "overeenstemming",
          text: ["x"],
        })
      ).id;
    const cases: unknown[] = [
      { pointIds: [disputed], route: "rechter" },
      { pointIds: [disputed] },
      { pointIds: [], route: "advies" },
      { pointIds: [disputed, disputed], route: "advies" },
      { pointIds: ["bestaat-niet"], route: "advies" },
      { pointIds: [disputed, foreignPoint], route: "advies" },
      { pointIds: [agreed], route: "arbitrage" },
      { pointIds: [disputed], route: "advies", extra: true },
      { pointIds: "alles", route: "advies" },
    ];
    for (const body of cases) {
      const res = await dossier(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await apiError(res)).code).toBe("VALIDATION_FAILED");
    }
    expect(
      (
        await ctx.request(`/api/workspaces/${ws}/dossier?format=odt`, {
          cookie: cookies.sec,
          body: { pointIds: [disputed], route: "advies" },
        })
      ).status,
    ).toBe(400);
    expect((await dossier({ pointIds: [disputed], route: "advies" }, cookies.sec)).status).toBe(200); // sanity: the same call is fine
    const after = await log();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.type).toBe("dossier.generated");
  });
});

describe("dossier: content", SLOW, () => {
  let pdfBytes: ArrayBuffer;
  let pdf: { text: string; pages: number };
  let docx: string;
  let contentHash: string;

  beforeAll(async () => {
    const res = await dossier({ pointIds: [disputed], route: "bindend_advies" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="dossier-geschillencommissie-oogo-.*\.pdf"/,
    );
    contentHash = res.headers.get("x-content-hash")!;
    pdfBytes = await res.arrayBuffer();
    pdf = await pdfText(pdfBytes);
    const word = await dossier({ pointIds: [disputed], route: "bindend_advies" }, cookies.sec, "docx");
    expect(word.status).toBe(200);
    expect(word.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(word.headers.get("x-content-hash")).toBe(contentHash);
    docx = await docxText(await word.arrayBuffer());
  }, 120_000);

  const SECTIONS = [
    "Dossier voor de Landelijke Geschillencommissie OOGO",
    "Inhoudsopgave",
    "1. Partijen en vertegenwoordiging",
    "1.1 Vertegenwoordigers",
    "2. Onderwerp, grondslag en verzoek",
    "2.1 Verzoek aan de commissie",
    "2.2 Wettelijke grondslag",
    "2.3 Afgesproken OOGO-procedure",
    "3. Geschilpunten",
    "Tekstversies",
    "Standpunten per partij",
    "Ondertekeningen",
    "Statusverloop",
    "4. Verloop van de procedure",
    "4.1 Processtappen",
    "4.2 Overleggen",
    "4.3 Tijdlijn",
    "5. Punten waarover wel overeenstemming is",
    "6. Lijst van bijlagen",
    "Bijlage A. Vastgestelde notulen",
    "Bijlage B. Integriteit en controle",
  ];

  it("has every required section, in the PDF and the DOCX", () => {
    for (const s of SECTIONS) {
      expect(pdf.text, `PDF: ${s}`).toContain(s);
      expect(docx, `DOCX: ${s}`).toContain(s);
    }
    expect(pdf.text).toContain(`Pagina 1 van ${pdf.pages}`);
    expect(pdf.text).toContain(`Pagina ${pdf.pages} van ${pdf.pages}`);
    expect(pdf.pages).toBeGreaterThan(6);
  });

  it("names the parties, their representatives, the plan, the legal basis, the procedure and the route", async () => {
    const procedure = textHash(await ctx.deps.documents.readJson(documentNames.procedure(ws)));
    for (const text of [pdf.text, docx]) {
      for (const s of [
        "Samenwerkingsverband VO Groningen Stad",
        "Gemeente Groningen",
        "Gemeente Tynaarlo",
        "Jeroen Bakker",
        "directeur-bestuurder",
        "Karim El Amrani",
        "wethouder onderwijs en jeugd",
        "Anneke Smit",
        "Pieter Jansen",
        "Ondersteuningsplan SWV VO Groningen Stad 2023–2027",
        "concept 0.4",
        "Wet voortgezet onderwijs 2020 (WVO 2020), ondersteuningsplan van het samenwerkingsverband (voorheen art. 17a lid 9 WVO)",
        "Het conceptplan wordt ten minste zes weken vóór het formele OOGO met beide gemeenten gedeeld.",
        "Bindend advies",
        "Stichting Onderwijsgeschillen",
      ])
        expect(text, s).toContain(s);
      expect(text).not.toContain("Artikel 18a");
      expect(squash(text)).toContain(procedure);
    }
  });

  it("prints every text version of the disputed point with its exact hash, the stances with reasoning and the signatures", async () => {
    const versions = await ctx.request(`/api/points/${disputed}/versions`, { cookie: cookies.sec });
    const hashes = (await json<{ versions: Array<Omit<TextVersionView, "json">> }>(versions)).versions.map(
      (v) => v.textHash,
    );
    const current = (await loadPoint(ctx.deps.database.db, disputed))!.textHash;
    expect(hashes).toContain(current);
    const events = (await log()).filter((e) => e.entityId === disputed && e.textHash);
    const referred = [...new Set(events.map((e) => e.textHash!))];
    expect(referred.length).toBeGreaterThanOrEqual(2); // before and after the edit
    expect([...referred].sort()).toEqual([...hashes].sort());
    for (const text of [pdf.text, docx]) {
      expect(text).toContain(DISPUTE_TITLE);
      expect(text).toContain("Leerlingen van de tussenvoorziening krijgen vervoer");
      expect(text).toContain("De gemeente Groningen draagt de kosten van dit vervoer.");
      for (const h of referred) expect(squash(text), `hash ${h}`).toContain(h);
      expect(text).toContain(STANCE_REASON);
      expect(text).toContain("Akkoord met voorbehoud");
      expect(text).toContain("Geldig");
      expect(text).toContain("In geschil");
      expect(text).toContain("Geen overeenstemming");
      expect(text).toContain("Het college van Groningen legt het geschil voor");
    }
  });

  it("shows the chronology: procedure steps, the meeting with attendance, decision and approved minutes", async () => {
    const approved = (await json<MeetingView>(await ctx.request(`/api/meetings/${formal.id}`, { cookie: cookies.sec })))
      .minutesApproval!.textHash;
    for (const text of [pdf.text, docx]) {
      for (const s of [
        "Conceptplan gedeeld met beide gemeenten",
        "Schriftelijke ronde afgerond",
        "Te laat",
        "Instemming ondersteuningsplanraad",
        "Formeel OOGO vervoer (scenario)",
        "Stadhuis Groningen",
        "Afwezig",
        "Groningen wil de kosten niet alleen dragen.",
        "Geagendeerd → Geen overeenstemming",
        MINUTES_LINE,
      ])
        expect(text, s).toContain(s);
      expect(squash(text)).toContain(approved);
    }
  });

  it("lists the points that were agreed and never a point of another tafel", () => {
    for (const text of [pdf.text, docx]) {
      expect(text).toContain("Casusoverleg binnen tien schooldagen bij dreigend thuiszitten");
      expect(text).not.toContain(FOREIGN_TITLE);
      expect(text).not.toContain("Andere tafel");
      expect(text).not.toContain("Voorbeeldregio");
    }
  });

  it("ends with an integrity appendix: the log checkpoint and the dossier's own content hash", async () => {
    const events = await log();
    const checkpoint = events.filter((e) => !["dossier.generated", "oplegger.generated"].includes(e.type)).at(-1)!;
    const verdict = await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ws });
    expect(verdict.valid).toBe(true);
    for (const text of [pdf.text, docx]) {
      expect(squash(text)).toContain(checkpoint.hash);
      expect(text).toContain(`logboek tot en met gebeurtenis ${checkpoint.seq}`);
      expect(squash(text)).toContain(contentHash);
      expect(text).toContain("Geldig: elke gebeurtenis t/m het peilpunt klopt");
      // The log kenmerk a reader can keep, on the cover and in the appendix, with how to check it.
      const kenmerk = logKenmerk(checkpoint.seq, checkpoint.hash);
      expect(squash(text).split(squash(kenmerk)).length - 1, "kenmerk on cover and in appendix").toBeGreaterThanOrEqual(
        3,
      );
      expect(text).toContain("Het logboekkenmerk bewaren en controleren");
      expect(text).toContain("Controleer een bewaard kenmerk");
      expect(text).toContain(
        `(${checkpoint.seq}) en het begin van de laatste vingerafdruk (${checkpoint.hash.slice(0, 16)})`,
      );
      // Words for developers stay out of what the committee reads (issue 13).
      for (const jargon of ["SHA-256", "ProseMirror", "JSON", "API", "/api/", "logregel", "Logregel"])
        expect(text, jargon).not.toContain(jargon);
    }
    // The kenmerk printed in the dossier is one the verify endpoint accepts and finds extended.
    const kept = await ctx.request(
      `/api/workspaces/${ws}/log/verify?count=${checkpoint.seq}&head=${checkpoint.hash.slice(0, 16)}`,
      { cookie: cookies.sec },
    );
    expect((await json<LogVerdictView>(kept)).witness).toMatchObject({ extends: true });
    const generated = events.filter((e) => e.type === "dossier.generated" && eventData(e).contentHash === contentHash);
    expect(generated.length).toBeGreaterThanOrEqual(2); // pdf and docx
    expect(generated[0]).toMatchObject({ actorName: "Pieter Jansen", entityType: "dossier" });
    expect(eventData(generated[0]!)).toMatchObject({
      route: "bindend_advies",
      pointIds: [disputed],
      checkpointSeq: checkpoint.seq,
      checkpointHash: checkpoint.hash,
    });
  });

  it("is deterministic: the same data gives the same content and the same PDF; other data another hash", async () => {
    const again = await dossier({ pointIds: [disputed], route: "bindend_advies" });
    expect(again.headers.get("x-content-hash")).toBe(contentHash);
    expect(Buffer.compare(Buffer.from(await again.arrayBuffer()), Buffer.from(pdfBytes))).toBe(0);
    const otherRoute = await dossier({ pointIds: [disputed], route: "arbitrage" });
    expect(otherRoute.headers.get("x-content-hash")).not.toBe(contentHash);
    await ctx.request(`/api/workspaces/${ws}/procedure/steps`, {
      cookie: cookies.sec,
      body: { title: "Nieuwe stap na het dossier" },
    });
    const changed = await dossier({ pointIds: [disputed], route: "bindend_advies" });
    expect(changed.headers.get("x-content-hash")).not.toBe(contentHash);
  });

  it("aims for PDF/A-2b: identification, output intent, embedded fonts only, fixed creation date", async () => {
    const raw = Buffer.from(pdfBytes).toString("latin1");
    expect(raw.slice(0, 8)).toBe("%PDF-1.7");
    expect(raw.includes("<pdfaid:part>2</pdfaid:part>"), "pdfaid part").toBe(true);
    expect(raw.includes("<pdfaid:conformance>B</pdfaid:conformance>"), "pdfaid conformance").toBe(true);
    expect(raw.includes("/OutputIntents"), "output intent").toBe(true);
    expect(raw.includes("/FontFile2"), "embedded TrueType").toBe(true);
    expect(/\/BaseFont \/(Helvetica|Times|Courier)/.test(raw), "standard (unembedded) fonts").toBe(false);
    // The creation date is the time of the log event the dossier cites, not the time of building.
    const events = await log();
    const built = events.find((e) => e.type === "dossier.generated" && eventData(e).contentHash === contentHash)!;
    const cited = events.find((e) => e.seq === eventData<{ checkpointSeq: number }>(built).checkpointSeq)!;
    const createDate = /<xmp:CreateDate>([^<]+)<\/xmp:CreateDate>/.exec(raw)?.[1];
    expect(createDate).toBe(`${cited.at.split(".")[0]}Z`);
  });
});

describe("oplegger", SLOW, () => {
  it("summarises the points by theme with status, scope and who signed which version when (PDF and DOCX, same content)", async () => {
    const res = await ctx.request(`/api/workspaces/${ws}/oplegger?format=pdf`, { cookie: cookies.trekker });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const hash = res.headers.get("x-content-hash")!;
    const { text, pages } = await pdfText(await res.arrayBuffer());
    const word = await ctx.request(`/api/workspaces/${ws}/oplegger?format=docx`, { cookie: cookies.waarnemer });
    expect(word.status).toBe(200);
    expect(word.headers.get("x-content-hash")).toBe(hash);
    const docText = await docxText(await word.arrayBuffer());
    const point = await json<PointDetail>(await ctx.request(`/api/points/${disputed}`, { cookie: cookies.sec }));
    const checkpoint = (await log())
      .filter((e) => !["dossier.generated", "oplegger.generated"].includes(e.type))
      .at(-1)!;
    const swvSignature = point.signoffs.find((s) => s.partyName === "Samenwerkingsverband VO Groningen Stad")!;
    for (const t of [text, docText]) {
      for (const s of [
        "Oplegger overeenstemmingspunten",
        "Inhoudsopgave",
        "1. Overzicht",
        "Jeugdhulp",
        "Leerlingenvervoer",
        "Leerplicht en thuiszitters",
        "Vast aanspreekpunt jeugdhulp op elke vo-school",
        "Overeenstemming",
        "Verouderd",
        "Alle gemeenten",
        DISPUTE_TITLE,
        "In geschil",
        shortHash(swvSignature.textHash),
        "Jeroen Bakker",
      ])
        expect(t, s).toContain(s);
      // Concepts are not part of the oplegger; other tafels never are.
      expect(t).not.toContain("Toegankelijkheid toetsen bij nieuwbouw en renovatie");
      expect(t).not.toContain(FOREIGN_TITLE);
      // The demo imported its plan: the appendix shows its screening and the parties' differing scores.
      const appendix = t.slice(t.indexOf("Bijlage: screening van het plan"));
      expect(appendix.length).toBeLessThan(t.length);
      expect(appendix).toContain("Versie 1: concept 0.4");
      expect(appendix).toContain("De partijen verschillen van oordeel over dit thema.");
      expect(squash(t)).toContain(hash);
      expect(squash(t)).toContain(squash(logKenmerk(checkpoint.seq, checkpoint.hash)));
      expect(t).toContain("Controleer een bewaard kenmerk");
    }
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    const events = (await log()).filter((e) => e.type === "oplegger.generated");
    expect(events.map((e) => eventData(e).format)).toEqual(["pdf", "docx"]);
  });

  it("has no screening appendix at a tafel that imported no plan", async () => {
    const res = await ctx.request(`/api/workspaces/${other.workspaceId}/oplegger?format=docx`, {
      cookie: cookies.otherSec,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const t = await docxText(await res.arrayBuffer());
    expect(t).toContain("Oplegger overeenstemmingspunten");
    expect(t).not.toContain("Bijlage: screening van het plan");
  });

  it("refuses without a session, non-members and roles without oplegger.export", async () => {
    expect((await ctx.request(`/api/workspaces/${ws}/oplegger`)).status).toBe(401);
    expect((await ctx.request(`/api/workspaces/${ws}/oplegger`, { cookie: cookies.outsider })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${ws}/oplegger`, { cookie: cookies.beheerder })).status).toBe(403);
    expect((await ctx.request(`/api/workspaces/${ws}/oplegger?format=xls`, { cookie: cookies.sec })).status).toBe(400);
  });
});
