import { count } from "drizzle-orm";
import { writeTransaction } from "../../db/writeLock.ts";
import { memberships, organisations, users, workspaceParties, workspacePlans, workspaceThemes, workspaces } from "../../db/schema/index.ts";
import { standardThemeRows } from "../services/tafels/tafelRecords.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { AppDeps, Caller, MembershipContext } from "../context.ts";
import { hashPassword } from "../auth/password.ts";
import { newId } from "../auth/tokens.ts";
import { jsonToUpdate } from "../documents/prosemirror.ts";
import type { DocumentStore } from "../sync/storage.ts";
import { appendEvent } from "../services/audit/appendEvent.ts";
import { createContext, type ServiceContext } from "../services/serviceContext.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoParty } from "./demoAccounts.ts";
import { SPIEGELPARAGRAAF_DRAFT, PROCEDURE_DRAFT } from "./drafts.ts";
import { seedDemoPoints } from "./demoPoints.ts";
import { seedDemoMeetings } from "./demoMeetings.ts";

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

/**
 * A service context acting as a demo member: the Caller a signed-in session of theirs would
 * give. The demo and tests act as several people; verbs then resolve the membership themselves.
 */
export function actingAsDemoMember(deps: AppDeps, members: Record<string, MembershipContext>, email: string): ServiceContext {
  const member = members[email];
  if (!member) throw new Error(`no demo member ${email}`);
  const caller: Caller = { userId: member.userId, email, name: member.userName, sessionId: "demo" };
  return createContext(deps, { actor: caller });
}

export async function isDatabaseEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.database.db.select({ n: count() }).from(workspaces);
  return (row?.n ?? 0) === 0;
}

/** Creates the demo tafel "OOGO ondersteuningsplan 2023–2027" with its accounts and content. */
export async function seedDemo(deps: AppDeps, store: DocumentStore): Promise<DemoContext> {
  const { db } = deps.database;
  const now = new Date().toISOString();
  const orgs = {
    swv: { id: newId(), kind: "swv" as const, name: "Samenwerkingsverband VO Groningen Stad", swvCode: "VO 20.01", sector: "vo" as const, cbsCode: null },
    groningen: { id: newId(), kind: "gemeente" as const, name: "Gemeente Groningen", swvCode: null, sector: null, cbsCode: "GM0014" },
    tynaarlo: { id: newId(), kind: "gemeente" as const, name: "Gemeente Tynaarlo", swvCode: null, sector: null, cbsCode: "GM1730" },
  };
  const workspaceId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const members: Record<string, MembershipContext> = {};
  await writeTransaction(deps.database, async (tx) => {
    await tx.insert(organisations).values(Object.values(orgs).map((o) => ({ ...o, createdAt: now })));
    await tx.insert(workspaces).values({ id: workspaceId, name: "OOGO ondersteuningsplan 2023–2027", level: "regionaal", createdAt: now });
    // The plan and the standard themes are rows of the tafel (ADR 0010).
    await tx.insert(workspacePlans).values({
      id: newId(), workspaceId, kind: "ondersteuningsplan", organisationId: orgs.swv.id,
      title: "Ondersteuningsplan SWV VO Groningen Stad 2023–2027", versionLabel: "concept 0.4",
      periodStart: 2023, periodEnd: 2027, status: "in_bespreking", position: 0, createdAt: now, updatedAt: now,
    });
    await tx.insert(workspaceThemes).values(standardThemeRows(workspaceId));
    await tx.insert(workspaceParties).values([
      { workspaceId, organisationId: orgs.swv.id, position: 0, coverageNote: null },
      { workspaceId, organisationId: orgs.groningen.id, position: 1, coverageNote: null },
      { workspaceId, organisationId: orgs.tynaarlo.id, position: 2, coverageNote: "Alleen de postcodes rond Zuidlaren" },
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const userId = newId();
      const org = account.party ? orgs[account.party] : null;
      await tx.insert(users).values({ id: userId, email: account.email, name: account.name, passwordHash, createdAt: now });
      const membershipId = newId();
      await tx.insert(memberships).values({
        id: membershipId, workspaceId, userId, organisationId: org?.id ?? null, role: account.role,
        title: account.title, createdAt: now, updatedAt: now,
      });
      members[account.email] = {
        membershipId, workspaceId, userId, role: account.role, partyId: org?.id ?? null, partyName: org?.name ?? null,
        partyKind: org?.kind ?? null, title: account.title, userName: account.name,
      };
    }
    await appendEvent(tx, {
      workspaceId, type: "workspace.created", entityType: "workspace", entityId: workspaceId,
      actor: members["beheerder@demo.oogo.test"], data: { parties: Object.values(orgs).map((o) => o.name) },
    });
  });

  await store.append(documentNames.spiegelparagraaf(workspaceId), [jsonToUpdate(SPIEGELPARAGRAAF_DRAFT)]);
  await store.append(documentNames.procedure(workspaceId), [jsonToUpdate(PROCEDURE_DRAFT)]);

  const ctx: DemoContext = {
    deps, store, workspaceId,
    parties: { swv: orgs.swv, groningen: orgs.groningen, tynaarlo: orgs.tynaarlo },
    members,
    as: (email) => actingAsDemoMember(deps, members, email),
  };
  await seedDemoPoints(ctx);
  await seedDemoMeetings(ctx);
  return ctx;
}

export function demoBanner(port: number): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(38)} ${a.role.padEnd(11)} ${a.name}`);
  return [
    "",
    "Demo-tafel aangemaakt: \"OOGO ondersteuningsplan 2023–2027\" (SWV VO Groningen Stad, gemeenten Groningen en Tynaarlo).",
    `Inloggen op http://localhost:${port} met een van deze accounts, wachtwoord: ${DEMO_PASSWORD}`,
    ...lines,
    "",
  ].join("\n");
}
