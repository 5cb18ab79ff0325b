/**
 * The standard bespreekpunten every tafel starts with (issue 14), in our own words.
 *
 * For an ondersteuningsplan: after the VNG "Leeswijzer ondersteuningsplan passend onderwijs, een
 * leeswijzer voor gemeenten" (versie 25-11-2013) — its general agenda of nine questions and, per
 * element of the plan, the questions a gemeente raises (its instrument table, which in turn cites
 * the handreiking "De verbinding Passend onderwijs en zorg voor jeugd"). Paraphrased, not quoted.
 *
 * For a jeugdplan: the mirrored set — what the samenwerkingsverband asks of the gemeente's plan.
 * The leeswijzer has no such list; this set is our own and is marked as such (`source`).
 *
 * Keys are stable: a tafel's rows refer to them, so a key is never reused for another question.
 */
import type { BespreekpuntSource } from "../domain/bespreekpunten.ts";
import type { PartyKind } from "../domain/parties.ts";

export interface StandardBespreekpunt {
  key: string;
  /** Group heading in the list: the general agenda, or the plan element the question is about. */
  group: string;
  title: string;
  /** The question put to the other party. */
  question: string;
  /** Which side usually raises it (and so leads it); the other side answers. */
  askedBy: PartyKind;
  /** Theme prefilled when the bespreekpunt becomes an overeenstemmingspunt. */
  theme: string | null;
}

export interface StandardSet {
  source: BespreekpuntSource;
  /** Shown with the list: where the set comes from. */
  citation: string;
  items: readonly StandardBespreekpunt[];
}

const AGENDA = "Algemene agenda";
const EXTRA = "Voorzieningen voor extra ondersteuning";
const MIDDELEN = "Middelen";
const PLAATSING = "Plaatsing en terugplaatsing";
const RESULTATEN = "Resultaten";
const OUDERS = "Ouders";

export const LEESWIJZER_SET: StandardSet = {
  source: "leeswijzer",
  citation:
    "Naar de VNG-leeswijzer ‘Ondersteuningsplan passend onderwijs, een leeswijzer voor gemeenten’ (25-11-2013), in eigen woorden.",
  items: [
    {
      key: "lw.missie",
      group: AGENDA,
      title: "Gezamenlijke missie en doelen",
      question: "Vanuit welke gedeelde missie, visie en doelen werken wij de komende planperiode samen?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.samenhang_jeugd",
      group: AGENDA,
      title: "Samenhang onderwijs en jeugdhulp",
      question:
        "Hoe sluiten ondersteuning op school en hulp aan jeugd en gezin op elkaar aan, en wat vragen school en jeugddomein van elkaar?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.doorgaande_lijn",
      group: AGENDA,
      title: "Doorgaande lijn",
      question: "Hoe borgen we de overgangen van voorschool naar po, vo en mbo, met een warme overdracht?",
      askedBy: "gemeente",
      theme: "doorgaande_lijn",
    },
    {
      key: "lw.thuiszitters",
      group: AGENDA,
      title: "Gezamenlijke aanpak thuiszitters",
      question: "Hoe pakken we thuiszitten samen aan, en wie zet door als een leerling geen plek heeft?",
      askedBy: "gemeente",
      theme: "leerplicht_thuiszitters",
    },
    {
      key: "lw.vervoer",
      group: AGENDA,
      title: "Gevolgen voor leerlingenvervoer",
      question: "Welke gevolgen heeft de spreiding van voorzieningen in dit plan voor het leerlingenvervoer?",
      askedBy: "gemeente",
      theme: "leerlingenvervoer",
    },
    {
      key: "lw.huisvesting",
      group: AGENDA,
      title: "Gevolgen voor onderwijshuisvesting",
      question:
        "Wat verandert er aan voorzieningen en tussenvoorzieningen, en wat betekent dat voor huisvesting en het IHP?",
      askedBy: "gemeente",
      theme: "onderwijshuisvesting",
    },
    {
      key: "lw.arbeidsmarkt",
      group: AGENDA,
      title: "Aansluiting op werk",
      question: "Hoe werkt dit plan door in de aansluiting van pro en vso op werk en dagbesteding?",
      askedBy: "gemeente",
      theme: "onderwijs_arbeidsmarkt",
    },
    {
      key: "lw.ontwikkelagenda",
      group: AGENDA,
      title: "Gezamenlijke ontwikkelagenda",
      question: "Stellen we samen een ontwikkelagenda op, en hoe organiseren we het werk daaraan?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.professionals",
      group: AGENDA,
      title: "Professionals en bestuurlijke kaders",
      question:
        "Hoe rusten we leraren en jeugdprofessionals toe voor deze samenwerking, en welke bestuurlijke kaders geven we mee?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.eo.hulp_om_school",
      group: EXTRA,
      title: "Hulp in en om de school",
      question: "Welke hulp is in en om de school nodig, zoals jeugdgezondheidszorg en schoolmaatschappelijk werk?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.eo.aansluiting_zorg",
      group: EXTRA,
      title: "Van schoolondersteuning naar lichte en zware jeugdhulp",
      question: "Hoe sluit de ondersteuningsstructuur van de school aan op lichte en zwaardere jeugdhulp?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.eo.arrangementen",
      group: EXTRA,
      title: "Onderwijs-zorgarrangementen",
      question: "Welke gecombineerde arrangementen van onderwijs en zorg gaan we samen mogelijk maken?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.eo.signalering",
      group: EXTRA,
      title: "Signaleren en doorverwijzen",
      question: "Wie coördineert signalering en doorverwijzing tussen school en zorgpartners, en hoe?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.eo.dekkend",
      group: EXTRA,
      title: "Dekkend aanbod en grensverkeer",
      question: "Is het aanbod dekkend, ook voor leerlingen die naar een school buiten de regio gaan of vandaar komen?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.mi.preventief",
      group: MIDDELEN,
      title: "Middelen voor preventie en lichte hulp",
      question: "Welke middelen gaan naar preventieve zorg en lichte ondersteuning in en om de school?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.mi.projecten",
      group: MIDDELEN,
      title: "Gezamenlijke projecten",
      question: "Is er geld voor gezamenlijke projecten en proeven op het snijvlak van onderwijs en jeugdhulp?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.pl.gevolgen",
      group: PLAATSING,
      title: "Gevolgen van de toewijzingsprocedure",
      question: "Wat betekenen de procedures voor plaatsing en terugplaatsing voor thuiszitters in onze gemeente?",
      askedBy: "gemeente",
      theme: "leerplicht_thuiszitters",
    },
    {
      key: "lw.pl.integraal",
      group: PLAATSING,
      title: "Eén toewijzing van onderwijs en jeugdhulp",
      question: "Hoe stemmen we de toewijzing van extra ondersteuning af op de toegang tot opvoedhulp en jeugdhulp?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
    {
      key: "lw.re.doelen",
      group: RESULTATEN,
      title: "Beoogde resultaten",
      question:
        "Welke resultaten beogen we voor thuiszitters, voortijdig schoolverlaten, startkwalificaties en de zorg voor jeugd?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.re.kengetallen",
      group: RESULTATEN,
      title: "Kengetallen en streefcijfers",
      question: "Welke lokale en regionale kengetallen delen we, en welke streefcijfers spreken we af?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.ou.wmo",
      group: OUDERS,
      title: "Steun aan ouders en de Wmo",
      question: "Hoe sluit de informatie en begeleiding van ouders aan op wat de gemeente via de Wmo biedt?",
      askedBy: "gemeente",
      theme: null,
    },
    {
      key: "lw.ou.een_gezin",
      group: OUDERS,
      title: "Eén gezin, één plan",
      question: "Hoe bieden we bij complexe problemen één samenhangend plan voor het hele gezin?",
      askedBy: "gemeente",
      theme: "jeugdhulp",
    },
  ],
};

const JEUGD = "Het jeugdplan, vanuit het onderwijs gelezen";

export const JEUGDPLAN_SET: StandardSet = {
  source: "spiegel_jeugdplan",
  citation:
    "Eigen uitwerking: de leeswijzer kent geen lijst voor het jeugdplan. Deze vragen spiegelen die van de leeswijzer vanuit de scholen.",
  items: [
    {
      key: "jp.toegang",
      group: JEUGD,
      title: "Toegang tot jeugdhulp vanuit school",
      question: "Hoe kan een school of het samenwerkingsverband snel jeugdhulp inschakelen, en wie is het aanspreekpunt?",
      askedBy: "swv",
      theme: "jeugdhulp",
    },
    {
      key: "jp.in_school",
      group: JEUGD,
      title: "Jeugdhulp in de school",
      question: "Welke jeugdhulp biedt de gemeente in of naast de school, en zonder beschikking waar dat kan?",
      askedBy: "swv",
      theme: "jeugdhulp",
    },
    {
      key: "jp.leerplicht",
      group: JEUGD,
      title: "Leerplicht en verzuim",
      question: "Hoe werken leerplicht en het samenwerkingsverband samen bij verzuim en dreigend thuiszitten?",
      askedBy: "swv",
      theme: "leerplicht_thuiszitters",
    },
    {
      key: "jp.vervoer",
      group: JEUGD,
      title: "Leerlingenvervoer",
      question: "Hoe houdt de vervoersverordening rekening met de spreiding van voorzieningen in het ondersteuningsplan?",
      askedBy: "swv",
      theme: "leerlingenvervoer",
    },
    {
      key: "jp.huisvesting",
      group: JEUGD,
      title: "Huisvesting van voorzieningen",
      question: "Welke ruimte maakt de gemeente in het IHP voor voorzieningen en tussenvoorzieningen?",
      askedBy: "swv",
      theme: "onderwijshuisvesting",
    },
    {
      key: "jp.voorschool",
      group: JEUGD,
      title: "Voorschool en jonge kind",
      question: "Hoe zorgt de gemeente voor een warme overdracht van voorschool en kinderopvang naar de basisschool?",
      askedBy: "swv",
      theme: "doorgaande_lijn",
    },
    {
      key: "jp.werk",
      group: JEUGD,
      title: "Van school naar werk",
      question: "Welke steun biedt de gemeente jongeren uit pro en vso op weg naar werk of dagbesteding?",
      askedBy: "swv",
      theme: "onderwijs_arbeidsmarkt",
    },
    {
      key: "jp.privacy",
      group: JEUGD,
      title: "Gegevens delen",
      question: "Welke afspraken gelden voor het delen van gegevens tussen jeugdhulp en school?",
      askedBy: "swv",
      theme: null,
    },
  ],
};

export const STANDARD_SETS = { ondersteuningsplan: LEESWIJZER_SET, jeugdplan: JEUGDPLAN_SET } as const;
