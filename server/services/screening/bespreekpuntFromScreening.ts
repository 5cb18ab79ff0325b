/**
 * "Maak bespreekpunt" (issue 14): a theme the plan leaves undescribed or generic (score 0–1)
 * becomes a bespreekpunt of the tafel, through the bespreekpunten verb, with the theme, a question
 * written out and a link to the plan version and the section the screening cited first.
 */
import { and, eq } from "drizzle-orm";
import { bespreekpunten, organisations, workspacePlans } from "../../../db/schema/index.ts";
import { OVERLEG_QUESTIONS, offersBespreekpunt, verdictOf } from "../../../shared/domain/screening/index.ts";
import { screeningBespreekpuntText } from "../../../shared/domain/screening/bespreekpunt.ts";
import type { ScreeningOpinion } from "../../../shared/domain/screening/opinions.ts";
import type { BespreekpuntView } from "../../../shared/schemas/bespreekpunten.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { createBespreekpunt } from "../bespreekpunten/createBespreekpunt.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { madeFromTheme, screeningOfVersion } from "./planScreening.ts";
import { listScreeningOpinions } from "./screeningOpinions.ts";
import { versionOfTafel } from "./versionOfTafel.ts";

export async function makeBespreekpuntFromScreening(
  ctx: ServiceContext,
  input: { workspaceId: string; planVersionId: string; themeKey: string },
): Promise<BespreekpuntView> {
  const { version } = await versionOfTafel(ctx, input.workspaceId, input.planVersionId);
  const { screening } = await screeningOfVersion(ctx, version);
  const theme = screening.themes.find((t) => t.key === input.themeKey);
  if (!theme) throw notFound("Dit thema in de screening");
  const opinions: ScreeningOpinion[] = (await listScreeningOpinions(ctx, input))
    .filter((o) => o.themeKey === theme.key)
    .map((o) => ({ ...o, score: o.score as ScreeningOpinion["score"] }));
  if (!offersBespreekpunt(verdictOf(theme.score, opinions)))
    throw new ApiError(
      "ILLEGAL_TRANSITION",
      "Het plan werkt dit thema al uit; een bespreekpunt uit de screening is er voor thema's die niet of alleen in algemene woorden beschreven zijn.",
    );
  const made = await dbOf(ctx)
    .select({ theme: bespreekpunten.theme, title: bespreekpunten.title })
    .from(bespreekpunten)
    .where(and(eq(bespreekpunten.workspaceId, input.workspaceId), eq(bespreekpunten.planVersionId, version.id)));
  if (made.some((b) => madeFromTheme(b, theme)))
    throw new ApiError("CONFLICT", "Van dit thema is voor deze versie van het plan al een bespreekpunt gemaakt.");
  const [plan] = await dbOf(ctx)
    .select({ ownerKind: organisations.kind })
    .from(workspacePlans)
    .leftJoin(organisations, eq(organisations.id, workspacePlans.organisationId))
    .where(eq(workspacePlans.id, version.planId))
    .limit(1);
  // The party whose plan it is answers; the other side asks.
  const askedBy = plan?.ownerKind === "gemeente" ? "swv" : "gemeente";
  const text = screeningBespreekpuntText({ label: theme.label, score: theme.score, versionLabel: version.label });
  const overleg = OVERLEG_QUESTIONS.some((q) => q.key === theme.key);
  return createBespreekpunt(ctx, {
    workspaceId: input.workspaceId,
    title: text.title,
    question: text.question,
    askedBy,
    // The overleg questions are not themes of the tafel; their bespreekpunt has no theme.
    theme: overleg ? null : theme.key,
    group: "Uit de screening van het plan",
    plan: { versionId: version.id, sectionId: theme.evidence[0]?.sectionId ?? null },
  });
}
