/**
 * The tafel's Overzicht for the person looking: what waits for them (to sign, their party's
 * stance, minutes to review, procedure steps due or late, comments aimed at them), the next meeting with its agenda, and
 * the board in one line per theme. One verb, a handful of queries on the tafel (the points' state
 * in four), so it answers in milliseconds on a real tafel (bench: bench/dashboard.bench.ts).
 */
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { agendaItems, meetings, notifications, procedureSteps } from "../../../db/schema/index.ts";
import { addDays, formatDate, todayInNl } from "../../../shared/domain/dates.ts";
import { MEETING_TYPE_LABELS, meetingHasStarted } from "../../../shared/domain/meetings.ts";
import {
  POINT_STATUS_INFO,
  SIGNABLE_STATUSES,
  STATUS_GROUPS,
  statusLabel,
  type StatusGroup,
} from "../../../shared/domain/pointStatus.ts";
import { can } from "../../../shared/domain/roles.ts";
import type { DashboardView, WaitingItem } from "../../../shared/schemas/dashboard.ts";
import { membershipOf } from "../membershipOf.ts";
import { loadAllPointStates } from "../points/pointState.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import { listThemes } from "../workspaces/getWorkspace.ts";
import { commentsForMe } from "./commentsForMe.ts";

/** Procedure steps due within this many days count as "due" on the dashboard. */
export const STEP_DUE_DAYS = 14;

export async function getDashboard(ctx: ServiceContext, input: { workspaceId: string }): Promise<DashboardView> {
  const { workspaceId } = input;
  const member = await membershipOf(ctx, workspaceId);
  const db = dbOf(ctx);
  const now = ctx.clock.now();
  const today = todayInNl(now);
  const base = `/tafels/${workspaceId}`;
  const [states, allThemes, meetingRows, steps, [unread]] = [
    await loadAllPointStates(db, workspaceId),
    await listThemes(ctx.deps.database.db, workspaceId),
    await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.workspaceId, workspaceId), ne(meetings.status, "geannuleerd")))
      .orderBy(asc(meetings.startsAt)),
    can(member.role, "procedure.manage")
      ? await db
          .select()
          .from(procedureSteps)
          .where(and(eq(procedureSteps.workspaceId, workspaceId), isNull(procedureSteps.doneAt)))
          .orderBy(asc(procedureSteps.position))
      : [],
    await db
      .select({ n: count() })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, member.userId),
          eq(notifications.workspaceId, workspaceId),
          isNull(notifications.readAt),
        ),
      ),
  ];

  const waiting: WaitingItem[] = [];
  const partyId = member.partyId;
  if (partyId && can(member.role, "point.signoff")) {
    for (const { point, parties, signoffs } of states) {
      if (!SIGNABLE_STATUSES.includes(point.status) || !parties.some((p) => p.id === partyId)) continue;
      if (signoffs.some((s) => s.organisationId === partyId && s.textHash === point.textHash)) continue;
      const signed = parties.filter((p) =>
        signoffs.some((s) => s.organisationId === p.id && s.textHash === point.textHash),
      ).length;
      waiting.push({
        kind: "sign",
        kindLabel: "Ondertekenen",
        title: point.title,
        detail: `${statusLabel(point.status)} · ${signed} van ${parties.length} partijen ondertekend`,
        path: `${base}/punten/${point.id}`,
      });
    }
  }
  if (partyId && can(member.role, "stance.record")) {
    for (const { point, parties, stances } of states) {
      if (point.status !== "in_bespreking" || !parties.some((p) => p.id === partyId)) continue;
      const mine = stances.find((s) => s.organisationId === partyId);
      if (mine?.textHash === point.textHash && mine.stance !== "geen_standpunt") continue;
      waiting.push({
        kind: "stance",
        kindLabel: "Standpunt van uw partij",
        title: point.title,
        detail: mine ? "De tekst is gewijzigd sinds uw partij een standpunt gaf" : "Uw partij heeft nog geen standpunt",
        path: `${base}/punten/${point.id}`,
      });
    }
  }
  if (can(member.role, "minutes.approve") || can(member.role, "stance.record")) {
    for (const m of meetingRows) {
      if (m.minutesStatus === "vastgesteld" || !meetingHasStarted(m.startsAt, now)) continue;
      waiting.push({
        kind: "minutes",
        kindLabel: "Verslag ter controle",
        title: m.title,
        detail: `Overleg van ${formatDate(m.startsAt)}; het verslag is nog niet vastgesteld`,
        path: `${base}/vergaderingen/${m.id}`,
      });
    }
  }
  if (can(member.role, "comment.write")) waiting.push(...(await commentsForMe(db, workspaceId, member)));
  const horizon = addDays(today, STEP_DUE_DAYS);
  for (const step of steps) {
    if (!step.dueDate || step.dueDate > horizon) continue;
    const late = step.dueDate < today;
    waiting.push({
      kind: late ? "step_late" : "step_due",
      kindLabel: late ? "Procedurestap te laat" : "Procedurestap binnenkort",
      title: step.title,
      detail: late ? `Had af moeten zijn op ${formatDate(step.dueDate)}` : `Af uiterlijk ${formatDate(step.dueDate)}`,
      path: `${base}/procedure`,
    });
  }

  const next = meetingRows.find((m) => m.status === "gepland" && !meetingHasStarted(m.startsAt, now)) ?? null;
  const agenda = next
    ? await db
        .select({ position: agendaItems.position, title: agendaItems.title })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, next.id))
        .orderBy(asc(agendaItems.position))
    : [];

  const themes = allThemes
    .filter((t) => !t.archived || states.some((s) => s.point.theme === t.key))
    .map((t) => {
      const groups = Object.fromEntries(STATUS_GROUPS.map((g) => [g, 0])) as Record<StatusGroup, number>;
      let total = 0;
      for (const { point } of states) {
        if (point.theme !== t.key) continue;
        groups[POINT_STATUS_INFO[point.status].group] += 1;
        total += 1;
      }
      return { key: t.key, label: t.label, total, groups };
    });

  const countOf = (...kinds: Array<WaitingItem["kind"]>) => waiting.filter((w) => kinds.includes(w.kind)).length;
  return {
    waiting,
    counts: {
      toSign: countOf("sign"),
      stance: countOf("stance"),
      minutes: countOf("minutes"),
      steps: countOf("step_due", "step_late"),
      comments: countOf("comment"),
      unread: unread?.n ?? 0,
    },
    nextMeeting: next
      ? {
          id: next.id,
          title: next.title,
          typeLabel: MEETING_TYPE_LABELS[next.type],
          startsAt: next.startsAt,
          place: next.place,
          path: `${base}/vergaderingen/${next.id}`,
          agenda,
        }
      : null,
    themes,
  };
}
