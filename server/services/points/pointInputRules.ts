/** Validation of point input against the tafel: its themes and its gemeenten. */
import { and, eq, isNull } from "drizzle-orm";
import { workspaceThemes } from "../../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { tafelParties } from "./pointState.ts";

/**
 * An active theme of the tafel (the standard six are rows too, ADR 0010); 400 naming `field`
 * otherwise. An archived theme labels its old points but takes no new ones.
 */
export async function assertThemeOfTafel(db: DbOrTx, workspaceId: string, key: string, field: string): Promise<void> {
  const [own] = await db
    .select({ key: workspaceThemes.key })
    .from(workspaceThemes)
    .where(
      and(
        eq(workspaceThemes.workspaceId, workspaceId),
        eq(workspaceThemes.key, key),
        isNull(workspaceThemes.archivedAt),
      ),
    )
    .limit(1);
  if (!own) throw new ApiError("VALIDATION_FAILED", `${field}: dit thema bestaat niet (meer) aan deze tafel.`, field);
}

/**
 * Normalises a scope: null/[] → [] (all gemeenten). Every id must be a gemeente of the tafel;
 * SWVs are always in scope and cannot be named.
 */
export async function normaliseScope(
  db: DbOrTx,
  workspaceId: string,
  scope: readonly string[] | null | undefined,
): Promise<string[]> {
  if (!scope || scope.length === 0) return [];
  const gemeenten = (await tafelParties(db, workspaceId)).filter((p) => p.kind === "gemeente");
  const unknown = scope.filter((id) => !gemeenten.some((g) => g.id === id));
  if (unknown.length > 0) {
    throw new ApiError(
      "VALIDATION_FAILED",
      "scope: noem alleen gemeenten van deze tafel (samenwerkingsverbanden vallen altijd binnen de scope).",
      "scope",
    );
  }
  return [...scope];
}
