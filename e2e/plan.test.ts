/**
 * The Plan page (issue 14): the SWV's trekker uploads the plan as a Word document, reads its
 * outline and text, gets a clear Dutch refusal for a file that is no plan, uploads a second
 * version and reads what changed, and starts an overeenstemmingspunt from a section. Keyboard
 * for the choices, axe-clean and without horizontal scrolling at 1366 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePlanDocx, VERVOER_V1 } from "../server/planImport/testing/planFiles.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
let ws: string;
beforeAll(async () => {
  h = await startHarness();
  const [row] = await h.server.deps.database.db.query.workspaces.findMany({ limit: 1 });
  ws = row!.id;
});
afterAll(async () => {
  await h?.close();
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("Plan: upload and read", () => {
  it("uploads a plan, reads outline and text, refuses a non-plan, shows changes, and uses a section as basis", async () => {
    const { page } = await h.loginAs("swv.medewerker@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/plan`);
    await page.getByRole("heading", { level: 1, name: "Plan" }).waitFor();
    // The demo's SWV imported concept 0.4 in September; this test uploads the next versions.
    await page.getByRole("heading", { level: 2, name: "Versie 1: concept 0.4" }).waitFor();

    // A file that is not a plan, named like one: refused by its content, nothing stored.
    await page.getByLabel("Bestand").setInputFiles({
      name: "plan.docx",
      mimeType: DOCX,
      buffer: Buffer.from("Dit is geen Word-document."),
    });
    await page.getByRole("button", { name: "Uploaden en inlezen" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Het plan is niet ingelezen" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Dit is geen Word-document (.docx) of PDF");
    expect(await page.getByRole("heading", { name: /^Versie 2/ }).count()).toBe(0);

    await page
      .getByLabel("Bestand")
      .setInputFiles({ name: "Ondersteuningsplan concept.docx", mimeType: DOCX, buffer: await makePlanDocx() });
    await page.getByLabel("Naam van deze versie (optioneel)").fill("concept 0.1");
    await page.getByRole("button", { name: "Uploaden en inlezen" }).click();
    await page.getByRole("heading", { level: 2, name: "Versie 2: concept 0.1" }).waitFor();
    const toc = page.getByRole("navigation", { name: "Inhoud" });
    expect((await toc.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual([
      "1 Inleiding",
      "1.1 Doelen",
      "2 Leerlingenvervoer",
      "3 Middelen",
    ]);
    await page.getByRole("heading", { level: 3, name: "2 Leerlingenvervoer" }).waitFor();
    await page.getByText(VERVOER_V1).waitFor();
    expect(await page.locator("strong", { hasText: "passend onderwijs" }).count()).toBe(1);
    // One kenmerk per version in the list: the demo's concept 0.4 and this one.
    expect(await page.getByText(/Kenmerk [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/).count()).toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "plan-gelezen-1366");

    // A second version: what changed, word by word.
    await page.getByLabel("Bestand").setInputFiles({
      name: "Ondersteuningsplan v2.docx",
      mimeType: DOCX,
      buffer: await makePlanDocx({
        vervoer: `${VERVOER_V1.slice(0, -1)} en in het voortgezet onderwijs.`,
        extraChapter: true,
      }),
    });
    await page.getByRole("button", { name: "Uploaden en inlezen" }).click();
    await page.getByRole("heading", { level: 2, name: "Versie 3: versie 3" }).waitFor();
    await page.getByRole("button", { name: "Wijzigingen sinds vorige versie" }).click();
    await page.getByRole("heading", { name: "2 Leerlingenvervoer (gewijzigd)" }).waitFor();
    await page.getByRole("heading", { name: "3 Thuiszitters (nieuw)" }).waitFor();
    expect(await page.locator("ins", { hasText: "en in het voortgezet" }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "plan-wijzigingen-1366");

    // Gebruik als basis, by keyboard: tick a section, choose a theme, give a title.
    await page.getByRole("button", { name: "Tekst", exact: true }).click();
    await page.getByLabel("Kies 2 Leerlingenvervoer als basis").focus();
    await page.keyboard.press("Space");
    await page.getByText("Gekozen: 2 Leerlingenvervoer.").waitFor();
    await page.getByLabel("Thema").selectOption("leerlingenvervoer");
    await page.getByLabel("Titel van het punt").fill("Leerlingenvervoer volgens het plan");
    await page.getByRole("button", { name: "Nieuw punt met deze tekst" }).press("Enter");
    await page.waitForURL(/\/punten\//);
    await page.getByRole("heading", { level: 1, name: "Leerlingenvervoer volgens het plan" }).waitFor();

    // The section now says where its text went; and on a phone nothing scrolls sideways.
    await page.goto(`/tafels/${ws}/plan`);
    await page.getByRole("link", { name: "Leerlingenvervoer volgens het plan" }).waitFor();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole("heading", { level: 2, name: "Versie 3: versie 3" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "plan-gelezen-390");
  });
});
