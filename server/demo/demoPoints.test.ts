/**
 * The demo tafel's points: a dozen realistic points across all six themes, in varied states,
 * every one reached through the real verbs so the log is a valid, true history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STANDARD_THEMES } from "../../shared/domain/themes.ts";
import { textHash } from "../../shared/domain/textHash.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";
import { verifyLog } from "../services/audit/verifyLog.ts";
import { getBoard } from "../services/points/getBoard.ts";
import { getPointDetail } from "../services/points/getPointDetail.ts";
import { listPointEventsForDossier } from "../services/points/listPointEventsForDossier.ts";
import { DEMO_POINT_TITLES } from "./demoPoints.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.cleanup());

const byTitle = async (title: string) => {
  const board = await getBoard(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId });
  const point = board.points.find((p) => p.title === title);
  if (!point) throw new Error(`no demo point "${title}"`);
  return getPointDetail(ctx.as(DEMO.secretaris), { pointId: point.id });
};

describe("demo points", () => {
  it("has a dozen points across all six themes in varied states", async () => {
    const board = await getBoard(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId });
    const demo = board.points.filter((p) => (Object.values(DEMO_POINT_TITLES) as string[]).includes(p.title));
    expect(demo).toHaveLength(12);
    for (const theme of STANDARD_THEMES)
      expect(demo.filter((p) => p.theme === theme.key).length, theme.key).toBeGreaterThanOrEqual(1);
    expect(new Set(demo.map((p) => p.status))).toEqual(
      new Set([
        "concept",
        "in_bespreking",
        "ambtelijk_akkoord",
        "geagendeerd",
        "overeenstemming",
        "geen_overeenstemming",
        "doorgeschoven",
        "in_geschil",
        "in_uitvoering",
        "herzien",
      ]),
    );
  });

  it("keeps a valid hash-chained log", async () => {
    expect(await verifyLog(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId })).toMatchObject({
      valid: true,
      firstBrokenAt: null,
    });
  });

  it("has an agreed point signed by all three parties on its current text", async () => {
    const p = await byTitle(DEMO_POINT_TITLES.aanspreekpunt);
    expect(p.status).toBe("overeenstemming");
    expect(p.parties.map((x) => x.signoff?.signer.name)).toEqual(["Jeroen Bakker", "Karim El Amrani", "Anneke Smit"]);
    expect(p.textHash).toBe(textHash(await ctx.deps.documents.readJson(p.documentName)));
  });

  it("has a point with mixed stances and reasonings", async () => {
    const p = await byTitle(DEMO_POINT_TITLES.lichteHulp);
    expect(p.parties.map((x) => x.effectiveStance)).toEqual(["akkoord", "akkoord_met_voorbehoud", "niet_akkoord"]);
    expect(p.stances.every((s) => s.reasoning.length > 10)).toBe(true);
  });

  it("has a disputed point scoped to Groningen only, with its whole history for the dossier", async () => {
    const p = await byTitle(DEMO_POINT_TITLES.vervoerOpdc);
    expect(p.status).toBe("in_geschil");
    expect(p.textLocked).toBe(true);
    expect(p.parties.map((x) => x.name)).toEqual(["Samenwerkingsverband VO Groningen Stad", "Gemeente Groningen"]);
    const dossier = await listPointEventsForDossier(ctx.system, { pointId: p.id });
    expect(dossier.statusEvents.map((e) => e.toStatus)).toEqual([
      "in_bespreking",
      "ambtelijk_akkoord",
      "geagendeerd",
      "geen_overeenstemming",
      "in_geschil",
    ]);
    expect(dossier.stanceHistory.map((e) => [e.actor.partyName, e.data.stance])).toEqual([
      ["Gemeente Groningen", "niet_akkoord"],
      ["Samenwerkingsverband VO Groningen Stad", "akkoord"],
      ["Gemeente Groningen", "akkoord"],
    ]);
    expect(dossier.textVersions.map((v) => v.textHash)).toEqual([p.textHash]);
    expect(textHash(dossier.textVersions[0]!.json)).toBe(p.textHash);
  });

  it("shows an agreement voided by a later edit: signatures verouderd, back in bespreking", async () => {
    const p = await byTitle(DEMO_POINT_TITLES.monitor);
    expect(p.status).toBe("in_bespreking");
    expect(p.signoffs).toHaveLength(3);
    expect(p.signoffs.every((s) => s.verouderd)).toBe(true);
    const dossier = await listPointEventsForDossier(ctx.system, { pointId: p.id });
    expect(dossier.textChanges).toHaveLength(1);
    expect(dossier.textVersions).toHaveLength(2);
    expect(dossier.statusEvents.map((e) => e.toStatus)).toEqual([
      "in_bespreking",
      "ambtelijk_akkoord",
      "overeenstemming",
      "in_bespreking",
    ]);
  });

  it("has points awaiting signature and one point scoped to Tynaarlo only", async () => {
    const board = await getBoard(ctx.as(DEMO.secretaris), { workspaceId: ctx.demo.workspaceId });
    const gro = board.parties.find((x) => x.id === ctx.demo.parties.groningen.id)!;
    expect(gro.awaitingSignature).toBeGreaterThanOrEqual(2);
    const tyn = await byTitle(DEMO_POINT_TITLES.stagesZuidlaren);
    expect(tyn.scope).toEqual({ all: false, gemeenteIds: [ctx.demo.parties.tynaarlo.id] });
  });
});
