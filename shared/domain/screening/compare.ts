/**
 * What moved between the screenings of two versions of a plan (issue 14): per theme the previous
 * and the new score, and the cited passages that came or went. A passage is the same when its
 * quote is, wherever its section went: renumbering a chapter is not a change of substance.
 */
import type { ScreeningScore } from "./scale.ts";
import type { Evidence, PlanScreening } from "./screenPlan.ts";

export interface ThemeMove {
  key: string;
  label: string;
  /** null when the previous screening did not have this theme (a theme added since). */
  previousScore: ScreeningScore | null;
  score: ScreeningScore;
  evidenceAdded: Evidence[];
  evidenceRemoved: Evidence[];
}

export function compareScreenings(previous: PlanScreening, next: PlanScreening): ThemeMove[] {
  const before = new Map(previous.themes.map((t) => [t.key, t]));
  return next.themes.map((theme) => {
    const old = before.get(theme.key);
    const oldQuotes = new Set((old?.evidence ?? []).map((e) => e.quote));
    const newQuotes = new Set(theme.evidence.map((e) => e.quote));
    return {
      key: theme.key,
      label: theme.label,
      previousScore: old ? old.score : null,
      score: theme.score,
      evidenceAdded: theme.evidence.filter((e) => !oldQuotes.has(e.quote)),
      evidenceRemoved: (old?.evidence ?? []).filter((e) => !newQuotes.has(e.quote)),
    };
  });
}

/** A theme moved when its score or its cited passages did. */
export const hasMoved = (m: ThemeMove) =>
  m.previousScore !== m.score || m.evidenceAdded.length > 0 || m.evidenceRemoved.length > 0;
