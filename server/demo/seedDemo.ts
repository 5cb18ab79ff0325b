import { asc, count, eq } from "drizzle-orm";
import { organisations, workspaceParties, workspaces } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { todayInNl } from "../../shared/domain/dates.ts";
import { STANDARD_THEMES } from "../../shared/domain/themes.ts";
import { findMembership } from "../auth/access.ts";
import type { AppDeps, Caller, MembershipContext } from "../context.ts";
import { setContent } from "../documents/prosemirror.ts";
import type { DocumentStore } from "../sync/storage.ts";
import { createApplicatiebeheerder } from "../services/accounts/createApplicatiebeheerder.ts";
import { setPasswordByLink } from "../services/accounts/setPasswordByLink.ts";
import { acceptInvitation } from "../services/members/acceptInvitation.ts";
import { inviteMember } from "../services/members/inviteMember.ts";
import { createContext, type Clock, type ServiceContext } from "../services/serviceContext.ts";
import { createTafel } from "../services/tafels/createTafel.ts";
import { DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_PASSWORD, type DemoAccount, type DemoParty } from "./demoAccounts.ts";
import { DemoClock } from "./demoClock.ts";
import { invitationTokenInOutbox } from "./demoInbox.ts";
import {
  addDemoAgenda,
  addDemoStep,
  amendDemoMinutes,
  approveDemoMinutes,
  decideDemoItem,
  planDemoMeeting,
  setDemoAttendance,
  tickDemoStep,
  writeDemoMinutes,
} from "./demoMeetings.ts";
import { workDemoBespreekpunt } from "./demoBespreekpunten.ts";
import {
  createDemoPlanBespreekpunt,
  demoBespreekpuntFromScreening,
  importDemoPlan,
  setDemoScreeningOpinion,
} from "./demoPlan.ts";
import {
  createDemoPoint,
  editDemoPoint,
  embedDemoPoints,
  moveDemoPoint,
  recordDemoStance,
  signDemoPoint,
} from "./demoPoints.ts";
import { DEMO_YEAR, TAFEL_CREATED, type StoryStep } from "./demoStory.ts";
import type { MeetingKey, PointKey, StepKey } from "./demoTexts.ts";
import { SPIEGELPARAGRAAF_DRAFT, PROCEDURE_DRAFT } from "./drafts.ts";

/** What the feature seeders get: ids of the demo tafel, its parties and members. */
export interface DemoContext {
  deps: AppDeps;
  store: DocumentStore;
  workspaceId: string;
  parties: Record<Exclude<DemoParty, null>, { id: string; name: string }>;
  /** Membership context per demo e-mail address, to act as that member. */
  members: Record<string, MembershipContext>;
  /** A service context acting as the demo member with this e-mail address. */
  as(email: string): ServiceContext;
}

/** The demo while its year is being played: contexts on the demo clock, and the ids made so far. */
export interface DemoScene extends DemoContext {
  clock: DemoClock;
  /** The real date of seeding (Dutch time): only what is still ahead is counted from it. */
  today: string;
  /** Acting as no one (the text watcher's recompute), on the demo clock. */
  system: ServiceContext;
  pointIds: Map<PointKey, string>;
  meetingIds: Map<MeetingKey, string>;
  stepIds: Map<StepKey, string>;
  /** The imported version of the tafel's ondersteuningsplan, once the story has imported it. */
  planVersionId: string | null;
}

/**
 * A service context acting as a demo member: the Caller a signed-in session of theirs would
 * give. The demo and tests act as several people; verbs then resolve the membership themselves.
 * The demo's own seeding passes its clock; afterwards the system clock applies.
 */
export function actingAsDemoMember(
  deps: AppDeps,
  members: Record<string, MembershipContext>,
  email: string,
  clock?: Clock,
): ServiceContext {
  const member = members[email];
  if (!member) throw new Error(`no demo member ${email}`);
  const caller: Caller = { userId: member.userId, email, name: member.userName, sessionId: "demo" };
  return createContext(deps, { actor: caller, ...(clock ? { clock } : {}) });
}

export async function isDatabaseEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.database.db.select({ n: count() }).from(workspaces);
  return (row?.n ?? 0) === 0;
}

export interface SeedOptions {
  /** The date (YYYY-MM-DD, Dutch) what is still ahead is counted from; default the real date. */
  today?: string;
}

/**
 * Creates the demo tafel "OOGO ondersteuningsplan 2023–2027" and plays its school year
 * 2025–2026 (demoStory.ts) through the real verbs, on a clock set to each step's time.
 */
export async function seedDemo(deps: AppDeps, store: DocumentStore, options: SeedOptions = {}): Promise<DemoContext> {
  // The one reading of the real date: the upcoming meeting and the open checklist steps are
  // counted from it, so the demo always shows something late, something due and something planned.
  const realNow = new Date();
  const today = options.today ?? todayInNl(realNow);
  const clock = new DemoClock(TAFEL_CREATED.at);
  const { workspaceId, parties, members } = await setUpTafel(deps, clock);

  await deps.documents.write(documentNames.spiegelparagraaf(workspaceId), setContent(SPIEGELPARAGRAAF_DRAFT));
  await deps.documents.write(documentNames.procedure(workspaceId), setContent(PROCEDURE_DRAFT));

  const scene: DemoScene = {
    deps,
    store,
    workspaceId,
    parties,
    members,
    clock,
    today,
    as: (email) => actingAsDemoMember(deps, members, email, clock),
    system: createContext(deps, { clock }),
    pointIds: new Map(),
    meetingIds: new Map(),
    stepIds: new Map(),
    planVersionId: null,
  };
  for (const [i, step] of DEMO_YEAR.entries()) {
    clock.at(step.at);
    try {
      await playStep(scene, step);
    } catch (error) {
      throw new Error(
        `Demo: stap ${i + 1} (${clock.now().toISOString()}, ${step.do}) mislukte: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  // Later work in the app uses the real clock; the story must lie behind it so the log's time never goes back.
  if (clock.now() > realNow)
    throw new Error(
      `Het demoverhaal loopt tot ${clock.now().toISOString()}, na de systeemtijd ${realNow.toISOString()}.`,
    );
  return { deps, store, workspaceId, parties, members, as: (email) => actingAsDemoMember(deps, members, email) };
}

function playStep(scene: DemoScene, step: StoryStep): Promise<void> {
  switch (step.do) {
    case "createPoint":
      return createDemoPoint(scene, step);
    case "move":
      return moveDemoPoint(scene, step);
    case "stance":
      return recordDemoStance(scene, step);
    case "sign":
      return signDemoPoint(scene, step);
    case "edit":
      return editDemoPoint(scene, step);
    case "planMeeting":
      return planDemoMeeting(scene, step);
    case "agenda":
      return addDemoAgenda(scene, step);
    case "attendance":
      return setDemoAttendance(scene, step);
    case "decide":
      return decideDemoItem(scene, step);
    case "writeMinutes":
      return writeDemoMinutes(scene, step);
    case "approveMinutes":
      return approveDemoMinutes(scene, step);
    case "amendMinutes":
      return amendDemoMinutes(scene, step);
    case "addStep":
      return addDemoStep(scene, step);
    case "stepDone":
      return tickDemoStep(scene, step);
    case "bespreekpunt":
      return workDemoBespreekpunt(scene, step);
    case "embedPoints":
      return embedDemoPoints(scene, step);
    case "importPlan":
      return importDemoPlan(scene, step);
    case "screeningOpinion":
      return setDemoScreeningOpinion(scene, step);
    case "bespreekpuntFromScreening":
      return demoBespreekpuntFromScreening(scene, step);
    case "planBespreekpunt":
      return createDemoPlanBespreekpunt(scene, step);
  }
}

/** A service context acting as a signed-in account that need not be a member of the demo tafel. */
function actingAs(deps: AppDeps, caller: Omit<Caller, "sessionId">, clock: Clock): ServiceContext {
  return createContext(deps, { actor: { ...caller, sessionId: "demo" }, clock });
}

/**
 * Sets the demo tafel up as a new installation would, through the verbs only: the demo's
 * applicatiebeheerder gets an account and chooses a password by its one-time link, creates the
 * tafel with the wizard's request and appoints its beheerder; the beheerder accepts and invites
 * everyone else, who accept with the demo password. Their invitation mails stay in the outbox
 * (the sender starts after seeding), which is where their links are read from.
 */
async function setUpTafel(
  deps: AppDeps,
  clock: DemoClock,
): Promise<Pick<DemoContext, "workspaceId" | "parties" | "members">> {
  const created = await createApplicatiebeheerder(createContext(deps, { clock }), DEMO_ADMIN);
  const adminToken = created.link && new URL(created.link).hash.slice(1);
  if (!adminToken) throw new Error(`${DEMO_ADMIN.email} bestaat al met een wachtwoord.`);
  await setPasswordByLink(createContext(deps, { clock }), { token: adminToken, password: DEMO_PASSWORD });
  const admin = actingAs(deps, { userId: created.userId, ...DEMO_ADMIN }, clock);

  const beheerder = DEMO_ACCOUNTS.find((a) => a.email === TAFEL_CREATED.appointed)!;
  const { workspaceId, appointments } = await createTafel(admin, {
    name: "OOGO ondersteuningsplan 2023–2027",
    level: "regionaal",
    parties: [
      { ref: "swv", kind: "swv", name: "Samenwerkingsverband VO Groningen Stad", swvCode: "VO 20.01", sector: "vo" },
      { ref: "groningen", kind: "gemeente", cbsCode: "GM0014" },
      { ref: "tynaarlo", kind: "gemeente", cbsCode: "GM1730", coverageNote: "Alleen de postcodes rond Zuidlaren" },
    ],
    plans: [
      {
        kind: "ondersteuningsplan",
        partyRef: "swv",
        title: "Ondersteuningsplan SWV VO Groningen Stad 2023–2027",
        versionLabel: "concept 0.4",
        periodStart: 2023,
        periodEnd: 2027,
        status: "in_bespreking",
      },
    ],
    themes: STANDARD_THEMES.map((t) => ({ key: t.key })),
    appointees: [{ role: "beheerder", name: beheerder.name, email: beheerder.email, title: beheerder.title }],
  });

  // The parties in the wizard's order (swv, groningen, tynaarlo), with the names the wizard resolved.
  const rows = await deps.database.db
    .select({ id: organisations.id, name: organisations.name })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(asc(workspaceParties.position));
  const [swv, groningen, tynaarlo] = rows;
  if (!swv || !groningen || !tynaarlo) throw new Error("De demotafel heeft niet de drie verwachte partijen.");
  const parties = { swv, groningen, tynaarlo };

  const members: Record<string, MembershipContext> = {};
  const accept = async (account: DemoAccount, invitationId: string) => {
    const token = await invitationTokenInOutbox(deps.database, invitationId);
    const { userId } = await acceptInvitation(createContext(deps, { clock }), { token, password: DEMO_PASSWORD });
    const membership = await findMembership(deps.database.db, userId, workspaceId);
    if (!membership) throw new Error(`${account.email} is na het aannemen geen deelnemer.`);
    members[account.email] = membership;
  };
  clock.advance({ minutes: 15 });
  await accept(beheerder, appointments[0]!.invitationId);

  const others = DEMO_ACCOUNTS.filter((a) => a !== beheerder);
  clock.advance({ minutes: 10 });
  const invitationIds: string[] = [];
  for (const account of others) {
    const { invitation } = await inviteMember(actingAsDemoMember(deps, members, beheerder.email, clock), {
      workspaceId,
      email: account.email,
      name: account.name,
      role: account.role,
      partyId: account.party ? parties[account.party].id : null,
      title: account.title,
    });
    invitationIds.push(invitation.id);
  }
  for (const [i, account] of others.entries()) {
    clock.advance({ minutes: 5 });
    await accept(account, invitationIds[i]!);
  }
  return { workspaceId, parties, members };
}

export function demoBanner(port: number): string {
  const lines = [
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(38)} ${a.role.padEnd(11)} ${a.name}`),
    // Not a member of the tafel: the installation's applicatiebeheerder, for /beheer.
    `  ${DEMO_ADMIN.email.padEnd(38)} ${"applicatiebeheerder".padEnd(11)} ${DEMO_ADMIN.name}`,
  ];
  return [
    "",
    'Demo-tafel aangemaakt: "OOGO ondersteuningsplan 2023–2027" (SWV VO Groningen Stad, gemeenten Groningen en Tynaarlo).',
    `Inloggen op http://localhost:${port} met een van deze accounts, wachtwoord: ${DEMO_PASSWORD}`,
    ...lines,
    "",
  ].join("\n");
}
