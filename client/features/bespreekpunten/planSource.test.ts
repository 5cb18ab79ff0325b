import { describe, expect, it } from "vitest";
import { planSourceHref, planSourceText, type PlanSource } from "./planSource.ts";

const source = (over: Partial<PlanSource> = {}): PlanSource => ({
  planTitle: "Ondersteuningsplan 2023–2027",
  versionId: "v1",
  versionLabel: "concept 0.1",
  sectionId: "s3.2",
  sectionNumber: "3.2",
  sectionTitle: "Leerlingenvervoer",
  ...over,
});

describe("a bespreekpunt's plan source", () => {
  it("reads as the plan with the section's number and title", () => {
    expect(planSourceText(source())).toBe("Ondersteuningsplan 2023–2027 §3.2 Leerlingenvervoer");
    expect(planSourceText(source({ sectionTitle: null }))).toBe("Ondersteuningsplan 2023–2027 §3.2");
  });

  it("names an unnumbered heading by its title, and the version when no section was cited", () => {
    expect(planSourceText(source({ sectionNumber: null }))).toBe("Ondersteuningsplan 2023–2027, ‘Leerlingenvervoer’");
    expect(planSourceText(source({ sectionId: null, sectionNumber: null, sectionTitle: null }))).toBe(
      "Ondersteuningsplan 2023–2027 (concept 0.1)",
    );
  });

  it("links to the plan page at that version and the section's anchor", () => {
    expect(planSourceHref("t/1", source())).toBe("/tafels/t%2F1/plan?versie=v1#plan-v1-s3.2");
    expect(planSourceHref("t1", source({ sectionId: null }))).toBe("/tafels/t1/plan?versie=v1");
  });
});
