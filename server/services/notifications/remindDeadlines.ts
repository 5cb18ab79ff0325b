/**
 * Deadlines: procedure steps due soon or late remind whoever keeps the procedure (the
 * secretaris); a point's term (e.g. an agreement for one year) that ends within a month asks the
 * trekkers of its parties whether it should lapse ("vervallen") or be revised ("herzien").
 *
 * Restart-safe by key, not by schedule: each reminder has a unique key per thing, date and stage
 * ("deadline:<step>:<due date>:<soon|late>:<person>"), written in the transaction that queues its
 * mail. Running the job twice, or again after a crash, makes no second reminder; a crash before
 * the commit loses none, as the next run makes it. A moved due date is a new reminder.
 */
import { and, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { auditEvents, points, procedureSteps } from "../../../db/schema/index.ts";
import { addDays, formatDate, todayInNl } from "../../../shared/domain/dates.ts";
import { can } from "../../../shared/domain/roles.ts";
import { withTransaction, type ServiceContext } from "../serviceContext.ts";
import { RuleEnv, type NoticeDraft } from "./noticeRules.ts";
import { channelsFor } from "./preferences.ts";
import { storeNotice } from "./processNotifications.ts";
import { unsubscribeSigner } from "./unsubscribeToken.ts";

/** A step reminds this many days ahead of its due date. */
export const STEP_REMIND_DAYS = 7;
/** A term reminds this many days before it ends. */
export const TERM_REMIND_DAYS = 30;
/** Statuses in which an agreement runs, so its term can end. */
const RUNNING: Array<(typeof points.$inferSelect)["status"]> = [
  "overeenstemming",
  "vastgelegd",
  "in_uitvoering",
  "geevalueerd",
];

/** The calendar date `months` after `date` (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export async function remindDeadlines(ctx: ServiceContext): Promise<{ reminders: number; mails: number }> {
  const sign = await unsubscribeSigner(ctx.deps);
  return withTransaction(ctx, async (t) => {
    const now = t.clock.now();
    const today = todayInNl(now);
    const env = new RuleEnv(t.tx);
    const drafts: Array<{ draft: NoticeDraft; key: string }> = [];

    const steps = await t.tx
      .select()
      .from(procedureSteps)
      .where(and(isNull(procedureSteps.doneAt), isNotNull(procedureSteps.dueDate)));
    for (const step of steps) {
      const due = step.dueDate!;
      if (due > addDays(today, STEP_REMIND_DAYS)) continue;
      const late = due < today;
      const keepers = (await env.membersOf(step.workspaceId)).filter((m) => can(m.role, "procedure.manage"));
      for (const recipient of keepers)
        drafts.push({
          key: `deadline:${step.id}:${due}:${late ? "late" : "soon"}:${recipient.userId}`,
          draft: {
            kind: "deadline",
            recipient,
            entityType: "procedure_step",
            entityId: step.id,
            title: late ? `Te laat: ${step.title}` : `Binnenkort af: ${step.title}`,
            reason: late
              ? `Deze stap van de procedure had af moeten zijn op ${formatDate(due)}. U houdt als secretaris de procedure bij.`
              : `Deze stap van de procedure moet af zijn op ${formatDate(due)}. U houdt als secretaris de procedure bij.`,
            path: `/tafels/${step.workspaceId}/procedure`,
          },
        });
    }

    const termed = await t.tx
      .select()
      .from(points)
      .where(and(isNotNull(points.termMonths), inArray(points.status, RUNNING)));
    for (const point of termed) {
      // The term runs from the day the parties reached overeenstemming (the latest time).
      const [agreed] = await t.tx
        .select({ at: auditEvents.at })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entityType, "point"),
            eq(auditEvents.entityId, point.id),
            eq(auditEvents.type, "point.status_changed"),
            eq(auditEvents.toStatus, "overeenstemming"),
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(1);
      if (!agreed) continue;
      const ends = addMonths(todayInNl(new Date(agreed.at)), point.termMonths!);
      if (ends > addDays(today, TERM_REMIND_DAYS)) continue;
      const state = await env.pointState(point.id);
      if (!state) continue;
      const trekkers = await env.partyMembers(
        point.workspaceId,
        state.parties.map((p) => p.id),
        "stance.record",
      );
      const ended = ends <= today;
      for (const recipient of trekkers)
        drafts.push({
          key: `term:${point.id}:${ends}:${recipient.userId}`,
          draft: {
            kind: "term_ending",
            recipient,
            entityType: "point",
            entityId: point.id,
            title: `${ended ? "Looptijd verstreken" : "Looptijd loopt af"}: ${point.title}`,
            reason: `De afspraak geldt ${point.termMonths} maanden en ${ended ? "liep af" : "loopt af"} op ${formatDate(ends)}. Stel als ambtelijk trekker voor ${recipient.partyName ?? "uw partij"} voor om haar te laten vervallen of te herzien.`,
            path: `/tafels/${point.workspaceId}/punten/${point.id}`,
          },
        });
    }

    const channels = await channelsFor(
      t.tx,
      drafts.map((d) => d.draft.recipient.userId),
    );
    const tafelNames = new Map<string, string>();
    const touched = new Map<string, { workspaceId: string; userId: string }>();
    let reminders = 0;
    let mails = 0;
    for (const { draft, key } of drafts) {
      const stored = await storeNotice(t, draft, {
        dedupeKey: key,
        eventId: null,
        at: now.toISOString(),
        channel: channels.get(draft.recipient.userId)![draft.kind],
        sign,
        tafelNames,
      });
      if (!stored) continue;
      reminders++;
      if (stored.mailed) mails++;
      touched.set(`${stored.workspaceId}:${draft.recipient.userId}`, {
        workspaceId: stored.workspaceId,
        userId: draft.recipient.userId,
      });
    }
    t.afterCommitQueue.push(() => {
      for (const { workspaceId, userId } of touched.values())
        t.deps.events.emit("workspace.changed", {
          workspaceId,
          entity: "notification",
          entityId: userId,
          type: "notification.created",
        });
    });
    return { reminders, mails };
  });
}
