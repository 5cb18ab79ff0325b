import { describe, expect, it } from "vitest";
import { compareScreenings, hasMoved } from "./compare.ts";
import type { PlanScreening, ThemeScreening } from "./screenPlan.ts";
import { describeSignals } from "./wording.ts";

const evidence = (quote: string, sectionNumber = "2") => ({
  sectionId: `s${sectionNumber}`,
  sectionNumber,
  sectionTitle: "Vervoer",
  quote,
  signals: [],
});
const theme = (key: string, score: 0 | 1 | 2 | 3, quotes: string[], number = "2"): ThemeScreening => ({
  key,
  label: key,
  kind: "theme",
  score,
  reason: "",
  evidence: quotes.map((q) => evidence(q, number)),
  signals: {
    themeWords: [],
    agreements: 0,
    norms: [],
    localNames: [],
    intentions: [],
    boilerplate: 0,
    annexReferences: [],
    individualCase: 0,
  },
  perGemeente: [],
});
const screening = (...themes: ThemeScreening[]): PlanScreening => ({ themes });

describe("compareScreenings", () => {
  it("gives per theme the previous and new score and the passages that came and went", () => {
    const [vervoer, jeugd, nieuw] = compareScreenings(
      screening(theme("vervoer", 1, ["Vervoer is belangrijk.", "Blijft staan."]), theme("jeugd", 3, ["Afspraak."])),
      screening(
        theme("vervoer", 3, ["Blijft staan.", "Binnen vier weken geregeld."]),
        theme("jeugd", 3, ["Afspraak."], "5"),
        theme("huisvesting", 0, []),
      ),
    );
    expect(vervoer).toMatchObject({ previousScore: 1, score: 3 });
    expect(vervoer!.evidenceAdded.map((e) => e.quote)).toEqual(["Binnen vier weken geregeld."]);
    expect(vervoer!.evidenceRemoved.map((e) => e.quote)).toEqual(["Vervoer is belangrijk."]);
    // A renumbered chapter with the same passage has not moved.
    expect(hasMoved(jeugd!)).toBe(false);
    expect(nieuw).toMatchObject({ previousScore: null, score: 0 });
    expect(hasMoved(nieuw!)).toBe(true);
  });
});

describe("describeSignals", () => {
  it("says what was seen in Dutch sentences and leaves out what was not", () => {
    const lines = describeSignals({
      themeWords: ["leerlingenvervoer"],
      agreements: 2,
      norms: ["binnen zes weken"],
      localNames: [],
      intentions: [],
      boilerplate: 1,
      annexReferences: ["bijlage 3"],
      individualCase: 1,
    });
    expect(lines).toEqual([
      "Woorden over het thema: “leerlingenvervoer”.",
      "2 zinnen leggen een afspraak vast.",
      "Getallen, normen en termijnen: “binnen zes weken”.",
      "1 zin is algemene tekst.",
      "Verwijst naar “bijlage 3”; de screening leest die niet mee.",
      "1 zin gaat over de zaak van één leerling en telt niet mee.",
    ]);
  });
});
