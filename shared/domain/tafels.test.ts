import { describe, expect, it } from "vitest";
import { checkNewTafel, resolveParty, resolveThemes, themeKeyFor } from "./tafels.ts";
import { legalBasisForPlans } from "./dossier.ts";
import { isSigningParty, normaliseSwvCode, periodProblem, searchCbsGemeenten, sectorOfSwvCode } from "./parties.ts";

describe("parties", () => {
  it("normalises and reads SWV codes", () => {
    expect(normaliseSwvCode(" po31.02 ")).toBe("PO 31.02");
    expect(sectorOfSwvCode("VO 20.01")).toBe("vo");
    expect(sectorOfSwvCode("VO 20.1")).toBeNull();
  });

  it.each([["PO-31-02"], ["XO 31.02"], ["PO 3.02"], [""], ["PO 31.02.1"]])(
    "refuses SWV code %j naming the field",
    (code) => {
      const r = resolveParty({ kind: "swv", name: "SWV", swvCode: code, sector: "po" }, "parties.0");
      expect(r).toMatchObject({ ok: false, problem: { field: "parties.0.swvCode" } });
    },
  );

  it("resolves a listed gemeente to its CBS name and refuses an unlisted code without a name", () => {
    expect(resolveParty({ kind: "gemeente", cbsCode: "gm0014" }, "")).toMatchObject({
      ok: true,
      party: { name: "Gemeente Groningen", cbsCode: "GM0014" },
    });
    expect(resolveParty({ kind: "gemeente", cbsCode: "GM9998" }, "")).toMatchObject({
      ok: false,
      problem: { field: "cbsCode" },
    });
    expect(resolveParty({ kind: "gemeente", cbsCode: "GM9998", name: "Gemeente Nieuwland" }, "")).toMatchObject({
      ok: true,
      party: { name: "Gemeente Nieuwland" },
    });
  });

  it("finds gemeenten by name or code, names starting with the query first", () => {
    expect(searchCbsGemeenten("gron")[0]).toEqual({ code: "GM0014", name: "Groningen" });
    expect(searchCbsGemeenten("GM1730")).toEqual([{ code: "GM1730", name: "Tynaarlo" }]);
    expect(searchCbsGemeenten("  ")).toEqual([]);
  });

  it("lets only SWVs and gemeenten sign", () => {
    expect(["swv", "gemeente", "overig", null, "Swv"].map(isSigningParty)).toEqual([true, true, false, false, false]);
  });

  it("checks a planperiode", () => {
    expect(periodProblem(2026, 2030)).toBeNull();
    expect(periodProblem(2026, 2026)).toBeNull();
    expect(periodProblem(2030, 2026)).toMatch(/vóór/);
    expect(periodProblem(2020, 2040)).toMatch(/hoogstens/);
  });
});

describe("themes", () => {
  it("makes keys from labels, unique and URL-safe", () => {
    expect(themeKeyFor("Zorg & Onderwijs", new Set())).toBe("zorg_onderwijs");
    expect(themeKeyFor("Éénoudergezinnen", new Set())).toBe("eenoudergezinnen");
    expect(themeKeyFor("2e kans", new Set())).toBe("thema_2e_kans");
    expect(themeKeyFor("Jeugdhulp", new Set(["jeugdhulp"]))).toBe("jeugdhulp_2");
  });

  it("resolves standard keys with their labels, and refuses unknown keys and duplicates", () => {
    expect(resolveThemes([{ key: "jeugdhulp" }, { label: "Eigen" }])).toMatchObject({
      ok: true,
      themes: [
        { key: "jeugdhulp", label: "Jeugdhulp" },
        { key: "eigen", label: "Eigen" },
      ],
    });
    expect(resolveThemes([{ key: "onbekend" }])).toMatchObject({ ok: false, problem: { field: "themes.0.key" } });
    expect(resolveThemes([{ key: "jeugdhulp" }, { label: "jeugdhulp" }])).toMatchObject({
      ok: false,
      problem: { field: "themes.1.label" },
    });
  });
});

describe("a new tafel", () => {
  const base = {
    parties: [
      { ref: "s", kind: "swv" as const, name: "SWV", swvCode: "PO 22.01", sector: "po" as const },
      { ref: "g", kind: "gemeente" as const, cbsCode: "GM0014" },
      { ref: "o", kind: "overig" as const, subtype: "opr", name: "OPR" },
    ],
    plans: [{ kind: "ondersteuningsplan" as const, partyRef: "s", periodStart: 2026, periodEnd: 2030 }],
    themes: [{ key: "jeugdhulp" }],
    appointees: [{ email: "a@x.nl" }],
  };
  it("accepts a sound request", () => expect(checkNewTafel(base).ok).toBe(true));
  it("refuses a plan owned by a participant that does not sign", () => {
    expect(checkNewTafel({ ...base, plans: [{ ...base.plans[0]!, partyRef: "o" }] })).toMatchObject({
      ok: false,
      problem: { field: "plans.0.partyRef" },
    });
  });
  it("refuses two parties with the same ref", () => {
    expect(
      checkNewTafel({ ...base, parties: [...base.parties, { ref: "s", kind: "gemeente", cbsCode: "GM1730" }] }),
    ).toMatchObject({ ok: false, problem: { field: "parties.3.ref" } });
  });
});

describe("legal basis follows the plans", () => {
  it("names WPO for a po ondersteuningsplan, WVO for vo, Jeugdwet for a jeugdplan, each once", () => {
    expect(legalBasisForPlans([{ kind: "ondersteuningsplan", sector: "po" }])).toEqual([
      expect.stringMatching(/18a, negende lid.*WPO/),
    ]);
    expect(legalBasisForPlans([{ kind: "jeugdplan", sector: null }])).toEqual([
      expect.stringMatching(/2\.2 van de Jeugdwet/),
    ]);
    expect(
      legalBasisForPlans([
        { kind: "ondersteuningsplan", sector: "vo" },
        { kind: "jeugdplan", sector: null },
        { kind: "ondersteuningsplan", sector: "vo" },
        { kind: "jeugdplan", sector: null },
      ]),
    ).toEqual([
      expect.stringMatching(/Wet voortgezet onderwijs 2020.*voorheen art. 17a lid 9 WVO/),
      expect.stringMatching(/Jeugdwet/),
    ]);
  });
});
