/**
 * Comments on the spiegelparagraaf in two browsers (issue 12): Groningen comments on a passage
 * for all parties (aimed at the SWV) and writes an internal note; the SWV sees the first, marked
 * "aan u gericht", never the note; it replies and resolves. Axe clean; 1366 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const EDITOR = { name: "Tekst van de spiegelparagraaf" };

async function openSpiegelparagraaf(email: string, width = 1366) {
  const { context, page } = await h.loginAs(email);
  await page.setViewportSize({ width, height: 900 });
  const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
  await page.goto(`/tafels/${list.workspaces[0]!.id}/spiegelparagraaf`);
  const editor = page.getByRole("textbox", EDITOR);
  await editor.getByRole("heading", { level: 2, name: "Jeugdhulp" }).waitFor();
  return { context, page, editor };
}

/** Selects `words` characters from the start of the paragraph under a theme heading, as a mouse drag would. */
async function selectIn(page: Page, heading: string, skip: number, length: number) {
  const paragraph = page.getByRole("textbox", EDITOR).locator(`h2:has-text("${heading}") + p`);
  await paragraph.click();
  return paragraph.evaluate(
    (p, [from, count]) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, from + count);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return range.toString();
    },
    [skip, length] as const,
  );
}

describe("comments on the spiegelparagraaf", () => {
  it("Groningen comments and keeps a note; the SWV sees only the comment, replies and resolves it", async () => {
    const groningen = await openSpiegelparagraaf("ambtenaar.groningen@demo.oogo.test");
    const g = groningen.page;
    const panel = g.getByRole("region", { name: /Opmerkingen/ });

    const quote = await selectIn(g, "Jeugdhulp", 0, 24);
    await panel.getByRole("button", { name: "Opmerking bij selectie" }).click();
    await panel.getByLabel("Uw opmerking").fill("Graag dezelfde termijn als in het overeenstemmingspunt.");
    await panel.getByLabel("Alle partijen").check();
    await panel.getByLabel("Richten aan (optioneel)").selectOption({ label: "Samenwerkingsverband VO Groningen Stad" });
    await panel.getByRole("button", { name: "Opmerking plaatsen" }).click();
    await panel.getByText("Graag dezelfde termijn").waitFor();
    // The passage is marked in the text.
    await expect.poll(() => g.locator(".oogo-comment-anchor").first().textContent()).toBe(quote);

    await selectIn(g, "Leerlingenvervoer", 0, 18);
    await panel.getByRole("button", { name: "Opmerking bij selectie" }).click();
    await panel.getByLabel("Uw opmerking").fill("Intern: eerst met de wethouder afstemmen.");
    await panel.getByLabel(/Alleen Gemeente Groningen/).check();
    await panel.getByRole("button", { name: "Opmerking plaatsen" }).click();
    await panel.getByText("Intern: eerst met de wethouder").waitFor();
    expect(await panel.getByText("Interne notitie").count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(g)).toEqual([]);
    await screenshot(g, "opmerkingen-groningen-1366");

    const swv = await openSpiegelparagraaf("swv.medewerker@demo.oogo.test");
    const s = swv.page;
    const swvPanel = s.getByRole("region", { name: /Opmerkingen/ });
    const thread = swvPanel.locator(".oogo-comments__thread").filter({ hasText: "Graag dezelfde termijn" });
    await thread.waitFor();
    await thread.getByText("Aan u gericht").waitFor();
    expect(await swvPanel.getByText("Intern: eerst met de wethouder").count()).toBe(0);
    await thread.getByLabel("Reageren").fill("Akkoord, wij passen de tekst aan.");
    await thread.getByRole("button", { name: "Reageren" }).click();
    await thread.getByText("Akkoord, wij passen de tekst aan.").waitFor();
    // Groningen sees the reply live.
    await panel.getByText("Akkoord, wij passen de tekst aan.").waitFor();

    await thread.getByRole("button", { name: "Oplossen" }).click();
    await expect.poll(() => swvPanel.getByText("Graag dezelfde termijn").count()).toBe(0);
    await swvPanel.getByLabel("Ook opgeloste opmerkingen").check();
    await swvPanel.getByText(/Opgelost door/).waitFor();
    expect(await seriousAxeViolations(s)).toEqual([]);

    // On a phone the panel sits below the text, without horizontal scrolling.
    await s.setViewportSize({ width: 390, height: 844 });
    expect(await s.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
      true,
    );
    expect(await seriousAxeViolations(s)).toEqual([]);
    await screenshot(s, "opmerkingen-swv-390");
    await groningen.context.close();
    await swv.context.close();
  });
});
