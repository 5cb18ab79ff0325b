import { POINT_STATUSES, SIGNABLE_STATUSES, type PointStatus } from "../../../shared/domain/pointStatus.ts";
import { STANCES, type Stance } from "../../../shared/domain/stances.ts";
import type { BoardView } from "../../../shared/schemas/points.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { listThemes } from "../workspaces/getWorkspace.ts";
import { loadAllPointStates, tafelParties, isValidSignoff } from "./pointState.ts";

const zeroStatuses = () => Object.fromEntries(POINT_STATUSES.map((s) => [s, 0])) as Record<PointStatus, number>;
const zeroStances = () => Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;

/**
 * The agreement board in one answer: status counts per theme (rows) and in total, per party the
 * status counts of the points in its scope (also split by theme), its effective stances and
 * signatures on the current texts, and the compact list of points behind every cell. Every
 * member of the tafel may read it.
 */
export async function getBoard(ctx: ServiceContext, input: { workspaceId: string }): Promise<BoardView> {
  const { workspaceId } = input;
  await membershipOf(ctx, workspaceId);
  const db = dbOf(ctx);
  const [allThemes, parties, states] = [
    await listThemes(ctx.deps.database.db, workspaceId),
    await tafelParties(db, workspaceId),
    await loadAllPointStates(db, workspaceId),
  ];
  // The tafel's active themes, and an archived one only while it still holds points (ADR 0010).
  const themes = allThemes.filter((t) => !t.archived || states.some((s) => s.point.theme === t.key));

  const totals = zeroStatuses();
  const themeRows = themes.map((t) => ({ key: t.key, label: t.label, total: 0, counts: zeroStatuses() }));
  const partyRows = parties.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    total: 0,
    counts: zeroStatuses(),
    stances: zeroStances(),
    signed: 0,
    awaitingSignature: 0,
    themes: themes.map((t) => ({ key: t.key, counts: zeroStatuses() })),
  }));

  for (const { point, facts } of states) {
    const status = point.status;
    totals[status] += 1;
    let row = themeRows.find((t) => t.key === point.theme);
    if (!row) {
      // A theme removed from the tafel still shows its points.
      row = { key: point.theme, label: point.theme, total: 0, counts: zeroStatuses() };
      themeRows.push(row);
      for (const pr of partyRows) pr.themes.push({ key: point.theme, counts: zeroStatuses() });
    }
    row.total += 1;
    row.counts[status] += 1;
    for (const fact of facts.parties) {
      const pr = partyRows.find((p) => p.id === fact.partyId);
      if (!pr) continue;
      pr.total += 1;
      pr.counts[status] += 1;
      pr.themes.find((t) => t.key === point.theme)!.counts[status] += 1;
      pr.stances[fact.stance] += 1;
      if (fact.signed) pr.signed += 1;
      else if (SIGNABLE_STATUSES.includes(status)) pr.awaitingSignature += 1;
    }
  }

  return {
    statuses: [...POINT_STATUSES],
    totals,
    themes: themeRows,
    parties: partyRows,
    points: states.map(({ point, parties: inScope, facts, signoffs }) => ({
      id: point.id,
      theme: point.theme,
      title: point.title,
      status: point.status,
      version: point.version,
      partyIds: inScope.map((p) => p.id),
      perParty: facts.parties.map((f) => ({ partyId: f.partyId, stance: f.stance, signed: f.signed })),
      verouderdeSignoffs: signoffs.filter((s) => !isValidSignoff(s, point.textHash)).length,
    })),
  };
}
