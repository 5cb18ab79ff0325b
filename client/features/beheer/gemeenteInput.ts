import { CBS_GEMEENTEN } from "../../../shared/data/cbsGemeenten.ts";
import { findCbsGemeente } from "../../../shared/domain/parties.ts";

/** The text a datalist option shows and puts in the field: "Groningen (GM0014)". */
export const gemeenteOption = (g: { code: string; name: string }) => `${g.name} (${g.code})`;

/**
 * What the gemeente field holds: a listed gemeente picked from the list ("Groningen (GM0014)"), its
 * exact name, or a GM code. Returns the code (listed or not) or null when nothing recognisable.
 */
export function parseGemeente(text: string): { code: string; listed: boolean } | null {
  const t = text.trim();
  const inParens = /\((GM\d{4})\)\s*$/i.exec(t);
  const code = inParens?.[1]?.toUpperCase() ?? (/^GM\d{4}$/i.test(t) ? t.toUpperCase() : undefined);
  if (code) return { code, listed: findCbsGemeente(code) !== undefined };
  const byName = CBS_GEMEENTEN.find((g) => g.name.toLocaleLowerCase("nl") === t.toLocaleLowerCase("nl"));
  return byName ? { code: byName.code, listed: true } : null;
}

export const GEMEENTEN_DATALIST_ID = "cbs-gemeenten";
