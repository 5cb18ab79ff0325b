/** Dutch presentation helpers shared by the points screens. */
import { STANCE_LABELS, type Stance } from "../../../shared/domain/stances.ts";
import type { StatusGroup } from "../../../shared/domain/pointStatus.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";

/** Short, readable kenmerk of a text hash: "3f9a2c…" style, 12 hex characters. */
export const kenmerk = (hash: string | null | undefined) => (hash ? shortHash(hash) : "—");

export function termLabel(months: number | null | undefined): string {
  if (!months) return "Geen looptijd afgesproken";
  if (months % 12 === 0) return months === 12 ? "1 jaar" : `${months / 12} jaar`;
  return months === 1 ? "1 maand" : `${months} maanden`;
}

/** Stances reuse the status-group shapes: akkoord = check, voorbehoud = half, niet akkoord = warning, none = empty. */
export const STANCE_GROUP: Record<Stance, StatusGroup> = {
  akkoord: "akkoord",
  akkoord_met_voorbehoud: "voorbereid",
  niet_akkoord: "geschil",
  geen_standpunt: "open",
};

export const stanceLabel = (s: Stance) => STANCE_LABELS[s];

export const pluralPunten = (n: number) => (n === 1 ? "1 punt" : `${n} punten`);
