import { eq, max } from "drizzle-orm";
import { bespreekpunten } from "../../../db/schema/index.ts";
import { newId } from "../../auth/tokens.ts";
import { tafelParties } from "../points/pointState.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { recordChange, setsOfTafel } from "./bespreekpuntRecord.ts";

/**
 * Gives a tafel the standard bespreekpunten its plans call for, once: rows already there (by
 * standard key) are left alone, so this is safe to call again — after a jeugdplan is added it
 * adds only the mirrored set. A system step (no authorisation of its own): createTafel calls it
 * inside its transaction, and the list verb calls it for tafels that existed before issue 14.
 * The lead party is set where the asking side has exactly one party at the tafel.
 */
export async function seedBespreekpunten(ctx: ServiceContext, input: { workspaceId: string }): Promise<number> {
  const { workspaceId } = input;
  return withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const sets = await setsOfTafel(t.tx, workspaceId);
    const existing = new Set(
      (
        await t.tx
          .select({ key: bespreekpunten.standardKey })
          .from(bespreekpunten)
          .where(eq(bespreekpunten.workspaceId, workspaceId))
      ).map((r) => r.key),
    );
    const missing = sets.flatMap((set) =>
      set.items.filter((i) => !existing.has(i.key)).map((item) => ({ item, source: set.source })),
    );
    if (missing.length === 0) return 0;
    const parties = await tafelParties(t.tx, workspaceId);
    const only = (kind: string) => {
      const of = parties.filter((p) => p.kind === kind);
      return of.length === 1 ? of[0]!.id : null;
    };
    const [last] = await t.tx
      .select({ max: max(bespreekpunten.position) })
      .from(bespreekpunten)
      .where(eq(bespreekpunten.workspaceId, workspaceId));
    const start = (last?.max ?? -1) + 1;
    const rows = missing.map(({ item, source }, i) => ({
      id: newId(),
      workspaceId,
      standardKey: item.key,
      source,
      group: item.group,
      title: item.title,
      question: item.question,
      askedBy: item.askedBy,
      leadPartyId: only(item.askedBy),
      theme: item.theme,
      status: "niet_besproken" as const,
      planSectionId: null,
      position: start + i,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    await t.tx.insert(bespreekpunten).values(rows);
    // One event for the set, not one per question: the log says which keys arrived.
    await recordChange(t, { id: workspaceId, workspaceId }, null, "bespreekpunten.seeded", now, {
      data: { keys: rows.map((r) => r.standardKey), sources: [...new Set(rows.map((r) => r.source))] },
    });
    return rows.length;
  });
}
