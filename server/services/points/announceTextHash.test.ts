import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, DEMO, type TestContext } from "../../testing/testContext.ts";
import { paragraphEdit } from "./paragraphEdit.ts";
import { refreshPointText } from "./refreshPointText.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

describe("silent text-hash updates", () => {
  it("are announced on the live stream so open pages show the hash they would sign", async () => {
    const cookie = await ctx.login(DEMO.swvTrekker);
    const res = await ctx.request(`/api/workspaces/${ctx.demo.workspaceId}/points`, {
      cookie,
      body: { theme: "jeugdhulp", title: "Nieuw punt" },
    });
    const point = (await res.json()) as { id: string; documentName: string; textHash: string };
    const heard: string[] = [];
    ctx.deps.events.on("workspace.changed", (e) => {
      if (e.entityId === point.id) heard.push(e.type);
    });

    await ctx.store.append(point.documentName, [
      paragraphEdit(await ctx.store.load(point.documentName), "Eerste zin."),
    ]);
    const first = await refreshPointText(ctx.system, { pointId: point.id });
    expect(first).toMatchObject({ changed: true, logged: false });
    expect(heard).toEqual(["point.text_hash_updated"]);

    // A second change within the interval is announced once, afterwards (trailing).
    await ctx.store.append(point.documentName, [
      paragraphEdit(await ctx.store.load(point.documentName), "Tweede zin."),
    ]);
    await refreshPointText(ctx.system, { pointId: point.id });
    expect(heard).toEqual(["point.text_hash_updated"]);
    await expect.poll(() => heard.length, { timeout: 5000 }).toBe(2);
  });
});
