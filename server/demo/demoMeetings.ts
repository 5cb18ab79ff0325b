/**
 * Demo meetings and the agreed procedure's checklist, consistent with the demo points (seeded
 * before this runs): an ambtelijke werkgroep, a proef-OOGO, a formeel bestuurlijk OOGO and a
 * tussentijds overleg in the past, each with attendance, agenda, decisions and approved minutes
 * (the formal OOGO's minutes also carry one logged amendment), and the next formal OOGO planned.
 * The history reflects the disputed point: no agreement at the formal OOGO, the decision to go
 * to the Geschillencommissie at the tussentijds overleg.
 *
 * The past decisions are written as records (the points already hold the statuses those
 * decisions led to, reached through the points workflow by the points seed); every record is
 * logged with the same event types the meeting verbs use. Texts are written for this product.
 */
import { eq } from "drizzle-orm";
import {
  agendaItems, meetingAttendance, meetingParties, meetings, minutesAmendments, points, procedureSteps,
} from "../../db/schema/index.ts";
import { writeTransaction } from "../../db/writeLock.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { MEETING_TYPE_LABELS, type AgendaDecision, type MeetingType } from "../../shared/domain/meetings.ts";
import { addDays, todayInNl } from "../../shared/domain/dates.ts";
import type { PointStatus } from "../../shared/domain/pointStatus.ts";
import { canonicalJson, textHash } from "../../shared/domain/textHash.ts";
import type { MembershipContext } from "../context.ts";
import { newId } from "../auth/tokens.ts";
import { jsonToUpdate } from "../documents/prosemirror.ts";
import { appendEvent } from "../services/audit/appendEvent.ts";
import { minutesChanges } from "../services/meetings/minutesDiff.ts";
import { paragraphEdit } from "../services/points/paragraphEdit.ts";
import { DEMO_POINT_TITLES } from "./demoPoints.ts";
import type { DemoContext } from "./seedDemo.ts";

type PointKey = keyof typeof DEMO_POINT_TITLES;
type PartyKey = "swv" | "groningen" | "tynaarlo";
type Node = Record<string, unknown>;

const t = (text: string, bold = false): Node => ({ type: "text", text, ...(bold ? { marks: [{ type: "bold" }] } : {}) });
const p = (...parts: Array<string | Node>): Node => ({ type: "paragraph", content: parts.map((x) => (typeof x === "string" ? t(x) : x)) });
const h = (level: number, text: string): Node => ({ type: "heading", attrs: { level }, content: [t(text)] });
const ul = (...items: string[]): Node => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const doc = (...content: Node[]): Node => ({ type: "doc", content });
const cell = (kind: "tableHeader" | "tableCell", text: string): Node => ({ type: kind, content: [p(text)] });
const tableOf = (header: string[], rows: string[][]): Node => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((x) => cell("tableHeader", x)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((x) => cell("tableCell", x)) })),
  ],
});

interface Attendee { party: PartyKey | null; name: string; capacity: string; present: boolean }
interface Item { title?: string; point?: PointKey; decision?: AgendaDecision; note?: string; before?: PointStatus; after?: PointStatus }
interface MeetingSpec {
  type: MeetingType;
  title: string;
  /** Days from today (negative: in the past) and Dutch local time. */
  day: number;
  time: string;
  place: string;
  invited?: PartyKey[];
  attendance: Attendee[];
  agenda: Item[];
  minutes?: Node;
  amendment?: { reason: string; paragraph: string };
}

const BESTUURDERS: Attendee[] = [
  { party: "swv", name: "Jeroen Bakker", capacity: "directeur-bestuurder", present: true },
  { party: "groningen", name: "Karim El Amrani", capacity: "wethouder onderwijs en jeugd", present: true },
  { party: "tynaarlo", name: "Anneke Smit", capacity: "wethouder jeugd en onderwijs", present: true },
];
const TREKKERS: Attendee[] = [
  { party: "swv", name: "Eva Mulder", capacity: "beleidsmedewerker samenwerkingsverband", present: true },
  { party: "groningen", name: "Sanne de Vries", capacity: "beleidsadviseur onderwijs en jeugd", present: true },
  { party: "tynaarlo", name: "Lotte Hoekstra", capacity: "beleidsmedewerker sociaal domein", present: true },
];
const SECRETARIS: Attendee = { party: null, name: "Pieter Jansen", capacity: "secretaris OOGO", present: true };

/** Central European time for a local date and time, good enough for a demo (winter/summer by month). */
function instant(day: number, time: string): string {
  const date = addDays(todayInNl(new Date()), day);
  const month = Number(date.slice(5, 7));
  const offset = month >= 4 && month <= 10 ? "+02:00" : "+01:00";
  return new Date(`${date}T${time}:00${offset}`).toISOString();
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const shift = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/**
 * When each part of a past meeting's record happened, so the record reads in order: planned two
 * weeks ahead, decisions during the meeting, minutes approved three days after it, an amendment
 * a few days later. All before today for the past meetings (the latest is a week ago).
 */
function recordTimes(startsAt: string, past: boolean) {
  const now = new Date().toISOString();
  if (!past) return { planned: now, decided: now, approved: now, amendmentOpened: now, amendmentClosed: now };
  return {
    planned: shift(startsAt, -14 * DAY),
    decided: shift(startsAt, 1.5 * HOUR),
    approved: shift(startsAt, 3 * DAY),
    amendmentOpened: shift(startsAt, 5 * DAY),
    amendmentClosed: shift(startsAt, 6 * DAY),
  };
}

export async function seedDemoMeetings(ctx: DemoContext): Promise<void> {
  const { deps, workspaceId } = ctx;
  const secretaris = ctx.members["secretaris@demo.oogo.test"]!;
  const rows = await deps.database.db.select({ id: points.id, title: points.title }).from(points).where(eq(points.workspaceId, workspaceId));
  const pointId = (key: PointKey) => {
    const row = rows.find((r) => r.title === DEMO_POINT_TITLES[key]);
    if (!row) throw new Error(`Demo-punt ontbreekt: ${DEMO_POINT_TITLES[key]}`);
    return row.id;
  };

  const werkgroep = await seedMeeting(ctx, secretaris, pointId, {
    type: "ambtelijke_werkgroep", title: "Ambtelijke werkgroep passend onderwijs en jeugd", day: -49, time: "10:00",
    place: "Kantoor samenwerkingsverband, Groningen",
    attendance: [...TREKKERS, SECRETARIS],
    agenda: [
      { title: "Planning naar het proef-OOGO en het formeel OOGO", decision: "besproken", note: "De werkgroep legt de data vast; het conceptplan gaat uiterlijk zes weken voor het formeel OOGO naar beide colleges." },
      { point: "lichteHulp", decision: "besproken", note: "Tynaarlo moet eerst de verordening jeugdhulp aanpassen; de werkgroep zoekt een overgangsregeling." },
      { point: "prognose", decision: "besproken", note: "Alle trekkers akkoord; het samenwerkingsverband start een schriftelijke ronde bij de bestuurders." },
      { point: "vervoerOpdc", decision: "besproken", note: "Groningen is het inhoudelijk eens maar niet met de kostenverdeling; de vraag gaat naar het bestuurlijk overleg." },
    ],
    minutes: doc(
      h(1, "Notulen ambtelijke werkgroep passend onderwijs en jeugd"),
      p(t("Aanwezig: ", true), "Eva Mulder (samenwerkingsverband), Sanne de Vries (Groningen), Lotte Hoekstra (Tynaarlo), Pieter Jansen (secretaris)."),
      h(2, "1. Planning"),
      p("De werkgroep spreekt af dat het conceptplan uiterlijk zes weken vóór het formeel OOGO naar beide colleges gaat. Het proef-OOGO wordt twee weken daarvoor gehouden in Vries."),
      h(2, "2. Lichte hulp in de klas zonder beschikking"),
      p("Scholen en Groningen willen dit graag. Tynaarlo kan pas meedoen als de verordening jeugdhulp is aangepast. De werkgroep verkent een overgangsregeling voor het komende schooljaar."),
      h(2, "3. Jaarlijkse prognose van de vervoersstromen"),
      p("Alle trekkers zijn akkoord met de tekst. Het samenwerkingsverband legt het punt in een schriftelijke ronde voor aan de bestuurders."),
      h(2, "4. Vervoer naar de tussenvoorziening"),
      p("Groningen onderschrijft het doel, maar niet dat de gemeente alle kosten draagt. Omdat dit een bestuurlijke keuze is, gaat het punt met ambtelijk akkoord op de tekst naar het bestuurlijk overleg."),
      h(2, "Actiepunten"),
      tableOf(["Actie", "Wie", "Wanneer"], [
        ["Conceptplan naar beide colleges sturen", "Eva Mulder", "binnen twee weken"],
        ["Overgangsregeling lichte hulp uitwerken", "Lotte Hoekstra", "voor het proef-OOGO"],
        ["Kostenraming vervoer tussenvoorziening", "Sanne de Vries", "voor het proef-OOGO"],
      ]),
    ),
  });

  const proef = await seedMeeting(ctx, secretaris, pointId, {
    type: "proef_oogo", title: "Proef-OOGO ondersteuningsplan 2023–2027", day: -35, time: "15:30",
    place: "Gemeentehuis Tynaarlo, Vries",
    attendance: [...BESTUURDERS, ...TREKKERS, SECRETARIS],
    agenda: [
      { point: "aanspreekpunt", decision: "besproken", note: "Breed gedragen; Tynaarlo vraagt ruimte om de contactpersoon te delen tussen scholen." },
      { point: "casusoverleg", decision: "besproken", note: "Geen bezwaren; klaar voor het formeel OOGO." },
      { point: "vervoerOpdc", decision: "besproken", note: "De wethouder van Groningen vraagt een bijdrage van het samenwerkingsverband in de vervoerskosten; het bestuur wil dat niet." },
      { point: "werkplekken", decision: "besproken", note: "Tynaarlo twijfelt of vijf plekken in de eigen organisatie haalbaar zijn." },
    ],
    minutes: doc(
      h(1, "Notulen proef-OOGO ondersteuningsplan 2023–2027"),
      p(t("Aanwezig: ", true), "Jeroen Bakker, Karim El Amrani, Anneke Smit, de drie ambtelijk trekkers en de secretaris."),
      p("Het proef-OOGO is verkennend: er worden geen besluiten genomen. Partijen lopen de punten door die naar het formeel OOGO gaan."),
      ul(
        "Vast aanspreekpunt jeugdhulp: breed gedragen. Tynaarlo wil de contactpersoon kunnen delen tussen kleine scholen; de tekst wordt daarop aangevuld.",
        "Casusoverleg bij dreigend thuiszitten: geen bezwaren.",
        "Vervoer naar de tussenvoorziening: de wethouder van Groningen vraagt een bijdrage van het samenwerkingsverband; de directeur-bestuurder wijst erop dat de plaatsing in het belang van de leerling is en het vervoer wettelijk bij de gemeente ligt.",
        "Werkplekken bij de gemeenten: Tynaarlo twijfelt aan de haalbaarheid van vijf plekken.",
      ),
    ),
  });

  const formeel = await seedMeeting(ctx, secretaris, pointId, {
    type: "formeel_oogo", title: "Formeel bestuurlijk OOGO ondersteuningsplan 2023–2027", day: -21, time: "14:00",
    place: "Stadhuis Groningen, Grote Markt",
    attendance: [
      ...BESTUURDERS, ...TREKKERS.map((a) => (a.party === "tynaarlo" ? { ...a, present: false } : a)), SECRETARIS,
      { party: "swv", name: "Marloes Visser", capacity: "toehoorder namens de ondersteuningsplanraad", present: true },
    ],
    agenda: [
      { title: "Opening en vaststellen van de agenda", decision: "besproken", note: "De agenda wordt ongewijzigd vastgesteld." },
      { point: "aanspreekpunt", decision: "overeenstemming", note: "Alle drie partijen ondertekenen de tekst.", before: "geagendeerd", after: "overeenstemming" },
      { point: "casusoverleg", decision: "overeenstemming", note: "Alle drie partijen ondertekenen de tekst.", before: "geagendeerd", after: "overeenstemming" },
      { point: "vervoerOpdc", decision: "geen_overeenstemming", note: "Groningen kan de extra vervoerskosten niet alleen dragen; het samenwerkingsverband wil niet bijdragen. Partijen bereiken geen overeenstemming.", before: "geagendeerd", after: "geen_overeenstemming" },
      { point: "overstapMbo", decision: "geen_overeenstemming", note: "Zonder het mbo aan tafel kunnen de gemeenten niet over de financiering besluiten.", before: "geagendeerd", after: "geen_overeenstemming" },
      { point: "werkplekken", decision: "geen_overeenstemming", note: "Tynaarlo heeft te weinig geschikte plekken in de eigen organisatie.", before: "geagendeerd", after: "geen_overeenstemming" },
    ],
    minutes: doc(
      h(1, "Notulen formeel bestuurlijk OOGO"),
      p(t("Aanwezig: ", true), "Jeroen Bakker (directeur-bestuurder), Karim El Amrani (wethouder Groningen), Eva Mulder, Sanne de Vries, Pieter Jansen (secretaris) en Marloes Visser als toehoorder namens de ondersteuningsplanraad."),
      p(t("Afgemeld: ", true), "Lotte Hoekstra (Tynaarlo) en Anneke Smit (wethouder Tynaarlo)."),
      h(2, "1. Opening"),
      p("De voorzitter opent de vergadering. De agenda wordt ongewijzigd vastgesteld. De teksten van de geagendeerde punten liggen vast sinds de agendering."),
      h(2, "2. Vast aanspreekpunt jeugdhulp en casusoverleg bij dreigend thuiszitten"),
      p("Over beide punten bestaat overeenstemming. De bestuurders ondertekenen de vastgezette teksten."),
      h(2, "3. Vervoer naar de tussenvoorziening"),
      p("De gemeente Groningen wil de kosten van het vervoer niet alleen dragen, omdat de plaatsing een besluit van het samenwerkingsverband is. Het samenwerkingsverband vindt dat het vervoer een wettelijke taak van de gemeente blijft. ", t("Besluit: geen overeenstemming.", true), " Partijen spreken af binnen drie weken tussentijds bestuurlijk te overleggen."),
      h(2, "4. Overstap naar het mbo en werkplekken bij de gemeenten"),
      p("Over beide punten wordt geen overeenstemming bereikt. De overstap naar het mbo wordt eerst met het mbo besproken in het RMC-overleg."),
      h(2, "Actiepunten"),
      tableOf(["Actie", "Wie", "Wanneer"], [
        ["Tussentijds bestuurlijk overleg over het vervoer plannen", "Pieter Jansen", "binnen drie weken"],
        ["Overstap mbo agenderen in het RMC-overleg", "Eva Mulder", "volgend RMC-overleg"],
      ]),
    ),
    amendment: {
      reason: "Wethouder Anneke Smit van Tynaarlo was bij het formeel OOGO aanwezig, maar stond in de notulen als afgemeld.",
      paragraph: "Correctie: wethouder Anneke Smit (Tynaarlo) was aanwezig; alleen Lotte Hoekstra had zich afgemeld.",
    },
  });

  const tussentijds = await seedMeeting(ctx, secretaris, pointId, {
    type: "tussentijds_overleg", title: "Tussentijds bestuurlijk overleg leerlingenvervoer", day: -7, time: "09:00",
    place: "Stadhuis Groningen", invited: ["swv", "groningen"],
    attendance: [BESTUURDERS[0]!, BESTUURDERS[1]!, TREKKERS[0]!, TREKKERS[1]!, SECRETARIS],
    agenda: [
      { point: "vervoerOpdc", decision: "in_geschil", note: "Partijen komen er niet uit. Het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO.", before: "geen_overeenstemming", after: "geen_overeenstemming" },
      { point: "overstapMbo", decision: "besproken", note: "Het punt gaat naar de ontwikkelagenda; eerst afstemming met het mbo in het RMC-overleg.", before: "geen_overeenstemming", after: "geen_overeenstemming" },
    ],
    minutes: doc(
      h(1, "Notulen tussentijds bestuurlijk overleg leerlingenvervoer"),
      p(t("Aanwezig: ", true), "Jeroen Bakker, Karim El Amrani, Eva Mulder, Sanne de Vries en Pieter Jansen."),
      h(2, "1. Vervoer naar de tussenvoorziening"),
      p("Groningen stelt voor de kosten te delen; het samenwerkingsverband houdt vast aan de wettelijke verdeling. Een tussenvoorstel om de regeling één jaar te laten gelden vindt geen steun."),
      p(t("Besluit: ", true), "het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO en vraagt om advies. De secretaris stelt het dossier samen."),
      h(2, "2. Overstap naar het mbo"),
      p("Partijen schuiven het punt door naar de ontwikkelagenda."),
    ),
  });

  await seedMeeting(ctx, secretaris, pointId, {
    type: "formeel_oogo", title: "Tweede formeel bestuurlijk OOGO", day: 14, time: "14:00",
    place: "Gemeentehuis Tynaarlo, Vries",
    attendance: [],
    agenda: [
      { title: "Opening en vaststellen van de agenda" },
      { point: "huisvestingOpdc" },
      { title: "Rondvraag en sluiting" },
    ],
  });

  // The agreed procedure's checklist: done, one late, one due soon, the rest planned.
  const steps: Array<{ title: string; due: number; done?: number; meeting?: string; note?: string }> = [
    { title: "Ambtelijke werkgroep ingesteld; elke partij wijst een trekker aan", due: -90, done: -92 },
    { title: "Ambtelijke voorbereiding van de overeenstemmingspunten", due: -49, done: -49, meeting: werkgroep },
    { title: "Conceptplan gedeeld met beide colleges (zes weken vóór het formeel OOGO)", due: -63, done: -60, note: "Drie dagen later dan afgesproken verstuurd." },
    { title: "Proef-OOGO met beide colleges", due: -35, done: -35, meeting: proef },
    { title: "Formeel bestuurlijk OOGO", due: -21, done: -21, meeting: formeel },
    { title: "Tussentijds bestuurlijk overleg over het vervoer", due: -7, done: -7, meeting: tussentijds },
    { title: "Schriftelijke ronde: ondertekening vervoersprognose door de colleges", due: -3 },
    { title: "Instemming ondersteuningsplanraad gevraagd", due: 10 },
    { title: "Vaststelling van het ondersteuningsplan door het bestuur", due: 45 },
    { title: "Vastgesteld plan toegezonden aan de inspectie", due: 60 },
  ];
  const today = todayInNl(new Date());
  await writeTransaction(deps.database, async (tx) => {
    for (const [position, s] of steps.entries()) {
      const id = newId();
      const now = new Date().toISOString();
      const dueDate = addDays(today, s.due);
      const doneAt = s.done !== undefined ? addDays(today, s.done) : null;
      await tx.insert(procedureSteps).values({
        id, workspaceId, position, title: s.title, dueDate, doneAt, note: s.note ?? "", meetingId: s.meeting ?? null, version: 1, createdAt: now, updatedAt: now,
      });
      await appendEvent(tx, {
        workspaceId, type: "procedure.step_added", entityType: "procedure_step", entityId: id, actor: secretaris,
        data: { title: s.title, dueDate, position, note: s.note ?? "" }, at: now,
      });
      if (doneAt) {
        await appendEvent(tx, {
          workspaceId, type: "procedure.step_done", entityType: "procedure_step", entityId: id, actor: secretaris, fromStatus: "open", toStatus: "gedaan",
          data: { title: s.title, changes: { doneOn: { from: null, to: doneAt }, ...(s.meeting ? { meetingId: { from: null, to: s.meeting } } : {}) } }, at: now,
        });
      }
    }
  });
}

/** One meeting with its record, minutes and log events; returns its id. */
async function seedMeeting(ctx: DemoContext, actor: MembershipContext, pointId: (key: PointKey) => string, spec: MeetingSpec): Promise<string> {
  const { deps, workspaceId } = ctx;
  const id = newId();
  const startsAt = instant(spec.day, spec.time);
  const invited = (spec.invited ?? ["swv", "groningen", "tynaarlo"]).map((k) => ctx.parties[k].id);
  const past = spec.day < 0;
  const times = recordTimes(startsAt, past);
  const docName = documentNames.minutes(workspaceId, id);

  // Texts first (reads outside the write transaction): the version each point item put before the meeting.
  const items: Array<Item & { pointId: string | null; title: string; textHash: string | null; textJson: string | null }> = [];
  for (const item of spec.agenda) {
    const pid = item.point ? pointId(item.point) : null;
    const json = pid ? await deps.documents.readJson(documentNames.point(workspaceId, pid)) : null;
    items.push({ ...item, pointId: pid, title: item.title ?? DEMO_POINT_TITLES[item.point!], textHash: json ? textHash(json) : null, textJson: json ? canonicalJson(json) : null });
  }
  let minutes: { hash: string; json: unknown } | null = null;
  if (spec.minutes) {
    await ctx.store.append(docName, [jsonToUpdate(spec.minutes)]);
    const json = await deps.documents.readJson(docName);
    minutes = { hash: textHash(json), json };
  }

  await writeTransaction(deps.database, async (tx) => {
    const now = times.planned;
    await tx.insert(meetings).values({
      id, workspaceId, type: spec.type, title: spec.title, startsAt, place: spec.place, status: past ? "gehouden" : "gepland",
      version: 1, minutesStatus: "concept", createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await tx.insert(meetingParties).values(invited.map((organisationId) => ({ meetingId: id, organisationId })));
    await appendEvent(tx, {
      workspaceId, type: "meeting.created", entityType: "meeting", entityId: id, actor, toStatus: "gepland", at: times.planned,
      data: { meetingType: spec.type, typeLabel: MEETING_TYPE_LABELS[spec.type], title: spec.title, startsAt, place: spec.place, invitedPartyIds: invited },
    });
    if (spec.attendance.length) {
      const attendees = spec.attendance.map((a) => ({ partyId: a.party ? ctx.parties[a.party].id : null, name: a.name, capacity: a.capacity, present: a.present }));
      await tx.insert(meetingAttendance).values(attendees.map((a, position) => ({
        id: newId(), meetingId: id, organisationId: a.partyId, name: a.name, capacity: a.capacity, present: a.present, position,
      })));
      await appendEvent(tx, { workspaceId, type: "meeting.attendance_set", entityType: "meeting", entityId: id, actor, data: { attendees }, at: times.decided });
    }
    for (const [position, item] of items.entries()) {
      const itemId = newId();
      await tx.insert(agendaItems).values({
        id: itemId, meetingId: id, position, title: item.title, pointId: item.pointId, textHash: item.textHash, textJson: item.textJson, createdAt: now,
      });
      await appendEvent(tx, {
        workspaceId, type: "meeting.agenda_item_added", entityType: "meeting", entityId: id, actor, textHash: item.textHash, at: times.planned,
        data: { agendaItemId: itemId, title: item.title, pointId: item.pointId, textFixed: !!item.pointId && spec.type === "formeel_oogo" },
      });
      if (item.decision) {
        const before = item.pointId ? item.before ?? null : null;
        const after = item.pointId ? item.after ?? item.before ?? null : null;
        await tx.update(agendaItems).set({
          decision: item.decision, decisionNote: item.note ?? "", decidedAt: times.decided, decidedBy: actor.userId, pointStatusBefore: before, pointStatusAfter: after,
        }).where(eq(agendaItems.id, itemId));
        await appendEvent(tx, {
          workspaceId, type: "meeting.decision_recorded", entityType: "meeting", entityId: id, actor, at: times.decided,
          fromStatus: before, toStatus: after, reasoning: item.note ?? "", textHash: item.textHash,
          data: { agendaItemId: itemId, title: item.title, pointId: item.pointId, decision: item.decision },
        });
      }
    }
    if (minutes) {
      await tx.update(meetings).set({
        minutesStatus: "vastgesteld", minutesApprovedAt: times.approved, minutesApprovedBy: actor.userId, minutesApprovedHash: minutes.hash,
        minutesApprovedJson: canonicalJson(minutes.json), version: 2, updatedAt: times.approved,
      }).where(eq(meetings.id, id));
      await appendEvent(tx, {
        workspaceId, type: "minutes.approved", entityType: "meeting", entityId: id, actor, fromStatus: "concept", toStatus: "vastgesteld", at: times.approved,
        textHash: minutes.hash, data: { document: docName },
      });
    }
  });

  if (minutes && spec.amendment) await seedAmendment(ctx, actor, id, docName, minutes, spec.amendment, times);
  return id;
}

/** A logged amendment of approved minutes: opened with a reason, a correction typed, approved again. */
async function seedAmendment(
  ctx: DemoContext, actor: MembershipContext, meetingId: string, docName: string,
  approved: { hash: string; json: unknown }, amendment: { reason: string; paragraph: string },
  times: { amendmentOpened: string; amendmentClosed: string },
): Promise<void> {
  const { deps, workspaceId } = ctx;
  const amendmentId = newId();
  await writeTransaction(deps.database, async (tx) => {
    await tx.update(meetings).set({ minutesStatus: "in_wijziging", version: 3 }).where(eq(meetings.id, meetingId));
    await tx.insert(minutesAmendments).values({
      id: amendmentId, meetingId, seq: 1, reason: amendment.reason, openedBy: actor.userId, openedByName: actor.userName,
      openedAt: times.amendmentOpened, fromHash: approved.hash,
    });
    await appendEvent(tx, {
      workspaceId, type: "minutes.amendment_opened", entityType: "meeting", entityId: meetingId, actor, at: times.amendmentOpened,
      fromStatus: "vastgesteld", toStatus: "in_wijziging", reasoning: amendment.reason, textHash: approved.hash, data: { document: docName, amendment: 1 },
    });
  });
  await ctx.store.append(docName, [paragraphEdit(await ctx.store.load(docName), amendment.paragraph)]);
  const json = await deps.documents.readJson(docName);
  const hash = textHash(json);
  const changes = minutesChanges(approved.json, json);
  await writeTransaction(deps.database, async (tx) => {
    const now = times.amendmentClosed;
    await tx.update(meetings).set({
      minutesStatus: "vastgesteld", minutesApprovedAt: now, minutesApprovedBy: actor.userId, minutesApprovedHash: hash,
      minutesApprovedJson: canonicalJson(json), version: 4,
    }).where(eq(meetings.id, meetingId));
    await tx.update(minutesAmendments).set({
      closedAt: now, closedBy: actor.userId, closedByName: actor.userName, toHash: hash, changes: JSON.stringify(changes),
    }).where(eq(minutesAmendments.id, amendmentId));
    await appendEvent(tx, {
      workspaceId, type: "minutes.amended", entityType: "meeting", entityId: meetingId, actor, at: now,
      fromStatus: "in_wijziging", toStatus: "vastgesteld", textHash: hash, reasoning: amendment.reason,
      data: { document: docName, amendment: 1, fromHash: approved.hash, toHash: hash, changed: true, removed: changes.removed, added: changes.added },
    });
  });
}
