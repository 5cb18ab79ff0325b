/**
 * Inviting many people from one CSV, through the real app on a real libSQL file:
 * POST …/invitations/preview (every row's problem, nothing written) and …/invitations/bulk
 * (all or nothing, one transaction, the mails queued with it).
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, invitations, mailOutbox } from "../../db/schema/index.ts";
import type { BulkInviteResult, InvitationPreview } from "../../shared/schemas/invitations.ts";
import { MAX_BODY_BYTES, MAX_CSV_BODY_BYTES } from "../app.ts";
import { createOtherTafel, OTHER_SECRETARY } from "../services/meetings/meetingFixtures.ts";
import { notDemoInvitation, notDemoMail } from "../testing/demoSetUp.ts";
import { invitationTokenOf } from "../testing/invitationLinks.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let ctx: TestContext;
let A: string;
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
const json = async <T = ErrorBody>(res: Response) => (await res.json()) as T;
const preview = async (csv: unknown, cookie: string, tafel = A) =>
  ctx.request(`/api/workspaces/${tafel}/invitations/preview`, { cookie, body: { csv } });
const bulk = async (csv: unknown, cookie: string, tafel = A) =>
  ctx.request(`/api/workspaces/${tafel}/invitations/bulk`, { cookie, body: { csv } });
const counts = async () => {
  const { db } = ctx.deps.database;
  return {
    // The demo's own invitations and mails (its members joined that way) are not counted.
    invitations: (await db.select().from(invitations).where(notDemoInvitation())).length,
    mails: (await db.select().from(mailOutbox).where(notDemoMail())).length,
    events: (await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, A))).length,
  };
};

/** A realistic line: long Dutch names, municipal addresses, functions. */
const person = (i: number, party = "Gemeente Tynaarlo", role = "Ambtelijk trekker") =>
  `Anna-Maria de Vries-van den Berg ${i};anna-maria.devries-vandenberg.${i}@gemeente-tynaarlo.example.nl;${party};${role};beleidsmedewerker onderwijs en jeugd`;
const roundOf = (n: number) => ["naam;e-mail;partij;rol;functie", ...Array.from({ length: n }, (_, i) => person(i))];

beforeEach(async () => {
  ctx = await createTestContext();
  A = ctx.demo.workspaceId;
});
afterEach(() => ctx.cleanup());

describe("preview: every row with its problems, nothing written", () => {
  it("names each kind of problem in Dutch on its own line, and matches parties and roles as people write them", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    // An open invitation for one address already.
    expect(
      (
        await ctx.request(`/api/workspaces/${A}/members`, {
          cookie: admin,
          body: { email: "al.uitgenodigd@x.example", name: "Al Uitgenodigd", role: "waarnemer", partyId: null },
        })
      ).status,
    ).toBe(201);
    const before = await counts();
    const csv = [
      "Naam,E-mail,Partij,Rol,Functie", // commas this time; header skipped
      '"Vries, Anna de",anna@groningen.example,GM0014,trekker,wethouder onderwijs en jeugd',
      "Piet Jansen,piet@tynaarlo.example,Tynaarlo,Ambtenaar (werkgroep)",
      "Kees Dubbel,ANNA@groningen.example,Gemeente Groningen,bestuurder",
      "Lid Al,waarnemer@demo.oogo.test,,waarnemer",
      "Al Uitgenodigd,al.uitgenodigd@x.example,,waarnemer",
      "Onbekend Partij,op@x.example,Gemeente Assen,trekker",
      "Onbekend Rol,or@x.example,GM0014,koning",
      "Zonder Partij,zp@x.example,,wethouder",
      "Geen Mail,geen-mail,,secretaris",
      '"Stuur\u0007teken",st@x.example,,secretaris',
      "Te Veel,tv@x.example,,secretaris,functie,extra",
      "Te weinig,tw@x.example",
      "Secretaris Nieuw,sec.nieuw@x.example,VO 20.01,Secretaris,secretaris van de tafel",
    ].join("\r\n");
    const res = await preview(csv, admin);
    expect(res.status).toBe(200);
    const body = await json<InvitationPreview>(res);
    expect(body).toMatchObject({ delimiter: ",", headerSkipped: true, ok: false, problems: [], rowsWithProblems: 10 });
    const at = (line: number) => body.rows.find((r) => r.line === line)!;
    expect(at(2)).toMatchObject({
      name: "Vries, Anna de",
      email: "anna@groningen.example",
      party: { id: ctx.demo.parties.groningen.id },
      role: "trekker",
      title: "wethouder onderwijs en jeugd",
      problems: [],
    });
    expect(at(3)).toMatchObject({ party: { id: ctx.demo.parties.tynaarlo.id }, role: "ambtenaar", problems: [] });
    expect(at(4).problems).toEqual(["Dit e-mailadres staat ook op regel 2."]);
    expect(at(5).problems).toEqual(["Deze persoon is al deelnemer aan deze tafel."]);
    expect(at(6).problems).toEqual(["Voor dit e-mailadres staat al een uitnodiging open."]);
    expect(at(7).problems).toEqual([
      expect.stringMatching(
        /^Onbekende partij "Gemeente Assen"\. Gebruik de naam of code zoals op deze tafel: .*Gemeente Groningen \(GM0014\)/,
      ),
    ]);
    expect(at(8).problems).toEqual([
      expect.stringMatching(/^Onbekende rol "koning"\. Kies uit: Ambtenaar \(werkgroep\), Ambtelijk trekker/),
    ]);
    expect(at(9).problems).toEqual(["De rol Bestuurder / wethouder handelt namens een partij: vul de partij in."]);
    expect(at(10).problems).toEqual(['Vul een geldig e-mailadres in: "geen-mail".']);
    expect(at(11).problems).toEqual([expect.stringMatching(/naam.*teken/i)]);
    expect(at(12).problems).toEqual([expect.stringMatching(/^Te veel kolommen \(6\)/)]);
    expect(at(13).problems).toEqual([expect.stringMatching(/^Te weinig kolommen \(2\)/), expect.stringMatching(/rol/)]);
    expect(at(14)).toMatchObject({ role: "secretaris", party: { id: ctx.demo.parties.swv.id }, problems: [] });
    expect(await counts()).toEqual(before);
  });

  it("reports a broken file as a whole, and an empty one", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const broken = await json<InvitationPreview>(
      await preview('Anna;anna@x.example;;secretaris\n"Piet;piet@x.example;;secretaris\n', admin),
    );
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]).toMatch(/aanhalingsteken/);
    const empty = await json<InvitationPreview>(await preview("naam;e-mail;partij;rol\r\n", admin));
    expect(empty).toMatchObject({ ok: false, rows: [], problems: [expect.stringMatching(/Er staat niemand in/)] });
    for (const bad of ["", 42, null]) {
      const res = await preview(bad, admin);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await json(res)).error).toMatchObject({ code: "VALIDATION_FAILED", field: "csv" });
    }
  });
});

describe("bulk: all or nothing", () => {
  it("500 rows of which 3 are bad send nothing (400 naming those lines); fixed, all 500 are invited in one go with their mails", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const lines = roundOf(500);
    lines[41] = person(40, "Gemeente Assen"); // line 42: unknown party
    lines[251] = person(250, "Gemeente Tynaarlo", "koning"); // line 252: unknown role
    lines[499] = lines[3]!.replace("Berg 2;", "Berg 498;"); // line 500: the address of line 4 again
    const csv = lines.join("\r\n");
    // 500 realistic lines do not fit the general limit; the CSV routes have their own.
    const size = Buffer.byteLength(JSON.stringify({ csv }));
    expect(size).toBeGreaterThan(MAX_BODY_BYTES);
    expect(size).toBeLessThan(MAX_CSV_BODY_BYTES);
    const before = await counts();

    const refused = await bulk(csv, admin);
    expect(refused.status).toBe(400);
    const error = (await json(refused)).error;
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", field: "csv" });
    expect(error.message).toMatch(/^Er is niets verstuurd: 3 regels hebben een fout/);
    expect([...error.message.matchAll(/regel (\d+):/g)].map((m) => Number(m[1]))).toEqual([42, 252, 500]);
    expect(error.message).toContain('Onbekende partij "Gemeente Assen"');
    expect(error.message).toContain('Onbekende rol "koning"');
    expect(error.message).toContain("Dit e-mailadres staat ook op regel 4.");
    expect(await counts()).toEqual(before);

    const fixed = roundOf(500).join("\r\n");
    const res = await bulk(fixed, admin);
    expect(res.status).toBe(201);
    const body = await json<BulkInviteResult>(res);
    expect(body.invitations).toHaveLength(500);
    expect(body.invitations[0]).toMatchObject({
      name: "Anna-Maria de Vries-van den Berg 0",
      role: "trekker",
      party: { id: ctx.demo.parties.tynaarlo.id },
      title: "beleidsmedewerker onderwijs en jeugd",
      state: "wordt_verstuurd",
      invitedBy: "Bram Kuipers",
    });
    expect(JSON.stringify(body)).not.toMatch(/uitnodiging#/);
    expect(await counts()).toEqual({ invitations: 500, mails: 500, events: before.events + 500 });
    const mails = await ctx.deps.database.db.select().from(mailOutbox).where(notDemoMail());
    expect(new Set(mails.map((m) => m.relatedId))).toEqual(new Set(body.invitations.map((i) => i.id)));
    // Each mail carries its own working link.
    const token = await invitationTokenOf(ctx.deps.database, body.invitations[7]!.id);
    const accepted = await ctx.request("/api/auth/invitation", { body: { token, password: "een-goed-wachtwoord" } });
    expect(accepted.status).toBe(200);

    // The same file again: every row is now taken, nothing is added.
    const again = await bulk(fixed, admin);
    expect(again.status).toBe(400);
    expect((await json(again)).error.message).toMatch(/500 regels hebben een fout — regel 2: .*en nog 490 regels/);
    expect((await counts()).invitations).toBe(500);
  });

  it("refuses a body over its own limit (413) and more than 1000 rows (400), and changes nothing", async () => {
    const admin = await ctx.login(DEMO.beheerder);
    const huge = "x".repeat(MAX_CSV_BODY_BYTES + 1);
    expect((await bulk(huge, admin)).status).toBe(413);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `P ${i};p${i}@x.example;;waarnemer`).join("\n");
    const res = await bulk(tooMany, admin);
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toMatch(/hoogstens 1000/);
    expect((await counts()).invitations).toBe(0);
    // Other routes keep the general limit.
    const big = await ctx.request(`/api/workspaces/${A}/members`, {
      cookie: admin,
      body: { email: "a@x.example", name: "x".repeat(MAX_BODY_BYTES), role: "waarnemer" },
    });
    expect(big.status).toBe(413);
  });
});

describe("who may", () => {
  const csv = "Nieuwe Persoon;nieuw@x.example;;waarnemer";

  it("the secretaris invites many too (ADR 0011)", async () => {
    const res = await bulk(csv, await ctx.login(DEMO.secretaris));
    expect(res.status).toBe(201);
    const [row] = await ctx.deps.database.db.select().from(invitations).where(notDemoInvitation());
    expect(row).toMatchObject({ email: "nieuw@x.example", invitedBy: ctx.demo.members[DEMO.secretaris]!.userId });
    const [event] = await ctx.deps.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.workspaceId, A), eq(auditEvents.type, "member.invited"), eq(auditEvents.entityId, row!.id)),
      );
    expect(event).toMatchObject({ actorRole: "secretaris" });
  });

  it("a waarnemer, a trekker, a wethouder: 403 for preview and bulk; without a session 401; nothing written", async () => {
    for (const email of [DEMO.waarnemer, DEMO.groningenTrekker, DEMO.groningenWethouder]) {
      const cookie = await ctx.login(email);
      expect((await preview(csv, cookie)).status, email).toBe(403);
      const res = await bulk(csv, cookie);
      expect(res.status, email).toBe(403);
      expect((await json(res)).error.code).toBe("FORBIDDEN");
    }
    expect((await ctx.request(`/api/workspaces/${A}/invitations/bulk`, { body: { csv } })).status).toBe(401);
    expect(await counts()).toMatchObject({ invitations: 0, mails: 0 });
  });

  it("whoever manages members at tafel B cannot invite at tafel A (403), nor preview A's members", async () => {
    const other = await createOtherTafel(ctx);
    const cookie = await ctx.login(OTHER_SECRETARY);
    expect((await bulk(csv, cookie, other.workspaceId)).status).toBe(201);
    expect((await preview(csv, cookie)).status).toBe(403);
    expect((await bulk(csv, cookie)).status).toBe(403);
    expect(
      (
        await ctx.request(`/api/workspaces/${A}/members`, {
          cookie,
          body: { email: "z@x.example", name: "Z Persoon", role: "waarnemer" },
        })
      ).status,
    ).toBe(403);
    const rows = await ctx.deps.database.db.select().from(invitations).where(notDemoInvitation());
    expect(rows.map((r) => r.workspaceId)).toEqual([other.workspaceId]);
    expect((await bulk(csv, cookie, "bestaatniet")).status).toBe(404);
  });
});
