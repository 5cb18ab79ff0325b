/** Bijlage B: every hash a receiver can check, the log checkpoint and how to check them. */
import { brokenEventsLabel } from "../../../../shared/domain/logWitness.ts";
import type { DossierData } from "../collectDossier.ts";
import { CONTENT_HASH_PLACEHOLDER, fields, heading, para, run, styled, table, type Block } from "../docModel.ts";
import { date, dateTime, hashRun } from "./format.ts";

export function integrityAppendix(data: DossierData): Block[] {
  const { checkpoint } = data;
  const textRows: string[][] = [];
  for (const d of data.disputed) {
    d.textVersions.forEach((v, k) =>
      textRows.push([
        d.point.title,
        `Tekstversie ${k + 1}${v.textHash === d.point.textHash ? " (huidig)" : ""}`,
        v.textHash,
      ]),
    );
  }
  const minutesRows = data.meetings
    .filter((m) => m.minutes.hash)
    .map((m) => [`${m.title} (${date(m.startsAt)})`, m.minutes.hash!]);
  return [
    heading(1, "Bijlage B. Integriteit en controle", "bijlage-integriteit"),
    para(
      "Elke tekst in dit dossier is te controleren tegen het logboek van de tafel. Het kenmerk van een tekst is een digitale vingerafdruk: verandert er één teken, dan verandert het kenmerk. Elders in het dossier staat het verkort; hier voluit. Elke gebeurtenis in het logboek bevat het kenmerk van de vorige, zodat niets ongemerkt kan worden gewijzigd of verwijderd.",
    ),
    heading(2, "Tekstversies van de geschilpunten", "integriteit-teksten"),
    table(["Punt", "Tekstversie", "Kenmerk (voluit)"], textRows),
    heading(2, "Vastgestelde notulen en procedure", "integriteit-notulen"),
    table(
      ["Document", "Kenmerk (voluit)"],
      [...minutesRows, ["Afgesproken OOGO-procedure (paragraaf 2.3)", data.procedure.hash]],
    ),
    heading(2, "Logboek", "integriteit-logboek"),
    fields([
      ["Gebeurtenissen t/m peilpunt", String(checkpoint.seq)],
      ["Hash van gebeurtenis " + checkpoint.seq, checkpoint.hash],
      ["Tijdstip van het peilpunt", dateTime(checkpoint.at)],
      ["Logboekkenmerk", checkpoint.kenmerk],
      [
        "Ketencontrole",
        checkpoint.valid
          ? "Geldig: elke gebeurtenis t/m het peilpunt klopt met haar hash en die van de vorige."
          : `ONGELDIG: de keten klopt niet bij ${brokenEventsLabel(checkpoint.brokenAt)}.`,
      ],
    ]),
    heading(3, "Het logboekkenmerk bewaren en controleren"),
    para(
      `Het logboekkenmerk ${checkpoint.kenmerk} legt vast hoe het logboek er op de peildatum uitzag: het getal is het aantal gebeurtenissen (${checkpoint.seq}), de letters en cijfers daarna zijn het begin van de hash van de laatste daarvan (hierboven voluit). ` +
        "Omdat elke gebeurtenis de hash van de vorige bevat, hangt dit kenmerk af van alles wat tot dan toe in het logboek staat. " +
        "Wie het kenmerk bewaart — de commissie, elke partij, elke deelnemer — kan later laten nagaan of het logboek er nog op voortbouwt: in OOGO Werkruimte onder “Overzicht”, “Controleer een bewaard kenmerk”. " +
        "Zijn er achteraf gebeurtenissen weggelaten, of is de geschiedenis herschreven en de keten opnieuw berekend, dan komt het bewaarde kenmerk niet meer voor en meldt de controle dat. " +
        "Zo hangt de betrouwbaarheid van het logboek niet alleen af van de database van de tafel, maar ook van de kenmerken die anderen hebben bewaard.",
    ),
    para(
      "Het samenstellen van dit dossier is zelf als gebeurtenis in het logboek vastgelegd, ná het peilpunt en met de inhoudshash hieronder. Exports tellen niet mee voor het peilpunt, zodat hetzelfde logboek altijd hetzelfde dossier oplevert.",
    ),
    heading(2, "Inhoudshash van dit dossier", "integriteit-inhoud"),
    para(run(CONTENT_HASH_PLACEHOLDER, { mono: true })),
    styled(
      "small",
      "Digitale vingerafdruk van de volledige inhoud van dit dossier (alle tekst en tabellen in vaste volgorde), met uitzondering van deze waarde zelf. De PDF- en de Word-versie hebben dezelfde inhoud en dus dezelfde inhoudshash.",
    ),
    heading(2, "Zo controleert u dit dossier", "controle"),
    para(
      "U hoeft de techniek niet te kennen om het dossier te controleren. Vraag het secretariaat van de tafel om een uittreksel van het logboek met de ketencontrole en vergelijk dan:",
    ),
    {
      kind: "list",
      ordered: true,
      items: [
        [para("De ketencontrole van het logboek moet “geldig” melden, net als hierboven onder “Logboek”.")],
        [
          para(
            `Gebeurtenis ${checkpoint.seq} in het logboek moet dezelfde hash hebben als hierboven: `,
            hashRun(checkpoint.hash),
            ". Klopt die, dan is het logboek tot en met het peilpunt niet gewijzigd sinds dit dossier werd samengesteld.",
          ),
        ],
        [
          para(
            "Het logboek moet een gebeurtenis “dossier samengesteld” bevatten met de inhoudshash van dit dossier (hierboven en onderaan elke pagina). Die vermeldt wie het dossier wanneer samenstelde, voor welke punten en welke route.",
          ),
        ],
        [
          para(
            "De tekst-hashes in hoofdstuk 3 en in deze bijlage moeten terugkomen bij de standpunten, ondertekeningen en agenderingen in het logboek. Zo ziet u dat partijen zich uitspraken over precies de tekst die in dit dossier staat.",
          ),
        ],
      ],
    },
    styled(
      "small",
      run("Technische toelichting. ", { bold: true }),
      `De ketencontrole kan ook een ICT-deskundige voor u uitvoeren, buiten OOGO Werkruimte om: de beheerder van de installatie levert daarvoor het logboek van de tafel en de beschrijving van de berekening (in de documentatie van OOGO Werkruimte, "docs/dossier.md"). Met het aantal gebeurtenissen (${checkpoint.seq}) en het begin van de laatste vingerafdruk (${checkpoint.hash.slice(0, 16)}) is na te gaan of het logboek nog op dit dossier voortbouwt.`,
    ),
  ];
}
