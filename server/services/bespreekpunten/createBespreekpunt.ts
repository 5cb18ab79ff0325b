import { eq, max } from "drizzle-orm";
import { bespreekpunten } from "../../../db/schema/index.ts";
import type { BespreekpuntView, CreateBespreekpuntInput } from "../../../shared/schemas/bespreekpunten.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { membershipOf } from "../membershipOf.ts";
import { assertThemeOfTafel } from "../points/pointInputRules.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { presentList, recordChange } from "./bespreekpuntRecord.ts";
import { assertLeadParty } from "./bespreekpuntRules.ts";

/** Where in an imported plan the bespreekpunt comes from (the screening's "Maak bespreekpunt"). */
export interface BespreekpuntPlanLink {
  versionId: string;
  sectionId: string | null;
}

/** A tafel's own bespreekpunt, added after the standard ones (bespreekpunt.manage). */
export async function createBespreekpunt(
  ctx: ServiceContext,
  input: CreateBespreekpuntInput & { workspaceId: string; plan?: BespreekpuntPlanLink; group?: string },
): Promise<BespreekpuntView> {
  const { workspaceId } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(
    member,
    "bespreekpunt.manage",
    "Alleen de ambtelijke werkgroep en de secretaris voegen bespreekpunten toe.",
  );
  const id = newId();
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    if (input.theme) await assertThemeOfTafel(t.tx, workspaceId, input.theme, "theme");
    const leadPartyId = input.leadPartyId ?? null;
    if (leadPartyId) await assertLeadParty(t.tx, workspaceId, leadPartyId);
    const [last] = await t.tx
      .select({ max: max(bespreekpunten.position) })
      .from(bespreekpunten)
      .where(eq(bespreekpunten.workspaceId, workspaceId));
    const row = {
      id,
      workspaceId,
      standardKey: null,
      source: "eigen" as const,
      group: input.group ?? "Eigen bespreekpunten",
      title: input.title,
      question: input.question,
      askedBy: input.askedBy,
      leadPartyId,
      theme: input.theme ?? null,
      status: "niet_besproken" as const,
      planSectionId: input.plan?.sectionId ?? null,
      planVersionId: input.plan?.versionId ?? null,
      position: (last?.max ?? -1) + 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await t.tx.insert(bespreekpunten).values(row);
    await recordChange(t, row, member, "bespreekpunt.created", now, {
      toStatus: row.status,
      data: {
        title: row.title,
        question: row.question,
        askedBy: row.askedBy,
        leadPartyId,
        theme: row.theme,
        ...(input.plan ? { planVersionId: input.plan.versionId, planSectionId: input.plan.sectionId } : {}),
      },
    });
  });
  return (await presentList(ctx, workspaceId)).items.find((i) => i.id === id)!;
}
