/**
 * The texts of the demo tafel: its overeenstemmingspunten, its meetings (place, attendance,
 * minutes) and its procedure checklist. Pure data — what happens when, and who does it, is in
 * demoStory.ts; the writes are in demoPoints.ts and demoMeetings.ts. Everything is written for
 * this product, not taken from any real plan.
 */
import type { AttendanceState } from "../../shared/domain/attendance.ts";
import type { MeetingType } from "../../shared/domain/meetings.ts";
import type { StandardThemeKey } from "../../shared/domain/themes.ts";
import { bold, doc, h, p, ul } from "./drafts.ts";

type Node = Record<string, unknown>;
export type PartyKey = "swv" | "groningen" | "tynaarlo";

const cell = (kind: "tableHeader" | "tableCell", text: string): Node => ({ type: kind, content: [p(text)] });
const tableOf = (header: string[], rows: string[][]): Node => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((x) => cell("tableHeader", x)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((x) => cell("tableCell", x)) })),
  ],
});

// ── Overeenstemmingspunten ──────────────────────────────────────────────────

/** The titles of the demo points; tests find the points by them. */
export const DEMO_POINT_TITLES = {
  aanspreekpunt: "Vast aanspreekpunt jeugdhulp op elke vo-school",
  lichteHulp: "Lichte hulp in de klas zonder beschikking",
  prognose: "Jaarlijkse prognose van de vervoersstromen",
  vervoerOpdc: "Vervoer van leerlingen naar de tussenvoorziening",
  huisvestingOpdc: "Huisvesting van de tussenvoorziening na 2026",
  toegankelijkheid: "Toegankelijkheid toetsen bij nieuwbouw en renovatie",
  casusoverleg: "Casusoverleg binnen tien schooldagen bij dreigend thuiszitten",
  monitor: "Kwartaalmonitor thuiszitters per gemeente",
  warmeOverdracht: "Warme overdracht po–vo voor leerlingen met extra ondersteuning",
  overstapMbo: "Overstap naar het mbo voor jongeren uit het vso",
  stagesZuidlaren: "Stages en begeleiding naar werk rond Zuidlaren",
  werkplekken: "Werkplekken bij de gemeenten voor leerlingen uit pro en vso",
} as const;
export type PointKey = keyof typeof DEMO_POINT_TITLES;

export interface DemoPointText {
  theme: StandardThemeKey;
  /** The opening text as ProseMirror JSON. */
  text: Node;
  /** The gemeenten the point concerns; omitted = all. */
  scope?: PartyKey[];
  termMonths?: number;
}

export const DEMO_POINTS: Record<PointKey, DemoPointText> = {
  aanspreekpunt: {
    theme: "jeugdhulp",
    termMonths: 12,
    text: doc(
      p(
        "Elke vo-school in Groningen en Tynaarlo krijgt een vaste contactpersoon uit het gebiedsteam of wijkteam van de gemeente waar de school staat. De contactpersoon is bekend bij mentoren en zorgcoördinatoren en schuift op afspraak aan bij het ondersteuningsteam van de school.",
      ),
      p(
        "School en contactpersoon spreken aan het begin van elk schooljaar af hoe ze elkaar bereiken en hoe snel een vraag wordt opgepakt. Een vraag van school krijgt binnen vijf werkdagen een eerste reactie.",
      ),
    ),
  },
  lichteHulp: {
    theme: "jeugdhulp",
    text: doc(
      p(
        "Lichte, kortdurende hulp aan een leerling of gezin, zoals een paar gesprekken met een jeugdhulpverlener op school, wordt zonder beschikking ingezet. De school meldt de vraag bij de contactpersoon van de gemeente; die zet de hulp in en registreert alleen wat nodig is voor de verantwoording.",
      ),
      ul(
        "Maximaal tien contactmomenten per leerling per schooljaar.",
        "Blijkt zwaardere hulp nodig, dan volgt de gewone toegang met een beschikking.",
        "Partijen evalueren na één schooljaar wat het oplevert en wat het kost.",
      ),
    ),
  },
  prognose: {
    theme: "leerlingenvervoer",
    termMonths: 48,
    text: doc(
      p(
        "Het samenwerkingsverband levert elk jaar vóór 1 maart aan beide gemeenten een overzicht van het aantal leerlingen per voorziening voor extra ondersteuning, met de verwachte verschuivingen voor het komende schooljaar.",
      ),
      p(
        "De gemeenten gebruiken dit overzicht om de vervoerskosten te ramen en het vervoer tijdig aan te besteden. Wijkt het werkelijke aantal leerlingen meer dan tien procent af, dan overleggen partijen vóór de zomervakantie.",
      ),
    ),
  },
  vervoerOpdc: {
    theme: "leerlingenvervoer",
    scope: ["groningen"],
    text: doc(
      p(
        "Leerlingen die tijdelijk naar de tussenvoorziening van het samenwerkingsverband gaan, komen in aanmerking voor leerlingenvervoer als de reistijd met het openbaar vervoer meer dan drie kwartier bedraagt, ongeacht de afstand tot de eigen school.",
      ),
      p(
        "De gemeente Groningen draagt de kosten van dit vervoer. Het samenwerkingsverband meldt elke plaatsing binnen twee werkdagen, zodat het vervoer op de eerste schooldag geregeld is.",
      ),
    ),
  },
  huisvestingOpdc: {
    theme: "onderwijshuisvesting",
    text: doc(
      p(
        "De tussenvoorziening van het samenwerkingsverband blijft tot de zomer van 2027 in het huidige gebouw. Uiterlijk in het najaar van 2026 leggen samenwerkingsverband en gemeente Groningen samen een voorstel voor een vaste locatie voor.",
      ),
      p(
        "Het voorstel wordt daarna uitgewerkt in het overleg over het integraal huisvestingsplan. Tynaarlo wordt geïnformeerd maar draagt niet bij aan de kosten van het gebouw.",
      ),
    ),
  },
  toegankelijkheid: {
    theme: "onderwijshuisvesting",
    text: doc(
      p(
        "Bij nieuwbouw en ingrijpende renovatie van een schoolgebouw toetsen schoolbestuur en gemeente het ontwerp op toegankelijkheid voor leerlingen met een lichamelijke beperking, voordat het ontwerp definitief wordt.",
      ),
      p("Nog uit te werken: wie de toets uitvoert en wie eventuele meerkosten draagt."),
    ),
  },
  casusoverleg: {
    theme: "leerplicht_thuiszitters",
    termMonths: 48,
    text: doc(
      p(
        "Dreigt een leerling thuis te komen zitten, dan organiseert de school binnen tien schooldagen een casusoverleg met ouders, leerling, leerplicht en de contactpersoon van de gemeente. Het samenwerkingsverband sluit aan als de school een plaatsing elders overweegt.",
      ),
      ul(
        "Het overleg eindigt met één plan en één regisseur.",
        "Komen partijen er niet uit, dan beslist de directeur van het samenwerkingsverband binnen vijf schooldagen.",
        "Leerplicht registreert elke casus in de thuiszittersmonitor.",
      ),
    ),
  },
  monitor: {
    theme: "leerplicht_thuiszitters",
    text: doc(
      p(
        "Leerplicht van beide gemeenten en het samenwerkingsverband stellen elk kwartaal samen een overzicht op van het aantal thuiszitters per gemeente, met de duur van het thuiszitten en de stand van het plan per leerling, zonder namen.",
      ),
      p(
        "Het overzicht gaat naar de wethouders en het bestuur van het samenwerkingsverband en wordt besproken in het eerstvolgende ambtelijk overleg.",
      ),
    ),
  },
  warmeOverdracht: {
    theme: "doorgaande_lijn",
    termMonths: 12,
    text: doc(
      p(
        "Voor elke leerling met extra ondersteuning die van de basisschool naar het voortgezet onderwijs gaat, vindt vóór 1 juni een overdrachtsgesprek plaats tussen de basisschool, de nieuwe school en de ouders. Als er jeugdhulp is, schuift de hulpverlener aan.",
      ),
      p("De overdracht gebeurt met toestemming van ouders en wordt vastgelegd in het overstapdossier."),
    ),
  },
  overstapMbo: {
    theme: "doorgaande_lijn",
    text: doc(
      p(
        "Jongeren die het vso verlaten en naar het mbo gaan, houden in hun eerste mbo-jaar een vaste begeleider van hun oude school. De gemeenten financieren deze begeleiding uit het budget voor jeugdhulp.",
      ),
    ),
  },
  stagesZuidlaren: {
    theme: "onderwijs_arbeidsmarkt",
    scope: ["tynaarlo"],
    text: doc(
      p(
        "Voor leerlingen uit het praktijkonderwijs en het vso die rond Zuidlaren wonen, zoekt de gemeente Tynaarlo samen met de scholen stageplaatsen bij werkgevers in de eigen gemeente, zodat leerlingen niet dagelijks naar de stad hoeven te reizen.",
      ),
      p("Een jobcoach van de gemeente begeleidt de leerling tijdens de laatste stage en het eerste halfjaar werk."),
    ),
  },
  werkplekken: {
    theme: "onderwijs_arbeidsmarkt",
    text: doc(
      p(
        "Beide gemeenten bieden in hun eigen organisatie elk jaar ten minste vijf leer-werkplekken aan voor leerlingen uit het praktijkonderwijs en het vso, met een begeleider op de werkplek.",
      ),
    ),
  },
};

// ── Meetings ────────────────────────────────────────────────────────────────

export interface DemoAttendee {
  party: PartyKey | null;
  name: string;
  capacity: string;
  attendance: AttendanceState;
  /** Attends as bestuurder "namens" the party: what lets a formal OOGO agree. */
  mandate?: boolean;
  substitute?: string;
}

const BESTUURDERS: DemoAttendee[] = [
  { party: "swv", name: "Jeroen Bakker", capacity: "directeur-bestuurder", attendance: "aanwezig", mandate: true },
  {
    party: "groningen",
    name: "Karim El Amrani",
    capacity: "wethouder onderwijs en jeugd",
    attendance: "aanwezig",
    mandate: true,
  },
  {
    party: "tynaarlo",
    name: "Anneke Smit",
    capacity: "wethouder jeugd en onderwijs",
    attendance: "aanwezig",
    mandate: true,
  },
];
const TREKKERS: DemoAttendee[] = [
  { party: "swv", name: "Eva Mulder", capacity: "beleidsmedewerker samenwerkingsverband", attendance: "aanwezig" },
  {
    party: "groningen",
    name: "Sanne de Vries",
    capacity: "beleidsadviseur onderwijs en jeugd",
    attendance: "aanwezig",
  },
  { party: "tynaarlo", name: "Lotte Hoekstra", capacity: "beleidsmedewerker sociaal domein", attendance: "aanwezig" },
];
const SECRETARIS: DemoAttendee = {
  party: null,
  name: "Pieter Jansen",
  capacity: "secretaris OOGO",
  attendance: "aanwezig",
};

export type MeetingKey = "werkgroep" | "proef" | "formeel" | "tussentijds" | "tweede";

export interface DemoMeetingText {
  type: MeetingType;
  title: string;
  place: string;
  /**
   * Dutch local time "YYYY-MM-DD HH:MM" — or, for the meeting still ahead, days after the real
   * date of seeding (moved to the next working day) and a time, so it is always upcoming.
   */
  startsAt: string | { daysFromToday: number; time: string };
  /** Omitted = every party. */
  invited?: PartyKey[];
  attendance: DemoAttendee[];
  minutes?: Node;
}

export const DEMO_MEETINGS: Record<MeetingKey, DemoMeetingText> = {
  werkgroep: {
    type: "ambtelijke_werkgroep",
    title: "Ambtelijke werkgroep passend onderwijs en jeugd",
    startsAt: "2025-11-20 10:00",
    place: "Kantoor samenwerkingsverband, Groningen",
    attendance: [...TREKKERS, SECRETARIS],
    minutes: doc(
      h(1, "Notulen ambtelijke werkgroep passend onderwijs en jeugd"),
      p(
        bold("Aanwezig: "),
        "Eva Mulder (samenwerkingsverband), Sanne de Vries (Groningen), Lotte Hoekstra (Tynaarlo), Pieter Jansen (secretaris).",
      ),
      h(2, "1. Planning"),
      p(
        "Het proef-OOGO wordt gehouden op 22 januari in Vries, het formeel OOGO op 26 maart in Groningen. Het conceptplan gaat uiterlijk zes weken vóór het formeel OOGO, dus vóór 12 februari, naar beide colleges.",
      ),
      h(2, "2. Lichte hulp in de klas zonder beschikking"),
      p(
        "Scholen en Groningen willen dit graag. Tynaarlo kan pas meedoen als de verordening jeugdhulp is aangepast. De werkgroep verkent een overgangsregeling voor het komende schooljaar.",
      ),
      h(2, "3. Jaarlijkse prognose van de vervoersstromen"),
      p(
        "Alle trekkers zijn akkoord met de tekst. Het samenwerkingsverband legt het punt in een schriftelijke ronde voor aan de bestuurders.",
      ),
      h(2, "4. Vervoer naar de tussenvoorziening"),
      p(
        "Groningen onderschrijft het doel, maar niet dat de gemeente alle kosten draagt. Omdat dit een bestuurlijke keuze is, gaat het punt met ambtelijk akkoord op de tekst naar het bestuurlijk overleg.",
      ),
      h(2, "Actiepunten"),
      tableOf(
        ["Actie", "Wie", "Wanneer"],
        [
          ["Conceptplan naar beide colleges sturen", "Eva Mulder", "vóór 12 februari"],
          ["Overgangsregeling lichte hulp uitwerken", "Lotte Hoekstra", "voor het proef-OOGO"],
          ["Kostenraming vervoer tussenvoorziening", "Sanne de Vries", "voor het proef-OOGO"],
        ],
      ),
    ),
  },
  proef: {
    type: "proef_oogo",
    title: "Proef-OOGO ondersteuningsplan 2023–2027",
    startsAt: "2026-01-22 15:30",
    place: "Gemeentehuis Tynaarlo, Vries",
    attendance: [...BESTUURDERS, ...TREKKERS, SECRETARIS],
    minutes: doc(
      h(1, "Notulen proef-OOGO ondersteuningsplan 2023–2027"),
      p(
        bold("Aanwezig: "),
        "Jeroen Bakker, Karim El Amrani, Anneke Smit, de drie ambtelijk trekkers en de secretaris.",
      ),
      p(
        "Het proef-OOGO is verkennend: er worden geen besluiten genomen. Partijen lopen de punten door die naar het formeel OOGO gaan.",
      ),
      ul(
        "Vast aanspreekpunt jeugdhulp: breed gedragen. Tynaarlo wil de contactpersoon kunnen delen tussen kleine scholen; de tekst wordt daarop aangevuld.",
        "Casusoverleg bij dreigend thuiszitten: geen bezwaren.",
        "Vervoer naar de tussenvoorziening: de wethouder van Groningen vraagt een bijdrage van het samenwerkingsverband; de directeur-bestuurder wijst erop dat de plaatsing in het belang van de leerling is en het vervoer wettelijk bij de gemeente ligt.",
        "Werkplekken bij de gemeenten: Tynaarlo twijfelt aan de haalbaarheid van vijf plekken.",
      ),
    ),
  },
  formeel: {
    type: "formeel_oogo",
    title: "Formeel bestuurlijk OOGO ondersteuningsplan 2023–2027",
    startsAt: "2026-03-26 14:00",
    place: "Stadhuis Groningen, Grote Markt",
    attendance: [
      ...BESTUURDERS,
      ...TREKKERS.map((a): DemoAttendee => (a.party === "tynaarlo" ? { ...a, attendance: "afgemeld" } : a)),
      SECRETARIS,
      {
        party: "swv",
        name: "Marloes Visser",
        capacity: "toehoorder namens de ondersteuningsplanraad",
        attendance: "aanwezig",
      },
    ],
    minutes: doc(
      h(1, "Notulen formeel bestuurlijk OOGO"),
      p(
        bold("Aanwezig: "),
        "Jeroen Bakker (directeur-bestuurder), Karim El Amrani (wethouder Groningen), Eva Mulder, Sanne de Vries, Pieter Jansen (secretaris) en Marloes Visser als toehoorder namens de ondersteuningsplanraad.",
      ),
      p(bold("Afgemeld: "), "Lotte Hoekstra (Tynaarlo) en Anneke Smit (wethouder Tynaarlo)."),
      h(2, "1. Opening"),
      p(
        "De voorzitter opent de vergadering. De agenda wordt ongewijzigd vastgesteld. De teksten van de geagendeerde punten liggen vast sinds de agendering op 5 maart.",
      ),
      h(2, "2. Vast aanspreekpunt jeugdhulp en casusoverleg bij dreigend thuiszitten"),
      p(
        "Over beide punten bestaat overeenstemming. De bestuurders ondertekenen de vastgezette teksten tijdens de vergadering.",
      ),
      h(2, "3. Vervoer naar de tussenvoorziening"),
      p(
        "De gemeente Groningen wil de kosten van het vervoer niet alleen dragen, omdat de plaatsing een besluit van het samenwerkingsverband is. Het samenwerkingsverband vindt dat het vervoer een wettelijke taak van de gemeente blijft. ",
        bold("Besluit: geen overeenstemming."),
        " Partijen spreken af binnen drie weken tussentijds bestuurlijk te overleggen.",
      ),
      h(2, "4. Overstap naar het mbo en werkplekken bij de gemeenten"),
      p(
        "Over beide punten wordt geen overeenstemming bereikt. De overstap naar het mbo wordt eerst met het mbo besproken in het RMC-overleg.",
      ),
      h(2, "Actiepunten"),
      tableOf(
        ["Actie", "Wie", "Wanneer"],
        [
          ["Tussentijds bestuurlijk overleg over het vervoer plannen", "Pieter Jansen", "binnen drie weken"],
          ["Overstap mbo agenderen in het RMC-overleg", "Eva Mulder", "volgend RMC-overleg"],
        ],
      ),
    ),
  },
  tussentijds: {
    type: "tussentijds_overleg",
    title: "Tussentijds bestuurlijk overleg leerlingenvervoer",
    startsAt: "2026-04-14 09:00",
    place: "Stadhuis Groningen",
    invited: ["swv", "groningen"],
    attendance: [BESTUURDERS[0]!, BESTUURDERS[1]!, TREKKERS[0]!, TREKKERS[1]!, SECRETARIS],
    minutes: doc(
      h(1, "Notulen tussentijds bestuurlijk overleg leerlingenvervoer"),
      p(bold("Aanwezig: "), "Jeroen Bakker, Karim El Amrani, Eva Mulder, Sanne de Vries en Pieter Jansen."),
      h(2, "1. Vervoer naar de tussenvoorziening"),
      p(
        "Groningen stelt voor de kosten te delen; het samenwerkingsverband houdt vast aan de wettelijke verdeling. Een tussenvoorstel om de regeling één jaar te laten gelden vindt geen steun.",
      ),
      p(
        bold("Besluit: "),
        "het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO en vraagt om advies. De secretaris stelt het dossier samen.",
      ),
      h(2, "2. Overstap naar het mbo"),
      p("Partijen schuiven het punt door naar de ontwikkelagenda."),
    ),
  },
  tweede: {
    type: "formeel_oogo",
    title: "Tweede formeel bestuurlijk OOGO",
    startsAt: { daysFromToday: 14, time: "14:00" },
    place: "Gemeentehuis Tynaarlo, Vries",
    attendance: [],
  },
};

/** The correction typed into the formal OOGO's approved minutes under a logged amendment. */
export const FORMAL_MINUTES_CORRECTION =
  "Correctie: wethouder Anneke Smit (Tynaarlo) was aanwezig; alleen Lotte Hoekstra had zich afgemeld.";

// ── The agreed procedure's checklist ────────────────────────────────────────

export type StepKey =
  | "werkgroepIngesteld"
  | "voorbereiding"
  | "schriftelijkeRonde"
  | "conceptplan"
  | "proef"
  | "formeel"
  | "tussentijds"
  | "stukkenTweede"
  | "opr"
  | "vaststelling"
  | "inspectie";

export interface DemoStepText {
  title: string;
  /** A calendar date, or — for what is still ahead — days from the real date of seeding. */
  due: string | { daysFromToday: number };
}

export const DEMO_STEPS: Record<StepKey, DemoStepText> = {
  werkgroepIngesteld: { title: "Ambtelijke werkgroep ingesteld; elke partij wijst een trekker aan", due: "2025-09-12" },
  voorbereiding: { title: "Ambtelijke voorbereiding van de overeenstemmingspunten", due: "2025-11-20" },
  schriftelijkeRonde: {
    title: "Schriftelijke ronde: ondertekening vervoersprognose door de colleges",
    due: "2026-01-15",
  },
  conceptplan: { title: "Conceptplan gedeeld met beide colleges (zes weken vóór het formeel OOGO)", due: "2026-02-12" },
  proef: { title: "Proef-OOGO met beide colleges", due: "2026-01-22" },
  formeel: { title: "Formeel bestuurlijk OOGO", due: "2026-03-26" },
  tussentijds: { title: "Tussentijds bestuurlijk overleg over het vervoer", due: "2026-04-16" },
  stukkenTweede: { title: "Stukken voor het tweede formeel OOGO naar beide colleges", due: { daysFromToday: 7 } },
  opr: { title: "Instemming ondersteuningsplanraad gevraagd", due: { daysFromToday: 30 } },
  vaststelling: {
    title: "Vaststelling van het geactualiseerde ondersteuningsplan door het bestuur",
    due: { daysFromToday: 60 },
  },
  inspectie: { title: "Vastgesteld plan toegezonden aan de inspectie", due: { daysFromToday: 75 } },
};

// ── The ondersteuningsplan (issue 14) ───────────────────────────────────────

/** A chapter of the demo plan: a numbered heading, its paragraphs, and sections under it. */
export interface DemoPlanChapter {
  title: string;
  paragraphs: string[];
  sections?: Array<{ title: string; paragraphs: string[] }>;
}

/**
 * Concept 0.4 of the SWV's ondersteuningsplan, as its trekker imports it in September. Written so
 * the screening shows its whole scale: jeugdhulp, leerplicht and the overleg are agreed with the
 * gemeenten (3), the doorgaande lijn and the arbeidsmarkt are the region's own but still intentions
 * (2), leerlingenvervoer is standard text (1) and onderwijshuisvesting is not in it at all (0) —
 * which is where the werkgroep's own points on vervoer and huisvesting later come from.
 */
export const DEMO_PLAN = {
  fileName: "Ondersteuningsplan SWV VO Groningen Stad 2023-2027 concept 0.4.docx",
  label: "concept 0.4",
  title: "Ondersteuningsplan 2023–2027",
  subtitle: "Samenwerkingsverband VO Groningen Stad — concept 0.4, september 2025",
  chapters: [
    {
      title: "Inleiding",
      paragraphs: [
        "Dit ondersteuningsplan beschrijft hoe de scholen voor voortgezet onderwijs in de stad en rond Zuidlaren samen zorgen dat elke leerling een passende plek krijgt. Het plan loopt van augustus 2023 tot augustus 2027; deze actualisatie verwerkt wat de eerste twee schooljaren hebben geleerd.",
      ],
      sections: [
        {
          title: "Onze scholen",
          paragraphs: [
            "Het samenwerkingsverband telt elf schoolbesturen met samen zesentwintig scholen, van vmbo tot gymnasium, en twee scholen voor voortgezet speciaal onderwijs.",
          ],
        },
      ],
    },
    {
      title: "Basisondersteuning en extra ondersteuning",
      paragraphs: [
        "Elke school biedt de basisondersteuning die in het schoolondersteuningsprofiel staat. Leerlingen die meer nodig hebben, krijgen extra ondersteuning op de eigen school, in een arrangement of in de tussenvoorziening van het samenwerkingsverband.",
      ],
    },
    {
      title: "Jeugdhulp in en om de school",
      paragraphs: [
        "Het samenwerkingsverband en de gemeenten Groningen en Tynaarlo hebben afgesproken dat elke vo-school een vaste jeugdprofessional uit het wijkteam heeft.",
        "Die jeugdprofessional is ten minste één dagdeel per week op school en sluit aan bij het zorgoverleg van de school.",
      ],
    },
    {
      title: "Leerplicht en thuiszitters",
      paragraphs: [
        "Het samenwerkingsverband en de leerplichtambtenaren van Groningen en Tynaarlo overleggen elke maand over leerlingen die dreigen thuis te zitten.",
        "Wij streven ernaar dat geen leerling langer dan drie maanden zonder passend aanbod thuis zit.",
      ],
    },
    {
      title: "Doorgaande lijn",
      paragraphs: [
        "Een goede overgang van de basisschool naar het voortgezet onderwijs voorkomt dat leerlingen uitvallen.",
        "Wij verkennen met de basisscholen in Zuidlaren hoe de overstap naar het vo soepeler kan voor leerlingen die extra ondersteuning nodig hebben.",
      ],
    },
    {
      title: "Onderwijs en arbeidsmarkt",
      paragraphs: [
        "De scholen voor praktijkonderwijs en voortgezet speciaal onderwijs in de stad Groningen begeleiden hun leerlingen naar een stage, vervolgonderwijs of betaald werk.",
        "Wij willen samen met werkgevers meer leerwerkplekken vinden; de gemeenten worden daarbij betrokken.",
      ],
    },
    {
      title: "Leerlingenvervoer",
      paragraphs: [
        "Leerlingenvervoer is een taak van de gemeenten.",
        "Het samenwerkingsverband stemt waar nodig af met de gemeenten, zodat het vervoer van leerlingen aansluit bij hun plaatsing.",
      ],
    },
    {
      title: "Overleg met de gemeenten",
      paragraphs: [
        "Het samenwerkingsverband voert twee keer per jaar op overeenstemming gericht overleg met de wethouders onderwijs van Groningen en Tynaarlo.",
        "De beleidsadviseurs van de gemeenten en het samenwerkingsverband komen elk kwartaal bijeen in een ambtelijke werkgroep, die het bestuurlijk overleg voorbereidt.",
      ],
    },
    {
      title: "Middelen",
      paragraphs: [
        "Het samenwerkingsverband besteedt het grootste deel van zijn middelen aan de scholen. Een overzicht per jaar staat in de meerjarenbegroting.",
      ],
    },
  ] satisfies DemoPlanChapter[],
};
