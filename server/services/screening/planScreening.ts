/**
 * The screening of a plan version (issue 14), stored per version: made in the parser thread at
 * import, or — for a version stored before, by an older algorithm, or for a tafel whose themes
 * changed since — made again on first read. Read together with every party's opinion.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import {
  bespreekpunten,
  organisations,
  planScreenings,
  planVersions,
  workspaceParties,
  workspaceThemes,
} from "../../../db/schema/index.ts";
import type { PlanText } from "../../../shared/domain/planText.ts";
import { can } from "../../../shared/domain/roles.ts";
import {
  compareScreenings,
  describeSignals,
  hasMoved,
  offersBespreekpunt,
  OVERLEG_QUESTIONS,
  SCREENING_ALGORITHM_VERSION,
  scaleStep,
  SIGNAL_LABELS,
  verdictOf,
  type Evidence,
  type PlanScreening,
  type ScreeningOpinion,
} from "../../../shared/domain/screening/index.ts";
import type { PlanScreeningView, ScreeningEvidenceView } from "../../../shared/schemas/screening.ts";
import { screenInWorker, type ScreenJob } from "../../planImport/parseInWorker.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { dbOf, nowIso, type ServiceContext } from "../serviceContext.ts";
import type { PlanVersionRow } from "../plans/planRecords.ts";
import { versionOfTafel } from "./versionOfTafel.ts";
import { listScreeningOpinions } from "./screeningOpinions.ts";

/** The tafel's current themes and party names: what a screening of one of its plans needs. */
export async function screenJobOf(db: DbOrTx, workspaceId: string): Promise<ScreenJob> {
  const themes = await db
    .select({ key: workspaceThemes.key, label: workspaceThemes.label, description: workspaceThemes.description })
    .from(workspaceThemes)
    .where(and(eq(workspaceThemes.workspaceId, workspaceId), isNull(workspaceThemes.archivedAt)))
    .orderBy(asc(workspaceThemes.position));
  const parties = await db
    .select({ name: organisations.name, kind: organisations.kind })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
  return {
    themes,
    options: {
      gemeenten: parties.filter((p) => p.kind === "gemeente").map((p) => p.name),
      localNames: parties.filter((p) => p.kind !== "gemeente").map((p) => p.name),
    },
  };
}

/** The keys a screening made with `job` holds: if the tafel's themes changed, a stored one is stale. */
const keysOf = (job: ScreenJob) => [...job.themes.map((t) => t.key), ...OVERLEG_QUESTIONS.map((q) => q.key)].join();

/** Stores a screening (inside the caller's transaction at import, or on its own after a lazy screening). */
export async function storeScreening(
  db: DbOrTx,
  row: { versionId: string; workspaceId: string; screening: PlanScreening; at: string },
): Promise<void> {
  const values = {
    versionId: row.versionId,
    workspaceId: row.workspaceId,
    algorithmVersion: SCREENING_ALGORITHM_VERSION,
    result: JSON.stringify(row.screening),
    screenedAt: row.at,
  };
  await db
    .insert(planScreenings)
    .values(values)
    .onConflictDoUpdate({
      target: planScreenings.versionId,
      set: { algorithmVersion: values.algorithmVersion, result: values.result, screenedAt: values.screenedAt },
    });
}

/**
 * The stored screening of a version, screened now (in the parser thread) when there is none, it is
 * by an older algorithm, or the tafel's themes changed since. The caller has checked content.read.
 */
export async function screeningOfVersion(
  ctx: ServiceContext,
  version: Pick<PlanVersionRow, "id" | "workspaceId" | "planText">,
  job?: ScreenJob,
): Promise<{ screening: PlanScreening; screenedAt: string }> {
  const db = dbOf(ctx);
  const current = job ?? (await screenJobOf(db, version.workspaceId));
  const [stored] = await db.select().from(planScreenings).where(eq(planScreenings.versionId, version.id)).limit(1);
  if (stored?.algorithmVersion === SCREENING_ALGORITHM_VERSION) {
    const screening = JSON.parse(stored.result) as PlanScreening;
    if (screening.themes.map((t) => t.key).join() === keysOf(current))
      return { screening, screenedAt: stored.screenedAt };
  }
  const screening = await screenInWorker(JSON.parse(version.planText) as PlanText, current);
  const at = nowIso(ctx);
  // A cache of a pure function of the stored text, the algorithm and the themes: not a change
  // anyone made, so no audit event; the import's event records the first screening.
  await storeScreening(ctx.deps.database.db, {
    versionId: version.id,
    workspaceId: version.workspaceId,
    screening,
    at,
  });
  return { screening, screenedAt: at };
}

const evidenceView = (e: Evidence): ScreeningEvidenceView => ({
  sectionId: e.sectionId,
  sectionNumber: e.sectionNumber,
  sectionTitle: e.sectionTitle,
  quote: e.quote,
  signals: e.signals.map((s) => SIGNAL_LABELS[s]),
});

/** The screening of one version of the tafel's plan with every party's opinion (content.read). */
export async function getPlanScreening(
  ctx: ServiceContext,
  input: { workspaceId: string; planVersionId: string },
): Promise<PlanScreeningView> {
  const { version, member } = await versionOfTafel(ctx, input.workspaceId, input.planVersionId);
  const job = await screenJobOf(dbOf(ctx), version.workspaceId);
  const { screening, screenedAt } = await screeningOfVersion(ctx, version, job);
  const opinions = await listScreeningOpinions(ctx, input);
  const made = await dbOf(ctx)
    .select({ id: bespreekpunten.id, theme: bespreekpunten.theme, title: bespreekpunten.title })
    .from(bespreekpunten)
    .where(and(eq(bespreekpunten.workspaceId, input.workspaceId), eq(bespreekpunten.planVersionId, version.id)));

  const [previousRow] = await dbOf(ctx)
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, version.planId), eq(planVersions.seq, version.seq - 1)))
    .limit(1);
  const previous = previousRow ? (await screeningOfVersion(ctx, previousRow, job)).screening : null;

  return {
    versionId: version.id,
    versionLabel: version.label,
    seq: version.seq,
    planId: version.planId,
    algorithmVersion: SCREENING_ALGORITHM_VERSION,
    screenedAt,
    themes: screening.themes.map((theme) => {
      const own: ScreeningOpinion[] = opinions
        .filter((o) => o.themeKey === theme.key)
        .map((o) => ({ ...o, score: o.score as ScreeningOpinion["score"] }));
      const verdict = verdictOf(theme.score, own);
      return {
        key: theme.key,
        label: theme.label,
        kind: theme.kind,
        score: theme.score,
        scoreLabel: scaleStep(theme.score).label,
        reason: theme.reason,
        evidence: theme.evidence.map(evidenceView),
        signals: describeSignals(theme.signals),
        perGemeente: theme.perGemeente.map((g) => ({
          gemeente: g.gemeente,
          score: g.score,
          scoreLabel: scaleStep(g.score).label,
        })),
        opinions: opinions.filter((o) => o.themeKey === theme.key),
        disagreement: verdict.disagreement,
        agreed: verdict.agreed,
        offersBespreekpunt: offersBespreekpunt(verdict),
        bespreekpuntId: made.find((b) => madeFromTheme(b, theme))?.id ?? null,
      };
    }),
    previous: previousRow ? { versionId: previousRow.id, label: previousRow.label, seq: previousRow.seq } : null,
    moves: previous
      ? compareScreenings(previous, screening).map((m) => ({
          ...m,
          evidenceAdded: m.evidenceAdded.map(evidenceView),
          evidenceRemoved: m.evidenceRemoved.map(evidenceView),
          moved: hasMoved(m),
        }))
      : [],
    opinionPartyId: can(member.role, "stance.record") ? member.partyId : null,
    canMakeBespreekpunt: can(member.role, "bespreekpunt.manage"),
  };
}

/** A bespreekpunt linked to the version was made from this theme (overleg questions have no theme key). */
export const madeFromTheme = (b: { theme: string | null; title: string }, theme: { key: string; label: string }) =>
  b.theme === theme.key || (b.theme === null && b.title.startsWith(`${theme.label}:`));
