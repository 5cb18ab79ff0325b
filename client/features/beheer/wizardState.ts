/**
 * The wizard's draft and its checks per step, with the same shared rules and Dutch messages as
 * the server (shared/domain/tafels.ts). Field ids are stable so a server error can be put next to
 * its field: `fieldOf` maps the request path ("parties.3.swvCode") to the field and its step.
 */
import {
  findCbsGemeente,
  periodProblem,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
  type OtherParticipantType,
  type PlanStatus,
  type PlanType,
  type Sector,
  type TafelLevel,
} from "../../../shared/domain/parties.ts";
import {
  partyIdentity,
  resolveParty,
  resolveThemes,
  describeParty,
  type PartyDraft,
} from "../../../shared/domain/tafels.ts";
import { STANDARD_THEMES } from "../../../shared/domain/themes.ts";
import type { CreateTafelInput } from "../../../shared/schemas/tafel.ts";
import { parseGemeente } from "./gemeenteInput.ts";

export interface PlanRow {
  key: string;
  kind: PlanType;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  versionLabel: string;
  /** Ondersteuningsplan: the SWV whose plan it is. */
  swvName: string;
  swvCode: string;
  sector: Sector;
  /** Jeugdplan: the gemeente whose plan it is ("Tynaarlo (GM1730)" or a GM code). */
  gemeente: string;
  /** Only for a gemeente not in the CBS list. */
  gemeenteName: string;
}

export type PartyRow =
  | { ref: string; kind: "swv"; name: string; swvCode: string; sector: Sector; coverageNote: string }
  | { ref: string; kind: "gemeente"; cbsCode: string; name: string; coverageNote: string }
  | { ref: string; kind: "overig"; subtype: OtherParticipantType; name: string; coverageNote: string };

export interface ThemeRow {
  key: string;
  label: string;
  standard: boolean;
  chosen: boolean;
}
export interface AppointeeRow {
  role: "beheerder" | "secretaris";
  name: string;
  email: string;
  title: string;
}

export interface Draft {
  name: string;
  level: TafelLevel;
  parentWorkspaceId: string;
  plans: PlanRow[];
  parties: PartyRow[];
  themes: ThemeRow[];
  appointees: AppointeeRow[];
}

let counter = 0;
export const nextKey = (prefix: string) => `${prefix}${++counter}`;

export function emptyPlan(kind: PlanType = "ondersteuningsplan"): PlanRow {
  const year = new Date().getFullYear();
  return {
    key: nextKey("plan"),
    kind,
    title: "",
    periodStart: String(year + 1),
    periodEnd: String(year + 5),
    status: "concept",
    versionLabel: "",
    swvName: "",
    swvCode: "",
    sector: "po",
    gemeente: "",
    gemeenteName: "",
  };
}

export function emptyDraft(): Draft {
  return {
    name: "",
    level: "regionaal",
    parentWorkspaceId: "",
    plans: [emptyPlan()],
    parties: [],
    themes: STANDARD_THEMES.map((t) => ({ key: t.key, label: t.label, standard: true, chosen: true })),
    appointees: [{ role: "secretaris", name: "", email: "", title: "" }],
  };
}

export type Errors = Record<string, string>;
export const planField = (p: PlanRow, f: string) => `plan-${p.key}-${f}`;
export const partyField = (p: PartyRow, f: string) => `party-${p.ref}-${f}`;
export const themeField = (t: ThemeRow) => `theme-${t.key}`;
export const appointeeField = (i: number, f: string) => `app-${i}-${f}`;

const year = (v: string) => (/^\d{4}$/.test(v.trim()) ? Number(v) : NaN);
const yearProblem = (v: string) => {
  const y = year(v);
  return Number.isNaN(y)
    ? "Vul een jaartal in, bijvoorbeeld 2026."
    : y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX
      ? `Vul een jaartal tussen ${PLAN_YEAR_MIN} en ${PLAN_YEAR_MAX} in.`
      : null;
};

function toPartyDraft(p: PartyRow): PartyDraft {
  if (p.kind === "swv") return { kind: "swv", name: p.name.trim(), swvCode: p.swvCode, sector: p.sector };
  if (p.kind === "gemeente") return { kind: "gemeente", cbsCode: p.cbsCode, name: p.name.trim() || null };
  return { kind: "overig", subtype: p.subtype, name: p.name.trim() };
}

/** The party a plan row names as its owner (not yet in the list). */
function ownerOf(plan: PlanRow): PartyDraft | { problem: [string, string] } {
  if (plan.kind === "ondersteuningsplan") {
    if (plan.swvName.trim().length < 2)
      return { problem: [planField(plan, "swvName"), "Vul de naam van het samenwerkingsverband in."] };
    return { kind: "swv", name: plan.swvName.trim(), swvCode: plan.swvCode, sector: plan.sector };
  }
  const parsed = parseGemeente(plan.gemeente);
  if (!parsed)
    return {
      problem: [
        planField(plan, "gemeente"),
        "Kies een gemeente uit de lijst of vul een gemeentecode (GM en vier cijfers) in.",
      ],
    };
  return { kind: "gemeente", cbsCode: parsed.code, name: parsed.listed ? null : plan.gemeenteName.trim() || null };
}

export function checkPlansStep(d: Draft): Errors {
  const e: Errors = {};
  if (d.name.trim().length < 3) e["t-name"] = "Vul de naam van de tafel in (minstens 3 tekens).";
  if (d.level === "lokaal" && !d.parentWorkspaceId) {
    // A local tafel may stand alone; no error.
  }
  if (d.plans.length === 0) e["plans-add-kind"] = "Voeg minstens één plan toe.";
  for (const p of d.plans) {
    if (p.title.trim().length < 3) e[planField(p, "title")] = "Vul de titel van het plan in.";
    const ys = yearProblem(p.periodStart);
    const ye = yearProblem(p.periodEnd);
    if (ys) e[planField(p, "periodStart")] = ys;
    if (ye) e[planField(p, "periodEnd")] = ye;
    if (!ys && !ye) {
      const period = periodProblem(year(p.periodStart), year(p.periodEnd));
      if (period) e[planField(p, "periodEnd")] = period;
    }
    const owner = ownerOf(p);
    if ("problem" in owner) e[owner.problem[0]] = owner.problem[1];
    else {
      const r = resolveParty(owner, "");
      if (!r.ok) {
        const f =
          r.problem.field === "cbsCode"
            ? p.gemeente && parseGemeente(p.gemeente)?.listed === false && !p.gemeenteName
              ? "gemeenteName"
              : "gemeente"
            : r.problem.field;
        e[planField(p, f)] = r.problem.message;
      }
    }
  }
  return e;
}

/**
 * After step 1: every plan's owner is a party of step 2 (added when missing, matched by code).
 * Returns the plan key → party ref links.
 */
export function syncPlanOwners(d: Draft): { parties: PartyRow[]; owners: Record<string, string> } {
  const parties = [...d.parties];
  const owners: Record<string, string> = {};
  for (const p of d.plans) {
    const owner = ownerOf(p);
    if ("problem" in owner) continue;
    const r = resolveParty(owner, "");
    if (!r.ok) continue;
    const identity = partyIdentity(r.party);
    let row = parties.find((x) => {
      const rr = resolveParty(toPartyDraft(x), "");
      return rr.ok && partyIdentity(rr.party) === identity;
    });
    if (!row) {
      row =
        r.party.kind === "swv"
          ? {
              ref: nextKey("s"),
              kind: "swv",
              name: r.party.name,
              swvCode: r.party.swvCode!,
              sector: r.party.sector!,
              coverageNote: "",
            }
          : {
              ref: nextKey("g"),
              kind: "gemeente",
              cbsCode: r.party.cbsCode!,
              name: findCbsGemeente(r.party.cbsCode!) ? "" : ((owner as { name?: string | null }).name ?? ""),
              coverageNote: "",
            };
      parties.push(row);
    }
    owners[p.key] = row.ref;
  }
  // Keep SWVs first, then gemeenten, then other participants: the order the tafel shows them.
  const order = { swv: 0, gemeente: 1, overig: 2 } as const;
  parties.sort((a, b) => order[a.kind] - order[b.kind]);
  return { parties, owners };
}

export function checkPartiesStep(d: Draft): Errors {
  const e: Errors = {};
  const seen = new Map<string, string>();
  for (const p of d.parties) {
    if (p.kind !== "gemeente" && p.name.trim().length < 2) {
      e[partyField(p, "name")] = "Vul de naam in.";
      continue;
    }
    const r = resolveParty(toPartyDraft(p), "");
    if (!r.ok) {
      e[
        partyField(
          p,
          r.problem.field === "cbsCode" && p.kind === "gemeente" && !findCbsGemeente(p.cbsCode)
            ? "name"
            : r.problem.field,
        )
      ] = r.problem.message;
      continue;
    }
    const id = partyIdentity(r.party);
    if (seen.has(id))
      e[partyField(p, p.kind === "swv" ? "swvCode" : p.kind === "gemeente" ? "cbsCode" : "name")] =
        `${describeParty(r.party)} staat al bij de partijen.`;
    seen.set(id, p.ref);
  }
  if (!d.parties.some((p) => p.kind === "swv") || !d.parties.some((p) => p.kind === "gemeente")) {
    e["parties-add-gemeente"] = "Aan een OOGO-tafel zitten minstens één samenwerkingsverband en één gemeente.";
  }
  return e;
}

export function checkThemesStep(d: Draft): Errors {
  const chosen = d.themes.filter((t) => t.chosen);
  if (chosen.length === 0) return { "theme-new": "Kies minstens één thema." };
  const r = resolveThemes(
    chosen.map((t) => (t.standard ? { key: t.key, label: t.label.trim() || undefined } : { label: t.label.trim() })),
  );
  if (r.ok) return {};
  const index = Number(r.problem.field.split(".")[1]);
  return { [themeField(chosen[index]!)]: r.problem.message };
}

export function checkAppointeesStep(d: Draft): Errors {
  const e: Errors = {};
  d.appointees.forEach((a, i) => {
    if (a.name.trim().length < 2) e[appointeeField(i, "name")] = "Vul een naam in.";
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim()))
      e[appointeeField(i, "email")] = "Vul een geldig e-mailadres in.";
  });
  if (d.appointees.length === 0) e["app-add"] = "Wijs minstens een beheerder of een secretaris aan.";
  return e;
}

/** The request, with the plan owners linked to their parties (call syncPlanOwners first). */
export function buildRequest(d: Draft, owners: Record<string, string>): CreateTafelInput {
  const chosen = d.themes.filter((t) => t.chosen);
  return {
    name: d.name.trim(),
    level: d.level,
    parentWorkspaceId: d.level === "lokaal" && d.parentWorkspaceId ? d.parentWorkspaceId : null,
    plans: d.plans.map((p) => ({
      kind: p.kind,
      partyRef: owners[p.key] ?? "",
      title: p.title.trim(),
      periodStart: year(p.periodStart),
      periodEnd: year(p.periodEnd),
      status: p.status,
      ...(p.versionLabel.trim() ? { versionLabel: p.versionLabel.trim() } : {}),
    })),
    parties: d.parties.map((p) => {
      const coverageNote = p.coverageNote.trim() || null;
      if (p.kind === "swv")
        return {
          ref: p.ref,
          kind: "swv" as const,
          name: p.name.trim(),
          swvCode: p.swvCode,
          sector: p.sector,
          coverageNote,
        };
      if (p.kind === "gemeente")
        return { ref: p.ref, kind: "gemeente" as const, cbsCode: p.cbsCode, name: p.name.trim() || null, coverageNote };
      return { ref: p.ref, kind: "overig" as const, subtype: p.subtype, name: p.name.trim(), coverageNote };
    }),
    themes: chosen.map((t) =>
      t.standard ? { key: t.key, ...(t.label.trim() ? { label: t.label.trim() } : {}) } : { label: t.label.trim() },
    ),
    appointees: d.appointees.map((a) => ({
      role: a.role,
      name: a.name.trim(),
      email: a.email.trim(),
      title: a.title.trim() || null,
    })),
  };
}

export const STEPS = ["Plannen", "Partijen", "Thema's", "Controleren"] as const;

/** Where a server error's field is: the wizard step (0-based) and the field id. */
export function fieldOf(
  d: Draft,
  path: string | undefined,
  owners: Record<string, string>,
): { step: number; id: string } {
  if (!path) return { step: 3, id: "submit-error" };
  const [head, index, field] = path.split(".");
  const i = Number(index);
  if (head === "name") return { step: 0, id: "t-name" };
  if (head === "level") return { step: 0, id: "t-level-regionaal" };
  if (head === "parentWorkspaceId") return { step: 0, id: "t-parent" };
  if (head === "plans") {
    const plan = d.plans[i];
    if (!plan) return { step: 0, id: "plans-add-kind" };
    const f = field === "partyRef" ? (plan.kind === "ondersteuningsplan" ? "swvName" : "gemeente") : (field ?? "title");
    return { step: 0, id: planField(plan, f) };
  }
  if (head === "parties") {
    const party = d.parties[i];
    if (!party || !field || field === "ref")
      return {
        step: 1,
        id: party
          ? partyField(party, party.kind === "swv" ? "swvCode" : party.kind === "gemeente" ? "coverageNote" : "name")
          : "parties-add-gemeente",
      };
    const f = party.kind === "gemeente" && field === "cbsCode" && !findCbsGemeente(party.cbsCode) ? "name" : field;
    return { step: 1, id: partyField(party, f === "cbsCode" ? "coverageNote" : f) };
  }
  if (head === "themes") {
    const theme = d.themes.filter((t) => t.chosen)[i];
    return { step: 2, id: theme ? themeField(theme) : "theme-new" };
  }
  if (head === "appointees") return { step: 3, id: Number.isNaN(i) ? "app-add" : appointeeField(i, field ?? "name") };
  void owners;
  return { step: 3, id: "submit-error" };
}
