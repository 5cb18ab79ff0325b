/**
 * Demo overeenstemmingspunten: a dozen points across the six standard themes, in the states a
 * real OOGO shows halfway through. Every state is reached through the real verbs, acting as the
 * demo members, so the log is a true history (stances with reasonings, automatic steps, an edit
 * that voids signatures, a dispute). The texts are written for this product, not taken from any
 * real plan.
 */
import type { PointStatus } from "../../shared/domain/pointStatus.ts";
import type { DemoContext } from "./seedDemo.ts";
import { createContext } from "../services/serviceContext.ts";
import { createPoint } from "../services/points/createPoint.ts";
import { paragraphEdit } from "../services/points/paragraphEdit.ts";
import { pointDocumentName, readDurableText } from "../services/points/pointText.ts";
import { recordStance } from "../services/points/recordStance.ts";
import { refreshPointText } from "../services/points/refreshPointText.ts";
import { signOffPoint } from "../services/points/signOffPoint.ts";
import { transitionPoint } from "../services/points/transitionPoint.ts";

type Node = Record<string, unknown>;
const t = (text: string): Node => ({ type: "text", text });
const p = (text: string): Node => ({ type: "paragraph", content: [t(text)] });
const ul = (...items: string[]): Node => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const doc = (...content: Node[]): Node => ({ type: "doc", content });

const SWV_T = "swv.medewerker@demo.oogo.test";
const SWV_B = "swv.bestuurder@demo.oogo.test";
const GRO_T = "ambtenaar.groningen@demo.oogo.test";
const GRO_W = "wethouder.groningen@demo.oogo.test";
const TYN_T = "ambtenaar.tynaarlo@demo.oogo.test";
const TYN_W = "wethouder.tynaarlo@demo.oogo.test";
const SEC = "secretaris@demo.oogo.test";

type Stance = "akkoord" | "akkoord_met_voorbehoud" | "niet_akkoord";

/** The titles of the demo points, so other seeders (meetings) can find them. */
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

export async function seedDemoPoints(ctx: DemoContext): Promise<void> {
  const { deps, workspaceId } = ctx;
  const m = ctx.as;
  const system = createContext(deps);
  const gro = ctx.parties.groningen.id;
  const tyn = ctx.parties.tynaarlo.id;

  const make = async (by: string, theme: string, title: string, text: Node, extra: { scope?: string[]; termMonths?: number } = {}) =>
    (await createPoint(m(by), { workspaceId, theme, title, scope: extra.scope ?? null, termMonths: extra.termMonths ?? null, json: text })).point.id;
  const move = (id: string, by: string, to: PointStatus, reason: string) => transitionPoint(m(by), { pointId: id, to, reason });
  const stance = (id: string, by: string, value: Stance, reasoning = "") => recordStance(m(by), { pointId: id, stance: value, reasoning });
  const allAkkoord = async (id: string, trekkers: string[]) => {
    for (const by of trekkers) await stance(id, by, "akkoord", "Akkoord met deze tekst.");
  };
  const sign = async (id: string, ...by: string[]) => {
    for (const who of by) {
      const text = await readDurableText(system, { id, workspaceId });
      await signOffPoint(m(who), { pointId: id, textHash: text.hash });
    }
  };
  /** An editor adds a paragraph (stored like the sync server stores it), then the watcher's recompute runs. */
  const edit = async (id: string, paragraph: string) => {
    const name = pointDocumentName({ id, workspaceId });
    await ctx.store.append(name, [paragraphEdit(await ctx.store.load(name), paragraph)]);
    await refreshPointText(system, { pointId: id });
  };
  const ALL_TREKKERS = [SWV_T, GRO_T, TYN_T];

  // 1. Jeugdhulp — overeenstemming, signed by all three after a voorbehoud was resolved in the text.
  {
    const id = await make(SWV_T, "jeugdhulp", DEMO_POINT_TITLES.aanspreekpunt, doc(
      p("Elke vo-school in Groningen en Tynaarlo krijgt een vaste contactpersoon uit het gebiedsteam of wijkteam van de gemeente waar de school staat. De contactpersoon is bekend bij mentoren en zorgcoördinatoren en schuift op afspraak aan bij het ondersteuningsteam van de school."),
      p("School en contactpersoon spreken aan het begin van elk schooljaar af hoe ze elkaar bereiken en hoe snel een vraag wordt opgepakt. Een vraag van school krijgt binnen vijf werkdagen een eerste reactie."),
    ), { termMonths: 12 });
    await move(id, SWV_T, "in_bespreking", "Voorstel van het samenwerkingsverband voor de ambtelijke werkgroep van februari.");
    await stance(id, SWV_T, "akkoord", "Sluit aan bij wat scholen ons vragen.");
    await stance(id, GRO_T, "akkoord", "Past in de inzet van WIJ-teams op school.");
    await stance(id, TYN_T, "akkoord_met_voorbehoud", "Tynaarlo heeft één school in scope; een vaste contactpersoon kan alleen als het sociaal team die uren vrijmaakt.");
    await edit(id, "Voor scholen met weinig leerlingen uit een gemeente kan die gemeente de contactpersoon delen met een andere school in de buurt.");
    await allAkkoord(id, ALL_TREKKERS);
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO in maart.");
    await sign(id, SWV_B, GRO_W, TYN_W);
  }

  // 2. Jeugdhulp — in bespreking with three different positions.
  {
    const id = await make(GRO_T, "jeugdhulp", DEMO_POINT_TITLES.lichteHulp, doc(
      p("Lichte, kortdurende hulp aan een leerling of gezin, zoals een paar gesprekken met een jeugdhulpverlener op school, wordt zonder beschikking ingezet. De school meldt de vraag bij de contactpersoon van de gemeente; die zet de hulp in en registreert alleen wat nodig is voor de verantwoording."),
      ul("Maximaal tien contactmomenten per leerling per schooljaar.", "Blijkt zwaardere hulp nodig, dan volgt de gewone toegang met een beschikking.", "Partijen evalueren na één schooljaar wat het oplevert en wat het kost."),
    ));
    await move(id, GRO_T, "in_bespreking", "Eerste bespreking in de werkgroep jeugd.");
    await stance(id, SWV_T, "akkoord", "Scholen willen juist dit: snel en zonder papierwerk.");
    await stance(id, GRO_T, "akkoord_met_voorbehoud", "Akkoord als het maximum van tien contactmomenten blijft staan; anders is dit niet te begroten.");
    await stance(id, TYN_T, "niet_akkoord", "Onze verordening jeugdhulp kent deze vrij toegankelijke vorm nog niet; eerst de verordening aanpassen.");
  }

  // 3. Leerlingenvervoer — ambtelijk akkoord; a written round has begun (the SWV signed).
  {
    const id = await make(SWV_T, "leerlingenvervoer", DEMO_POINT_TITLES.prognose, doc(
      p("Het samenwerkingsverband levert elk jaar vóór 1 maart aan beide gemeenten een overzicht van het aantal leerlingen per voorziening voor extra ondersteuning, met de verwachte verschuivingen voor het komende schooljaar."),
      p("De gemeenten gebruiken dit overzicht om de vervoerskosten te ramen en het vervoer tijdig aan te besteden. Wijkt het werkelijke aantal leerlingen meer dan tien procent af, dan overleggen partijen vóór de zomervakantie."),
    ), { termMonths: 48 });
    await move(id, SWV_T, "in_bespreking", "Ambtelijke werkgroep vervoer.");
    await allAkkoord(id, ALL_TREKKERS);
    await sign(id, SWV_B);
  }

  // 4. Leerlingenvervoer — Groningen only, in geschil (the disputed point for the dossier).
  {
    const id = await make(SWV_T, "leerlingenvervoer", DEMO_POINT_TITLES.vervoerOpdc, doc(
      p("Leerlingen die tijdelijk naar de tussenvoorziening van het samenwerkingsverband gaan, komen in aanmerking voor leerlingenvervoer als de reistijd met het openbaar vervoer meer dan drie kwartier bedraagt, ongeacht de afstand tot de eigen school."),
      p("De gemeente Groningen draagt de kosten van dit vervoer. Het samenwerkingsverband meldt elke plaatsing binnen twee werkdagen, zodat het vervoer op de eerste schooldag geregeld is."),
    ), { scope: [gro] });
    await move(id, SWV_T, "in_bespreking", "Voorstel van het samenwerkingsverband.");
    await stance(id, GRO_T, "niet_akkoord", "De kosten liggen volledig bij de gemeente, terwijl de plaatsing een besluit van het samenwerkingsverband is.");
    await stance(id, SWV_T, "akkoord", "Zonder vervoer haken juist deze leerlingen af.");
    await stance(id, GRO_T, "akkoord", "Ambtelijk akkoord om de tekst bestuurlijk voor te leggen; de kostenverdeling is een bestuurlijke vraag.");
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO.");
    await move(id, GRO_W, "geen_overeenstemming", "Het college kan de extra vervoerskosten niet dragen binnen de begroting en vraagt een bijdrage van het samenwerkingsverband.");
    await move(id, SWV_B, "in_geschil", "Het bestuur van het samenwerkingsverband legt het geschil voor aan de Landelijke Geschillencommissie OOGO.");
  }

  // 5. Onderwijshuisvesting — geagendeerd; the text is locked and awaits the bestuurders.
  {
    const id = await make(GRO_T, "onderwijshuisvesting", DEMO_POINT_TITLES.huisvestingOpdc, doc(
      p("De tussenvoorziening van het samenwerkingsverband blijft tot de zomer van 2026 in het huidige gebouw. Uiterlijk in het voorjaar van 2025 leggen samenwerkingsverband en gemeente Groningen samen een voorstel voor een vaste locatie voor."),
      p("Het voorstel wordt daarna uitgewerkt in het overleg over het integraal huisvestingsplan. Tynaarlo wordt geïnformeerd maar draagt niet bij aan de kosten van het gebouw."),
    ));
    await move(id, GRO_T, "in_bespreking", "Besproken in de werkgroep huisvesting.");
    await allAkkoord(id, ALL_TREKKERS);
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO; tekst vastgezet.");
  }

  // 6. Onderwijshuisvesting — still a concept.
  await make(GRO_T, "onderwijshuisvesting", DEMO_POINT_TITLES.toegankelijkheid, doc(
    p("Bij nieuwbouw en ingrijpende renovatie van een schoolgebouw toetsen schoolbestuur en gemeente het ontwerp op toegankelijkheid voor leerlingen met een lichamelijke beperking, voordat het ontwerp definitief wordt."),
    p("Nog uit te werken: wie de toets uitvoert en wie eventuele meerkosten draagt."),
  ));

  // 7. Leerplicht en thuiszitters — agreed, laid down in the plan and being carried out.
  {
    const id = await make(SWV_T, "leerplicht_thuiszitters", DEMO_POINT_TITLES.casusoverleg, doc(
      p("Dreigt een leerling thuis te komen zitten, dan organiseert de school binnen tien schooldagen een casusoverleg met ouders, leerling, leerplicht en de contactpersoon van de gemeente. Het samenwerkingsverband sluit aan als de school een plaatsing elders overweegt."),
      ul("Het overleg eindigt met één plan en één regisseur.", "Komen partijen er niet uit, dan beslist de directeur van het samenwerkingsverband binnen vijf schooldagen.", "Leerplicht registreert elke casus in de thuiszittersmonitor."),
    ), { termMonths: 48 });
    await move(id, SWV_T, "in_bespreking", "Uitwerking van de doorzettingsmacht uit het vorige plan.");
    await allAkkoord(id, ALL_TREKKERS);
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO.");
    await sign(id, SWV_B, GRO_W, TYN_W);
    await move(id, SEC, "vastgelegd", "Opgenomen in het vastgestelde ondersteuningsplan 2023–2027.");
    await move(id, GRO_T, "in_uitvoering", "Scholen zijn geïnformeerd; de eerste casusoverleggen zijn gehouden.");
  }

  // 8. Leerplicht en thuiszitters — was agreed in a written round, then edited: signatures verouderd.
  {
    const id = await make(TYN_T, "leerplicht_thuiszitters", DEMO_POINT_TITLES.monitor, doc(
      p("Leerplicht van beide gemeenten en het samenwerkingsverband stellen elk kwartaal samen een overzicht op van het aantal thuiszitters per gemeente, met de duur van het thuiszitten en de stand van het plan per leerling, zonder namen."),
      p("Het overzicht gaat naar de wethouders en het bestuur van het samenwerkingsverband en wordt besproken in het eerstvolgende ambtelijk overleg."),
    ));
    await move(id, TYN_T, "in_bespreking", "Voorstel van Tynaarlo.");
    await allAkkoord(id, ALL_TREKKERS);
    await sign(id, SWV_B, GRO_W, TYN_W);
    await edit(id, "Leerlingen met een vrijstelling van de leerplicht worden apart in het overzicht vermeld.");
    await stance(id, TYN_T, "akkoord", "De toevoeging over vrijstellingen komt van ons; akkoord met de nieuwe tekst.");
  }

  // 9. Doorgaande lijn — agreed earlier, now reopened for revision.
  {
    const id = await make(SWV_T, "doorgaande_lijn", DEMO_POINT_TITLES.warmeOverdracht, doc(
      p("Voor elke leerling met extra ondersteuning die van de basisschool naar het voortgezet onderwijs gaat, vindt vóór 1 juni een overdrachtsgesprek plaats tussen de basisschool, de nieuwe school en de ouders. Als er jeugdhulp is, schuift de hulpverlener aan."),
      p("De overdracht gebeurt met toestemming van ouders en wordt vastgelegd in het overstapdossier."),
    ), { termMonths: 12 });
    await move(id, SWV_T, "in_bespreking", "Werkgroep doorgaande lijn.");
    await allAkkoord(id, ALL_TREKKERS);
    await sign(id, SWV_B, GRO_W, TYN_W);
    await move(id, GRO_W, "herzien", "Na het eerste jaar blijkt 1 juni te laat voor scholen die hun klassen in mei indelen; partijen heropenen de afspraak.");
  }

  // 10. Doorgaande lijn — no agreement at the meeting, moved to the ontwikkelagenda.
  {
    const id = await make(SWV_T, "doorgaande_lijn", DEMO_POINT_TITLES.overstapMbo, doc(
      p("Jongeren die het vso verlaten en naar het mbo gaan, houden in hun eerste mbo-jaar een vaste begeleider van hun oude school. De gemeenten financieren deze begeleiding uit het budget voor jeugdhulp."),
    ));
    await move(id, SWV_T, "in_bespreking", "Werkgroep doorgaande lijn.");
    await allAkkoord(id, ALL_TREKKERS);
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO.");
    await move(id, SEC, "geen_overeenstemming", "Het mbo zit niet aan deze tafel; zonder het mbo kunnen de gemeenten niet besluiten over de financiering.");
    await move(id, SWV_B, "doorgeschoven", "Naar de ontwikkelagenda: eerst afstemmen met het mbo in het RMC-overleg.");
  }

  // 11. Onderwijs en arbeidsmarkt — Tynaarlo only, in bespreking.
  {
    const id = await make(TYN_T, "onderwijs_arbeidsmarkt", DEMO_POINT_TITLES.stagesZuidlaren, doc(
      p("Voor leerlingen uit het praktijkonderwijs en het vso die rond Zuidlaren wonen, zoekt de gemeente Tynaarlo samen met de scholen stageplaatsen bij werkgevers in de eigen gemeente, zodat leerlingen niet dagelijks naar de stad hoeven te reizen."),
      p("Een jobcoach van de gemeente begeleidt de leerling tijdens de laatste stage en het eerste halfjaar werk."),
    ), { scope: [tyn] });
    await move(id, TYN_T, "in_bespreking", "Voorstel van Tynaarlo.");
    await stance(id, SWV_T, "akkoord", "Goed voor de leerlingen uit Zuidlaren.");
    await stance(id, TYN_T, "akkoord_met_voorbehoud", "De jobcoach kan alleen als de subsidie voor begeleiding naar werk in 2025 doorloopt.");
  }

  // 12. Onderwijs en arbeidsmarkt — the bestuurlijk overleg reached no agreement.
  {
    const id = await make(GRO_T, "onderwijs_arbeidsmarkt", DEMO_POINT_TITLES.werkplekken, doc(
      p("Beide gemeenten bieden in hun eigen organisatie elk jaar ten minste vijf leer-werkplekken aan voor leerlingen uit het praktijkonderwijs en het vso, met een begeleider op de werkplek."),
    ));
    await move(id, GRO_T, "in_bespreking", "Voorstel uit het werkgeversnetwerk.");
    await allAkkoord(id, ALL_TREKKERS);
    await move(id, SEC, "geagendeerd", "Geagendeerd voor het formeel bestuurlijk OOGO.");
    await move(id, TYN_W, "geen_overeenstemming", "Tynaarlo heeft in de eigen organisatie te weinig geschikte plekken; liever afspraken met lokale werkgevers.");
  }
}
