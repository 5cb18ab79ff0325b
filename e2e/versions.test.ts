/**
 * Versions of the spiegelparagraaf in the browser (issue 12): keep a named version, change the
 * text, compare the version with the current text (the new words marked, in words too), read the
 * old version. Axe clean; 1366 and 390 px without horizontal scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("versions of the spiegelparagraaf", () => {
  it("keeps a named version, compares it with the changed text and reads it back", async () => {
    const { context, page } = await h.loginAs("ambtenaar.groningen@demo.oogo.test");
    const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
    const base = `/tafels/${list.workspaces[0]!.id}`;

    await page.goto(`${base}/spiegelparagraaf/versies`);
    await page.getByRole("heading", { level: 1, name: "Versies van de spiegelparagraaf" }).waitFor();
    await page.getByLabel("Naam van de versie").fill("na werkgroep 12 maart");
    await page.getByRole("button", { name: "Versie bewaren" }).click();
    await page.locator(".oogo-versions__item").filter({ hasText: "na werkgroep 12 maart" }).waitFor();

    // Change the text in the editor, then come back.
    await page.goto(`${base}/spiegelparagraaf`);
    const editor = page.getByRole("textbox", { name: "Tekst van de spiegelparagraaf" });
    const paragraph = editor.locator(`h2:has-text("Jeugdhulp") + p`);
    await paragraph.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Nieuwe afspraak over de wachttijd.");
    await page.getByTestId("save-state").filter({ hasText: "Opgeslagen" }).waitFor();
    await page.getByRole("link", { name: "Versies en wijzigingen bekijken" }).click();
    await page.getByRole("heading", { level: 1, name: "Versies van de spiegelparagraaf" }).waitFor();

    const item = page.locator(".oogo-versions__item").filter({ hasText: "na werkgroep 12 maart" });
    await item.getByRole("button", { name: /Vergelijk met nu/ }).click();
    const result = page.getByRole("region", { name: "Wat is er veranderd?" });
    await result.getByText("Gewijzigd").first().waitFor();
    expect(await result.locator("ins").allTextContents()).toContainEqual(
      expect.stringContaining("Nieuwe afspraak over de wachttijd."),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "versies-vergelijken-1366");

    await item.getByRole("button", { name: /Lezen/ }).click();
    const read = page.getByRole("region", { name: /na werkgroep 12 maart/ });
    await read.getByRole("heading", { level: 3, name: "Jeugdhulp" }).waitFor();
    expect(await read.textContent()).not.toContain("Nieuwe afspraak over de wachttijd.");

    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "versies-390");
    await context.close();
  });
});
