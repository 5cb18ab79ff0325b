/**
 * Issue 12, "one source for agreed text": the demo's spiegelparagraaf embeds its points instead
 * of restating them, so it cannot say "twee weken" where a point says "tien schooldagen".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentNames } from "../../shared/collab/protocol.ts";
import { embeddedPointIds } from "../../shared/domain/pointEmbeds.ts";
import { proseMirrorToText } from "../../shared/domain/textDiff.ts";
import { pointSummaries } from "../services/points/listPoints.ts";
import { listVersions } from "../services/versions/versionVerbs.ts";
import { createTestContext, DEMO, type TestContext } from "../testing/testContext.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.cleanup());

/** Terms and frequencies: the kind of norm only a point's text may state. */
const NORM =
  /\d|\b(binnen|uiterlijk|na|vóór)\s+(\S+\s+)?(dagen|weken|maanden|schooldagen|werkdagen)\b|maandelijks|wekelijks|jaarlijks|kwartaal|per jaar/i;

describe("the demo spiegelparagraaf", () => {
  it("embeds every point of the tafel that is not a draft or lapsed, and only points of the tafel", async () => {
    const ws = t.demo.workspaceId;
    const json = await t.deps.documents.readJson(documentNames.spiegelparagraaf(ws));
    const embedded = embeddedPointIds(json);
    const points = await pointSummaries(t.as(DEMO.secretaris), ws, {});
    const live = points.filter((p) => p.status !== "concept" && p.status !== "vervallen").map((p) => p.id);
    expect(live.length).toBeGreaterThan(5);
    expect(embedded).toEqual(expect.arrayContaining(live));
    expect(points.map((p) => p.id)).toEqual(expect.arrayContaining(embedded));
  });

  it("states no norm of its own in its prose", async () => {
    const json = await t.deps.documents.readJson(documentNames.spiegelparagraaf(t.demo.workspaceId));
    const prose = proseMirrorToText(json);
    expect(prose).toContain("Jeugdhulp is zichtbaar aanwezig");
    expect(prose).not.toMatch(NORM);
    // The test itself would catch the old contradictions.
    expect("binnen twee weken in een casusoverleg").toMatch(NORM);
    expect("Tweemaandelijkse monitor thuiszitters").toMatch(NORM);
  });

  it("keeps the werkgroep's first draft as a version to compare with", async () => {
    const ws = t.demo.workspaceId;
    const versions = await listVersions(t.as(DEMO.secretaris), {
      workspaceId: ws,
      document: documentNames.spiegelparagraaf(ws),
    });
    expect(versions.map((v) => v.name)).toContain("Eerste concept van de werkgroep");
  });
});
