import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "./roles.ts";
import {
  POINT_STATUSES,
  POINT_STATUS_INFO,
  TRANSITIONS,
  REOPENABLE_STATUSES,
  automaticTransition,
  checkReopen,
  checkTransition,
  isTextLocked,
  statusAfterTextChange,
  transitionOptions,
  type PartyFact,
  type PointFacts,
  type PointStatus,
  type TransitionActor,
} from "./pointStatus.ts";

/**
 * The expected workflow, written out by hand in ROLE terms (not capabilities) so that a change
 * to either the transition table or the roles table shows up here.
 * cond: what must hold on the current text for the manual step.
 * partyBound: members acting for a party must be in the point's scope.
 */
type Cond = "akkoord" | "signed" | "akkoord+signed" | "represented";
interface Edge {
  roles: Role[];
  cond?: Cond;
  partyBound: boolean;
  swvBestuurderOnly?: boolean;
  autoOnly?: boolean;
}
const WG: Role[] = ["ambtenaar", "trekker", "secretaris"];
const EDGES: Record<string, Edge> = {
  "concept>in_bespreking": { roles: WG, partyBound: true },
  "concept>vervallen": { roles: WG, partyBound: true },
  "in_bespreking>ambtelijk_akkoord": { roles: ["trekker", "secretaris"], cond: "akkoord", partyBound: true },
  "in_bespreking>vervallen": { roles: ["secretaris"], partyBound: false },
  "ambtelijk_akkoord>in_bespreking": { roles: ["trekker", "secretaris"], partyBound: true },
  "ambtelijk_akkoord>geagendeerd": { roles: ["secretaris"], cond: "akkoord", partyBound: false },
  "ambtelijk_akkoord>overeenstemming": { roles: ["secretaris"], cond: "akkoord+signed", partyBound: false },
  "geagendeerd>ambtelijk_akkoord": { roles: ["secretaris"], partyBound: false },
  "geagendeerd>in_bespreking": { roles: ["secretaris"], partyBound: false },
  "geagendeerd>overeenstemming": { roles: ["secretaris"], cond: "signed", partyBound: false },
  "geagendeerd>geen_overeenstemming": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "geagendeerd>akkoord_in_overleg": { roles: ["secretaris"], cond: "represented", partyBound: false },
  "akkoord_in_overleg>overeenstemming": { roles: ["secretaris"], cond: "signed", partyBound: false },
  "akkoord_in_overleg>in_bespreking": { roles: [], partyBound: false, autoOnly: true },
  "overeenstemming>in_bespreking": { roles: [], partyBound: false, autoOnly: true },
  "overeenstemming>vastgelegd": {
    roles: ["secretaris", "bestuurder"],
    cond: "signed",
    partyBound: true,
    swvBestuurderOnly: true,
  },
  "overeenstemming>herzien": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "geen_overeenstemming>in_bespreking": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "geen_overeenstemming>doorgeschoven": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "geen_overeenstemming>in_geschil": { roles: ["bestuurder"], partyBound: true },
  "geen_overeenstemming>afgesloten_zonder_overeenstemming": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "doorgeschoven>in_bespreking": { roles: WG, partyBound: true },
  "doorgeschoven>vervallen": { roles: ["secretaris"], partyBound: false },
  "in_geschil>overeenstemming": { roles: ["secretaris"], cond: "signed", partyBound: false },
  "in_geschil>afgesloten_zonder_overeenstemming": { roles: ["secretaris"], partyBound: false },
  "in_geschil>in_bespreking": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "vastgelegd>in_uitvoering": { roles: WG, partyBound: true },
  "in_uitvoering>geevalueerd": { roles: WG, partyBound: true },
  "vastgelegd>herzien": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "in_uitvoering>herzien": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "geevalueerd>herzien": { roles: ["secretaris", "bestuurder"], partyBound: true },
  "vastgelegd>vervallen": { roles: ["secretaris"], partyBound: false },
  "in_uitvoering>vervallen": { roles: ["secretaris"], partyBound: false },
  "geevalueerd>vervallen": { roles: ["secretaris"], partyBound: false },
  "herzien>in_bespreking": { roles: WG, partyBound: true },
};

const SWV = "p-swv";
const GRON = "p-gron";
const TYN = "p-tyn";
const party = (partyId: string, kind: "swv" | "gemeente", stance: PartyFact["stance"], signed: boolean): PartyFact => ({
  partyId,
  name: partyId,
  kind,
  stance,
  signed,
});
const FACTS = {
  none: { parties: [party(SWV, "swv", "geen_standpunt", false), party(GRON, "gemeente", "geen_standpunt", false)] },
  akkoord: { parties: [party(SWV, "swv", "akkoord", false), party(GRON, "gemeente", "akkoord", false)] },
  akkoordSigned: { parties: [party(SWV, "swv", "akkoord", true), party(GRON, "gemeente", "akkoord", true)] },
  // Signed but one stance went back to voorbehoud (possible during a dispute).
  signedOnly: {
    parties: [party(SWV, "swv", "akkoord_met_voorbehoud", true), party(GRON, "gemeente", "niet_akkoord", true)],
  },
  empty: { parties: [] as PartyFact[] },
  // A formal OOGO's decision: every party / only the SWV represented by an attending bestuurder.
  represented: {
    parties: [party(SWV, "swv", "akkoord", false), party(GRON, "gemeente", "akkoord", false)],
    representedPartyIds: [SWV, GRON, TYN],
  },
  partlyRepresented: {
    parties: [party(SWV, "swv", "akkoord", true), party(GRON, "gemeente", "akkoord", false)],
    representedPartyIds: [SWV],
  },
  representedNoScope: { parties: [] as PartyFact[], representedPartyIds: [SWV] },
};
const condHolds = (cond: Cond | undefined, facts: PointFacts) => {
  if (!cond) return true;
  if (facts.parties.length === 0) return false;
  const akk = facts.parties.every((p) => p.stance === "akkoord");
  const sig = facts.parties.every((p) => p.signed);
  if (cond === "represented")
    return !!facts.representedPartyIds && facts.parties.every((p) => facts.representedPartyIds!.includes(p.partyId));
  return cond === "akkoord" ? akk : cond === "signed" ? sig : akk && sig;
};

/** Actor variants: each role acting for the SWV, for a gemeente in scope, out of scope, or for no party. */
const PARTY_VARIANTS: Array<{ name: string; partyId: string | null; partyKind: "swv" | "gemeente" | null }> = [
  { name: "SWV", partyId: SWV, partyKind: "swv" },
  { name: "gemeente in scope", partyId: GRON, partyKind: "gemeente" },
  { name: "gemeente buiten scope", partyId: TYN, partyKind: "gemeente" },
  { name: "zonder partij", partyId: null, partyKind: null },
];

function expected(
  from: PointStatus,
  to: PointStatus,
  actor: TransitionActor,
  facts: PointFacts,
): "ok" | "FORBIDDEN" | "ILLEGAL_TRANSITION" {
  const edge = EDGES[`${from}>${to}`];
  if (!edge || edge.autoOnly) return "ILLEGAL_TRANSITION";
  const role = actor.role as Role;
  if (!edge.roles.includes(role)) return "FORBIDDEN";
  if (edge.swvBestuurderOnly && role === "bestuurder" && actor.partyKind !== "swv") return "FORBIDDEN";
  if (edge.partyBound && actor.partyId !== null && !facts.parties.some((p) => p.partyId === actor.partyId))
    return "FORBIDDEN";
  return condHolds(edge.cond, facts) ? "ok" : "ILLEGAL_TRANSITION";
}

describe("status table", () => {
  it("has a Dutch label and a group for every status", () => {
    for (const s of POINT_STATUSES) {
      expect(POINT_STATUS_INFO[s].label.length).toBeGreaterThan(2);
      expect(POINT_STATUS_INFO[s].description.length).toBeGreaterThan(10);
    }
  });

  it("lists exactly the expected edges", () => {
    expect(TRANSITIONS.map((r) => `${r.from}>${r.to}`).sort()).toEqual(Object.keys(EDGES).sort());
  });

  it("every status is reachable from concept", () => {
    const seen = new Set<PointStatus>(["concept"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of TRANSITIONS)
        if (seen.has(r.from) && !seen.has(r.to)) {
          seen.add(r.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...POINT_STATUSES].sort());
  });

  // Every state × target × role × party variant × facts variant.
  for (const from of POINT_STATUSES) {
    describe(`from ${from}`, () => {
      for (const to of POINT_STATUSES) {
        it(`→ ${to} for every role, party and text state`, () => {
          for (const role of ROLES) {
            for (const pv of PARTY_VARIANTS) {
              for (const [factsName, facts] of Object.entries(FACTS)) {
                const actor: TransitionActor = { role, partyId: pv.partyId, partyKind: pv.partyKind };
                const got = checkTransition({ from, to, actor, facts });
                const want = expected(from, to, actor, facts);
                const label = `${from}→${to} as ${role} (${pv.name}), facts ${factsName}`;
                expect(got.ok ? "ok" : got.code, label).toBe(want);
                if (!got.ok) expect(got.reason.length, label).toBeGreaterThan(10);
              }
            }
          }
        });
      }
    });
  }
});

describe("refusal messages", () => {
  const secretaris: TransitionActor = { role: "secretaris", partyId: null, partyKind: null };
  it("names the parties whose akkoord is missing", () => {
    const facts: PointFacts = {
      parties: [
        party(SWV, "swv", "akkoord", false),
        { ...party(GRON, "gemeente", "akkoord_met_voorbehoud", false), name: "Gemeente Groningen" },
      ],
    };
    const r = checkTransition({ from: "ambtelijk_akkoord", to: "geagendeerd", actor: secretaris, facts });
    expect(r).toEqual({
      ok: false,
      code: "ILLEGAL_TRANSITION",
      reason: "Nog geen ambtelijk akkoord op de huidige tekst van: Gemeente Groningen.",
    });
  });
  it("says who may take a step the role never may", () => {
    const r = checkTransition({
      from: "ambtelijk_akkoord",
      to: "geagendeerd",
      actor: { role: "trekker", partyId: SWV, partyKind: "swv" },
      facts: FACTS.akkoord,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("FORBIDDEN");
    expect(!r.ok && r.reason).toContain("de secretaris");
  });
  it("explains that a step only happens automatically", () => {
    const r = checkTransition({
      from: "overeenstemming",
      to: "in_bespreking",
      actor: secretaris,
      facts: FACTS.akkoordSigned,
    });
    expect(!r.ok && r.reason).toContain("automatisch");
  });
});

describe("the meeting decision rule (geagendeerd → akkoord in overleg)", () => {
  const secretaris: TransitionActor = { role: "secretaris", partyId: null, partyKind: null };
  const scope = [
    { ...party(SWV, "swv", "akkoord", false), name: "SWV VO Groningen Stad" },
    { ...party(GRON, "gemeente", "akkoord", false), name: "Gemeente Groningen" },
    { ...party(TYN, "gemeente", "akkoord", false), name: "Gemeente Tynaarlo" },
  ];
  const decide = (representedPartyIds?: string[]) =>
    checkTransition({
      from: "geagendeerd",
      to: "akkoord_in_overleg",
      actor: secretaris,
      facts: { parties: scope, ...(representedPartyIds ? { representedPartyIds } : {}) },
    });
  it("holds for every subset of represented parties exactly when all in scope are represented", () => {
    const ids = [SWV, GRON, TYN, "p-other"];
    for (let mask = 0; mask < 1 << ids.length; mask++) {
      const subset = ids.filter((_, i) => mask & (1 << i));
      const r = decide(subset);
      const missing = scope.filter((p) => !subset.includes(p.partyId));
      expect(r.ok, subset.join(",")).toBe(missing.length === 0);
      if (!r.ok) {
        expect(r.code).toBe("ILLEGAL_TRANSITION");
        expect(r.reason).toContain(
          `Niet vertegenwoordigd door een aanwezige bestuurder: ${missing.map((p) => p.name).join(", ")}.`,
        );
      }
    }
  });
  it("needs a meeting: without the attendance facts it is refused, naming the decision", () => {
    const r = decide();
    expect(!r.ok && r.reason).toContain("Overeenstemming bereikt");
  });
  it("does not care about signatures or stances (the bestuurders sign afterwards)", () => {
    const r = checkTransition({
      from: "geagendeerd",
      to: "akkoord_in_overleg",
      actor: secretaris,
      facts: { parties: FACTS.none.parties, representedPartyIds: [SWV, GRON] },
    });
    expect(r.ok).toBe(true);
  });
});

describe("Heropenen", () => {
  const actors: Array<[string, TransitionActor]> = ROLES.flatMap((role) =>
    PARTY_VARIANTS.map((pv): [string, TransitionActor] => [
      `${role} (${pv.name})`,
      { role, partyId: pv.partyId, partyKind: pv.partyKind },
    ]),
  );
  it("is open to a trekker in scope and the secretaris, where a signature or the meeting protects the text", () => {
    for (const status of POINT_STATUSES) {
      for (const [name, actor] of actors) {
        for (const validSignatures of [0, 2]) {
          const got = checkReopen({ status, actor, facts: FACTS.akkoordSigned, validSignatures });
          const roleOk = actor.role === "secretaris" || actor.role === "trekker";
          const scopeOk = actor.partyId === null || actor.partyId !== TYN;
          const statusOk = REOPENABLE_STATUSES.includes(status) && (validSignatures > 0 || isTextLocked(status));
          const want = !roleOk || !scopeOk ? "FORBIDDEN" : statusOk ? "ok" : "ILLEGAL_TRANSITION";
          expect(got.ok ? "ok" : got.code, `${status} ${name} ${validSignatures}`).toBe(want);
        }
      }
    }
    expect(REOPENABLE_STATUSES).toEqual(["in_bespreking", "ambtelijk_akkoord", "geagendeerd", "akkoord_in_overleg"]);
  });
  it("sends whoever wants to change an agreed text to Herzien", () => {
    const r = checkReopen({
      status: "overeenstemming",
      actor: { role: "secretaris", partyId: null, partyKind: null },
      facts: FACTS.akkoordSigned,
      validSignatures: 2,
    });
    expect(!r.ok && r.reason).toContain("Herzien");
  });
  it("refuses junk", () => {
    expect(checkReopen({ status: "x", actor: null, facts: null, validSignatures: 1 }).ok).toBe(false);
    expect(
      checkReopen({
        status: "ambtelijk_akkoord",
        actor: { role: "admin", partyId: null, partyKind: null },
        facts: null,
        validSignatures: 1,
      }).ok,
    ).toBe(false);
  });
});

describe("junk input", () => {
  const good: TransitionActor = { role: "secretaris", partyId: null, partyKind: null };
  it.each([
    [undefined, "in_bespreking"],
    [null, "in_bespreking"],
    ["Concept", "in_bespreking"],
    [42, "in_bespreking"],
    ["concept", "__proto__"],
    ["concept", ""],
    ["concept", { to: "in_bespreking" }],
    ["toString", "constructor"],
  ])("refuses unknown statuses %j → %j as ILLEGAL_TRANSITION", (from, to) => {
    const r = checkTransition({ from, to, actor: good, facts: FACTS.akkoord });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("ILLEGAL_TRANSITION");
  });
  it.each([
    [null],
    [undefined],
    [{ role: "admin", partyId: null, partyKind: null }],
    [{ role: undefined, partyId: null, partyKind: null }],
    [{ role: "constructor", partyId: null, partyKind: null }],
  ])("refuses an unknown actor %j as FORBIDDEN", (actor) => {
    const r = checkTransition({ from: "concept", to: "in_bespreking", actor, facts: FACTS.none });
    expect(!r.ok && r.code).toBe("FORBIDDEN");
  });
  it("treats missing facts as no parties in scope", () => {
    const r = checkTransition({ from: "in_bespreking", to: "ambtelijk_akkoord", actor: good, facts: null });
    expect(!r.ok && r.code).toBe("ILLEGAL_TRANSITION");
    expect(
      checkTransition({
        from: "concept",
        to: "in_bespreking",
        actor: good,
        facts: { parties: "x" } as unknown as PointFacts,
      }).ok,
    ).toBe(true);
  });
  it("refuses a transition to the same status", () => {
    for (const s of POINT_STATUSES)
      expect(checkTransition({ from: s, to: s, actor: good, facts: FACTS.akkoordSigned }).ok).toBe(false);
  });
});

describe("automatic steps", () => {
  const want: Record<string, Partial<Record<PointStatus, PointStatus>>> = {
    none: { ambtelijk_akkoord: "in_bespreking" },
    akkoord: { in_bespreking: "ambtelijk_akkoord" },
    akkoordSigned: {
      in_bespreking: "ambtelijk_akkoord",
      ambtelijk_akkoord: "overeenstemming",
      geagendeerd: "overeenstemming",
      akkoord_in_overleg: "overeenstemming",
      in_geschil: "overeenstemming",
    },
    signedOnly: {
      ambtelijk_akkoord: "in_bespreking",
      geagendeerd: "overeenstemming",
      akkoord_in_overleg: "overeenstemming",
      in_geschil: "overeenstemming",
    },
    empty: { ambtelijk_akkoord: "in_bespreking" },
    // Being represented at a meeting never moves a point by itself: the secretaris records the decision.
    represented: { in_bespreking: "ambtelijk_akkoord" },
    partlyRepresented: { in_bespreking: "ambtelijk_akkoord" },
    representedNoScope: { ambtelijk_akkoord: "in_bespreking" },
  };
  for (const [name, facts] of Object.entries(FACTS)) {
    it(`with facts ${name}`, () => {
      for (const s of POINT_STATUSES) expect(automaticTransition(s, facts), s).toBe(want[name]![s] ?? null);
    });
  }
  it("settles in at most two steps and never loops", () => {
    for (const facts of Object.values(FACTS)) {
      for (const start of POINT_STATUSES) {
        let s: PointStatus = start;
        const seen = [s];
        for (let next = automaticTransition(s, facts); next; next = automaticTransition(s, facts)) {
          s = next;
          expect(seen).not.toContain(s);
          seen.push(s);
        }
        expect(seen.length).toBeLessThanOrEqual(3);
      }
    }
  });
  it("ignores junk", () => {
    expect(automaticTransition("nope", FACTS.akkoordSigned)).toBeNull();
    expect(statusAfterTextChange(undefined)).toBeNull();
  });
});

describe("text changes", () => {
  it("send every text-bound agreement back to in bespreking and leave the rest", () => {
    const moved = Object.fromEntries(POINT_STATUSES.map((s) => [s, statusAfterTextChange(s)]));
    expect(moved).toEqual({
      concept: null,
      in_bespreking: null,
      ambtelijk_akkoord: "in_bespreking",
      geagendeerd: "in_bespreking",
      akkoord_in_overleg: "in_bespreking",
      overeenstemming: "in_bespreking",
      geen_overeenstemming: null,
      doorgeschoven: null,
      in_geschil: null,
      afgesloten_zonder_overeenstemming: null,
      vastgelegd: null,
      in_uitvoering: null,
      geevalueerd: null,
      herzien: null,
      vervallen: null,
    });
  });
  it("locks the text when agendated, agreed, disputed or closed", () => {
    expect(POINT_STATUSES.filter(isTextLocked)).toEqual([
      "geagendeerd",
      "akkoord_in_overleg",
      "overeenstemming",
      "in_geschil",
      "afgesloten_zonder_overeenstemming",
      "vastgelegd",
      "in_uitvoering",
      "geevalueerd",
      "vervallen",
    ]);
  });
});

describe("transition options for the client", () => {
  it("shows a trekker the akkoord step with its reason, and hides steps the role never has", () => {
    const opts = transitionOptions("in_bespreking", { role: "trekker", partyId: SWV, partyKind: "swv" }, FACTS.none);
    expect(opts.map((o) => o.to)).toEqual(["ambtelijk_akkoord"]);
    expect(opts[0]!.ok).toBe(false);
    expect(opts[0]!.reason).toContain("Nog geen ambtelijk akkoord");
  });
  it("offers a waarnemer nothing anywhere", () => {
    for (const s of POINT_STATUSES) {
      expect(transitionOptions(s, { role: "waarnemer", partyId: SWV, partyKind: "swv" }, FACTS.akkoordSigned)).toEqual(
        [],
      );
    }
  });
  it("lets a member of another participant (overig: never in scope) take no party-scoped step, whatever the role", () => {
    for (const role of ["trekker", "bestuurder", "ambtenaar"] as const) {
      for (const s of POINT_STATUSES) {
        for (const opt of transitionOptions(s, { role, partyId: "opr", partyKind: "overig" }, FACTS.akkoordSigned)) {
          const rule = TRANSITIONS.find((r) => r.from === s && r.to === opt.to)!;
          expect(rule.partyInScope, `${role} ${s}→${opt.to} is offered`).toBe(false);
        }
        for (const rule of TRANSITIONS.filter((r) => r.from === s && r.partyInScope)) {
          expect(
            checkTransition({
              from: s,
              to: rule.to,
              actor: { role, partyId: "opr", partyKind: "overig" },
              facts: FACTS.akkoordSigned,
            }).ok,
          ).toBe(false);
        }
      }
    }
  });
});
