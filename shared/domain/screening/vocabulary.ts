/**
 * The words the screening looks for. All patterns run on text that is lower-cased with its
 * accents removed (see `fold`), so "één" is written "een" here.
 */

/** Lower case without diacritics, and with typographic quotes and dashes made plain. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-–]/g, "-")
    .toLowerCase();
}

/**
 * Theme words for the six standard themes (shared/domain/themes.ts). Word starts are anchored
 * (`\b`); where a stem may take endings the pattern says so. "werk" alone is not a theme word: it
 * is in every "samenwerking".
 */
export const THEME_VOCABULARY: Record<string, RegExp> = {
  jeugdhulp:
    /\b(jeugdhulp\w*|jeugdzorg\w*|zorg voor (de )?jeugd|jeugdwet|cjg|centrum voor jeugd( en gezin)?|wijkteam\w*|jeugdteam\w*|sociaal team\w*|sociale teams?|jeugdgezondheidszorg|jgz|schoolmaatschappelijk werk|smw|vroegsignalering|een gezin,? een plan|1 gezin[ -]1 plan|onderwijs-? ?zorgarrangement\w*|jeugdarts\w*|jeugdconsulent\w*|jeugdprofessional\w*|opvoedondersteuning|gezinscoach\w*)\b/,
  leerlingenvervoer:
    /\b(leerlingenvervoer|(aangepast |openbaar |taxi|groeps)?vervoer\w*|vervoersvoorziening\w*|vervoersstromen|reiskosten\w*)\b/,
  onderwijshuisvesting:
    /\b(onderwijshuisvesting|huisvesting\w*|ihp|integraal huisvestingsplan\w*|schoolgebouw\w*|nieuwbouw|verbouwing\w*|huisvestingsverordening\w*|onderwijskaart)\b/,
  leerplicht_thuiszitters:
    /\b(leerplicht\w*|thuiszitt\w*|zorgplicht|aanmeldpunt\w*|verzuim\w*|vrijstelling\w*|doorzettingsmacht|rmc|schoolverzuim|voortijdig schoolverlat\w*|vsv)\b/,
  doorgaande_lijn:
    /\b(doorgaande (leer|zorg|ontwikkelings)?-? ?lijn\w*|(leer|zorg)lijnen|warme overdracht|overdracht\w*|overgang\w*|voorschool\w*|voorschoolse|vve|kinderopvang|peuter\w*|schakelmoment\w*|overstap\w*|po-vo|vo-mbo)\b/,
  onderwijs_arbeidsmarkt:
    /\b(arbeidsmarkt\w*|dagbesteding|praktijkonderwijs|pro|participatiewet|banenafspraak|stage\w*|arbeidstoeleiding|werkgever\w*|startkwalificatie\w*|wajong|uwv|jobcoach\w*|(betaald|regulier) werk|naar werk|aan het werk)\b/,
};

/** The two overleg questions (Oberon's own tables): how bestuurlijk and ambtelijk overleg are arranged. */
export const OVERLEG_QUESTIONS = [
  {
    key: "bestuurlijk_overleg",
    label: "Bestuurlijk overleg",
    description: "Hoe het bestuurlijk overleg met de gemeenten (het OOGO) is geregeld.",
  },
  {
    key: "ambtelijk_overleg",
    label: "Ambtelijk overleg",
    description: "Hoe het ambtelijk overleg en de werkgroepen met de gemeenten zijn geregeld.",
  },
] as const;

export const OVERLEG_VOCABULARY: Record<string, RegExp> = {
  bestuurlijk_overleg:
    /\b(oogo|op overeenstemming gericht(e)? overleg|bestuurlijk(e)? overleg\w*|bestuurlijke tafel\w*|wethouder\w*|portefeuillehouder\w*|lokale educatieve agenda|lea|rea|regionale educatieve agenda)\b/,
  ambtelijk_overleg:
    /\b(ambtelijk(e)? overleg\w*|ambtelijke werkgroep\w*|werkgroep\w*|beleidsmedewerker\w*|beleidsadviseur\w*|ambtenaren|ambtelijk(e)? (vertegenwoordiging|trekker\w*|voorbereiding))\b/,
};

/** Agreements stated as facts: something was agreed, laid down, or is simply done. */
export const AGREEMENT =
  /\b(is|zijn|hebben|heeft) (\w+ ){0,6}(afgesproken|overeengekomen|vastgelegd|vastgesteld|ondertekend|geregeld|ingericht|afspraken gemaakt)|\b(afspraken|werkafspraken|convenant\w*) (zijn|is) (\w+ ){0,3}(gemaakt|vastgelegd|gesloten|ondertekend)|\bconvenant\w*|\b(neemt|nemen) deel aan|\b(schuift|schuiven) aan|\bis belegd bij|\bligt bij de|\b(beslist|besluit|besluiten) binnen|\bkomen (\w+ ){0,3}bijeen|\b(overleggen|vergaderen) (\w+ ){0,3}(per|elk|ieder|elke|iedere) (jaar|kwartaal|maand)|\bwerken met een (gezamenlijk|vast)/;

/** Numbers, norms and deadlines: "binnen zes weken", "1x per jaar", "uiterlijk 1 maart", "twee keer per jaar". */
const NUMBER_WORD = "(\\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|veertien|twintig)";
export const NORM = new RegExp(
  [
    `\\bbinnen ${NUMBER_WORD} (werk)?(dagen|weken|maanden|jaar|jaren)\\b`,
    `\\b(\\d+ ?x|${NUMBER_WORD} ?(keer|maal)|eenmaal|tweemaal|driemaal|viermaal) (per|in het|per school)? ?(jaar|kwartaal|maand|week|schooljaar)\\b`,
    `\\b(jaarlijks|halfjaarlijks|tweejaarlijks|maandelijks|wekelijks|elk kwartaal|ieder kwartaal|per kwartaal|elke maand|iedere maand)\\b`,
    `\\b(uiterlijk|voor|per|vanaf|op) \\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b`,
    `\\b(ten minste|tenminste|minimaal|maximaal|hoogstens|niet langer dan) ${NUMBER_WORD}\\b`,
    `\\d+([.,]\\d+)? ?(%|procent)`,
    `€ ?\\d`,
    `\\b\\d+ (fte|uur|leerlingen|plaatsen)\\b`,
  ].join("|"),
);

/** Intentions, expectations and ideas: what is still to be done or agreed. */
export const INTENTION =
  /\b(zullen|gaan|willen) (we|wij|partijen|de gemeenten|gemeenten|het samenwerkingsverband|samen)\b|\b(we|wij) (zullen|gaan|willen|streven|beogen|verwachten|onderzoeken|verkennen)\b|\bnader(e)? (afspraken|uit te werken|uitgewerkt|te bepalen|overleg)\b|\b(wordt|worden) (nog )?nader\b|\b(streven|streeft) (naar|ernaar)\b|\b(intentie|ambitie|voornemen)\b|\b(onderzocht|verkend|bekeken) (wordt|worden|gaat worden)\b|\b(te onderzoeken|te verkennen)\b|\bin de loop van\b|\bop termijn\b|\bte zijner tijd\b|\bin ontwikkeling\b/;

/** Phrases that fit any plan: generic boilerplate. A sentence counts only when nothing specific is in it. */
export const BOILERPLATE =
  /\b(in (goed )?overleg met|waar (nodig|mogelijk)|zo nodig|indien nodig|passende (plek|plaats|onderwijsplek)|afstemming met (de )?gemeenten|conform (de )?wet|de wet (schrijft|bepaalt)|wettelijke? (taak|taken|kader|verplichting)|in het kader van|zoals (wettelijk )?(vereist|voorgeschreven)|samenwerking met (de )?(gemeenten|ketenpartners)|integrale aanpak)\b/;

/** A plan may put the substance in an annex; the screening reads only the text it was given. */
export const ANNEX =
  /\b(bijlage|bijlagen|vademecum|visienotitie)( \d+)?\b|\b(wordt|worden) verwezen naar\b|\bverwijzen (we|wij) naar\b/;

/**
 * Text about one pupil's case: an OPP, a toelaatbaarheidsverklaring, an MDO or the talk with the
 * parents. "op overeenstemming gericht overleg" with parents about an OPP is not the OOGO, and
 * "vervoer" inside a placement decision is not a policy on leerlingenvervoer.
 */
export const INDIVIDUAL_CASE =
  /\b(ontwikkelingsperspectief\w*|opp|toelaatbaarheidsverklaring\w*|tlv|per leerling|individuele leerling\w*|voor deze leerling|van de leerling|met (de )?ouders|de ouders van|het kind|mdo|multidisciplinair overleg|individuele? (besluit\w*|beschikking\w*|aanvraag|aanvragen|arrangement\w*)|beschikking\w*|commissie (van )?(toelating|toelaatbaarheid|van advies))\b/;

/** Words that tie a sentence to the gemeenten (for "afspraken met gemeenten"). */
export const GEMEENTE_CONTEXT =
  /\b(gemeente\w*|college\w*( van b(urgemeester )?(en|&) ?w(ethouders)?)?|wethouder\w*|leerplicht\w*|rmc|wijkteam\w*|jeugdteam\w*|cjg|ggd|jgz)\b/;

/**
 * Capitalised words that are not local names: domain terms many plans capitalise, the law, the
 * calendar. Compared in folded form.
 */
export const NOT_A_LOCAL_NAME = new Set(
  (
    "passend onderwijs primair voortgezet speciaal middelbaar beroepsonderwijs basisonderwijs jeugdhulp jeugdwet wet " +
    "wpo wvo wec verordening inspectie samenwerkingsverband samenwerkingsverbanden gemeente gemeenten college wethouder " +
    "ouders school scholen leerling leerlingen kind kinderen jeugd jongeren ondersteuningsplan ondersteuningsplanraad " +
    "jeugdplan beleidsplan het de een en van voor met in op bij als dat dit deze die wij we zij ook daarnaast verder " +
    "tevens maandag dinsdag woensdag donderdag vrijdag januari februari maart april mei juni juli augustus september " +
    "oktober november december nederland rijk minister ministerie onderwijsconsulenten onderwijsconsulent basisondersteuning " +
    "extra ondersteuning vroegsignalering thuiszitters leerplicht leerlingenvervoer onderwijshuisvesting arbeidsmarkt " +
    "hoofdstuk paragraaf bijlage tabel figuur zie conform volgens vanuit binnen tussen na naar door om tot " +
    "raad bestuur toezicht visie missie doelstelling doelstellingen jeugdgezondheidszorg centrum"
  ).split(" "),
);

/** Dutch words too common to stand for a tafel's own theme. */
export const STOPWORDS = new Set(
  (
    "de het een en of van voor met in op bij als dat dit deze die naar door om tot over onder tussen aan uit " +
    "wat wie hoe waar wordt worden zijn is kan kunnen moet moeten ook niet meer andere zoals samen alle elke ieder " +
    "afspraken afspraak rond gemeente gemeenten school scholen leerling leerlingen onderwijs passend"
  ).split(" "),
);
