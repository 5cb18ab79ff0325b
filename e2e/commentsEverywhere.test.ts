/**
 * Comments beyond the spiegelparagraaf, by keyboard (issues 12, 13): a waarnemer, who cannot
 * select text in a read-only point text, chooses a paragraph with the keyboard only, comments on
 * it and aims it at Groningen's trekker; the trekker finds the notice in Meldingen and on the
 * Overzicht, and follows it to the point. Axe clean; 1366 and 390 px, no horizontal scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { BoardView } from "../shared/schemas/points.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const WAARNEMER = "waarnemer@demo.oogo.test";
const TREKKER = "ambtenaar.groningen@demo.oogo.test";
const TREKKER_NAME = "Sanne de Vries";

/** Presses Tab until `id` has focus; fails when it is not reachable within `max` presses. */
async function tabTo(page: Page, id: string, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`#${id} is niet met Tab te bereiken`);
}

/** Moves a focused select down with the arrow key until its chosen option reads `label`. */
async function arrowTo(page: Page, label: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    const chosen = await page.evaluate(() => {
      const select = document.activeElement as HTMLSelectElement;
      return select.selectedOptions[0]?.textContent ?? "";
    });
    if (label.test(chosen)) return chosen;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`geen keuze ${String(label)}`);
}

const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("comments on a point text, by keyboard", () => {
  it("a waarnemer comments on a paragraph without a mouse; the trekker it names is told", async () => {
    const { context, page } = await h.loginAs(WAARNEMER);
    await page.setViewportSize({ width: 1366, height: 900 });
    const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
    const wsId = list.workspaces[0]!.id;
    const board = (await (await page.request.get(`/api/workspaces/${wsId}/board`)).json()) as BoardView;
    const point = board.points.find((p) => p.title.length > 0)!;
    await page.goto(`/tafels/${wsId}/punten/${point.id}`);
    const panel = page.getByRole("region", { name: /Opmerkingen/ });
    await panel.getByLabel("Of kies een alinea").waitFor();
    // Read-only: no toolbar, and the text is not a place to select by keyboard.
    expect(await page.getByRole("toolbar").count()).toBe(0);

    await page.locator("body").focus();
    await tabTo(page, "comment-paragraph");
    await page.keyboard.press("ArrowDown");
    const chosen = await page.evaluate(
      () => (document.activeElement as HTMLSelectElement).selectedOptions[0]!.textContent,
    );
    expect(chosen).toMatch(/^2\. /);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Reageer op deze alinea");
    await page.keyboard.press("Enter");
    // The comment field has focus at once; the quote is the whole second paragraph.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("comment-body");
    const quote = (await panel.locator(".oogo-comments__quote").textContent())!;
    // The option shows the paragraph's start; the quote is all of it.
    expect(quote.startsWith(chosen.replace(/^2\. /, "").replace(/…$/, ""))).toBe(true);
    await page.keyboard.type("Hoe weten ouders wanneer deze termijn ingaat?");
    await tabTo(page, "comment-aim", 10);
    await arrowTo(page, new RegExp(TREKKER_NAME));
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Opmerking plaatsen");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "opmerking-alinea-waarnemer-1366");
    await page.keyboard.press("Enter");

    const thread = panel.locator(".oogo-comments__thread").filter({ hasText: "Hoe weten ouders" });
    await thread.waitFor();
    // The whole paragraph is marked in the text.
    await expect.poll(() => page.locator(".oogo-comment-anchor").first().textContent()).toBe(quote);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await thread.scrollIntoViewIfNeeded();
    expect(await noSideways(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "opmerking-alinea-waarnemer-390");
    await context.close();

    // The trekker it names: a notice in Meldingen, an item on the Overzicht, a count on its tab.
    const trekker = await h.loginAs(TREKKER);
    const t = trekker.page;
    await t.setViewportSize({ width: 1366, height: 900 });
    await t.goto(`/tafels/${wsId}`);
    const waiting = t.locator(".oogo-waiting__item--comment").filter({ hasText: "Marloes Visser" });
    await waiting.waitFor();
    await expect.poll(() => waiting.textContent()).toContain(`bij het punt “${point.title}”`);
    await expect
      .poll(() =>
        t
          .getByRole("link", { name: /^Overzicht/ })
          .first()
          .textContent(),
      )
      .toMatch(/1\s*wachten op u/);
    await t.goto("/meldingen");
    await t.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    const notice = t.locator(".oogo-inbox__item").filter({ hasText: "Opmerking voor u" }).first();
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain("Hoe weten ouders wanneer deze termijn ingaat?");
    expect(await seriousAxeViolations(t)).toEqual([]);
    await screenshot(t, "opmerking-melding-trekker-1366");
    await t.setViewportSize({ width: 390, height: 844 });
    expect(await noSideways(t)).toBe(true);
    await screenshot(t, "opmerking-melding-trekker-390");
    await notice.getByRole("link").first().click();
    await t.waitForURL(new RegExp(`/punten/${point.id}`));
    const trekkerPanel = t.getByRole("region", { name: /Opmerkingen/ });
    await trekkerPanel
      .locator(".oogo-comments__thread")
      .filter({ hasText: "Hoe weten ouders" })
      .getByText("Aan u gericht")
      .waitFor();
    await trekker.context.close();
  });
});
