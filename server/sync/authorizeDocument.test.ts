import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { meetings, points, sessions, users } from "../../db/schema/index.ts";
import { documentNames, type DocumentKind } from "../../shared/collab/protocol.ts";
import type { Role } from "../../shared/domain/roles.ts";
import { createSession } from "../auth/sessions.ts";
import { newId } from "../auth/tokens.ts";
import { DEMO_ACCOUNTS } from "../demo/demoAccounts.ts";
import { createTestContext, type TestContext } from "../testing/testContext.ts";
import { authorizeDocument } from "./authorizeDocument.ts";
import { insertBareTafel } from "../testing/bareTafel.ts";

/** Who may write which kind of document, spelled out (not derived from the roles table). */
const WRITERS: Record<DocumentKind, Role[]> = {
  spiegelparagraaf: ["ambtenaar", "trekker", "secretaris"],
  point: ["ambtenaar", "trekker", "secretaris"],
  minutes: ["ambtenaar", "trekker", "secretaris"],
  procedure: ["secretaris"],
};
/** Roles that see no content at all, so get no socket (ADR 0005: the beheerder manages members only). */
const NO_CONTENT: Role[] = ["beheerder"];

let ctx: TestContext;
let workspaceId: string;
const tokens: Record<string, string> = {};
const POINT = "auth-point";
const MEETING = "auth-meeting";
const names = () => ({
  spiegelparagraaf: documentNames.spiegelparagraaf(workspaceId),
  point: documentNames.point(workspaceId, POINT),
  minutes: documentNames.minutes(workspaceId, MEETING),
  procedure: documentNames.procedure(workspaceId),
});

beforeAll(async () => {
  ctx = await createTestContext();
  workspaceId = ctx.demo.workspaceId;
  const { db } = ctx.deps.database;
  const now = new Date().toISOString();
  await db.insert(points).values({
    id: POINT,
    workspaceId,
    theme: "jeugdhulp",
    title: "Punt",
    status: "concept",
    textHash: "0".repeat(64),
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(meetings).values({
    id: MEETING,
    workspaceId,
    type: "ambtelijke_werkgroep",
    title: "Overleg",
    startsAt: now,
    place: "Groningen",
    createdAt: now,
  });
  for (const account of DEMO_ACCOUNTS) {
    tokens[account.email] = (await createSession(db, ctx.demo.members[account.email]!.userId, 1)).token;
  }
});

afterAll(() => ctx.cleanup());

describe("every demo role × every document kind", () => {
  for (const account of DEMO_ACCOUNTS) {
    for (const kind of Object.keys(WRITERS) as DocumentKind[]) {
      const expected = NO_CONTENT.includes(account.role)
        ? "403"
        : WRITERS[kind].includes(account.role)
          ? "write"
          : "read";
      test(`${account.role} (${account.email}) on ${kind} → ${expected}`, async () => {
        const result = await authorizeDocument(ctx.deps.database.db, tokens[account.email], names()[kind]);
        if (expected === "403") return void expect(result).toEqual({ deny: 403 });
        expect(result).toMatchObject({ access: expected, userId: ctx.demo.members[account.email]!.userId });
        if (expected === "read") expect(result).toMatchObject({ readOnlyBecause: "role" });
      });
    }
  }
});

describe("denials", () => {
  test("no, unknown or expired session → 401, before anything about the document", async () => {
    const { db } = ctx.deps.database;
    expect(await authorizeDocument(db, undefined, names().spiegelparagraaf)).toEqual({ deny: 401 });
    expect(await authorizeDocument(db, "onbekend", names().spiegelparagraaf)).toEqual({ deny: 401 });
    expect(await authorizeDocument(db, "x".repeat(500), names().spiegelparagraaf)).toEqual({ deny: 401 });
    expect(await authorizeDocument(db, undefined, "onzin")).toEqual({ deny: 401 });
    const expired = await createSession(db, ctx.demo.members[DEMO_ACCOUNTS[0]!.email]!.userId, 1);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.id, expired.id));
    expect(await authorizeDocument(db, expired.token, names().spiegelparagraaf)).toEqual({ deny: 401 });
  });

  test("bad names, unknown tafels and points or meetings of no (or another) tafel → 404", async () => {
    const { db } = ctx.deps.database;
    const token = tokens[DEMO_ACCOUNTS[0]!.email];
    for (const name of [
      "",
      "onzin",
      "tafel..spiegelparagraaf",
      `tafel.${workspaceId}.iets`,
      `tafel.${workspaceId}.punt.a/b`,
      "tafel.bestaatniet.spiegelparagraaf",
      documentNames.point(workspaceId, "bestaatniet"),
      documentNames.minutes(workspaceId, "bestaatniet"),
    ]) {
      expect(await authorizeDocument(db, token, name), name).toEqual({ deny: 404 });
    }
    const other = newId();
    const now = new Date().toISOString();
    await insertBareTafel(db, { id: other, name: "Andere tafel", createdAt: now });
    // A point that exists, but at another tafel, is not a document of this one.
    await db.insert(points).values({
      id: "elders",
      workspaceId: other,
      theme: "jeugdhulp",
      title: "Elders",
      status: "concept",
      textHash: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
    });
    expect(await authorizeDocument(db, token, documentNames.point(workspaceId, "elders"))).toEqual({ deny: 404 });
    // The other tafel exists, but this user is no member of it.
    expect(await authorizeDocument(db, token, documentNames.spiegelparagraaf(other))).toEqual({ deny: 403 });
  });

  test("a user without any membership → 403", async () => {
    const { db } = ctx.deps.database;
    const id = newId();
    await db
      .insert(users)
      .values({ id, email: "los@example.nl", name: "Los", passwordHash: null, createdAt: new Date().toISOString() });
    const { token } = await createSession(db, id, 1);
    expect(await authorizeDocument(db, token, names().spiegelparagraaf)).toEqual({ deny: 403 });
  });
});

test("a locked document (approved minutes) is read-only even for its writers", async () => {
  const { db } = ctx.deps.database;
  const secretaris = DEMO_ACCOUNTS.find((a) => a.role === "secretaris")!.email;
  expect(await authorizeDocument(db, tokens[secretaris], names().minutes)).toMatchObject({ access: "write" });
  await db.update(meetings).set({ minutesStatus: "vastgesteld" }).where(eq(meetings.id, MEETING));
  expect(await authorizeDocument(db, tokens[secretaris], names().minutes)).toMatchObject({
    access: "read",
    readOnlyBecause: "locked",
  });
});
