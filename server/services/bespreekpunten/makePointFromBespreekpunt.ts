import { eq } from "drizzle-orm";
import { bespreekpunten, bespreekpuntPoints } from "../../../db/schema/index.ts";
import type { MakePointInput } from "../../../shared/schemas/bespreekpunten.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { createPoint } from "../points/createPoint.ts";
import type { PointChange } from "../points/pointStatusChange.ts";
import { nowIso, type ServiceContext } from "../serviceContext.ts";
import { assertVersion, bespreekpuntAndMember, findBespreekpunt, recordChange } from "./bespreekpuntRecord.ts";

/**
 * "Maak overeenstemmingspunt": creates a point through the points verb, with the bespreekpunt's
 * theme and title prefilled and its question as the opening text, links it, and sets the status
 * to "leidt tot overeenstemmingspunt" — all in the point's own transaction, so either both exist
 * and are linked, or neither.
 */
export async function makePointFromBespreekpunt(
  ctx: ServiceContext,
  input: MakePointInput & { id: string },
): Promise<PointChange> {
  const { row, member } = await bespreekpuntAndMember(ctx, input.id);
  assertCan(
    member,
    "bespreekpunt.manage",
    "Alleen de ambtelijke werkgroep en de secretaris werken bespreekpunten bij.",
  );
  assertVersion(row, input.expectedVersion);
  const theme = input.theme ?? row.theme;
  if (!theme)
    throw new ApiError("VALIDATION_FAILED", "Kies het thema waaronder het overeenstemmingspunt valt.", "theme");
  return createPoint(ctx, {
    workspaceId: row.workspaceId,
    theme,
    title: input.title ?? row.title,
    text: row.question,
    andThen: async (t, point) => {
      const now = nowIso(t);
      const current = (await findBespreekpunt(t.tx, row.id))!;
      assertVersion(current, input.expectedVersion);
      await t.tx.insert(bespreekpuntPoints).values({ bespreekpuntId: row.id, pointId: point.id });
      await t.tx
        .update(bespreekpunten)
        .set({ status: "leidt_tot_punt", version: current.version + 1, updatedAt: now })
        .where(eq(bespreekpunten.id, row.id));
      await recordChange(t, row, member, "bespreekpunt.point_created", now, {
        fromStatus: current.status,
        toStatus: "leidt_tot_punt",
        data: { pointId: point.id, title: point.title, theme },
      });
    },
  });
}
