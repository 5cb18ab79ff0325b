/**
 * Member changes that would leave a party without its trekker or bestuurder, or the tafel
 * without anyone who manages members, are refused with 409 and a Dutch reason and change
 * nothing (issue 15). The rule itself is table-tested in shared/domain/memberChanges.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { auditEvents, memberships } from "../../db/schema/index.ts";
import { apiError } from "../testing/json.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const member = (email: string) =>
  `/api/workspaces/${ctx.demo.workspaceId}/members/${ctx.demo.members[email]!.membershipId}`;
const auditCount = async () => (await ctx.deps.database.db.select().from(auditEvents)).length;
const roleOf = async (email: string) =>
  (
    await ctx.deps.database.db
      .select({ role: memberships.role, party: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.id, ctx.demo.members[email]!.membershipId))
  )[0];

describe("member changes keep every seat filled", () => {
  interface Init {
    method: string;
    body?: { role: string; partyId?: string };
  }
  it.each<[string, string, Init, RegExp]>([
    [
      "demoting the only trekker of Tynaarlo",
      DEMO.tynaarloTrekker,
      { method: "PATCH", body: { role: "ambtenaar" } },
      /Gemeente Tynaarlo heeft dan geen ambtelijk trekker meer/,
    ],
    [
      "removing the only trekker of the SWV",
      DEMO.swvTrekker,
      { method: "DELETE" },
      /heeft dan geen ambtelijk trekker meer: niemand kan dan nog het ambtelijk standpunt/,
    ],
    [
      "moving the only Groningen trekker to Tynaarlo",
      DEMO.groningenTrekker,
      { method: "PATCH", body: { role: "trekker", partyId: "tynaarlo" } },
      /Gemeente Groningen heeft dan geen ambtelijk trekker/,
    ],
    [
      "demoting the only wethouder of Groningen",
      DEMO.groningenWethouder,
      { method: "PATCH", body: { role: "waarnemer" } },
      /Gemeente Groningen heeft dan geen bestuurder \/ wethouder meer/,
    ],
    [
      "removing the SWV bestuurder",
      DEMO.swvBestuurder,
      { method: "DELETE" },
      /geen bestuurder \/ wethouder meer: niemand kan dan nog namens/,
    ],
  ])("refuses %s (409) and changes nothing", async (_name, email, init, reason) => {
    const secretaris = await ctx.login(DEMO.secretaris);
    const body =
      init.body && "partyId" in init.body ? { ...init.body, partyId: ctx.demo.parties.tynaarlo.id } : init.body;
    const before = await auditCount();
    const was = await roleOf(email);
    const res = await ctx.request(member(email), {
      method: init.method,
      cookie: secretaris,
      ...(body ? { body } : {}),
    });
    expect(res.status).toBe(409);
    const error = await apiError(res);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(reason);
    expect(await roleOf(email)).toEqual(was);
    expect(await auditCount()).toBe(before);
  });

  it("allows it once someone else of that party holds the role", async () => {
    const secretaris = await ctx.login(DEMO.secretaris);
    // The SWV's waarnemer becomes its second trekker; now the first may step back.
    const promote = await ctx.request(member(DEMO.waarnemer), {
      method: "PATCH",
      cookie: secretaris,
      body: { role: "trekker" },
    });
    expect(promote.status).toBe(200);
    const res = await ctx.request(member(DEMO.swvTrekker), {
      method: "PATCH",
      cookie: secretaris,
      body: { role: "ambtenaar" },
    });
    expect(res.status).toBe(200);
    expect((await roleOf(DEMO.swvTrekker))!.role).toBe("ambtenaar");
  });

  it("a beheerder cannot remove themselves when nobody else manages members", async () => {
    const beheerder = await ctx.login(DEMO.beheerder);
    // The secretaris steps down first (allowed: the beheerder still manages) …
    const down = await ctx.request(member(DEMO.secretaris), { method: "DELETE", cookie: beheerder });
    expect(down.status).toBe(200);
    // … then the beheerder may not leave the tafel unmanaged.
    const res = await ctx.request(member(DEMO.beheerder), { method: "DELETE", cookie: beheerder });
    expect(res.status).toBe(409);
    expect((await apiError(res)).message).toContain("laatste deelnemer die de deelnemers van deze tafel kan beheren");
    expect((await roleOf(DEMO.beheerder))!.role).toBe("beheerder");
  });
});
