/**
 * People decide (issue 14): each party's trekker may set the score of a theme with a reason and a
 * quote. The proposal and every opinion stay visible; parties that differ are a disagreement.
 */
import type { ScreeningScore } from "./scale.ts";

export interface ScreeningOpinion {
  partyId: string;
  partyName: string;
  score: ScreeningScore;
  reason: string;
  quote: string | null;
}

export interface ThemeVerdict {
  proposal: ScreeningScore;
  opinions: ScreeningOpinion[];
  /** The score every party that gave one agrees on, or null (no opinion yet, or they differ). */
  agreed: ScreeningScore | null;
  /** Two parties set different scores. */
  disagreement: boolean;
  /** At least one opinion departs from the proposal. */
  overridden: boolean;
}

export function verdictOf(proposal: ScreeningScore, opinions: readonly ScreeningOpinion[]): ThemeVerdict {
  const scores = new Set(opinions.map((o) => o.score));
  return {
    proposal,
    opinions: [...opinions],
    agreed: scores.size === 1 ? opinions[0]!.score : null,
    disagreement: scores.size > 1,
    overridden: opinions.some((o) => o.score !== proposal),
  };
}

/** A theme the plan leaves undescribed or generic is worth a bespreekpunt ("Maak bespreekpunt"). */
export function offersBespreekpunt(verdict: Pick<ThemeVerdict, "proposal" | "agreed">): boolean {
  return (verdict.agreed ?? verdict.proposal) <= 1;
}
