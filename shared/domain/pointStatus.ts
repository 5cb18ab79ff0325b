/**
 * The agreement status of an overeenstemmingspunt (domain brief §7.2) and the one table that
 * says who may move a point from which status to which, under which condition.
 *
 * The server is the authority: its verbs call `checkTransition` and refuse with 403 (the role
 * may never do it) or 409 ILLEGAL_TRANSITION (the step does not exist or its condition does
 * not hold), passing on the Dutch `reason`. The client calls the same functions only to enable
 * or disable controls and to explain why. The status itself is a cache of the audit log: only
 * the point verbs change it, always together with an event. See docs/adr/0002-point-workflow.md.
 *
 * Pure TypeScript: no I/O, usable in the browser.
 */
import { can, isRole, ROLE_LABELS, type Capability } from "./roles.ts";
import type { OrganisationKind, PartyKind } from "./parties.ts";
import type { Stance } from "./stances.ts";

export const POINT_STATUSES = [
  "concept",
  "in_bespreking",
  "ambtelijk_akkoord",
  "geagendeerd",
  // A formal OOGO agreed; the bestuurders sign the fixed text afterwards (or at the table).
  "akkoord_in_overleg",
  "overeenstemming",
  "geen_overeenstemming",
  "doorgeschoven",
  "in_geschil",
  "afgesloten_zonder_overeenstemming",
  "vastgelegd",
  "in_uitvoering",
  "geevalueerd",
  "herzien",
  "vervallen",
] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export function isPointStatus(value: unknown): value is PointStatus {
  return typeof value === "string" && (POINT_STATUSES as readonly string[]).includes(value);
}

/**
 * Groups for the agreement board: a status's group decides its column colour AND its icon/
 * pattern, so the board reads without colour too.
 */
export const STATUS_GROUPS = ["open", "voorbereid", "akkoord", "geschil", "afgesloten"] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];
export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = {
  open: "Nog open",
  voorbereid: "Klaar voor besluit",
  akkoord: "Overeenstemming",
  geschil: "Geen overeenstemming of geschil",
  afgesloten: "Afgesloten",
};

export interface PointStatusInfo {
  label: string;
  group: StatusGroup;
  /** One sentence for tooltips and the legend. */
  description: string;
}

export const POINT_STATUS_INFO: Record<PointStatus, PointStatusInfo> = {
  concept: { label: "Concept", group: "open", description: "Eerste opzet; nog niet in bespreking gebracht." },
  in_bespreking: {
    label: "In bespreking",
    group: "open",
    description: "De ambtelijke werkgroep werkt aan de tekst; partijen geven hun standpunt.",
  },
  ambtelijk_akkoord: {
    label: "Ambtelijk akkoord",
    group: "voorbereid",
    description: "Alle partijen in de scope zijn ambtelijk akkoord met de huidige tekst.",
  },
  geagendeerd: {
    label: "Geagendeerd",
    group: "voorbereid",
    description: "Staat op de agenda van een bestuurlijk overleg; de tekst ligt vast.",
  },
  akkoord_in_overleg: {
    label: "Akkoord in overleg, ondertekening loopt",
    group: "akkoord",
    description:
      "Het formeel bestuurlijk overleg heeft ingestemd met de vastgezette tekst; de bestuurders ondertekenen die tekst nog.",
  },
  overeenstemming: {
    label: "Overeenstemming",
    group: "akkoord",
    description: "Alle partijen in de scope hebben de huidige tekst ondertekend.",
  },
  geen_overeenstemming: {
    label: "Geen overeenstemming",
    group: "geschil",
    description: "Het bestuurlijk overleg leidde niet tot overeenstemming.",
  },
  doorgeschoven: {
    label: "Doorgeschoven",
    group: "open",
    description: "Naar de ontwikkelagenda verplaatst; later weer op te pakken.",
  },
  in_geschil: {
    label: "In geschil",
    group: "geschil",
    description: "Voorgelegd aan de Landelijke Geschillencommissie OOGO; de tekst ligt vast.",
  },
  afgesloten_zonder_overeenstemming: {
    label: "Afgesloten zonder overeenstemming",
    group: "afgesloten",
    description: "Na uitspraak of besluit afgesloten zonder afspraak.",
  },
  vastgelegd: {
    label: "Vastgelegd",
    group: "akkoord",
    description: "Opgenomen in het vastgestelde plan; de tekst ligt vast.",
  },
  in_uitvoering: { label: "In uitvoering", group: "akkoord", description: "De afspraak wordt uitgevoerd." },
  geevalueerd: { label: "Geëvalueerd", group: "akkoord", description: "De uitvoering is geëvalueerd." },
  herzien: { label: "Herzien", group: "open", description: "Een eerdere afspraak wordt opnieuw besproken." },
  vervallen: { label: "Vervallen", group: "afgesloten", description: "Ingetrokken of de looptijd is verstreken." },
};

export const statusLabel = (status: PointStatus) => POINT_STATUS_INFO[status].label;

/**
 * Statuses in which the text is frozen for everyone. `geagendeerd` fixes the version a meeting
 * discusses and `akkoord_in_overleg` the version it agreed to (the bestuurders are still
 * signing it); `in_geschil` freezes what the commission judges; after overeenstemming changes
 * go through `herzien`. Outside these statuses a text that carries a valid signature is frozen
 * too (server/services/points/isPointTextLocked.ts) until someone chooses "Heropenen".
 */
export const TEXT_LOCKED_STATUSES: readonly PointStatus[] = [
  "geagendeerd",
  "akkoord_in_overleg",
  "overeenstemming",
  "in_geschil",
  "afgesloten_zonder_overeenstemming",
  "vastgelegd",
  "in_uitvoering",
  "geevalueerd",
  "vervallen",
];
export const isTextLocked = (status: unknown): boolean =>
  isPointStatus(status) && TEXT_LOCKED_STATUSES.includes(status);

/** Statuses in which trekkers record stances: the ambtelijk phase. */
export const STANCE_STATUSES: readonly PointStatus[] = ["in_bespreking", "ambtelijk_akkoord"];

/**
 * Statuses in which a bestuurder may sign: after ambtelijk akkoord (a written round without a
 * meeting), on the agenda of a meeting (at the table), after the meeting agreed (afterwards),
 * and during a dispute (a signed settlement).
 */
export const SIGNABLE_STATUSES: readonly PointStatus[] = [
  "ambtelijk_akkoord",
  "geagendeerd",
  "akkoord_in_overleg",
  "in_geschil",
];

/**
 * Statuses from which "Heropenen" (server/services/points/reopenPoint.ts) voids the valid
 * signatures on the current text and sends the point back to bespreking, so the text can be
 * changed. After overeenstemming a change goes through `herzien` instead.
 */
export const REOPENABLE_STATUSES: readonly PointStatus[] = [
  "in_bespreking",
  "ambtelijk_akkoord",
  "geagendeerd",
  "akkoord_in_overleg",
];

/** Statuses in which title, scope, term and section link may change (nothing agreed yet). */
export const DETAILS_EDITABLE_STATUSES: readonly PointStatus[] = [
  "concept",
  "in_bespreking",
  "ambtelijk_akkoord",
  "geen_overeenstemming",
  "doorgeschoven",
  "herzien",
];

/** What the rules know about one party in the point's scope, on the CURRENT text. */
export interface PartyFact {
  partyId: string;
  name: string;
  kind: PartyKind;
  /** Effective stance: a stance recorded on an earlier text counts as `geen_standpunt`. */
  stance: Stance;
  /** True when this party signed the current text hash. */
  signed: boolean;
}

export interface PointFacts {
  /** Every party in scope: all SWVs of the tafel plus the gemeenten the point concerns. */
  parties: readonly PartyFact[];
  /**
   * Only for a decision of a formal OOGO: the parties represented at that meeting by an
   * attending bestuurder (attendance with capacity "namens …"). Absent everywhere else.
   */
  representedPartyIds?: readonly string[];
}

export interface TransitionActor {
  role: unknown;
  /** The party the member acts for; null for roles that act for the tafel (secretaris). */
  partyId: string | null;
  /** `overig` participants are never in a point's scope, so party-scoped steps are refused to them. */
  partyKind: OrganisationKind | null;
}

export type TransitionCheck = { ok: true } | { ok: false; code: "FORBIDDEN" | "ILLEGAL_TRANSITION"; reason: string };

/** A capability that grants a step, optionally only to members of one kind of party. */
interface Grant {
  capability: Capability;
  partyKind?: PartyKind;
}

export interface TransitionRule {
  from: PointStatus;
  to: PointStatus;
  /** Dutch label of the action button, e.g. "Bespreking starten". */
  action: string;
  /** Who may make the step by hand; empty = only the system makes it. */
  by: readonly Grant[];
  /** A member acting for a party must belong to a party in the point's scope. */
  partyInScope: boolean;
  /** Must hold for a manual step; returns the Dutch reason when it does not. */
  condition?: (facts: PointFacts) => string | null;
  /** The system takes this step by itself as soon as this holds (checked after every change). */
  automatic?: (facts: PointFacts) => boolean;
  /** The system takes this step when the durable text changes. */
  onTextChange?: boolean;
}

const names = (parties: readonly PartyFact[]) => parties.map((p) => p.name).join(", ");

export function allAkkoord(facts: PointFacts): boolean {
  return facts.parties.length > 0 && facts.parties.every((p) => p.stance === "akkoord");
}
export function allSigned(facts: PointFacts): boolean {
  return facts.parties.length > 0 && facts.parties.every((p) => p.signed);
}

/**
 * Ambtelijk akkoord needs an unconditional `akkoord` of every party on the current text:
 * a voorbehoud is exactly what the ambtelijk phase must still resolve.
 */
function requireAllAkkoord(facts: PointFacts): string | null {
  if (facts.parties.length === 0) return "Er zijn geen partijen in de scope van dit punt.";
  const missing = facts.parties.filter((p) => p.stance !== "akkoord");
  return missing.length === 0 ? null : `Nog geen ambtelijk akkoord op de huidige tekst van: ${names(missing)}.`;
}

function requireAllSigned(facts: PointFacts): string | null {
  if (facts.parties.length === 0) return "Er zijn geen partijen in de scope van dit punt.";
  const missing = facts.parties.filter((p) => !p.signed);
  return missing.length === 0 ? null : `Nog geen geldige ondertekening van de huidige tekst door: ${names(missing)}.`;
}

/**
 * The meeting decision rule: a formal OOGO agrees on a point only when every party in its scope
 * was represented by an attending bestuurder. Without a meeting there is no such decision.
 */
export function requireRepresented(facts: PointFacts): string | null {
  if (facts.parties.length === 0) return "Er zijn geen partijen in de scope van dit punt.";
  const represented = facts.representedPartyIds;
  if (!represented)
    return "Akkoord in overleg ontstaat alleen door het besluit “Overeenstemming bereikt” in een formeel bestuurlijk OOGO.";
  const missing = facts.parties.filter((p) => !represented.includes(p.partyId));
  return missing.length === 0
    ? null
    : `Niet vertegenwoordigd door een aanwezige bestuurder: ${names(missing)}. Leg op de presentielijst vast wie namens deze partij aanwezig was, of leg een ander besluit vast.`;
}

const g = (capability: Capability, partyKind?: PartyKind): Grant =>
  partyKind ? { capability, partyKind } : { capability };
const MANAGE = g("point.manage");
const STANCE = g("stance.record");
const ADMIN = g("point.administer");
const DECIDE = g("point.decide");

/**
 * The transition table. Every (from, to) pair not listed here is illegal.
 *
 * Roles never appear here: the table speaks in capabilities (shared/domain/roles.ts), so
 * "trekker" means `stance.record`, "secretaris" `point.administer`, "bestuurder/wethouder"
 * `point.decide`, and the ambtelijke werkgroep `point.manage`.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  // Ambtelijke fase
  { from: "concept", to: "in_bespreking", action: "Bespreking starten", by: [MANAGE], partyInScope: true },
  { from: "concept", to: "vervallen", action: "Concept intrekken", by: [MANAGE], partyInScope: true },
  {
    from: "in_bespreking",
    to: "ambtelijk_akkoord",
    action: "Ambtelijk akkoord vaststellen",
    by: [STANCE, ADMIN],
    partyInScope: true,
    condition: requireAllAkkoord,
    automatic: allAkkoord,
  },
  { from: "in_bespreking", to: "vervallen", action: "Punt laten vervallen", by: [ADMIN], partyInScope: false },
  {
    // By hand a trekker reopens the discussion; by itself when a stance is withdrawn, the
    // scope grows, or the text changes (edits reset all stances).
    from: "ambtelijk_akkoord",
    to: "in_bespreking",
    action: "Terug naar bespreking",
    by: [STANCE, ADMIN],
    partyInScope: true,
    automatic: (f) => !allAkkoord(f),
    onTextChange: true,
  },
  {
    from: "ambtelijk_akkoord",
    to: "geagendeerd",
    action: "Agenderen (tekst vastzetten)",
    by: [ADMIN],
    partyInScope: false,
    condition: requireAllAkkoord,
  },
  {
    // Written round: every bestuurder signs without a meeting.
    from: "ambtelijk_akkoord",
    to: "overeenstemming",
    action: "Overeenstemming vastleggen",
    by: [ADMIN],
    partyInScope: false,
    condition: (f) => requireAllAkkoord(f) ?? requireAllSigned(f),
    automatic: (f) => allAkkoord(f) && allSigned(f),
  },
  // Bestuurlijke fase
  { from: "geagendeerd", to: "ambtelijk_akkoord", action: "Van de agenda halen", by: [ADMIN], partyInScope: false },
  {
    from: "geagendeerd",
    to: "in_bespreking",
    action: "Terugverwijzen naar ambtelijk overleg",
    by: [ADMIN],
    partyInScope: false,
    onTextChange: true,
  },
  {
    from: "geagendeerd",
    to: "overeenstemming",
    action: "Overeenstemming vastleggen",
    by: [ADMIN],
    partyInScope: false,
    condition: requireAllSigned,
    automatic: allSigned,
  },
  {
    // The meeting agreed (every party represented by an attending bestuurder); signing follows.
    from: "geagendeerd",
    to: "akkoord_in_overleg",
    action: "Akkoord in overleg vastleggen",
    by: [ADMIN],
    partyInScope: false,
    condition: requireRepresented,
  },
  {
    // The last signature on the agreed text completes the agreement.
    from: "akkoord_in_overleg",
    to: "overeenstemming",
    action: "Overeenstemming vastleggen",
    by: [ADMIN],
    partyInScope: false,
    condition: requireAllSigned,
    automatic: allSigned,
  },
  {
    // By hand this is "Heropenen" (checkReopen, a verb of its own that voids the signatures);
    // here only the automatic step for an edit that raced the lock.
    from: "akkoord_in_overleg",
    to: "in_bespreking",
    action: "Terug naar bespreking",
    by: [],
    partyInScope: false,
    onTextChange: true,
  },
  {
    from: "geagendeerd",
    to: "geen_overeenstemming",
    action: "Geen overeenstemming vastleggen",
    by: [ADMIN, DECIDE],
    partyInScope: true,
  },
  {
    from: "overeenstemming",
    to: "in_bespreking",
    action: "Terug naar bespreking",
    by: [],
    partyInScope: false,
    onTextChange: true,
  },
  {
    from: "overeenstemming",
    to: "vastgelegd",
    action: "Vastleggen in het vastgestelde plan",
    by: [ADMIN, g("point.decide", "swv")],
    partyInScope: true,
    condition: requireAllSigned,
  },
  { from: "overeenstemming", to: "herzien", action: "Herzien", by: [ADMIN, DECIDE], partyInScope: true },
  {
    from: "geen_overeenstemming",
    to: "in_bespreking",
    action: "Opnieuw in bespreking",
    by: [ADMIN, DECIDE],
    partyInScope: true,
  },
  {
    from: "geen_overeenstemming",
    to: "doorgeschoven",
    action: "Doorschuiven naar de ontwikkelagenda",
    by: [ADMIN, DECIDE],
    partyInScope: true,
  },
  {
    from: "geen_overeenstemming",
    to: "in_geschil",
    action: "Geschil voorleggen aan de Geschillencommissie OOGO",
    by: [DECIDE],
    partyInScope: true,
  },
  {
    from: "geen_overeenstemming",
    to: "afgesloten_zonder_overeenstemming",
    action: "Afsluiten zonder overeenstemming",
    by: [ADMIN, DECIDE],
    partyInScope: true,
  },
  { from: "doorgeschoven", to: "in_bespreking", action: "Weer oppakken", by: [MANAGE], partyInScope: true },
  { from: "doorgeschoven", to: "vervallen", action: "Laten vervallen", by: [ADMIN], partyInScope: false },
  // Geschil
  {
    from: "in_geschil",
    to: "overeenstemming",
    action: "Schikking vastleggen",
    by: [ADMIN],
    partyInScope: false,
    condition: requireAllSigned,
    automatic: allSigned,
  },
  {
    from: "in_geschil",
    to: "afgesloten_zonder_overeenstemming",
    action: "Uitspraak vastleggen: geen overeenstemming",
    by: [ADMIN],
    partyInScope: false,
  },
  {
    from: "in_geschil",
    to: "in_bespreking",
    action: "Geschil ingetrokken: terug naar bespreking",
    by: [ADMIN, DECIDE],
    partyInScope: true,
  },
  // Na vaststelling
  { from: "vastgelegd", to: "in_uitvoering", action: "Uitvoering starten", by: [MANAGE], partyInScope: true },
  { from: "in_uitvoering", to: "geevalueerd", action: "Evaluatie vastleggen", by: [MANAGE], partyInScope: true },
  { from: "vastgelegd", to: "herzien", action: "Herzien", by: [ADMIN, DECIDE], partyInScope: true },
  { from: "in_uitvoering", to: "herzien", action: "Herzien", by: [ADMIN, DECIDE], partyInScope: true },
  { from: "geevalueerd", to: "herzien", action: "Herzien", by: [ADMIN, DECIDE], partyInScope: true },
  {
    from: "vastgelegd",
    to: "vervallen",
    action: "Laten vervallen (looptijd verstreken)",
    by: [ADMIN],
    partyInScope: false,
  },
  {
    from: "in_uitvoering",
    to: "vervallen",
    action: "Laten vervallen (looptijd verstreken)",
    by: [ADMIN],
    partyInScope: false,
  },
  {
    from: "geevalueerd",
    to: "vervallen",
    action: "Laten vervallen (looptijd verstreken)",
    by: [ADMIN],
    partyInScope: false,
  },
  { from: "herzien", to: "in_bespreking", action: "Bespreking starten", by: [MANAGE], partyInScope: true },
];

export function findRule(from: unknown, to: unknown): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from === from && r.to === to);
}

/** Every target a point in `from` could reach by any route (manual or automatic). */
export function targetsFrom(from: PointStatus): PointStatus[] {
  return TRANSITIONS.filter((r) => r.from === from).map((r) => r.to);
}

const capabilityLabel = (by: readonly Grant[]) => {
  const who: Record<string, string> = {
    "point.manage": "de ambtelijke werkgroep",
    "stance.record": "een ambtelijk trekker",
    "point.administer": "de secretaris",
    "point.decide": "een bestuurder of wethouder",
  };
  return by
    .map((gr) =>
      gr.partyKind === "swv" ? "de bestuurder van het samenwerkingsverband" : (who[gr.capability] ?? gr.capability),
    )
    .join(" of ");
};

function grantHolds(grant: Grant, actor: TransitionActor): boolean {
  return can(actor.role, grant.capability) && (!grant.partyKind || actor.partyKind === grant.partyKind);
}

/**
 * May `actor` move a point from `from` to `to` by hand, given the facts about the current text?
 * Order of the answers: an unknown or non-existent step is 409 (it is never possible), then the
 * role (403: this member may never take it), then the member's party scope (403), then the
 * condition (409 with the reason). Total: any junk input yields a refusal, never a throw.
 */
export function checkTransition(input: {
  from: unknown;
  to: unknown;
  actor: TransitionActor | null | undefined;
  facts: PointFacts | null | undefined;
}): TransitionCheck {
  const { from, to } = input;
  if (!isPointStatus(from)) return { ok: false, code: "ILLEGAL_TRANSITION", reason: "Onbekende huidige status." };
  if (!isPointStatus(to)) return { ok: false, code: "ILLEGAL_TRANSITION", reason: "Onbekende nieuwe status." };
  if (from === to)
    return { ok: false, code: "ILLEGAL_TRANSITION", reason: `Het punt heeft al de status ${statusLabel(from)}.` };
  const rule = findRule(from, to);
  if (!rule) {
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      reason: `Een punt met status ${statusLabel(from)} kan niet naar ${statusLabel(to)}.`,
    };
  }
  if (rule.by.length === 0) {
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      reason: `Van ${statusLabel(from)} naar ${statusLabel(to)} gaat alleen automatisch, wanneer de tekst wijzigt.`,
    };
  }
  const actor = input.actor;
  if (!actor || !isRole(actor.role)) return { ok: false, code: "FORBIDDEN", reason: "Onbekende rol." };
  if (!rule.by.some((gr) => grantHolds(gr, actor))) {
    return {
      ok: false,
      code: "FORBIDDEN",
      reason: `Als ${ROLE_LABELS[actor.role].toLowerCase()} mag u een punt niet van ${statusLabel(from)} naar ${statusLabel(to)} zetten; dat doet ${capabilityLabel(rule.by)}.`,
    };
  }
  const facts: PointFacts = input.facts && Array.isArray(input.facts.parties) ? input.facts : { parties: [] };
  if (rule.partyInScope && actor.partyId !== null && !facts.parties.some((p) => p.partyId === actor.partyId)) {
    return { ok: false, code: "FORBIDDEN", reason: "Uw partij valt buiten de scope van dit punt." };
  }
  const problem = rule.condition?.(facts) ?? null;
  if (problem) return { ok: false, code: "ILLEGAL_TRANSITION", reason: problem };
  return { ok: true };
}

/**
 * The step the system takes by itself in `from` given the facts, or null. Applied after every
 * change (stance, sign-off, scope, transition) until it returns null; at most one rule per
 * status can match because their conditions exclude each other.
 */
export function automaticTransition(from: unknown, facts: PointFacts): PointStatus | null {
  if (!isPointStatus(from)) return null;
  const rule = TRANSITIONS.find((r) => r.from === from && r.automatic?.(facts));
  return rule?.to ?? null;
}

/** Where a point goes when its durable text changes, or null when it stays. */
export function statusAfterTextChange(from: unknown): PointStatus | null {
  if (!isPointStatus(from)) return null;
  return TRANSITIONS.find((r) => r.from === from && r.onTextChange)?.to ?? null;
}

/**
 * "Heropenen": may `actor` void the valid signatures on the point's current text (and end the
 * agreement in overleg) so the text can be changed? A trekker of a party in scope or the
 * secretaris, with a reason; only where something protects the text and `herzien` is not the
 * way. Returns the Dutch reason when not.
 */
export function checkReopen(input: {
  status: unknown;
  actor: TransitionActor | null | undefined;
  facts: PointFacts | null | undefined;
  /** The number of valid signatures on the current text. */
  validSignatures: number;
}): TransitionCheck {
  const { status, actor } = input;
  if (!isPointStatus(status)) return { ok: false, code: "ILLEGAL_TRANSITION", reason: "Onbekende huidige status." };
  if (!actor || !isRole(actor.role)) return { ok: false, code: "FORBIDDEN", reason: "Onbekende rol." };
  if (!grantHolds(STANCE, actor) && !grantHolds(ADMIN, actor)) {
    return {
      ok: false,
      code: "FORBIDDEN",
      reason: `Als ${ROLE_LABELS[actor.role].toLowerCase()} mag u een punt niet heropenen; dat doet een ambtelijk trekker of de secretaris.`,
    };
  }
  const facts: PointFacts = input.facts && Array.isArray(input.facts.parties) ? input.facts : { parties: [] };
  if (actor.partyId !== null && !facts.parties.some((p) => p.partyId === actor.partyId)) {
    return { ok: false, code: "FORBIDDEN", reason: "Uw partij valt buiten de scope van dit punt." };
  }
  if (!REOPENABLE_STATUSES.includes(status)) {
    const after = ["overeenstemming", "vastgelegd", "in_uitvoering", "geevalueerd"].includes(status);
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      reason: after
        ? "Na overeenstemming ligt de tekst vast; een wijziging gaat via Herzien."
        : `Een punt met status ${statusLabel(status)} kan niet worden heropend.`,
    };
  }
  if (input.validSignatures === 0 && !isTextLocked(status)) {
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      reason: "Deze tekst draagt geen geldige ondertekening; hij kan gewoon worden gewijzigd.",
    };
  }
  return { ok: true };
}

export interface TransitionOption {
  to: PointStatus;
  label: string;
  action: string;
  ok: boolean;
  reason?: string;
}

/**
 * The manual steps from `from` as a member sees them: what they may do now, and for the steps
 * their role holds but whose condition fails, why not. Steps the role never holds are left out.
 */
export function transitionOptions(from: PointStatus, actor: TransitionActor, facts: PointFacts): TransitionOption[] {
  const out: TransitionOption[] = [];
  for (const rule of TRANSITIONS) {
    if (rule.from !== from || rule.by.length === 0) continue;
    const check = checkTransition({ from, to: rule.to, actor, facts });
    if (!check.ok && check.code === "FORBIDDEN") continue;
    out.push({
      to: rule.to,
      label: statusLabel(rule.to),
      action: rule.action,
      ok: check.ok,
      ...(check.ok ? {} : { reason: check.reason }),
    });
  }
  return out;
}
