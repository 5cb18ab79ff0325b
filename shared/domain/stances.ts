/**
 * Party stances (standpunten) on an overeenstemmingspunt: for each party in scope its ambtelijk
 * trekker records one of four positions with a reasoning. A stance binds to the text hash it was
 * given on; once the text changes it no longer counts (its effective value is `geen_standpunt`),
 * which is how "an edit resets all stances" holds without rewriting history.
 */
import { can, isRole } from "./roles.ts";
import { isPointStatus, STANCE_STATUSES, statusLabel } from "./pointStatus.ts";

export const STANCES = ["geen_standpunt", "akkoord", "akkoord_met_voorbehoud", "niet_akkoord"] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  geen_standpunt: "Nog geen standpunt",
  akkoord: "Akkoord",
  akkoord_met_voorbehoud: "Akkoord met voorbehoud",
  niet_akkoord: "Niet akkoord",
};

export function isStance(value: unknown): value is Stance {
  return typeof value === "string" && (STANCES as readonly string[]).includes(value);
}

/** Minimum length of a reasoning where one is required: a word or two is not a reasoning. */
export const REASONING_MIN = 10;
export const REASONING_MAX = 4000;

/** A voorbehoud or a refusal must say why; the other party needs that to move. */
export const reasoningRequired = (stance: Stance) => stance === "akkoord_met_voorbehoud" || stance === "niet_akkoord";

/** Dutch message when `reasoning` does not fit `stance`, else null. */
export function reasoningProblem(stance: Stance, reasoning: unknown): string | null {
  const text = typeof reasoning === "string" ? reasoning.trim() : "";
  if (typeof reasoning !== "string" && reasoning !== undefined && reasoning !== null)
    return "De toelichting moet tekst zijn.";
  if (text.length > REASONING_MAX) return `De toelichting is te lang (maximaal ${REASONING_MAX} tekens).`;
  if (reasoningRequired(stance) && text.length < REASONING_MIN) {
    return `Licht ${stance === "niet_akkoord" ? "'niet akkoord'" : "een voorbehoud"} toe in ten minste ${REASONING_MIN} tekens.`;
  }
  return null;
}

/** A stance as stored: the value, and the text it was given on. */
export interface StanceRecord {
  stance: Stance;
  textHash: string;
}

/** What a stance counts for on the current text: only a stance on this exact text counts. */
export function effectiveStance(record: StanceRecord | null | undefined, currentTextHash: string): Stance {
  return record?.textHash === currentTextHash ? record.stance : "geen_standpunt";
}

export type StanceCheck =
  { ok: true } | { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION_FAILED"; reason: string; field?: string };

/**
 * May this member record `stance` now? Only a trekker (`stance.record`) for their OWN party, only
 * when that party is in the point's scope, and only in the ambtelijk phase.
 */
export function checkStance(input: {
  role: unknown;
  actorPartyId: string | null | undefined;
  partiesInScope: readonly string[];
  status: unknown;
  stance: unknown;
  reasoning: unknown;
}): StanceCheck {
  if (!isRole(input.role) || !can(input.role, "stance.record")) {
    return {
      ok: false,
      code: "FORBIDDEN",
      reason: "Alleen de ambtelijk trekker van een partij legt het standpunt van die partij vast.",
    };
  }
  if (!input.actorPartyId)
    return { ok: false, code: "FORBIDDEN", reason: "U handelt niet namens een partij aan deze tafel." };
  if (!input.partiesInScope.includes(input.actorPartyId)) {
    return { ok: false, code: "FORBIDDEN", reason: "Uw partij valt buiten de scope van dit punt." };
  }
  if (!isStance(input.stance))
    return { ok: false, code: "VALIDATION_FAILED", reason: "Kies een geldig standpunt.", field: "stance" };
  const problem = reasoningProblem(input.stance, input.reasoning);
  if (problem) return { ok: false, code: "VALIDATION_FAILED", reason: problem, field: "reasoning" };
  if (!isPointStatus(input.status)) return { ok: false, code: "CONFLICT", reason: "Onbekende status van het punt." };
  if (!STANCE_STATUSES.includes(input.status)) {
    return {
      ok: false,
      code: "CONFLICT",
      reason: `In de status ${statusLabel(input.status)} worden geen ambtelijke standpunten meer vastgelegd.`,
    };
  }
  return { ok: true };
}
