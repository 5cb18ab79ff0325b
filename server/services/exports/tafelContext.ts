import { asc, eq } from "drizzle-orm";
import { memberships, users, workspaces } from "../../../db/schema/index.ts";
import { PLAN_TYPE_LABELS, type PlanType } from "../../../shared/domain/parties.ts";
import { ROLE_LABELS, type Role } from "../../../shared/domain/roles.ts";
import type { PartyView, PlanView, ThemeView } from "../../../shared/schemas/workspace.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { listParties, listPlans, listThemes } from "../workspaces/getWorkspace.ts";

export interface TafelMember {
  name: string;
  role: Role;
  roleLabel: string;
  title: string | null;
  partyId: string | null;
}

/** What both exports say about the tafel itself: plan, parties, themes and who represents whom. */
export interface TafelContext {
  /**
   * The tafel with its FIRST plan's fields (planType, planTitle, planVersion, periodStart/End),
   * which the export texts print. A tafel may hold several plans (ADR 0010): `plans` has them all.
   */
  workspace: typeof workspaces.$inferSelect & {
    planType: PlanType;
    planTitle: string;
    planVersion: string;
    periodStart: number;
    periodEnd: number;
  };
  planTypeLabel: string;
  plans: PlanView[];
  parties: PartyView[];
  themes: ThemeView[];
  members: TafelMember[];
}

const ROLE_ORDER: Role[] = ["bestuurder", "trekker", "ambtenaar", "secretaris", "waarnemer", "beheerder"];

/** A building block of the exports (they check access); reads only. */
export async function loadTafelContext(ctx: ServiceContext, input: { workspaceId: string }): Promise<TafelContext> {
  const { workspaceId } = input;
  // The tafel, its parties and members are never written by the exports that call this, so the
  // committed state is the right one to read.
  const db = ctx.deps.database.db;
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw notFound("Deze OOGO-tafel");
  const plans = (await listPlans(db, [workspaceId])).get(workspaceId) ?? [];
  const first = plans[0];
  const workspace = {
    ...row,
    planType: first?.kind ?? "ondersteuningsplan",
    planTitle: first?.title ?? row.name,
    planVersion: first?.versionLabel ?? "",
    periodStart: first?.period.start ?? 0,
    periodEnd: first?.period.end ?? 0,
  };
  const parties = await listParties(db, workspaceId);
  const rows = await db
    .select({ name: users.name, role: memberships.role, title: memberships.title, partyId: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  const partyIndex = (id: string | null) => (id ? parties.findIndex((p) => p.id === id) : parties.length);
  const members = rows
    .map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] }))
    .sort(
      (a, b) =>
        partyIndex(a.partyId) - partyIndex(b.partyId) ||
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  return {
    workspace,
    planTypeLabel: PLAN_TYPE_LABELS[workspace.planType],
    plans,
    parties,
    themes: await listThemes(db, workspaceId),
    members,
  };
}

/** Theme label by key (unknown keys show as themselves). */
export const themeLabel = (ctx: TafelContext, key: string) => ctx.themes.find((t) => t.key === key)?.label ?? key;
/** Theme order: standard themes first, then the tafel's own. */
export const themeRank = (ctx: TafelContext, key: string) => {
  const i = ctx.themes.findIndex((t) => t.key === key);
  return i === -1 ? ctx.themes.length : i;
};
export const partyName = (ctx: TafelContext, id: string) =>
  ctx.parties.find((p) => p.id === id)?.name ?? "Onbekende partij";
