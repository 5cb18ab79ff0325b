/**
 * What a party's badge on the agreement board says about one point: the position that COUNTS
 * in the point's current status, on the current text (issue 15). In the ambtelijk phase that is
 * the trekker's stance; once the bestuurders are at the table it is their signature — an
 * ambtelijk "akkoord" given before a meeting that ended without agreement does not count there,
 * and showing it made every badge read "akkoord" on a point "In geschil". Where no position
 * counts (a concept, a point on the ontwikkelagenda, a closed point) the badge says so.
 *
 * Derived from the status table (groups, STANCE_STATUSES, SIGNABLE_STATUSES), never from a
 * hand list of statuses, so a status added there gets a position without a change here.
 * Pure: used by the board, its filters and the tests.
 */
import {
  POINT_STATUS_INFO,
  SIGNABLE_STATUSES,
  STANCE_STATUSES,
  type PointStatus,
  type StatusGroup,
} from "./pointStatus.ts";
import { STANCE_LABELS, type Stance } from "./stances.ts";

export const PARTY_POSITIONS = [
  "geen_standpunt",
  "akkoord",
  "akkoord_met_voorbehoud",
  "niet_akkoord",
  "ondertekend",
  "wacht_op_ondertekening",
  "niet_ondertekend",
  "niet_van_toepassing",
] as const;
export type PartyPosition = (typeof PARTY_POSITIONS)[number];

export const isPartyPosition = (v: unknown): v is PartyPosition =>
  typeof v === "string" && (PARTY_POSITIONS as readonly string[]).includes(v);

export const PARTY_POSITION_LABELS: Record<PartyPosition, string> = {
  ...STANCE_LABELS,
  ondertekend: "Ondertekend",
  wacht_op_ondertekening: "Wacht op ondertekening",
  niet_ondertekend: "Niet ondertekend",
  niet_van_toepassing: "Geen standpunt in deze fase",
};

/** The shape/colour group a position is drawn with (the same icons as the status groups). */
export const PARTY_POSITION_GROUP: Record<PartyPosition, StatusGroup> = {
  geen_standpunt: "open",
  akkoord: "akkoord",
  akkoord_met_voorbehoud: "voorbereid",
  niet_akkoord: "geschil",
  ondertekend: "akkoord",
  wacht_op_ondertekening: "voorbereid",
  niet_ondertekend: "geschil",
  niet_van_toepassing: "afgesloten",
};

/**
 * The position of one party on a point. `stance` is its effective stance on the current text,
 * `signed` whether it validly signed the current text.
 * - Ambtelijk phase (stances are recorded): the stance — unless a bestuurder already signed in
 *   a written round, which is the news.
 * - Disputed group: signed or not; "niet ondertekend" is why there is no agreement.
 * - Signable: signed, or waiting for the signature.
 * - Agreed group: signed (or, should a signature be void, not).
 * - Elsewhere (concept, ontwikkelagenda, herzien, closed): no position counts.
 */
export function partyPosition(status: PointStatus, fact: { stance: Stance; signed: boolean }): PartyPosition {
  const group = POINT_STATUS_INFO[status].group;
  if (STANCE_STATUSES.includes(status)) return fact.signed ? "ondertekend" : fact.stance;
  if (group === "geschil") return fact.signed ? "ondertekend" : "niet_ondertekend";
  if (SIGNABLE_STATUSES.includes(status)) return fact.signed ? "ondertekend" : "wacht_op_ondertekening";
  if (group === "akkoord") return fact.signed ? "ondertekend" : "niet_ondertekend";
  return "niet_van_toepassing";
}
