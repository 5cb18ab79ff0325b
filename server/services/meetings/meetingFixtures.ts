/**
 * Test fixtures for the meetings and exports features: a second tafel (to prove isolation)
 * and a way to put a member into it. Only tests import this file.
 */
import * as Y from "yjs";
import { withWriteLock } from "../../../db/writeLock.ts";
import { memberships, organisations, points, users, workspaceParties } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import type { PointStatus } from "../../../shared/domain/pointStatus.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import type { MembershipContext } from "../../context.ts";
import { hashPassword } from "../../auth/password.ts";
import { newId } from "../../auth/tokens.ts";
import { DEMO_PASSWORD } from "../../demo/demoAccounts.ts";
import { jsonToUpdate } from "../../documents/prosemirror.ts";
import type { TestContext } from "../../testing/testContext.ts";
import { DOCUMENT_FIELD } from "../../../shared/editor/extensions.ts";
import { createPoint } from "../points/createPoint.ts";
import { recordStance } from "../points/recordStance.ts";
import { signOffPoint } from "../points/signOffPoint.ts";
import { transitionPoint } from "../points/transitionPoint.ts";
import { loadPoint } from "../points/pointState.ts";
import { nowIso, withTransaction } from "../serviceContext.ts";
import { insertBareTafel } from "../../testing/bareTafel.ts";

export const OTHER_SECRETARY = "secretaris@andere-tafel.test";
export const OUTSIDER = "buitenstaander@andere-tafel.test";

/** A second tafel (SWV PO with one gemeente) with its own secretaris; also creates a user without any membership. */
export async function createOtherTafel(
  ctx: TestContext,
): Promise<{ workspaceId: string; swvId: string; gemeenteId: string; secretary: MembershipContext }> {
  const now = nowIso(ctx.system);
  const workspaceId = newId();
  const swvId = newId();
  const gemeenteId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userId = newId();
  const membershipId = newId();
  await withTransaction(ctx.system, async ({ tx }) => {
    await tx.insert(organisations).values([
      {
        id: swvId,
        kind: "swv",
        name: "Samenwerkingsverband PO Voorbeeldregio",
        swvCode: "PO 99.01",
        sector: "po",
        cbsCode: null,
        createdAt: now,
      },
      {
        id: gemeenteId,
        kind: "gemeente",
        name: "Gemeente Voorbeeld",
        swvCode: null,
        sector: null,
        cbsCode: "GM9999",
        createdAt: now,
      },
    ]);
    await insertBareTafel(tx, {
      id: workspaceId,
      name: "Andere tafel",
      planTitle: "Ondersteuningsplan PO Voorbeeldregio",
      level: "lokaal",
      createdAt: now,
    });
    await tx.insert(workspaceParties).values([
      { workspaceId, organisationId: swvId, position: 0, coverageNote: null },
      { workspaceId, organisationId: gemeenteId, position: 1, coverageNote: null },
    ]);
    await tx.insert(users).values([
      { id: userId, email: OTHER_SECRETARY, name: "Secretaris Andere Tafel", passwordHash, createdAt: now },
      { id: newId(), email: OUTSIDER, name: "Iemand Zonder Tafel", passwordHash, createdAt: now },
    ]);
    await tx.insert(memberships).values({
      id: membershipId,
      workspaceId,
      userId,
      organisationId: null,
      role: "secretaris",
      title: "secretaris",
      createdAt: now,
      updatedAt: now,
    });
  });
  return {
    workspaceId,
    swvId,
    gemeenteId,
    secretary: {
      membershipId,
      workspaceId,
      userId,
      role: "secretaris",
      partyId: null,
      partyName: null,
      partyKind: null,
      title: "secretaris",
      userName: "Secretaris Andere Tafel",
    },
  };
}

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
export const minutesJson = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map(p) });

/** Writes a first text into a document, the way the demo seed does. */
export async function seedDocument(ctx: TestContext, docName: string, json: unknown): Promise<void> {
  await ctx.store.append(docName, [jsonToUpdate(json)]);
}

/** Appends a paragraph to a stored document as a real Yjs edit (what an editor would send). */
export async function appendParagraph(ctx: TestContext, docName: string, text: string): Promise<void> {
  const doc = new Y.Doc();
  const state = await ctx.store.load(docName);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
  await ctx.store.append(docName, [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
}

/**
 * Inserts a point row with its text document, bypassing the points workflow. Only for tests
 * that need a point in a given state without walking the workflow there.
 */
export async function insertPoint(
  ctx: TestContext,
  input: { workspaceId: string; theme: string; title: string; status: PointStatus; text: string[] },
): Promise<{ id: string; textHash: string }> {
  const id = newId();
  const json = minutesJson(...input.text);
  await seedDocument(ctx, documentNames.point(input.workspaceId, id), json);
  const doc = await ctx.deps.documents.readJson(documentNames.point(input.workspaceId, id));
  const hash = textHash(doc);
  const now = nowIso(ctx.system);
  // Through the write lock: the server's own watchers (versions, notifications) may be writing.
  await withWriteLock(ctx.deps.database, () =>
    ctx.deps.database.db.insert(points).values({
      id,
      workspaceId: input.workspaceId,
      theme: input.theme,
      title: input.title,
      status: input.status,
      version: 1,
      textHash: hash,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return { id, textHash: hash };
}

/** Demo trekker and bestuurder e-mail per demo party. */
const TREKKERS = [
  "swv.medewerker@demo.oogo.test",
  "ambtenaar.groningen@demo.oogo.test",
  "ambtenaar.tynaarlo@demo.oogo.test",
];
const BESTUURDERS = [
  "swv.bestuurder@demo.oogo.test",
  "wethouder.groningen@demo.oogo.test",
  "wethouder.tynaarlo@demo.oogo.test",
];

/**
 * Walks a new point of the demo tafel through the real points workflow to ambtelijk akkoord:
 * created, in bespreking, every trekker in scope akkoord (the last akkoord moves it by itself).
 */
export async function pointAtAmbtelijkAkkoord(
  ctx: TestContext,
  input: { theme: string; title: string; text: string; scope?: string[] },
): Promise<string> {
  const m = ctx.demo.members;
  const created = await createPoint(ctx.as(TREKKERS[0]!), {
    workspaceId: ctx.demo.workspaceId,
    theme: input.theme,
    title: input.title,
    text: input.text,
    scope: input.scope ?? null,
  });
  const id = created.point.id;
  await transitionPoint(ctx.as(TREKKERS[0]!), {
    pointId: id,
    to: "in_bespreking",
    reason: "Ambtelijke werkgroep start de bespreking.",
  });
  for (const email of TREKKERS) {
    const actor = m[email]!;
    if (input.scope && actor.partyKind === "gemeente" && !input.scope.includes(actor.partyId!)) continue;
    await recordStance(ctx.as(email), {
      pointId: id,
      stance: "akkoord",
      reasoning: "Akkoord met de tekst zoals die nu luidt.",
    });
  }
  return id;
}

/** Every bestuurder in scope signs the point's current durable text. */
export async function signByAll(ctx: TestContext, pointId: string, only?: string[]): Promise<void> {
  for (const email of only ?? BESTUURDERS) {
    const point = (await loadPoint(ctx.deps.database.db, pointId))!;
    const text = await ctx.deps.documents.readJson(documentNames.point(point.workspaceId, pointId));
    try {
      await signOffPoint(ctx.as(email), { pointId, textHash: textHash(text) });
    } catch (err) {
      // A party outside the scope cannot sign; that is not what these fixtures test.
      if (!(err instanceof Error && err.message.includes("scope"))) throw err;
    }
  }
}

/**
 * Minutes approved as issue 13 wants it: the secretaris puts them to the parties (with `body`),
 * then every invited party's trekker agrees. Returns the first refused response, or the last one.
 */
export async function approveByParties(
  ctx: TestContext,
  meetingId: string,
  secretaryCookie: string | undefined,
  body: Record<string, unknown> = {},
): Promise<Response> {
  const review = await ctx.request(`/api/meetings/${meetingId}/minutes/review`, { cookie: secretaryCookie, body });
  if (review.status !== 200) return review;
  const view = (await review.clone().json()) as { minutesReview: { textHash: string; parties: Array<{ id: string }> } };
  let last = review;
  for (const party of view.minutesReview.parties) {
    const trekker = Object.entries(ctx.demo.members).find(([, m]) => m.role === "trekker" && m.partyId === party.id);
    if (!trekker) throw new Error(`no trekker for party ${party.id}`);
    last = await ctx.request(`/api/meetings/${meetingId}/minutes/agree`, {
      cookie: await ctx.login(trekker[0]),
      body: { textHash: view.minutesReview.textHash },
    });
    if (last.status !== 200) return last;
  }
  return last;
}
