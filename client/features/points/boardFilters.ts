/**
 * Filters of the agreement board's point list, kept in the URL query (Dutch names, so a link
 * copied into an e-mail reads well): thema, status, groep, gemeente, standpunt, ondertekening.
 * Pure functions, so the URL ↔ filter mapping is tested without a browser.
 */
import {
  isPointStatus,
  POINT_STATUS_INFO,
  SIGNABLE_STATUSES,
  STATUS_GROUPS,
  type PointStatus,
  type StatusGroup,
} from "../../../shared/domain/pointStatus.ts";
import { isPartyPosition, partyPosition, type PartyPosition } from "../../../shared/domain/partyPosition.ts";
import type { BoardView } from "../../../shared/schemas/points.ts";

export interface BoardFilters {
  thema?: string;
  status?: PointStatus;
  groep?: StatusGroup;
  /** A party id; "gemeente" because that is how people filter, though the SWV works too. */
  gemeente?: string;
  /** Only with `gemeente`: that party's position as its badge shows it (shared/domain/partyPosition). */
  standpunt?: PartyPosition;
  /** Only with `gemeente`: "getekend" = validly signed, "wacht" = signable and not yet signed. */
  ondertekening?: "getekend" | "wacht";
}

export const FILTER_KEYS = ["thema", "status", "groep", "gemeente", "standpunt", "ondertekening"] as const;

const isGroup = (v: unknown): v is StatusGroup =>
  typeof v === "string" && (STATUS_GROUPS as readonly string[]).includes(v);

/** Reads filters from URL search params; unknown values are dropped rather than trusted. */
export function parseFilters(params: Record<string, string | string[] | undefined>): BoardFilters {
  const one = (k: string) => {
    const v = params[k];
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first; // an empty parameter is no filter
  };
  const out: BoardFilters = {};
  const thema = one("thema");
  if (thema && /^[a-z][a-z0-9_]{1,39}$/.test(thema)) out.thema = thema;
  const status = one("status");
  if (isPointStatus(status)) out.status = status;
  const groep = one("groep");
  if (isGroup(groep)) out.groep = groep;
  const gemeente = one("gemeente");
  if (gemeente && /^[A-Za-z0-9_-]{1,64}$/.test(gemeente)) out.gemeente = gemeente;
  const standpunt = one("standpunt");
  if (out.gemeente && isPartyPosition(standpunt)) out.standpunt = standpunt;
  const ondertekening = one("ondertekening");
  if (out.gemeente && (ondertekening === "getekend" || ondertekening === "wacht")) out.ondertekening = ondertekening;
  return out;
}

/** Query string for a set of filters ("" when none), in a stable key order. */
export function filterQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

type BoardPoint = BoardView["points"][number];

export function applyFilters(points: BoardPoint[], f: BoardFilters): BoardPoint[] {
  return points.filter((p) => {
    if (f.thema && p.theme !== f.thema) return false;
    if (f.status && p.status !== f.status) return false;
    if (f.groep && POINT_STATUS_INFO[p.status].group !== f.groep) return false;
    if (f.gemeente) {
      if (!p.partyIds.includes(f.gemeente)) return false;
      const mine = p.perParty.find((x) => x.partyId === f.gemeente);
      // The same position the party's badge shows, so a filter never contradicts what is listed.
      const fact = mine ?? { stance: "geen_standpunt" as const, signed: false };
      if (f.standpunt && partyPosition(p.status, fact) !== f.standpunt) return false;
      if (f.ondertekening === "getekend" && !mine?.signed) return false;
      if (f.ondertekening === "wacht" && (mine?.signed || !SIGNABLE_STATUSES.includes(p.status))) return false;
    }
    return true;
  });
}

export const hasFilters = (f: BoardFilters) => FILTER_KEYS.some((k) => f[k]);
