import { count } from "drizzle-orm";
import { writeTransaction } from "../../db/writeLock.ts";
import {
  memberships,
  organisations,
  users,
  workspaceParties,
  workspacePlans,
  workspaceThemes,
  workspaces,
} from "../../db/schema/index.ts";
import { standardThemeRows } from "../services/tafels/tafelRecords.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { todayInNl } from "../../shared/domain/dates.ts";
import type { AppDeps, Caller, MembershipContext } from "../context.ts";
import { hashPassword } from "../auth/password.ts";
import { newId } from "../auth/tokens.ts";
import { jsonToUpdate } from "../documents/prosemirror.ts";
import type { DocumentStore } from "../sync/storage.ts";
import { appendEvent } from "../services/audit/appendEvent.ts";
import { createContext, type Clock, type ServiceContext } from "../services/serviceContext.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoParty } from "./demoAccounts.ts";
import { DemoClock } from "./demoClock.ts";
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
import { createDemoPoint, editDemoPoint, moveDemoPoint, recordDemoStance, signDemoPoint } from "./demoPoints.ts";
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
  const { workspaceId, parties, members } = await insertTafel(deps, clock);

  await store.append(documentNames.spiegelparagraaf(workspaceId), [jsonToUpdate(SPIEGELPARAGRAAF_DRAFT)]);
  await store.append(documentNames.procedure(workspaceId), [jsonToUpdate(PROCEDURE_DRAFT)]);

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
  }
}

/**
 * The organisations, the tafel, its parties and the demo accounts with their memberships,
 * written as rows: there are no verbs to create a tafel or its parties yet (they are being
 * built). Until they exist this is the only place the demo writes rows and a log event itself;
 * everything after it goes through the verbs.
 */
async function insertTafel(
  deps: AppDeps,
  clock: Clock,
): Promise<Pick<DemoContext, "workspaceId" | "parties" | "members">> {
  const now = clock.now().toISOString();
  const orgs = {
    swv: {
      id: newId(),
      kind: "swv" as const,
      name: "Samenwerkingsverband VO Groningen Stad",
      swvCode: "VO 20.01",
      sector: "vo" as const,
      cbsCode: null,
    },
    groningen: {
      id: newId(),
      kind: "gemeente" as const,
      name: "Gemeente Groningen",
      swvCode: null,
      sector: null,
      cbsCode: "GM0014",
    },
    tynaarlo: {
      id: newId(),
      kind: "gemeente" as const,
      name: "Gemeente Tynaarlo",
      swvCode: null,
      sector: null,
      cbsCode: "GM1730",
    },
  };
  const workspaceId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const members: Record<string, MembershipContext> = {};
  await writeTransaction(deps.database, async (tx) => {
    await tx.insert(organisations).values(Object.values(orgs).map((o) => ({ ...o, createdAt: now })));
    await tx
      .insert(workspaces)
      .values({ id: workspaceId, name: "OOGO ondersteuningsplan 2023–2027", level: "regionaal", createdAt: now });
    // The plan and the standard themes are rows of the tafel (ADR 0010).
    await tx.insert(workspacePlans).values({
      id: newId(),
      workspaceId,
      kind: "ondersteuningsplan",
      organisationId: orgs.swv.id,
      title: "Ondersteuningsplan SWV VO Groningen Stad 2023–2027",
      versionLabel: "concept 0.4",
      periodStart: 2023,
      periodEnd: 2027,
      status: "in_bespreking",
      position: 0,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(workspaceThemes).values(standardThemeRows(workspaceId));
    await tx.insert(workspaceParties).values([
      { workspaceId, organisationId: orgs.swv.id, position: 0, coverageNote: null },
      { workspaceId, organisationId: orgs.groningen.id, position: 1, coverageNote: null },
      {
        workspaceId,
        organisationId: orgs.tynaarlo.id,
        position: 2,
        coverageNote: "Alleen de postcodes rond Zuidlaren",
      },
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const userId = newId();
      const org = account.party ? orgs[account.party] : null;
      await tx
        .insert(users)
        .values({ id: userId, email: account.email, name: account.name, passwordHash, createdAt: now });
      const membershipId = newId();
      await tx.insert(memberships).values({
        id: membershipId,
        workspaceId,
        userId,
        organisationId: org?.id ?? null,
        role: account.role,
        title: account.title,
        createdAt: now,
        updatedAt: now,
      });
      members[account.email] = {
        membershipId,
        workspaceId,
        userId,
        role: account.role,
        partyId: org?.id ?? null,
        partyName: org?.name ?? null,
        partyKind: org?.kind ?? null,
        title: account.title,
        userName: account.name,
      };
    }
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.created",
      entityType: "workspace",
      entityId: workspaceId,
      at: now,
      actor: members[TAFEL_CREATED.by],
      data: { parties: Object.values(orgs).map((o) => o.name) },
    });
  });
  return { workspaceId, parties: { swv: orgs.swv, groningen: orgs.groningen, tynaarlo: orgs.tynaarlo }, members };
}

export function demoBanner(port: number): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(38)} ${a.role.padEnd(11)} ${a.name}`);
  return [
    "",
    'Demo-tafel aangemaakt: "OOGO ondersteuningsplan 2023–2027" (SWV VO Groningen Stad, gemeenten Groningen en Tynaarlo).',
    `Inloggen op http://localhost:${port} met een van deze accounts, wachtwoord: ${DEMO_PASSWORD}`,
    ...lines,
    "",
  ].join("\n");
}
