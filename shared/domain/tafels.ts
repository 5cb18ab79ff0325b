/**
 * Rules for setting up a tafel that span fields (ADR 0010). Pure: the wizard shows the same
 * Dutch message next to the same field as the server's 400 (`field` is the path in the request,
 * e.g. "parties.3.swvCode").
 */
import {
  CBS_CODE_PATTERN,
  findCbsGemeente,
  normaliseSwvCode,
  periodProblem,
  PLAN_OWNER_KIND,
  sectorOfSwvCode,
  SWV_CODE_PATTERN,
  type OrganisationKind,
  type PlanType,
  type Sector,
} from "./parties.ts";
import { STANDARD_THEMES, THEME_KEY_PATTERN, standardTheme } from "./themes.ts";

export interface Problem {
  field: string;
  message: string;
}

/** The shape of a party in a request (see shared/schemas/tafel.ts). */
export type PartyDraft =
  | { ref?: string; kind: "swv"; name: string; swvCode: string; sector: Sector; coverageNote?: string | null }
  | { ref?: string; kind: "gemeente"; cbsCode: string; name?: string | null; coverageNote?: string | null }
  | { ref?: string; kind: "overig"; subtype: string; name: string; coverageNote?: string | null };

/** A party as it will be stored: the resolved name and normalised codes. */
export interface ResolvedParty {
  kind: OrganisationKind;
  name: string;
  swvCode: string | null;
  sector: Sector | null;
  cbsCode: string | null;
  subtype: string | null;
  coverageNote: string | null;
}

/** What identifies a party at one tafel: its DUO code, its CBS code, or (overig) its name. */
export function partyIdentity(p: Pick<ResolvedParty, "kind" | "swvCode" | "cbsCode" | "name">): string {
  if (p.kind === "swv") return `swv:${p.swvCode}`;
  if (p.kind === "gemeente") return `gemeente:${p.cbsCode}`;
  return `overig:${p.name.toLocaleLowerCase("nl")}`;
}

const withGemeente = (name: string) => (/^gemeente\s/i.test(name) ? name : `Gemeente ${name}`);

/**
 * Checks one party and resolves it (normalised code, the CBS name for a listed gemeente).
 * `at` is the field prefix ("parties.3" or "" for a single party).
 */
export function resolveParty(
  p: PartyDraft,
  at: string,
): { ok: true; party: ResolvedParty } | { ok: false; problem: Problem } {
  const f = (name: string) => (at ? `${at}.${name}` : name);
  const coverageNote = p.coverageNote ? p.coverageNote : null;
  if (p.kind === "swv") {
    const code = normaliseSwvCode(p.swvCode);
    if (!SWV_CODE_PATTERN.test(code)) {
      return {
        ok: false,
        problem: {
          field: f("swvCode"),
          message: `De code van een samenwerkingsverband ziet eruit als "PO 31.02" of "VO 20.01".`,
        },
      };
    }
    const sector = sectorOfSwvCode(code)!;
    if (sector !== p.sector) {
      return {
        ok: false,
        problem: {
          field: f("sector"),
          message: `De code ${code} hoort bij een ${sector}-samenwerkingsverband, niet bij ${p.sector}.`,
        },
      };
    }
    return {
      ok: true,
      party: { kind: "swv", name: p.name, swvCode: code, sector, cbsCode: null, subtype: null, coverageNote },
    };
  }
  if (p.kind === "gemeente") {
    const code = p.cbsCode.trim().toUpperCase();
    if (!CBS_CODE_PATTERN.test(code)) {
      return {
        ok: false,
        problem: { field: f("cbsCode"), message: "Een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0014." },
      };
    }
    const listed = findCbsGemeente(code);
    if (!listed && !p.name) {
      return {
        ok: false,
        problem: {
          field: f("cbsCode"),
          message: `${code} staat niet in de CBS-lijst van gemeenten. Vul ook de naam in als het een gemeente is die niet in de lijst staat.`,
        },
      };
    }
    const name = withGemeente(listed ? listed.name : p.name!);
    return {
      ok: true,
      party: { kind: "gemeente", name, swvCode: null, sector: null, cbsCode: code, subtype: null, coverageNote },
    };
  }
  return {
    ok: true,
    party: {
      kind: "overig",
      name: p.name,
      swvCode: null,
      sector: null,
      cbsCode: null,
      subtype: p.subtype,
      coverageNote,
    },
  };
}

/** Dutch words for a party in messages. */
export const describeParty = (p: ResolvedParty) =>
  p.kind === "swv" ? `${p.name} (${p.swvCode})` : p.kind === "gemeente" ? `${p.name} (${p.cbsCode})` : p.name;

export interface PlanDraft {
  kind: PlanType;
  periodStart: number;
  periodEnd: number;
}

/** The plan's owner must be of the right kind; the period must run forward. */
export function planProblem(
  plan: PlanDraft,
  owner: { kind: OrganisationKind } | undefined,
  at: string,
  ownerField: string,
): Problem | null {
  const f = (name: string) => (at ? `${at}.${name}` : name);
  if (!owner) return { field: f(ownerField), message: "Kies de partij van wie dit plan is." };
  if (owner.kind !== PLAN_OWNER_KIND[plan.kind]) {
    return {
      field: f(ownerField),
      message:
        plan.kind === "ondersteuningsplan"
          ? "Een ondersteuningsplan is van een samenwerkingsverband: kies een samenwerkingsverband."
          : "Een beleidsplan jeugd is van een gemeente: kies een gemeente.",
    };
  }
  const period = periodProblem(plan.periodStart, plan.periodEnd);
  return period ? { field: f("periodEnd"), message: period } : null;
}

/** Theme key from a label: "Zorg & Onderwijs" → "zorg_onderwijs", unique among `taken`. */
export function themeKeyFor(label: string, taken: ReadonlySet<string>): string {
  let base = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(base)) base = `thema_${base}`;
  base = base.slice(0, 34).replace(/_+$/, "");
  if (base.length < 2) base = "thema";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export interface ThemeDraft {
  key?: string;
  label?: string;
  description?: string;
}

export interface ResolvedTheme {
  key: string;
  label: string;
  description: string;
}

/** The themes of a new tafel in order; standard keys take their standard label unless renamed. */
export function resolveThemes(
  themes: readonly ThemeDraft[],
  at = "themes",
): { ok: true; themes: ResolvedTheme[] } | { ok: false; problem: Problem } {
  const out: ResolvedTheme[] = [];
  const keys = new Set<string>();
  const labels = new Set<string>();
  for (const [i, t] of themes.entries()) {
    const std = t.key ? standardTheme(t.key) : undefined;
    if (t.key && !std && !t.label)
      return {
        ok: false,
        problem: {
          field: `${at}.${i}.key`,
          message: `Het thema "${t.key}" bestaat niet. Kies een standaardthema of geef een naam.`,
        },
      };
    if (t.key && !THEME_KEY_PATTERN.test(t.key))
      return { ok: false, problem: { field: `${at}.${i}.key`, message: "Ongeldige themacode." } };
    const label = t.label ?? std!.label;
    const key = t.key ?? themeKeyFor(label, new Set([...keys, ...STANDARD_THEMES.map((s) => s.key)]));
    if (keys.has(key))
      return {
        ok: false,
        problem: { field: `${at}.${i}.key`, message: `Het thema "${label}" staat er twee keer in.` },
      };
    const norm = label.toLocaleLowerCase("nl");
    if (labels.has(norm))
      return { ok: false, problem: { field: `${at}.${i}.label`, message: `Er is al een thema "${label}".` } };
    keys.add(key);
    labels.add(norm);
    out.push({ key, label, description: t.description ?? std?.description ?? "" });
  }
  return { ok: true, themes: out };
}

export interface NewTafelDraft {
  plans: readonly (PlanDraft & { partyRef: string })[];
  parties: readonly PartyDraft[];
  themes: readonly ThemeDraft[];
  appointees: readonly { email: string }[];
}

/**
 * Every rule across fields of the wizard's request, in the order of its steps (plans, parties,
 * themes, people). Returns the resolved parties and themes, or the first problem.
 */
export function checkNewTafel(
  input: NewTafelDraft,
): { ok: true; parties: ResolvedParty[]; themes: ResolvedTheme[] } | { ok: false; problem: Problem } {
  const parties: ResolvedParty[] = [];
  const identities = new Map<string, number>();
  const refs = new Map<string, number>();
  for (const [i, draft] of input.parties.entries()) {
    const resolved = resolveParty(draft, `parties.${i}`);
    if (!resolved.ok) return resolved;
    const id = partyIdentity(resolved.party);
    if (identities.has(id)) {
      return {
        ok: false,
        problem: { field: `parties.${i}`, message: `${describeParty(resolved.party)} staat al bij de partijen.` },
      };
    }
    identities.set(id, i);
    if (draft.ref !== undefined) {
      if (refs.has(draft.ref))
        return {
          ok: false,
          problem: { field: `parties.${i}.ref`, message: "Twee partijen hebben dezelfde verwijzing." },
        };
      refs.set(draft.ref, i);
    }
    parties.push(resolved.party);
  }
  if (!parties.some((p) => p.kind === "swv") || !parties.some((p) => p.kind === "gemeente")) {
    return {
      ok: false,
      problem: {
        field: "parties",
        message: "Aan een OOGO-tafel zitten minstens één samenwerkingsverband en één gemeente.",
      },
    };
  }
  for (const [i, plan] of input.plans.entries()) {
    const index = refs.get(plan.partyRef);
    const problem = planProblem(plan, index === undefined ? undefined : parties[index], `plans.${i}`, "partyRef");
    if (problem) return { ok: false, problem };
  }
  const themes = resolveThemes(input.themes);
  if (!themes.ok) return themes;
  const emails = new Set<string>();
  for (const [i, a] of input.appointees.entries()) {
    if (emails.has(a.email))
      return {
        ok: false,
        problem: {
          field: `appointees.${i}.email`,
          message: "Dit e-mailadres staat er al; één persoon krijgt één rol aan een tafel.",
        },
      };
    emails.add(a.email);
  }
  return { ok: true, parties, themes: themes.themes };
}
