/**
 * The screening of a plan (issue 14) in the browser: the SWV's trekker uploads a plan, reads the
 * screening per theme (scale explained, passages linking into the text, signals in words), gives
 * the party's own score with a reason, and makes a bespreekpunt of a theme the plan leaves
 * generic; the gemeente's trekker differs, which is said in words; the bespreekpunt becomes an
 * overeenstemmingspunt and the coverage bar follows; its "Bron:" link leads back to the section of
 * the plan. Axe-clean, 1366 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScreeningDocx, SCREENING_VERVOER_V1 } from "../server/planImport/testing/screeningPlan.ts";
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

describe("Screening", () => {
  it("reads the screening, overrides a score, makes a bespreekpunt and an overeenstemmingspunt from it", async () => {
    const { context, page } = await h.loginAs("swv.medewerker@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/plan`);
    await page.getByRole("heading", { level: 1, name: "Plan" }).waitFor();
    await page
      .getByLabel("Bestand")
      .setInputFiles({ name: "Ondersteuningsplan.docx", mimeType: DOCX, buffer: await makeScreeningDocx(1) });
    await page.getByLabel("Naam van deze versie (optioneel)").fill("concept 0.1");
    await page.getByRole("button", { name: "Uploaden en inlezen" }).click();
    await page.getByRole("heading", { level: 2, name: "Versie 2: concept 0.1" }).waitFor();

    await page.getByRole("button", { name: "Screening" }).click();
    const vervoer = page.getByRole("region", { name: "Leerlingenvervoer" });
    await vervoer.getByText("Voorstel: 1 – Standaardtekst.").waitFor();
    const scale = page.getByRole("region", { name: "De schaal" });
    expect(await scale.textContent()).toContain("3 – Uitgewerkt");
    expect(await scale.textContent()).toContain("Het plan zegt niets over dit onderwerp.");
    const jeugd = page.getByRole("region", { name: "Jeugdhulp" });
    expect(await jeugd.textContent()).toContain("Voorstel: 3 – Uitgewerkt.");
    expect(await jeugd.textContent()).toContain("afspraak als feit");
    expect(await jeugd.textContent()).toContain("“binnen zes weken”");
    // A theme the plan leaves generic offers a bespreekpunt; one it works out does not.
    expect(await jeugd.getByRole("button", { name: /Maak bespreekpunt/ }).count()).toBe(0);
    // No internal keys or JSON on screen.
    expect(await page.locator("main").textContent()).not.toMatch(/theme_word|individual_case|\{"/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "screening-1366");

    // A cited passage leads to its section of the read-only text, with focus there.
    await vervoer.getByRole("link", { name: /2 Leerlingenvervoer/ }).click();
    await page.getByRole("navigation", { name: "Inhoud" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toMatch(/-s2$/);
    await page.getByRole("button", { name: "Screening" }).click();

    // The party's own score: a reason is required (Dutch message), then it is recorded next to the proposal.
    await vervoer.getByText("Score van uw partij geven").click();
    await vervoer.getByLabel("Score van uw partij").selectOption("2");
    await vervoer.getByRole("button", { name: "Score vastleggen" }).click();
    await vervoer.getByRole("alert").getByText("Geef een reden (minstens 3 tekens).").waitFor();
    await vervoer.getByLabel("Reden").fill("Hoofdstuk 2 gaat over vervoer in onze eigen regio.");
    await vervoer.getByLabel("Citaat uit het plan (niet verplicht)").fill(SCREENING_VERVOER_V1);
    await vervoer.getByRole("button", { name: "Score vastleggen" }).press("Enter");
    await vervoer
      .getByText(/Samenwerkingsverband VO Groningen Stad: 2 – Globaal \(wijkt af van het voorstel\)/)
      .waitFor();
    expect(await vervoer.textContent()).toContain("Voorstel: 1 – Standaardtekst.");

    // The gemeente's trekker differs: said in words, not by colour alone.
    const gemeente = await h.loginAs("ambtenaar.groningen@demo.oogo.test");
    await gemeente.page.setViewportSize({ width: 1366, height: 900 });
    await gemeente.page.goto(`/tafels/${ws}/plan`);
    await gemeente.page.getByRole("button", { name: "Screening" }).click();
    const hun = gemeente.page.getByRole("region", { name: "Leerlingenvervoer" });
    await hun.getByText("Score van uw partij geven").click();
    await hun.getByLabel("Score van uw partij").selectOption("1");
    await hun.getByLabel("Reden").fill("Er staat geen enkele afspraak over vervoer.");
    await hun.getByRole("button", { name: "Score vastleggen" }).click();
    await hun.getByText("De partijen verschillen van oordeel:").waitFor();
    await gemeente.context.close();
    await expect.poll(() => vervoer.textContent()).toContain("De partijen verschillen van oordeel:");

    // "Maak bespreekpunt" on the generic theme; then on to the bespreekpunten.
    await vervoer.getByRole("button", { name: "Maak bespreekpunt over leerlingenvervoer" }).click();
    await vervoer.getByText("Er is een bespreekpunt over dit thema gemaakt.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await vervoer.screenshot({ path: "test-results/screening-thema-1366.png" });
    await vervoer.getByRole("link", { name: "Naar de bespreekpunten" }).click();
    await page.getByRole("heading", { level: 1, name: "Bespreekpunten" }).waitFor();
    const coverage = page.getByRole("region", { name: "Dekking" });
    await expect.poll(() => coverage.textContent()).toContain("20 van 25 bespreekpunten staan nog open");
    const made = page.getByRole("article", { name: "Leerlingenvervoer: afspraken in het plan" });
    expect(await made.textContent()).toContain("concept 0.1");
    // It names the passage of the plan it came from, as a link there that works from the keyboard.
    expect(await made.textContent()).toMatch(/Bron: \S.* §2 Leerlingenvervoer/);
    await made.getByRole("link", { name: /§2 Leerlingenvervoer$/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("navigation", { name: "Inhoud" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toMatch(/-s2$/);
    expect(new URL(page.url()).searchParams.get("versie")).toBeTruthy();
    await page.goBack();
    await made.getByRole("button", { name: /Maak overeenstemmingspunt/ }).click();
    expect(await made.getByLabel("Thema").inputValue()).toBe("leerlingenvervoer");
    await made.getByRole("button", { name: "Punt aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: "Leerlingenvervoer: afspraken in het plan" }).waitFor();
    await page.goto(`/tafels/${ws}/bespreekpunten`);
    await expect.poll(() => coverage.textContent()).toContain("19 van 25 bespreekpunten staan nog open");

    // On a phone: the screening without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/tafels/${ws}/plan`);
    await page.getByRole("button", { name: "Screening" }).click();
    await page
      .getByRole("region", { name: "Leerlingenvervoer" })
      .getByText("De partijen verschillen van oordeel:")
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "screening-390");
    await page
      .getByRole("region", { name: "Leerlingenvervoer" })
      .screenshot({ path: "test-results/screening-thema-390.png" });
    // The bespreekpunten with their "Bron:" links, on a phone too.
    await page.goto(`/tafels/${ws}/bespreekpunten`);
    await made.getByRole("link", { name: /§2 Leerlingenvervoer$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await made.screenshot({ path: "test-results/bespreekpunt-bron-390.png" });
    await page.setViewportSize({ width: 1366, height: 900 });
    await made.screenshot({ path: "test-results/bespreekpunt-bron-1366.png" });
    await context.close();
  });
});
