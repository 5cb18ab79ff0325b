/**
 * "Een opmerking voor u of uw partij" (issue 13) on the real demo tafel: an all-party comment
 * reaches the people and parties it names through the log and the engine; a party's internal
 * note reaches only its own party, without the log; nobody is told about their own words; the
 * Overzicht counts what still waits for an answer.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { auditEvents, mailOutbox, notifications } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { createThread } from "../comments/createThread.ts";
import { replyToThread } from "../comments/replyToThread.ts";
import { setThreadStatus } from "../comments/setThreadStatus.ts";
import { getDashboard } from "../dashboard/getDashboard.ts";
import { createPoint } from "../points/createPoint.ts";
import { setNotificationPreferences } from "./preferences.ts";
import { processNotifications } from "./processNotifications.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
  await processNotifications(ctx.system); // the demo's own history first
});
afterEach(() => ctx.cleanup());

const member = (email: string) => ctx.demo.members[email]!;
const anchor = () => {
  const d = new Y.Doc();
  const text = d.getText("t");
  text.insert(0, "Het samenwerkingsverband meldt binnen tien schooldagen.");
  const enc = (i: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString("base64url");
  return { start: enc(4), end: enc(24) };
};
const comment = (
  email: string,
  body: string,
  mentions: { userIds?: string[]; partyIds?: string[] },
  extra: { visibility?: "alle" | "partij"; document?: string } = {},
) =>
  createThread(ctx.as(email), {
    workspaceId: ctx.demo.workspaceId,
    document: extra.document ?? documentNames.spiegelparagraaf(ctx.demo.workspaceId),
    anchor: anchor(),
    quote: "samenwerkingsverband",
    body,
    visibility: extra.visibility ?? "alle",
    mentions: { userIds: mentions.userIds ?? [], partyIds: mentions.partyIds ?? [] },
  });
const noticesAbout = (threadId: string) =>
  ctx.deps.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.entityId, threadId), eq(notifications.kind, "comment_for_me")));
const recipients = async (threadId: string) => (await noticesAbout(threadId)).map((n) => n.userId).sort();
const ids = (...emails: string[]) => emails.map((e) => member(e).userId).sort();
const dashboard = (email: string) => getDashboard(ctx.as(email), { workspaceId: ctx.demo.workspaceId });

describe("an all-party comment aimed at a party or a person", () => {
  it("reaches every content reader of the named party, through the log, and not its author", async () => {
    const tynaarlo = member(DEMO.tynaarloTrekker).partyId!;
    const thread = await comment(DEMO.groningenTrekker, "Kan Tynaarlo hiermee leven?", { partyIds: [tynaarlo] });
    // Nothing before the engine read the log: all-party notices come from the logged event.
    expect(await recipients(thread.id)).toEqual([]);
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual(ids(DEMO.tynaarloTrekker, DEMO.tynaarloWethouder));
    const [notice] = (await noticesAbout(thread.id)).filter((n) => n.userId === member(DEMO.tynaarloWethouder).userId);
    expect(notice).toMatchObject({
      title: "Opmerking voor Gemeente Tynaarlo: “samenwerkingsverband”",
      path: `/tafels/${ctx.demo.workspaceId}/spiegelparagraaf`,
      channel: "digest",
    });
    expect(notice!.reason).toContain("richt een opmerking aan Gemeente Tynaarlo, uw partij bij de spiegelparagraaf");
    expect(notice!.reason).toContain("Kan Tynaarlo hiermee leven?");
  });

  it("a reply naming a person reaches only that person; naming yourself tells nobody", async () => {
    const thread = await comment(DEMO.groningenTrekker, "Eerste vraag.", {});
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual([]);
    await replyToThread(ctx.as(DEMO.tynaarloTrekker), {
      threadId: thread.id,
      body: "Ik vraag het onze wethouder.",
      mentions: { userIds: [member(DEMO.tynaarloTrekker).userId], partyIds: [] },
    });
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual([]);
    await replyToThread(ctx.as(DEMO.tynaarloTrekker), {
      threadId: thread.id,
      body: "Wilt u hiernaar kijken?",
      mentions: { userIds: [member(DEMO.swvTrekker).userId], partyIds: [] },
    });
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual(ids(DEMO.swvTrekker));
    const [notice] = await noticesAbout(thread.id);
    expect(notice!.title).toBe("Opmerking voor u: “samenwerkingsverband”");
  });

  it("on a point text it links to the point; the beheerder (no content) is never told", async () => {
    const { point } = await createPoint(ctx.as(DEMO.swvTrekker), {
      workspaceId: ctx.demo.workspaceId,
      theme: "jeugdhulp",
      title: "Wachttijden jeugdhulp",
      text: "Het samenwerkingsverband meldt binnen tien schooldagen.",
    });
    const thread = await comment(
      DEMO.waarnemer,
      "Geldt dit ook in de zomer?",
      { userIds: [member(DEMO.swvTrekker).userId, member(DEMO.beheerder).userId] },
      { document: documentNames.point(ctx.demo.workspaceId, point.id) },
    );
    // The beheerder is a member, but reads no content: naming them is allowed, telling them is not.
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual(ids(DEMO.swvTrekker));
    const [notice] = await noticesAbout(thread.id);
    expect(notice!.path).toBe(`/tafels/${ctx.demo.workspaceId}/punten/${point.id}`);
    expect(notice!.reason).toContain("bij het punt “Wachttijden jeugdhulp”");
  });
});

describe("a party's internal note", () => {
  it("tells the named members of its own party at once, by mail when they chose so, and nothing is logged", async () => {
    const groningen = member(DEMO.groningenTrekker).partyId!;
    await setNotificationPreferences(ctx.as(DEMO.groningenWethouder), {
      preferences: [{ kind: "comment_for_me", channel: "immediate" }],
    });
    const logBefore = (await ctx.deps.database.db.select().from(auditEvents)).length;
    const thread = await comment(
      DEMO.groningenTrekker,
      "Intern: wij gaan niet akkoord met tien dagen.",
      { partyIds: [groningen] },
      { visibility: "partij" },
    );
    expect(await recipients(thread.id)).toEqual(ids(DEMO.groningenWethouder));
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual(ids(DEMO.groningenWethouder));
    expect((await ctx.deps.database.db.select().from(auditEvents)).length).toBe(logBefore);
    const mails = await ctx.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "notification"));
    const mine = mails.filter((m) => m.text?.includes("wij gaan niet akkoord"));
    expect(mine.map((m) => m.toAddress)).toEqual([DEMO.groningenWethouder]);
    expect(mine[0]!.text).toContain("een interne notitie van uw partij");
  });

  it("a reply in it naming a person of the party tells that person only; other parties learn nothing", async () => {
    const thread = await comment(DEMO.groningenTrekker, "Intern overleg.", {}, { visibility: "partij" });
    await replyToThread(ctx.as(DEMO.groningenWethouder), {
      threadId: thread.id,
      body: "Eens, houd vast aan twee weken.",
      mentions: { userIds: [member(DEMO.groningenTrekker).userId], partyIds: [] },
    });
    await processNotifications(ctx.system);
    expect(await recipients(thread.id)).toEqual(ids(DEMO.groningenTrekker));
    const all = await ctx.deps.database.db.select().from(notifications);
    const leaked = all.filter(
      (n) =>
        n.userId !== member(DEMO.groningenTrekker).userId &&
        (n.reason.includes("twee weken") || n.entityId === thread.id),
    );
    expect(leaked).toEqual([]);
  });
});

describe("the Overzicht counts comments waiting for me", () => {
  it("until I answer or the thread is resolved; another party's internal note never counts", async () => {
    const tynaarlo = member(DEMO.tynaarloTrekker).partyId!;
    const groningen = member(DEMO.groningenTrekker).partyId!;
    const before = (await dashboard(DEMO.tynaarloWethouder)).counts.comments;
    const thread = await comment(DEMO.swvTrekker, "Tynaarlo, graag uw reactie.", { partyIds: [tynaarlo] });
    const mine = await dashboard(DEMO.tynaarloWethouder);
    expect(mine.counts.comments).toBe(before + 1);
    expect(mine.waiting.find((w) => w.kind === "comment")).toMatchObject({
      kindLabel: "Opmerking voor uw partij",
      title: "“samenwerkingsverband”",
      path: `/tafels/${ctx.demo.workspaceId}/spiegelparagraaf`,
    });
    // The author waits for nobody; a party not named sees nothing.
    expect((await dashboard(DEMO.swvTrekker)).counts.comments).toBe(0);
    expect((await dashboard(DEMO.groningenWethouder)).counts.comments).toBe(0);
    await replyToThread(ctx.as(DEMO.tynaarloWethouder), {
      threadId: thread.id,
      body: "Akkoord.",
      mentions: { userIds: [], partyIds: [] },
    });
    expect((await dashboard(DEMO.tynaarloWethouder)).counts.comments).toBe(before);
    // Still aimed at Tynaarlo, and the trekker has not answered: it waits for them until resolved.
    expect((await dashboard(DEMO.tynaarloTrekker)).counts.comments).toBe(1);
    await setThreadStatus(ctx.as(DEMO.swvTrekker), { threadId: thread.id, status: "opgelost" });
    expect((await dashboard(DEMO.tynaarloTrekker)).counts.comments).toBe(0);

    await comment(DEMO.groningenTrekker, "Intern.", { partyIds: [groningen] }, { visibility: "partij" });
    expect((await dashboard(DEMO.groningenWethouder)).counts.comments).toBe(1);
    expect((await dashboard(DEMO.tynaarloWethouder)).counts.comments).toBe(before);
    expect((await dashboard(DEMO.swvTrekker)).counts.comments).toBe(0);
  });
});
