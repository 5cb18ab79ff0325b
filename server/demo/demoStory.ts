/**
 * The demo tafel's school year 2025–2026, step by step: who did what, when, and why. Pure data —
 * seedDemo.ts plays it through the real verbs on a clock it sets to each step's time, so the
 * log is a true history with believable dates. The ambtelijke werkgroep works on the points in
 * the autumn, the bestuurders meet in a proef-OOGO in January and a formal OOGO in March, a
 * dispute goes to the Geschillencommissie in April, and the next formal OOGO is planned ahead
 * (relative to the real date, so it is always upcoming).
 *
 * Times are Dutch local time, "YYYY-MM-DD HH:MM", or "HH:MM" on the day of the step before.
 * The clock refuses to go back and stays within office hours on working days.
 */
import type { BespreekpuntStatus } from "../../shared/domain/bespreekpunten.ts";
import type { AgendaDecision } from "../../shared/domain/meetings.ts";
import type { PointStatus } from "../../shared/domain/pointStatus.ts";
import type { PartyKind } from "../../shared/domain/parties.ts";
import type { ScreeningScore } from "../../shared/domain/screening/scale.ts";
import type { Stance } from "../../shared/domain/stances.ts";
import type { StandardThemeKey } from "../../shared/domain/themes.ts";
import { FORMAL_MINUTES_CORRECTION, type MeetingKey, type PointKey, type StepKey } from "./demoTexts.ts";

const BEHEERDER = "beheerder@demo.oogo.test";
const SWV_T = "swv.medewerker@demo.oogo.test";
const SWV_B = "swv.bestuurder@demo.oogo.test";
const GRO_T = "ambtenaar.groningen@demo.oogo.test";
const GRO_W = "wethouder.groningen@demo.oogo.test";
const TYN_T = "ambtenaar.tynaarlo@demo.oogo.test";
const TYN_W = "wethouder.tynaarlo@demo.oogo.test";
const SEC = "secretaris@demo.oogo.test";

/** An agenda item: about a point, or with a title of its own. */
export type DemoAgendaItem = PointKey | { title: string };

export type StoryStep = { at: string } & (
  | { do: "createPoint"; by: string; point: PointKey }
  | { do: "move"; by: string; point: PointKey; to: PointStatus; reason: string; meeting?: MeetingKey }
  | { do: "stance"; by: string; point: PointKey; stance: Stance; reasoning?: string }
  | { do: "sign"; by: string; point: PointKey }
  /** Someone adds a paragraph in the shared editor; the text watcher's recompute follows. */
  | { do: "edit"; point: PointKey; paragraph: string }
  | { do: "planMeeting"; by: string; meeting: MeetingKey }
  /** Items are added a minute apart. */
  | { do: "agenda"; by: string; meeting: MeetingKey; items: DemoAgendaItem[] }
  | { do: "attendance"; by: string; meeting: MeetingKey }
  | { do: "decide"; by: string; meeting: MeetingKey; item: DemoAgendaItem; decision: AgendaDecision; note: string }
  /** The minutes typed in the shared editor (a document, not a logged step). */
  | { do: "writeMinutes"; meeting: MeetingKey }
  /** Issue 12: the werkgroep keeps its first draft as a version and rewrites the spiegelparagraaf around the points. */
  | { do: "embedPoints"; by: string; versionName?: string }
  /** Approves the minutes — or re-approves them after an amendment, which closes it. */
  | { do: "approveMinutes"; by: string; meeting: MeetingKey }
  /** Re-opens approved minutes with a reason; the correction is typed right after. */
  | { do: "amendMinutes"; by: string; meeting: MeetingKey; reason: string; correction: string }
  | { do: "addStep"; by: string; step: StepKey; position?: number }
  /** Ticks a checklist step off on the day of this step. */
  | { do: "stepDone"; by: string; step: StepKey; meeting?: MeetingKey; note?: string }
  /** Works a standard bespreekpunt (issue 14): its status, the points it led to, who leads it. */
  | {
      do: "bespreekpunt";
      by: string;
      key: string;
      status: BespreekpuntStatus;
      points?: PointKey[];
      lead?: "swv" | "groningen" | "tynaarlo";
    }
  /** Issue 14: the plan's owner imports its ondersteuningsplan (demoTexts.ts DEMO_PLAN); the import screens it. */
  | { do: "importPlan"; by: string }
  /** A trekker's own score for a theme of the imported plan, next to the screening's proposal. */
  | {
      do: "screeningOpinion";
      by: string;
      theme: StandardThemeKey;
      score: ScreeningScore;
      reason: string;
      quote?: string;
    }
  /** "Maak bespreekpunt" on a theme the plan leaves open (score 0–1). */
  | { do: "bespreekpuntFromScreening"; by: string; theme: StandardThemeKey }
  /** A tafel's own bespreekpunt with a link to a chapter of the imported plan. */
  | {
      do: "planBespreekpunt";
      by: string;
      chapter: string;
      title: string;
      question: string;
      askedBy: PartyKind;
      theme: StandardThemeKey;
      lead: "swv" | "groningen" | "tynaarlo";
    }
);

/**
 * When the tafel was set up (the first event in its log) by the demo's applicatiebeheerder, and
 * the beheerder appointed in that wizard, who then invites everyone else.
 */
export const TAFEL_CREATED = { at: "2025-09-01 09:00", appointed: BEHEERDER };

const akkoord = (at: string, by: string, point: PointKey, reasoning = "Akkoord met deze tekst."): StoryStep => ({
  at,
  do: "stance",
  by,
  point,
  stance: "akkoord",
  reasoning,
});

export const DEMO_YEAR: StoryStep[] = [
  // ── September: the secretaris records the agreed procedure; the werkgroep starts writing ──
  { at: "2025-09-03 10:00", do: "addStep", by: SEC, step: "werkgroepIngesteld" },
  { at: "10:04", do: "addStep", by: SEC, step: "voorbereiding" },
  { at: "10:08", do: "addStep", by: SEC, step: "proef" },
  { at: "10:12", do: "addStep", by: SEC, step: "conceptplan" },
  { at: "10:16", do: "addStep", by: SEC, step: "formeel" },
  { at: "10:20", do: "addStep", by: SEC, step: "opr" },
  { at: "10:24", do: "addStep", by: SEC, step: "vaststelling" },
  { at: "10:28", do: "addStep", by: SEC, step: "inspectie" },
  // The SWV brings its plan in (concept 0.4); the screening is there before the werkgroep starts.
  { at: "2025-09-05 10:00", do: "importPlan", by: SWV_T },
  {
    at: "2025-09-08 14:00",
    do: "screeningOpinion",
    by: SWV_T,
    theme: "leerplicht_thuiszitters",
    score: 3,
    reason: "Het maandelijkse overleg met leerplicht is afgesproken en loopt al sinds het vorige plan.",
    quote:
      "Het samenwerkingsverband en de leerplichtambtenaren van Groningen en Tynaarlo overleggen elke maand over leerlingen die dreigen thuis te zitten.",
  },
  // Groningen reads the same chapter differently: overleg is geregeld, een termijn voor een aanbod niet.
  {
    at: "2025-09-09 11:00",
    do: "screeningOpinion",
    by: GRO_T,
    theme: "leerplicht_thuiszitters",
    score: 2,
    reason:
      "Het overleg is geregeld, maar wie binnen welke termijn een passend aanbod doet, staat er alleen als streven. Dat willen wij als afspraak.",
    quote: "Wij streven ernaar dat geen leerling langer dan drie maanden zonder passend aanbod thuis zit.",
  },
  // The plan says nothing on huisvesting: the werkgroep asks about it (the vervoer theme stays for a visitor to try).
  { at: "11:20", do: "bespreekpuntFromScreening", by: GRO_T, theme: "onderwijshuisvesting" },
  {
    at: "2025-09-09 15:00",
    do: "planBespreekpunt",
    by: TYN_T,
    chapter: "Onderwijs en arbeidsmarkt",
    title: "Stages voor leerlingen rond Zuidlaren",
    question:
      "Het plan noemt alleen de scholen in de stad. Hoe komen leerlingen uit pro en vso die rond Zuidlaren wonen aan een stage dicht bij huis?",
    askedBy: "gemeente",
    theme: "onderwijs_arbeidsmarkt",
    lead: "tynaarlo",
  },
  { at: "2025-09-10 16:00", do: "stepDone", by: SEC, step: "werkgroepIngesteld" },

  { at: "2025-09-11 10:00", do: "createPoint", by: SWV_T, point: "casusoverleg" },
  {
    at: "10:05",
    do: "move",
    by: SWV_T,
    point: "casusoverleg",
    to: "in_bespreking",
    reason: "Uitwerking van de doorzettingsmacht uit het vorige plan.",
  },
  { at: "2025-09-15 09:30", do: "createPoint", by: SWV_T, point: "aanspreekpunt" },
  {
    at: "09:35",
    do: "move",
    by: SWV_T,
    point: "aanspreekpunt",
    to: "in_bespreking",
    reason: "Voorstel van het samenwerkingsverband voor de ambtelijke werkgroep van november.",
  },
  { at: "2025-09-17 11:00", do: "createPoint", by: SWV_T, point: "warmeOverdracht" },
  {
    at: "11:05",
    do: "move",
    by: SWV_T,
    point: "warmeOverdracht",
    to: "in_bespreking",
    reason: "Werkgroep doorgaande lijn.",
  },
  { at: "2025-09-18 14:00", do: "createPoint", by: GRO_T, point: "lichteHulp" },
  {
    at: "14:05",
    do: "move",
    by: GRO_T,
    point: "lichteHulp",
    to: "in_bespreking",
    reason: "Eerste bespreking in de werkgroep jeugd.",
  },
  akkoord("2025-09-22 10:00", SWV_T, "aanspreekpunt", "Sluit aan bij wat scholen ons vragen."),
  akkoord("10:10", SWV_T, "casusoverleg"),
  { at: "2025-09-24 09:30", do: "createPoint", by: SWV_T, point: "prognose" },
  {
    at: "09:35",
    do: "move",
    by: SWV_T,
    point: "prognose",
    to: "in_bespreking",
    reason: "Ambtelijke werkgroep vervoer.",
  },
  akkoord("2025-09-25 15:00", SWV_T, "lichteHulp", "Scholen willen juist dit: snel en zonder papierwerk."),
  akkoord("2025-09-29 11:00", GRO_T, "aanspreekpunt", "Past in de inzet van WIJ-teams op school."),
  akkoord("11:10", GRO_T, "casusoverleg"),

  // ── October ──
  { at: "2025-10-01 10:00", do: "createPoint", by: SWV_T, point: "vervoerOpdc" },
  {
    at: "10:05",
    do: "move",
    by: SWV_T,
    point: "vervoerOpdc",
    to: "in_bespreking",
    reason: "Voorstel van het samenwerkingsverband.",
  },
  {
    at: "2025-10-02 10:30",
    do: "stance",
    by: GRO_T,
    point: "lichteHulp",
    stance: "akkoord_met_voorbehoud",
    reasoning: "Akkoord als het maximum van tien contactmomenten blijft staan; anders is dit niet te begroten.",
  },
  { at: "13:00", do: "createPoint", by: SWV_T, point: "overstapMbo" },
  {
    at: "13:05",
    do: "move",
    by: SWV_T,
    point: "overstapMbo",
    to: "in_bespreking",
    reason: "Werkgroep doorgaande lijn.",
  },
  {
    at: "2025-10-06 14:00",
    do: "stance",
    by: TYN_T,
    point: "aanspreekpunt",
    stance: "akkoord_met_voorbehoud",
    reasoning:
      "Tynaarlo heeft één school in scope; een vaste contactpersoon kan alleen als het sociaal team die uren vrijmaakt.",
  },
  akkoord("14:10", TYN_T, "casusoverleg"),
  {
    at: "2025-10-08 09:45",
    do: "stance",
    by: GRO_T,
    point: "vervoerOpdc",
    stance: "niet_akkoord",
    reasoning:
      "De kosten liggen volledig bij de gemeente, terwijl de plaatsing een besluit van het samenwerkingsverband is.",
  },
  akkoord("2025-10-09 11:00", SWV_T, "vervoerOpdc", "Zonder vervoer haken juist deze leerlingen af."),
  {
    at: "11:30",
    do: "stance",
    by: TYN_T,
    point: "lichteHulp",
    stance: "niet_akkoord",
    reasoning: "Onze verordening jeugdhulp kent deze vrij toegankelijke vorm nog niet; eerst de verordening aanpassen.",
  },
  akkoord("2025-10-13 10:00", SWV_T, "warmeOverdracht"),
  akkoord("2025-10-14 10:00", GRO_T, "warmeOverdracht"),
  { at: "2025-10-15 13:30", do: "createPoint", by: GRO_T, point: "huisvestingOpdc" },
  {
    at: "13:35",
    do: "move",
    by: GRO_T,
    point: "huisvestingOpdc",
    to: "in_bespreking",
    reason: "Besproken in de werkgroep huisvesting.",
  },
  akkoord("2025-10-16 10:00", TYN_T, "warmeOverdracht"),
  // The werkgroep goes through the leeswijzer's questions (bespreekpunten) and links what it has.
  {
    at: "10:30",
    do: "bespreekpunt",
    by: GRO_T,
    key: "lw.huisvesting",
    status: "leidt_tot_punt",
    points: ["huisvestingOpdc"],
    lead: "groningen",
  },
  {
    at: "10:35",
    do: "bespreekpunt",
    by: SWV_T,
    key: "lw.doorgaande_lijn",
    status: "leidt_tot_punt",
    points: ["warmeOverdracht"],
    lead: "swv",
  },
  {
    at: "10:40",
    do: "bespreekpunt",
    by: SWV_T,
    key: "lw.eo.hulp_om_school",
    status: "leidt_tot_punt",
    points: ["aanspreekpunt"],
    lead: "groningen",
  },
  { at: "10:45", do: "bespreekpunt", by: TYN_T, key: "lw.mi.projecten", status: "naar_ontwikkelagenda" },
  { at: "10:50", do: "bespreekpunt", by: TYN_T, key: "lw.eo.dekkend", status: "besproken_geen_afspraak" },
  { at: "2025-10-20 10:00", do: "createPoint", by: TYN_T, point: "monitor" },
  { at: "10:05", do: "move", by: TYN_T, point: "monitor", to: "in_bespreking", reason: "Voorstel van Tynaarlo." },
  { at: "2025-10-22 14:00", do: "createPoint", by: GRO_T, point: "werkplekken" },
  {
    at: "14:05",
    do: "move",
    by: GRO_T,
    point: "werkplekken",
    to: "in_bespreking",
    reason: "Voorstel uit het werkgeversnetwerk.",
  },
  // A written round: the bestuurders sign the warme overdracht without a meeting.
  { at: "2025-10-23 16:00", do: "sign", by: SWV_B, point: "warmeOverdracht" },
  // The spiegelparagraaf restated the points' norms and already disagreed with them: it now embeds them.
  { at: "2025-10-27 09:30", do: "embedPoints", by: SWV_T, versionName: "Eerste concept van de werkgroep" },
  { at: "2025-10-28 11:00", do: "sign", by: GRO_W, point: "warmeOverdracht" },
  { at: "2025-10-30 10:00", do: "planMeeting", by: SEC, meeting: "werkgroep" },

  // ── November: the ambtelijke werkgroep meets ──
  { at: "2025-11-04 15:00", do: "sign", by: TYN_W, point: "warmeOverdracht" },
  akkoord("2025-11-05 10:00", SWV_T, "prognose"),
  akkoord("2025-11-10 11:00", GRO_T, "prognose"),
  akkoord("2025-11-12 14:00", TYN_T, "prognose"),
  {
    at: "2025-11-13 10:00",
    do: "agenda",
    by: SEC,
    meeting: "werkgroep",
    items: [{ title: "Planning naar het proef-OOGO en het formeel OOGO" }, "lichteHulp", "prognose", "vervoerOpdc"],
  },
  akkoord("2025-11-17 10:00", SWV_T, "monitor"),
  akkoord("2025-11-18 10:00", GRO_T, "monitor"),
  { at: "2025-11-20 10:00", do: "attendance", by: SEC, meeting: "werkgroep" },
  {
    at: "10:15",
    do: "decide",
    by: SEC,
    meeting: "werkgroep",
    item: { title: "Planning naar het proef-OOGO en het formeel OOGO" },
    decision: "besproken",
    note: "De werkgroep legt de data vast; het conceptplan gaat uiterlijk zes weken voor het formeel OOGO naar beide colleges.",
  },
  {
    at: "10:40",
    do: "decide",
    by: SEC,
    meeting: "werkgroep",
    item: "lichteHulp",
    decision: "besproken",
    note: "Tynaarlo moet eerst de verordening jeugdhulp aanpassen; de werkgroep zoekt een overgangsregeling.",
  },
  {
    at: "11:05",
    do: "decide",
    by: SEC,
    meeting: "werkgroep",
    item: "prognose",
    decision: "besproken",
    note: "Alle trekkers akkoord; het samenwerkingsverband start een schriftelijke ronde bij de bestuurders.",
  },
  {
    at: "11:30",
    do: "decide",
    by: SEC,
    meeting: "werkgroep",
    item: "vervoerOpdc",
    decision: "besproken",
    note: "Groningen is het inhoudelijk eens maar niet met de kostenverdeling; de vraag gaat naar het bestuurlijk overleg.",
  },
  { at: "16:00", do: "stepDone", by: SEC, step: "voorbereiding", meeting: "werkgroep" },
  { at: "2025-11-21 09:30", do: "addStep", by: SEC, step: "schriftelijkeRonde", position: 2 },
  { at: "2025-11-24 09:00", do: "writeMinutes", meeting: "werkgroep" },
  { at: "09:45", do: "approveMinutes", by: SEC, meeting: "werkgroep" },
  akkoord(
    "10:30",
    GRO_T,
    "vervoerOpdc",
    "Ambtelijk akkoord om de tekst bestuurlijk voor te leggen; de kostenverdeling is een bestuurlijke vraag.",
  ),
  { at: "2025-11-27 11:00", do: "sign", by: SWV_B, point: "prognose" },

  // ── December: a written round on the thuiszittersmonitor; the proef-OOGO is planned ──
  akkoord("2025-12-02 10:00", TYN_T, "monitor"),
  { at: "2025-12-08 10:00", do: "planMeeting", by: SEC, meeting: "proef" },
  { at: "2025-12-09 14:00", do: "sign", by: SWV_B, point: "monitor" },
  { at: "2025-12-11 10:00", do: "sign", by: GRO_W, point: "monitor" },
  { at: "2025-12-16 11:00", do: "sign", by: TYN_W, point: "monitor" },

  // ── January: the proef-OOGO in Vries ──
  akkoord("2026-01-08 10:00", SWV_T, "werkplekken"),
  akkoord("2026-01-12 10:00", GRO_T, "werkplekken"),
  {
    at: "14:00",
    do: "agenda",
    by: SEC,
    meeting: "proef",
    items: ["aanspreekpunt", "casusoverleg", "vervoerOpdc", "werkplekken"],
  },
  akkoord(
    "2026-01-15 10:00",
    TYN_T,
    "werkplekken",
    "Ambtelijk akkoord; of vijf plekken haalbaar zijn, is aan het college.",
  ),
  { at: "2026-01-22 15:30", do: "attendance", by: SEC, meeting: "proef" },
  {
    at: "15:50",
    do: "decide",
    by: SEC,
    meeting: "proef",
    item: "aanspreekpunt",
    decision: "besproken",
    note: "Breed gedragen; Tynaarlo vraagt ruimte om de contactpersoon te delen tussen scholen.",
  },
  {
    at: "16:10",
    do: "decide",
    by: SEC,
    meeting: "proef",
    item: "casusoverleg",
    decision: "besproken",
    note: "Geen bezwaren; klaar voor het formeel OOGO.",
  },
  {
    at: "16:35",
    do: "decide",
    by: SEC,
    meeting: "proef",
    item: "vervoerOpdc",
    decision: "besproken",
    note: "De wethouder van Groningen vraagt een bijdrage van het samenwerkingsverband in de vervoerskosten; het bestuur wil dat niet.",
  },
  {
    at: "17:00",
    do: "decide",
    by: SEC,
    meeting: "proef",
    item: "werkplekken",
    decision: "besproken",
    note: "Tynaarlo twijfelt of vijf plekken in de eigen organisatie haalbaar zijn.",
  },
  { at: "17:30", do: "stepDone", by: SEC, step: "proef", meeting: "proef" },
  { at: "2026-01-26 09:00", do: "writeMinutes", meeting: "proef" },
  { at: "10:00", do: "approveMinutes", by: SEC, meeting: "proef" },
  // What the proef-OOGO asked for: the text may share a contact person between small schools.
  {
    at: "2026-01-27 11:00",
    do: "edit",
    point: "aanspreekpunt",
    paragraph:
      "Voor scholen met weinig leerlingen uit een gemeente kan die gemeente de contactpersoon delen met een andere school in de buurt.",
  },
  { at: "2026-01-29 10:00", do: "planMeeting", by: SEC, meeting: "formeel" },

  // ── February: ambtelijk akkoord on the texts for the formal OOGO; the conceptplan goes out ──
  akkoord("2026-02-02 10:00", SWV_T, "aanspreekpunt", "Met de aanvulling over kleine scholen nog steeds akkoord."),
  akkoord("2026-02-03 10:00", GRO_T, "aanspreekpunt"),
  akkoord(
    "2026-02-05 10:00",
    TYN_T,
    "aanspreekpunt",
    "Met de mogelijkheid om de contactpersoon te delen is ons voorbehoud weg.",
  ),
  {
    at: "2026-02-10 14:00",
    do: "edit",
    point: "monitor",
    paragraph: "Leerlingen met een vrijstelling van de leerplicht worden apart in het overzicht vermeld.",
  },
  akkoord(
    "2026-02-12 11:00",
    TYN_T,
    "monitor",
    "De toevoeging over vrijstellingen komt van ons; akkoord met de nieuwe tekst.",
  ),
  {
    at: "2026-02-16 09:00",
    do: "stepDone",
    by: SEC,
    step: "conceptplan",
    note: "Vier dagen later dan afgesproken verstuurd.",
  },
  akkoord("2026-02-17 10:00", SWV_T, "overstapMbo"),
  akkoord("2026-02-18 10:00", GRO_T, "overstapMbo"),
  akkoord("2026-02-19 10:00", TYN_T, "overstapMbo"),

  // ── March: the formal OOGO in the Stadhuis; the agenda fixes the texts three weeks ahead ──
  {
    at: "2026-03-05 10:00",
    do: "agenda",
    by: SEC,
    meeting: "formeel",
    items: [
      { title: "Opening en vaststellen van de agenda" },
      "aanspreekpunt",
      "casusoverleg",
      "vervoerOpdc",
      "overstapMbo",
      "werkplekken",
    ],
  },
  { at: "2026-03-26 14:00", do: "attendance", by: SEC, meeting: "formeel" },
  {
    at: "14:05",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: { title: "Opening en vaststellen van de agenda" },
    decision: "besproken",
    note: "De agenda wordt ongewijzigd vastgesteld.",
  },
  // Decided in the meeting, signed afterwards: the point is akkoord in overleg until the last signature.
  {
    at: "14:25",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: "aanspreekpunt",
    decision: "overeenstemming",
    note: "De bestuurders stemmen in met de tekst; zij ondertekenen na afloop.",
  },
  // Signed at the table, on the tablet, before the decision is minuted.
  { at: "14:35", do: "sign", by: SWV_B, point: "casusoverleg" },
  { at: "14:37", do: "sign", by: GRO_W, point: "casusoverleg" },
  { at: "14:39", do: "sign", by: TYN_W, point: "casusoverleg" },
  {
    at: "14:45",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: "casusoverleg",
    decision: "overeenstemming",
    note: "Alle drie partijen ondertekenen de tekst.",
  },
  {
    at: "15:20",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: "vervoerOpdc",
    decision: "geen_overeenstemming",
    note: "Groningen kan de extra vervoerskosten niet alleen dragen; het samenwerkingsverband wil niet bijdragen. Partijen bereiken geen overeenstemming.",
  },
  {
    at: "15:40",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: "overstapMbo",
    decision: "geen_overeenstemming",
    note: "Zonder het mbo aan tafel kunnen de gemeenten niet over de financiering besluiten.",
  },
  {
    at: "16:00",
    do: "decide",
    by: SEC,
    meeting: "formeel",
    item: "werkplekken",
    decision: "geen_overeenstemming",
    note: "Tynaarlo heeft te weinig geschikte plekken in de eigen organisatie.",
  },
  { at: "16:30", do: "stepDone", by: SEC, step: "formeel", meeting: "formeel" },
  { at: "16:45", do: "sign", by: SWV_B, point: "aanspreekpunt" },
  { at: "2026-03-27 09:20", do: "sign", by: GRO_W, point: "aanspreekpunt" },
  { at: "2026-03-27 10:00", do: "addStep", by: SEC, step: "tussentijds", position: 6 },
  { at: "10:10", do: "planMeeting", by: SEC, meeting: "tussentijds" },
  { at: "2026-03-30 09:00", do: "writeMinutes", meeting: "formeel" },
  { at: "10:15", do: "approveMinutes", by: SEC, meeting: "formeel" },
  { at: "2026-03-31 16:10", do: "sign", by: TYN_W, point: "aanspreekpunt" },

  // ── April: the minutes corrected; the tussentijds overleg sends the dispute to the commission ──
  {
    at: "2026-04-01 09:15",
    do: "amendMinutes",
    by: SEC,
    meeting: "formeel",
    reason:
      "Wethouder Anneke Smit van Tynaarlo was bij het formeel OOGO aanwezig, maar stond in de notulen als afgemeld.",
    correction: FORMAL_MINUTES_CORRECTION,
  },
  { at: "2026-04-02 11:00", do: "approveMinutes", by: SEC, meeting: "formeel" },
  { at: "2026-04-07 10:00", do: "agenda", by: SEC, meeting: "tussentijds", items: ["vervoerOpdc", "overstapMbo"] },
  { at: "2026-04-14 09:00", do: "attendance", by: SEC, meeting: "tussentijds" },
  {
    at: "09:40",
    do: "decide",
    by: SEC,
    meeting: "tussentijds",
    item: "vervoerOpdc",
    decision: "in_geschil",
    note: "Partijen komen er niet uit. Het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO.",
  },
  {
    at: "09:50",
    do: "move",
    by: SWV_B,
    point: "vervoerOpdc",
    to: "in_geschil",
    meeting: "tussentijds",
    reason:
      "Het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO.",
  },
  {
    at: "10:05",
    do: "decide",
    by: SEC,
    meeting: "tussentijds",
    item: "overstapMbo",
    decision: "besproken",
    note: "Het punt gaat naar de ontwikkelagenda; eerst afstemming met het mbo in het RMC-overleg.",
  },
  {
    at: "10:10",
    do: "move",
    by: SWV_B,
    point: "overstapMbo",
    to: "doorgeschoven",
    meeting: "tussentijds",
    reason: "Naar de ontwikkelagenda: eerst afstemmen met het mbo in het RMC-overleg.",
  },
  { at: "11:00", do: "stepDone", by: SEC, step: "tussentijds", meeting: "tussentijds" },
  { at: "2026-04-16 09:00", do: "writeMinutes", meeting: "tussentijds" },
  { at: "09:30", do: "approveMinutes", by: SEC, meeting: "tussentijds" },
  { at: "2026-04-20 10:00", do: "createPoint", by: TYN_T, point: "stagesZuidlaren" },
  {
    at: "10:05",
    do: "move",
    by: TYN_T,
    point: "stagesZuidlaren",
    to: "in_bespreking",
    reason: "Voorstel van Tynaarlo.",
  },
  {
    at: "2026-04-23 14:00",
    do: "move",
    by: SEC,
    point: "casusoverleg",
    to: "vastgelegd",
    reason: "Opgenomen in de geactualiseerde tekst van het ondersteuningsplan 2023–2027.",
  },
  akkoord("2026-04-28 10:00", SWV_T, "stagesZuidlaren", "Goed voor de leerlingen uit Zuidlaren."),

  // ── May–June: the agreements at work; the next formal OOGO is prepared ──
  {
    at: "2026-05-04 11:00",
    do: "stance",
    by: TYN_T,
    point: "stagesZuidlaren",
    stance: "akkoord_met_voorbehoud",
    reasoning: "De jobcoach kan alleen als de subsidie voor begeleiding naar werk in 2027 doorloopt.",
  },
  akkoord("2026-05-06 10:00", GRO_T, "huisvestingOpdc"),
  {
    at: "2026-05-12 15:00",
    do: "move",
    by: GRO_W,
    point: "warmeOverdracht",
    to: "herzien",
    reason:
      "Bij de overdrachten van dit voorjaar bleek 1 juni te laat voor scholen die hun klassen in mei indelen; partijen heropenen de afspraak.",
  },
  akkoord("2026-05-13 10:00", SWV_T, "huisvestingOpdc"),
  {
    at: "2026-05-18 10:00",
    do: "move",
    by: GRO_T,
    point: "casusoverleg",
    to: "in_uitvoering",
    reason: "Scholen zijn geïnformeerd; de eerste casusoverleggen zijn gehouden.",
  },
  akkoord(
    "2026-05-20 10:00",
    TYN_T,
    "huisvestingOpdc",
    "Akkoord; Tynaarlo draagt niet bij aan het gebouw, zoals de tekst zegt.",
  ),
  { at: "2026-05-27 10:00", do: "createPoint", by: GRO_T, point: "toegankelijkheid" },
  // The points made since the autumn go into the spiegelparagraaf too.
  { at: "10:20", do: "embedPoints", by: GRO_T },
  { at: "2026-06-11 10:00", do: "planMeeting", by: SEC, meeting: "tweede" },
  {
    at: "10:10",
    do: "agenda",
    by: SEC,
    meeting: "tweede",
    items: [{ title: "Opening en vaststellen van de agenda" }, "huisvestingOpdc", { title: "Rondvraag en sluiting" }],
  },
  { at: "10:30", do: "addStep", by: SEC, step: "stukkenTweede", position: 7 },
];
