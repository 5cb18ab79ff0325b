import { describe, expect, it } from "vitest";
import type { PlanSection, PlanText } from "../planText.ts";
import { STANDARD_THEMES } from "../themes.ts";
import { SCREENING_SCALE } from "./scale.ts";
import { screenPlan, themeVocabulary, type ThemeScreening } from "./screenPlan.ts";

/** A plan written for these tests: one section per entry, paragraphs as given. */
function plan(...sections: Array<[number: string, title: string, ...paragraphs: string[]]>): PlanText {
  return {
    sections: sections.map(([number, title, ...paragraphs], i): PlanSection => ({
      id: `s${i + 1}`,
      number,
      title,
      level: number.includes(".") ? 2 : 1,
      blocks: paragraphs.map((text) => ({ kind: "paragraph", text })),
    })),
  };
}

const GEMEENTEN = ["Beekdal", "Rivierstad", "Heuvelrand"];

function theme(text: PlanText, key: string, gemeenten = GEMEENTEN): ThemeScreening {
  const result = screenPlan(text, STANDARD_THEMES, { gemeenten });
  const found = result.themes.find((t) => t.key === key);
  if (!found) throw new Error(`no theme ${key}`);
  return found;
}

const INTRO: [string, string, string] = [
  "1",
  "Inleiding",
  "Dit plan beschrijft hoe de scholen in de regio samen zorgen voor een dekkend aanbod.",
];

describe("screenPlan: every step of the scale", () => {
  it("0 niet beschreven: the theme is absent", () => {
    const t = theme(plan(INTRO), "onderwijshuisvesting");
    expect(t.score).toBe(0);
    expect(t.evidence).toEqual([]);
    expect(t.reason).toMatch(/Niets/);
  });

  it("1 standaardtekst: named in words that fit any plan, intentions included", () => {
    const t = theme(
      plan(INTRO, [
        "2",
        "Samenwerking",
        "Waar nodig stemmen wij in goed overleg met de gemeenten af over onderwijshuisvesting.",
        "Het samenwerkingsverband zal met de gemeenten nadere afspraken maken over huisvesting.",
      ]),
      "onderwijshuisvesting",
    );
    expect(t.score).toBe(1);
    expect(t.signals.themeWords).toContain("onderwijshuisvesting");
    expect(t.signals.intentions).toContain("nadere afspraken");
    expect(t.signals.boilerplate).toBeGreaterThanOrEqual(1);
    expect(t.evidence.map((e) => e.sectionNumber)).toEqual(["2", "2"]);
  });

  it("2 globaal: of this region (named places and partners) but still intentions", () => {
    const t = theme(
      plan(INTRO, [
        "4",
        "Leerlingenvervoer",
        "Met de komst van de nieuwe voorziening in Rivierstad verwachten wij meer leerlingenvervoer vanuit Heuvelrand.",
        "Samen met Vervoerbureau Zuidwest zullen we onderzoeken of reizen met begeleiding mogelijk is.",
      ]),
      "leerlingenvervoer",
    );
    expect(t.score).toBe(2);
    expect(t.signals.localNames).toEqual(expect.arrayContaining(["Rivierstad", "Heuvelrand", "Vervoerbureau"]));
    expect(t.signals.intentions.length).toBeGreaterThan(0);
    expect(t.reason).toMatch(/concrete afspraak met gemeenten ontbreekt/);
  });

  it("3 uitgewerkt: agreements with gemeenten stated as facts, with norms and deadlines", () => {
    const t = theme(
      plan(INTRO, [
        "5.2",
        "Thuiszitters",
        "Met de leerplichtambtenaren van de drie gemeenten is afgesproken dat elke dreigende thuiszitter binnen zes weken een passend aanbod krijgt.",
        "Het samenwerkingsverband en het leerplichtbureau overleggen 1x per kwartaal over alle thuiszitters.",
      ]),
      "leerplicht_thuiszitters",
    );
    expect(t.score).toBe(3);
    expect(t.signals.norms).toEqual(expect.arrayContaining(["binnen zes weken", "1x per kwartaal"]));
    expect(t.signals.agreements).toBeGreaterThanOrEqual(1);
    expect(t.evidence[0]).toMatchObject({ sectionId: "s2", sectionNumber: "5.2", sectionTitle: "Thuiszitters" });
    expect(t.evidence[0]!.quote).toContain("binnen zes weken");
    expect(t.evidence[0]!.signals).toEqual(expect.arrayContaining(["agreement", "norm", "theme_word"]));
    expect(t.reason).toContain("(5.2)");
  });

  it("an agreement still to be made does not count as made: intention verbs keep a norm at 2", () => {
    const t = theme(
      plan(INTRO, [
        "5",
        "Thuiszitters",
        "Wij streven ernaar dat de leerplichtambtenaar binnen zes weken een aanbod doet aan elke thuiszitter.",
      ]),
      "leerplicht_thuiszitters",
    );
    expect(t.score).toBe(2);
    expect(t.evidence[0]!.signals).toEqual(expect.arrayContaining(["intention", "norm"]));
  });

  it("sentences under a theme heading count for the theme even without the theme word", () => {
    const t = theme(
      plan(INTRO, [
        "6",
        "Onderwijshuisvesting",
        "De gemeente Beekdal en de schoolbesturen hebben vastgelegd dat de nieuwe school twee lokalen krijgt voor de tussenvoorziening.",
      ]),
      "onderwijshuisvesting",
    );
    expect(t.score).toBe(3);
    expect(t.signals.themeWords).toEqual([]);
  });

  it("explains every step in one sentence", () => {
    expect(SCREENING_SCALE.map((s) => s.score)).toEqual([0, 1, 2, 3]);
    for (const step of SCREENING_SCALE) expect(step.explanation.split(/[.!?](\s|$)/).filter(Boolean)).toHaveLength(1);
  });
});

describe("screenPlan: traps", () => {
  it("'op overeenstemming gericht overleg' with parents about one pupil is not the OOGO", () => {
    const oppOnly = plan(INTRO, [
      "5",
      "Toewijzing",
      "Over het ontwikkelingsperspectief van de leerling voert de school op overeenstemming gericht overleg met de ouders.",
    ]);
    const t = theme(oppOnly, "bestuurlijk_overleg");
    expect(t.kind).toBe("overleg");
    expect(t.score).toBe(0);
    expect(t.signals.individualCase).toBe(1);
    expect(t.evidence[0]!.signals).toContain("individual_case");

    const withOogo = plan(INTRO, [
      "8",
      "Samenwerking met gemeenten",
      "Het op overeenstemming gericht overleg met de wethouders van Beekdal, Rivierstad en Heuvelrand vindt twee keer per jaar plaats.",
    ]);
    expect(theme(withOogo, "bestuurlijk_overleg").score).toBe(3);
  });

  it("'vervoer' only inside individual decisions is not a policy on leerlingenvervoer", () => {
    const t = theme(
      plan(INTRO, [
        "5",
        "Toelating",
        "In de toelaatbaarheidsverklaring neemt de commissie ook op of voor deze leerling aangepast vervoer nodig is.",
        "Bij een plaatsing bespreekt het MDO met de ouders ook het vervoer.",
      ]),
      "leerlingenvervoer",
    );
    expect(t.score).toBe(0);
    expect(t.signals.individualCase).toBe(2);
    expect(t.signals.themeWords.length).toBeGreaterThan(0);
    expect(t.reason).toMatch(/één leerling/);
  });

  it("a reference to an annex is cited and flagged, and does not make the theme uitgewerkt", () => {
    const t = theme(
      plan(INTRO, ["7", "Jeugdhulp", "De afspraken over jeugdhulp in de school staan in bijlage 3 bij dit plan."]),
      "jeugdhulp",
    );
    expect(t.score).toBeLessThan(3);
    expect(t.signals.annexReferences).toEqual(["bijlage 3"]);
    expect(t.evidence[0]!.signals).toContain("annex");
    expect(t.reason).toMatch(/bijlage/);
  });
});

describe("screenPlan: per gemeente, evidence and own themes", () => {
  const text = plan(INTRO, [
    "3",
    "Jeugdhulp in de school",
    "In Beekdal is afgesproken dat het wijkteam elke week een spreekuur houdt op alle basisscholen.",
    "Wij willen samen met de gemeenten de jeugdhulp dichter bij de school brengen.",
  ]);

  it("scores per gemeente where the text names gemeenten", () => {
    const t = theme(text, "jeugdhulp");
    expect(t.score).toBe(3);
    expect(t.perGemeente).toEqual([expect.objectContaining({ gemeente: "Beekdal", score: 3 })]);
    // Gemeenten the text does not name for this theme get no row of their own.
    expect(t.perGemeente.map((g) => g.gemeente)).not.toContain("Rivierstad");
  });

  it("gives no per-gemeente rows when no gemeenten are known", () => {
    expect(theme(text, "jeugdhulp", []).perGemeente).toEqual([]);
  });

  it("a gemeente named only in intentions scores lower than one with an agreement", () => {
    const t = theme(
      plan(INTRO, [
        "3",
        "Jeugdhulp",
        "In Beekdal is afgesproken dat het wijkteam elke week een spreekuur houdt op alle basisscholen.",
        "Met Rivierstad zullen we onderzoeken of de jeugdhulp in de school kan komen.",
      ]),
      "jeugdhulp",
    );
    const byName = Object.fromEntries(t.perGemeente.map((g) => [g.gemeente, g.score]));
    expect(byName).toEqual({ Beekdal: 3, Rivierstad: 2 });
  });

  it("cites at most maxEvidence passages, strongest first", () => {
    const many = plan(INTRO, [
      "3",
      "Jeugdhulp",
      ...Array.from({ length: 8 }, (_, i) => `Waar nodig wordt jeugdhulp ingezet, variant ${i + 1}.`),
      "Met de gemeente Heuvelrand is vastgelegd dat de jeugdarts maandelijks op school komt.",
    ]);
    const t = screenPlan(many, STANDARD_THEMES, { gemeenten: GEMEENTEN, maxEvidence: 3 }).themes.find(
      (x) => x.key === "jeugdhulp",
    )!;
    expect(t.evidence).toHaveLength(3);
    expect(t.evidence[0]!.quote).toMatch(/Heuvelrand/);
  });

  it("covers a tafel's own theme with words from its label and description", () => {
    const own = { key: "ouders", label: "Ouders", description: "Informatie en steun voor ouders." };
    expect(themeVocabulary(own).test("ouderbetrokkenheid")).toBe(true);
    const result = screenPlan(
      plan(INTRO, ["6", "Communicatie", "Ouders kunnen terecht bij het Ouderpunt Beekdal, elke woensdag."]),
      [own],
      { gemeenten: GEMEENTEN },
    );
    expect(result.themes.map((t) => t.key)).toEqual(["ouders", "bestuurlijk_overleg", "ambtelijk_overleg"]);
    expect(result.themes[0]!.score).toBeGreaterThanOrEqual(2);
  });

  it("screens lists and tables item by item", () => {
    const text: PlanText = {
      sections: [
        {
          id: "s1",
          number: "9",
          title: "Overleg",
          level: 1,
          blocks: [
            {
              kind: "list",
              ordered: false,
              items: [{ text: "De ambtelijke werkgroep komt elk kwartaal bijeen met de gemeenten.", depth: 0 }],
            },
            {
              kind: "table",
              rows: [
                ["Overleg", "Frequentie"],
                ["Bestuurlijk overleg met wethouders", "2x per jaar"],
              ],
            },
          ],
        },
      ],
    };
    const result = screenPlan(text, [], {});
    const byKey = Object.fromEntries(result.themes.map((t) => [t.key, t]));
    expect(byKey.ambtelijk_overleg!.score).toBe(3);
    expect(byKey.bestuurlijk_overleg!.score).toBe(3);
    expect(byKey.bestuurlijk_overleg!.evidence[0]!.quote).toBe("Bestuurlijk overleg met wethouders | 2x per jaar");
  });
});
