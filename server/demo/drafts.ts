/**
 * Documents start below the page's own h1, so their headings start at level 2.
 *
 * The demo tafel's opening draft of the spiegelparagraaf, written for this product (not taken
 * from any real plan). ProseMirror JSON in the shared editor schema.
 */
import type { PointKey } from "./demoTexts.ts";

type Node = Record<string, unknown>;
const text = (t: string, marks?: string[]): Node => ({
  type: "text",
  text: t,
  ...(marks ? { marks: marks.map((m) => ({ type: m })) } : {}),
});
export const p = (...parts: Array<string | Node>): Node => ({
  type: "paragraph",
  content: parts.map((x) => (typeof x === "string" ? text(x) : x)),
});
export const h = (level: number, t: string): Node => ({ type: "heading", attrs: { level }, content: [text(t)] });
export const ul = (...items: string[]): Node => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [p(i)] })),
});
export const doc = (...content: Node[]): Node => ({ type: "doc", content });
export const bold = (t: string) => text(t, ["bold"]);

export const SPIEGELPARAGRAAF_DRAFT = doc(
  p(
    "Deze paragraaf legt vast hoe het samenwerkingsverband en de gemeenten Groningen en Tynaarlo passend onderwijs en ",
    "jeugdbeleid op elkaar afstemmen. Dezelfde tekst staat in het beleidsplan jeugd van beide gemeenten. ",
    bold("Concepttekst van de ambtelijke werkgroep — nog niet bestuurlijk besproken."),
  ),
  h(2, "Jeugdhulp"),
  p(
    "Jeugdhulp is zichtbaar aanwezig in en om de school. Elke vo-school heeft een vast aanspreekpunt van het gebiedsteam, dat ten minste eens per zes weken aanschuift bij het ondersteuningsteam.",
  ),
  ul(
    "Lichte hulp op school wordt zonder beschikking ingezet.",
    "Bij een onderwijs-zorgarrangement maken school, ouders en gemeente één plan.",
    "De gemeente en het samenwerkingsverband evalueren de inzet jaarlijks in het voorjaar.",
  ),
  h(2, "Leerlingenvervoer"),
  p(
    "Het samenwerkingsverband deelt elk jaar vóór 1 maart een overzicht van de locaties van extra ondersteuning en de verwachte verschuivingen, zodat de gemeenten de vervoersstromen kunnen ramen. Bij een plaatsing in het vso wordt de vervoersvraag meteen meegenomen.",
  ),
  h(2, "Onderwijshuisvesting"),
  p(
    "Wijzigingen in het aanbod van tussenvoorzieningen die huisvesting vragen, worden eerst in het OOGO besproken en daarna in het overleg over het integraal huisvestingsplan uitgewerkt.",
  ),
  h(2, "Leerplicht en thuiszitters"),
  p(
    "Geen leerling zit langer dan drie maanden thuis zonder passend aanbod van onderwijs en/of jeugdhulp. Leerplicht, school en samenwerkingsverband bespreken dreigende thuiszitters binnen twee weken in een casusoverleg; het samenwerkingsverband heeft doorzettingsmacht.",
  ),
  ul(
    "Tweemaandelijkse monitor thuiszitters per gemeente.",
    "Gezamenlijke jaarrapportage aan beide colleges en het bestuur.",
  ),
  h(2, "Doorgaande lijn"),
  p(
    "Bij de overstap van po naar vo en van vo naar mbo vindt voor leerlingen met extra ondersteuning altijd een warme overdracht plaats, met toestemming van ouders en leerling.",
  ),
  h(2, "Onderwijs en arbeidsmarkt"),
  p(
    "Voor leerlingen uit het praktijkonderwijs en het vso maken scholen, gemeenten en werkgevers afspraken over stages, begeleiding naar werk en dagbesteding, zodat niemand zonder vervolg de school verlaat.",
  ),
);

/** The agreed OOGO procedure of the demo tafel, as the secretary recorded it. */
export const PROCEDURE_DRAFT = doc(
  p(
    "Het samenwerkingsverband en de colleges van Groningen en Tynaarlo voeren het OOGO over het ondersteuningsplan 2023–2027 volgens deze afspraken.",
  ),
  ul(
    "De ambtelijke werkgroep bereidt de overeenstemmingspunten per thema voor; elke partij wijst een ambtelijk trekker aan.",
    "Het conceptplan wordt ten minste zes weken vóór het formele OOGO met beide gemeenten gedeeld.",
    "Een punt gaat pas naar het bestuurlijk overleg als alle trekkers ambtelijk akkoord zijn.",
    "Overeenstemming wordt vastgelegd doordat de directeur-bestuurder en de wethouders de tekst ondertekenen.",
    "Komen partijen er niet uit, dan volgt eerst een tussentijds bestuurlijk overleg; daarna kan elke partij de Landelijke Geschillencommissie OOGO inschakelen.",
  ),
);

/** An embedded overeenstemmingspunt (shared/editor/pointEmbed.ts): a reference, never a copy. */
export const pointBlock = (pointId: string): Node => ({ type: "overeenstemmingspunt", attrs: { pointId } });
/** Points not created yet are left out (they are embedded when they exist). */
const pointBlocks = (...ids: Array<string | undefined>): Node[] => ids.flatMap((id) => (id ? [pointBlock(id)] : []));

/**
 * The spiegelparagraaf once the werkgroep has its points (issue 12, "one source for agreed
 * text"): per theme a sentence of intent, then the points themselves. The prose states no norm
 * of its own (no terms, no frequencies): what partijen agree is the text of the point, so the
 * paragraph can no longer say "twee weken" where the point says "tien schooldagen".
 */
export const spiegelparagraafWithPoints = (point: (key: PointKey) => string | undefined): Node =>
  doc(
    p(
      "Deze paragraaf legt vast hoe het samenwerkingsverband en de gemeenten Groningen en Tynaarlo passend onderwijs en ",
      "jeugdbeleid op elkaar afstemmen. Dezelfde tekst staat in het beleidsplan jeugd van beide gemeenten. De afspraken zelf ",
      "staan in de overeenstemmingspunten hieronder; die tekst geldt. ",
      bold("Concepttekst van de ambtelijke werkgroep — nog niet bestuurlijk besproken."),
    ),
    h(2, "Jeugdhulp"),
    p("Jeugdhulp is zichtbaar aanwezig in en om de school, en lichte hulp komt er zonder drempels."),
    ...pointBlocks(point("aanspreekpunt"), point("lichteHulp")),
    h(2, "Leerlingenvervoer"),
    p(
      "Het samenwerkingsverband deelt wat de gemeenten nodig hebben om de vervoersstromen te ramen, en bij een plaatsing wordt de vervoersvraag meteen meegenomen.",
    ),
    ...pointBlocks(point("prognose"), point("vervoerOpdc")),
    h(2, "Onderwijshuisvesting"),
    p(
      "Wijzigingen in het aanbod van tussenvoorzieningen die huisvesting vragen, worden eerst in het OOGO besproken en daarna in het overleg over het integraal huisvestingsplan uitgewerkt.",
    ),
    ...pointBlocks(point("huisvestingOpdc"), point("toegankelijkheid")),
    h(2, "Leerplicht en thuiszitters"),
    p(
      "Geen leerling zit thuis zonder passend aanbod van onderwijs en/of jeugdhulp. Leerplicht, school en samenwerkingsverband pakken dreigend thuiszitten samen op; het samenwerkingsverband heeft doorzettingsmacht.",
    ),
    ...pointBlocks(point("casusoverleg"), point("monitor")),
    h(2, "Doorgaande lijn"),
    p(
      "Bij de overstap van po naar vo en van vo naar mbo vindt voor leerlingen met extra ondersteuning altijd een warme overdracht plaats, met toestemming van ouders en leerling.",
    ),
    ...pointBlocks(point("warmeOverdracht"), point("overstapMbo")),
    h(2, "Onderwijs en arbeidsmarkt"),
    p(
      "Voor leerlingen uit het praktijkonderwijs en het vso maken scholen, gemeenten en werkgevers afspraken over stages, begeleiding naar werk en dagbesteding, zodat niemand zonder vervolg de school verlaat.",
    ),
    ...pointBlocks(point("stagesZuidlaren"), point("werkplekken")),
  );
