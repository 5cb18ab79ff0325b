/** Wizard requests for tests and the bench (POST /api/beheer/tafels). */
import { CBS_GEMEENTEN } from "../../shared/data/cbsGemeenten.ts";

/** A PO-samenwerkingsverband with sixteen gemeenten, the jeugdplan of one of them, and an OPR. */
export function sixteenGemeenten(overrides: Record<string, unknown> = {}) {
  const gemeenten = CBS_GEMEENTEN.slice(0, 16);
  return {
    name: "OOGO PO Drenthe-Noord 2026–2030",
    level: "regionaal",
    plans: [
      {
        kind: "ondersteuningsplan",
        partyRef: "swv",
        title: "Ondersteuningsplan SWV PO Drenthe-Noord 2026–2030",
        periodStart: 2026,
        periodEnd: 2030,
        status: "concept",
        versionLabel: "0.1",
      },
      {
        kind: "jeugdplan",
        partyRef: "g0",
        title: `Beleidsplan jeugd ${gemeenten[0]!.name}`,
        periodStart: 2025,
        periodEnd: 2028,
      },
    ],
    parties: [
      { ref: "swv", kind: "swv", name: "Samenwerkingsverband PO Drenthe-Noord", swvCode: "PO 22.01", sector: "po" },
      ...gemeenten.map((g, i) => ({
        ref: `g${i}`,
        kind: "gemeente",
        cbsCode: g.code,
        ...(i === 3 ? { coverageNote: "Alleen de kernen Vries en Zuidlaren" } : {}),
      })),
      { ref: "opr", kind: "overig", subtype: "opr", name: "Ondersteuningsplanraad PO Drenthe-Noord" },
    ],
    themes: [
      { key: "jeugdhulp" },
      { key: "leerlingenvervoer" },
      { key: "onderwijshuisvesting", label: "Huisvesting" },
      { label: "Zorg in de wijk", description: "Wijkteams en school." },
    ],
    appointees: [
      { role: "beheerder", name: "Bea Beheer", email: "bea@swv-drenthe.example" },
      { role: "secretaris", name: "Sam Secretaris", email: "sam@swv-drenthe.example", title: "beleidsadviseur" },
    ],
    ...overrides,
  };
}
