/**
 * The trekkers' own scores next to the screening's proposal (issue 14). Stored per plan version,
 * theme and party; the proposal itself is stored per version (planScreening.ts). Both verbs answer
 * 404 for a version of another tafel.
 */
import { and, asc, eq } from "drizzle-orm";
import { organisations, screeningOpinions, workspaceThemes } from "../../../db/schema/index.ts";
import { OVERLEG_QUESTIONS } from "../../../shared/domain/screening/index.ts";
import type { ScreeningOpinionView, SetScreeningOpinionInput } from "../../../shared/schemas/screening.ts";
import { assertCan, requireParty } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { versionOfTafel } from "./versionOfTafel.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";

interface Key {
  workspaceId: string;
  planVersionId: string;
}

/** Sets (or replaces) the score of one theme for the trekker's own party. */
export async function setScreeningOpinion(
  ctx: ServiceContext,
  input: SetScreeningOpinionInput & Key & { themeKey: string },
): Promise<ScreeningOpinionView[]> {
  const { member } = await versionOfTafel(ctx, input.workspaceId, input.planVersionId);
  // The trekker speaks for the party, as with a stance on a point.
  assertCan(member, "stance.record", "Alleen de ambtelijk trekker geeft namens de partij een oordeel.");
  const party = requireParty(member);
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const overleg = OVERLEG_QUESTIONS.some((q) => q.key === input.themeKey);
    if (!overleg) {
      const [theme] = await t.tx
        .select({ key: workspaceThemes.key })
        .from(workspaceThemes)
        .where(and(eq(workspaceThemes.workspaceId, input.workspaceId), eq(workspaceThemes.key, input.themeKey)))
        .limit(1);
      if (!theme) throw new ApiError("VALIDATION_FAILED", "Dit thema bestaat niet aan deze OOGO-tafel.", "themeKey");
    }
    const where = and(
      eq(screeningOpinions.workspaceId, input.workspaceId),
      eq(screeningOpinions.planVersionId, input.planVersionId),
      eq(screeningOpinions.themeKey, input.themeKey),
      eq(screeningOpinions.partyId, party.id),
    );
    const [before] = await t.tx.select().from(screeningOpinions).where(where).limit(1);
    const row = {
      workspaceId: input.workspaceId,
      planVersionId: input.planVersionId,
      themeKey: input.themeKey,
      partyId: party.id,
      score: input.score,
      reason: input.reason,
      quote: input.quote ?? null,
      setBy: member.userId,
      setAt: now,
    };
    if (before) await t.tx.update(screeningOpinions).set(row).where(where);
    else await t.tx.insert(screeningOpinions).values(row);
    await appendEvent(t.tx, {
      workspaceId: input.workspaceId,
      type: "screening.opinion_set",
      entityType: "screening",
      entityId: input.planVersionId,
      actor: member,
      at: now,
      reasoning: input.reason,
      data: {
        themeKey: input.themeKey,
        partyId: party.id,
        score: input.score,
        previousScore: before?.score ?? null,
        quote: row.quote,
      },
    });
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: input.workspaceId,
        entity: "screening",
        entityId: input.planVersionId,
        type: "screening.opinion_set",
      }),
    );
  });
  return listScreeningOpinions(ctx, input);
}

/** Every party's opinions on one plan version (content.read). */
export async function listScreeningOpinions(ctx: ServiceContext, input: Key): Promise<ScreeningOpinionView[]> {
  await versionOfTafel(ctx, input.workspaceId, input.planVersionId);
  return dbOf(ctx)
    .select({
      themeKey: screeningOpinions.themeKey,
      partyId: screeningOpinions.partyId,
      partyName: organisations.name,
      score: screeningOpinions.score,
      reason: screeningOpinions.reason,
      quote: screeningOpinions.quote,
      setAt: screeningOpinions.setAt,
    })
    .from(screeningOpinions)
    .innerJoin(organisations, eq(organisations.id, screeningOpinions.partyId))
    .where(
      and(
        eq(screeningOpinions.workspaceId, input.workspaceId),
        eq(screeningOpinions.planVersionId, input.planVersionId),
      ),
    )
    .orderBy(asc(screeningOpinions.themeKey), asc(organisations.name));
}
