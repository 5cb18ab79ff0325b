import { describe, expect, it } from "vitest";
import { ROLES } from "./roles.ts";
import { POINT_STATUSES } from "./pointStatus.ts";
import {
  STANCES,
  checkStance,
  effectiveStance,
  reasoningProblem,
  reasoningRequired,
  REASONING_MIN,
} from "./stances.ts";

const SCOPE = ["swv", "gron"];
const OK_REASON = "Omdat de termijn van zes weken haalbaar is.";

describe("who may record a stance", () => {
  for (const role of ROLES) {
    it(`${role}: only a trekker, for their own party in scope`, () => {
      const r = checkStance({
        role,
        actorPartyId: "gron",
        partiesInScope: SCOPE,
        status: "in_bespreking",
        stance: "akkoord",
        reasoning: "",
      });
      expect(r.ok).toBe(role === "trekker");
      if (!r.ok) expect(r.code).toBe("FORBIDDEN");
    });
  }
  it("refuses a trekker whose party is outside the scope", () => {
    const r = checkStance({
      role: "trekker",
      actorPartyId: "tyn",
      partiesInScope: SCOPE,
      status: "in_bespreking",
      stance: "akkoord",
      reasoning: "",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
  it("refuses a trekker of another participant (overig): such a party is never in a point's scope", () => {
    const r = checkStance({
      role: "trekker",
      actorPartyId: "opr",
      partiesInScope: SCOPE,
      status: "in_bespreking",
      stance: "akkoord",
      reasoning: "",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
  it("refuses a trekker without a party", () => {
    const r = checkStance({
      role: "trekker",
      actorPartyId: null,
      partiesInScope: SCOPE,
      status: "in_bespreking",
      stance: "akkoord",
      reasoning: "",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("in which statuses", () => {
  for (const status of POINT_STATUSES) {
    const allowed = status === "in_bespreking" || status === "ambtelijk_akkoord";
    it(`${status}: ${allowed ? "allowed" : "refused with CONFLICT"}`, () => {
      const r = checkStance({
        role: "trekker",
        actorPartyId: "swv",
        partiesInScope: SCOPE,
        status,
        stance: "niet_akkoord",
        reasoning: OK_REASON,
      });
      expect(r.ok).toBe(allowed);
      if (!r.ok) expect(r).toMatchObject({ code: "CONFLICT" });
    });
  }
});

describe("reasoning", () => {
  for (const stance of STANCES) {
    const required = stance === "akkoord_met_voorbehoud" || stance === "niet_akkoord";
    it(`${stance}: reasoning ${required ? "required" : "optional"}`, () => {
      expect(reasoningRequired(stance)).toBe(required);
      for (const empty of ["", "   ", undefined, null, "te kort"]) {
        expect(reasoningProblem(stance, empty) !== null, JSON.stringify(empty)).toBe(required);
      }
      expect(reasoningProblem(stance, OK_REASON)).toBeNull();
      const r = checkStance({
        role: "trekker",
        actorPartyId: "swv",
        partiesInScope: SCOPE,
        status: "in_bespreking",
        stance,
        reasoning: "",
      });
      expect(r.ok).toBe(!required);
      if (!r.ok) expect(r).toMatchObject({ code: "VALIDATION_FAILED", field: "reasoning" });
    });
  }
  it("counts trimmed characters", () => {
    expect(reasoningProblem("niet_akkoord", ` ${"x".repeat(REASONING_MIN - 1)}   `)).not.toBeNull();
    expect(reasoningProblem("niet_akkoord", "x".repeat(REASONING_MIN))).toBeNull();
  });
  it("refuses overlong and non-text reasoning", () => {
    expect(reasoningProblem("akkoord", "x".repeat(4001))).toContain("te lang");
    expect(reasoningProblem("akkoord", 42)).toContain("tekst");
  });
});

describe("junk input", () => {
  it.each([["ja"], [""], [null], [undefined], [1], ["Akkoord"], ["__proto__"]])("refuses stance %j", (stance) => {
    const r = checkStance({
      role: "trekker",
      actorPartyId: "swv",
      partiesInScope: SCOPE,
      status: "in_bespreking",
      stance,
      reasoning: OK_REASON,
    });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION_FAILED", field: "stance" });
  });
  it.each([["admin"], [null], [undefined], [{}]])("refuses role %j", (role) => {
    expect(
      checkStance({
        role,
        actorPartyId: "swv",
        partiesInScope: SCOPE,
        status: "in_bespreking",
        stance: "akkoord",
        reasoning: "",
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
  it("refuses an unknown status", () => {
    expect(
      checkStance({
        role: "trekker",
        actorPartyId: "swv",
        partiesInScope: SCOPE,
        status: "bezig",
        stance: "akkoord",
        reasoning: "",
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("effective stance", () => {
  const H1 = "a".repeat(64);
  const H2 = "b".repeat(64);
  it("counts only on the text it was given on", () => {
    expect(effectiveStance({ stance: "akkoord", textHash: H1 }, H1)).toBe("akkoord");
    expect(effectiveStance({ stance: "akkoord", textHash: H1 }, H2)).toBe("geen_standpunt");
    expect(effectiveStance({ stance: "niet_akkoord", textHash: H1 }, H2)).toBe("geen_standpunt");
    expect(effectiveStance(null, H1)).toBe("geen_standpunt");
    expect(effectiveStance(undefined, H1)).toBe("geen_standpunt");
  });
});
