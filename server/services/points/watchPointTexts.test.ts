import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import type { AppDeps } from "../../context.ts";
import { EventBus } from "../../events.ts";
import { createContext, type ServiceContext } from "../serviceContext.ts";
import { createPoint } from "./createPoint.ts";
import { getPointDetail } from "./getPointDetail.ts";
import { paragraphEdit } from "./paragraphEdit.ts";
import { recordStance } from "./recordStance.ts";
import { refreshPointText } from "./refreshPointText.ts";
import { transitionPoint } from "./transitionPoint.ts";
import { watchPointTexts } from "./watchPointTexts.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.cleanup());

/** Deps with their own event bus (so the context's watcher stays out) and a count of recomputes per point. */
function isolated() {
  const runs = new Map<string, number>();
  const deps: AppDeps = { ...ctx.deps, events: new EventBus() };
  const refresh = (c: ServiceContext, pointId: string) => {
    runs.set(pointId, (runs.get(pointId) ?? 0) + 1);
    return refreshPointText(c, { pointId });
  };
  return { deps, system: createContext(deps), runs, refresh };
}

async function pointWithStance() {
  const trekker = ctx.as(DEMO.swvTrekker);
  const { point } = await createPoint(trekker, {
    workspaceId: ctx.demo.workspaceId,
    theme: "jeugdhulp",
    title: "Watcher",
    text: "Begin.",
  });
  await transitionPoint(trekker, { pointId: point.id, to: "in_bespreking", reason: "Start", expectedVersion: 1 });
  await recordStance(trekker, { pointId: point.id, stance: "akkoord" });
  // Seeding the text went through the sync core, whose commit the context's own watcher heard:
  // let it finish before the isolated watcher is put to work.
  await ctx.pointTexts.idle();
  return { id: point.id, docName: documentNames.point(ctx.demo.workspaceId, point.id), hash: point.textHash };
}

const edit = async (docName: string, text: string) =>
  ctx.store.append(docName, [paragraphEdit(await ctx.store.load(docName), text)]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchPointTexts", () => {
  it("recomputes after the debounce, once for a burst of stored updates", async () => {
    const { deps, system, runs, refresh } = isolated();
    const watcher = watchPointTexts(system, { debounceMs: 400, refresh });
    try {
      const p = await pointWithStance();
      for (let i = 0; i < 5; i++) {
        await edit(p.docName, `Regel ${i}`);
        deps.events.emit("document.stored", { docName: p.docName });
        await sleep(30);
      }
      expect(runs.get(p.id) ?? 0).toBe(0);
      expect((await getPointDetail(ctx.as(DEMO.swvTrekker), { pointId: p.id })).textHash).toBe(p.hash);
      await sleep(450);
      await watcher.idle();
      expect(runs.get(p.id)).toBe(1);
      const after = await getPointDetail(ctx.as(DEMO.swvTrekker), { pointId: p.id });
      expect(after.textHash).not.toBe(p.hash);
      expect(after.textHash).toBe(textHash(await ctx.deps.documents.readJson(p.docName)));
      expect(after.parties[0]!.stance!.isCurrent).toBe(false);
    } finally {
      watcher.stop();
    }
  });

  it("ignores other documents and unknown points, and stops listening when stopped", async () => {
    const { deps, system, runs, refresh } = isolated();
    const watcher = watchPointTexts(system, { debounceMs: 20, refresh });
    const p = await pointWithStance();
    deps.events.emit("document.stored", { docName: documentNames.spiegelparagraaf(ctx.demo.workspaceId) });
    deps.events.emit("document.stored", { docName: "geen-document" });
    deps.events.emit("document.stored", { docName: documentNames.point(ctx.demo.workspaceId, "bestaatniet") });
    await sleep(60);
    await watcher.idle();
    expect([...runs.keys()]).toEqual(["bestaatniet"]);
    watcher.stop();
    await edit(p.docName, "Na het stoppen.");
    deps.events.emit("document.stored", { docName: p.docName });
    await sleep(60);
    expect(runs.get(p.id) ?? 0).toBe(0);
    expect((await getPointDetail(ctx.as(DEMO.swvTrekker), { pointId: p.id })).textHash).toBe(p.hash);
  });
});
