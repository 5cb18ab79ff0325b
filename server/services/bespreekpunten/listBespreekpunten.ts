import { eq } from "drizzle-orm";
import { bespreekpunten } from "../../../db/schema/index.ts";
import type { BespreekpuntenList } from "../../../shared/schemas/bespreekpunten.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { presentList } from "./bespreekpuntRecord.ts";
import { seedBespreekpunten } from "./seedBespreekpunten.ts";

/**
 * The tafel's bespreekpunten with their coverage (content.read). A tafel from before issue 14 has
 * none yet: it gets the standard set on first read, so no migration has to write audit events.
 */
export async function listBespreekpunten(
  ctx: ServiceContext,
  input: { workspaceId: string },
): Promise<BespreekpuntenList> {
  await membershipOf(ctx, input.workspaceId);
  const [any] = await dbOf(ctx)
    .select({ id: bespreekpunten.id })
    .from(bespreekpunten)
    .where(eq(bespreekpunten.workspaceId, input.workspaceId))
    .limit(1);
  if (!any) await seedBespreekpunten(ctx, input);
  return presentList(ctx, input.workspaceId);
}
