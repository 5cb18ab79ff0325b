/**
 * Day one of a region, in the browser (ADR 0010): the applicatiebeheerder opens the one-time link,
 * chooses a password, and creates a tafel with the wizard — by keyboard only, axe clean at every
 * step, no horizontal scrolling at 1366 and 390 px (screenshots in test-results/). Then the
 * secretaris of the demo tafel keeps it on "Tafel instellen".
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicatiebeheerder } from "../server/services/accounts/createApplicatiebeheerder.ts";
import { createContext } from "../server/services/serviceContext.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Presses Tab until the focused element's label (or text) matches; keyboard only, no clicks. */
async function tabTo(page: Page, name: string | RegExp, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      return (byFor ?? el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim();
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`Tab bereikte "${String(name)}" niet`);
}

async function type(page: Page, text: string) {
  await page.keyboard.press("Control+A");
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press("Backspace");
}

/** Axe clean, and no horizontal scrolling at 1366 and 390 px; a screenshot at both widths. */
async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page), name).toEqual([]);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width}px scrolls horizontally`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const currentStep = (page: Page) => page.locator("h2", { hasText: /^Stap \d van 4/ }).textContent();

describe("the new-tafel wizard", () => {
  it("sets the first password and creates a tafel end to end by keyboard", async () => {
    const made = await createApplicatiebeheerder(createContext(h.server.deps), {
      email: "beheer@regio.example",
      name: "Ada Applicatie",
    });
    const link = made.link!.replace(/^https?:\/\/[^/]+/, h.baseUrl);
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      bypassCSP: true,
      locale: "nl-NL",
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error(`[browser] ${err.message}`));

    // The one-time link: choose a password, land on Beheer.
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Wachtwoord kiezen" }).waitFor();
    await checkPage(page, "wachtwoord");
    await tabTo(page, "Nieuw wachtwoord (minstens 8 tekens)");
    await page.keyboard.type("een-sterk-wachtwoord");
    await page.keyboard.press("Tab");
    await page.keyboard.type("een-sterk-wachtwoord");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await checkPage(page, "beheer-leeg");

    await tabTo(page, "Nieuwe OOGO-tafel");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Nieuwe OOGO-tafel" }).waitFor();
    expect(await currentStep(page)).toContain("Stap 1 van 4 Plannen");

    // Step 1: the plans. A wrong SWV code first: the Dutch message sits at the field.
    await tabTo(page, "Naam van de tafel");
    await page.keyboard.type("OOGO PO Drenthe-Noord 2026–2030");
    await tabTo(page, "Van samenwerkingsverband");
    await page.keyboard.type("Samenwerkingsverband PO Drenthe-Noord");
    await page.keyboard.press("Tab");
    await page.keyboard.type("PO-22-1");
    await tabTo(page, "Titel van het plan");
    await page.keyboard.type("Ondersteuningsplan 2026–2030");
    await tabTo(page, "Plan toevoegen"); // "Nog een plan": beleidsplan jeugd is preselected
    await page.keyboard.press("Enter");
    await tabTo(page, "Van gemeente");
    await page.keyboard.type("Tynaarlo");
    await tabTo(page, "Titel van het plan");
    await page.keyboard.type("Beleidsplan jeugd Tynaarlo 2025–2028");
    await tabTo(page, /^Volgende: Partijen/);
    await page.keyboard.press("Enter");
    const codeField = page.locator("input[aria-invalid=true]");
    await expect.poll(() => codeField.count()).toBe(1);
    expect(await page.getByRole("alert").textContent()).toContain(
      `De code van een samenwerkingsverband ziet eruit als "PO 31.02"`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    await checkPage(page, "wizard-stap1-fout");
    await tabTo(page, /ziet eruit als/); // the link in the error summary
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("PO-22-1");
    await type(page, "PO 22.01");
    await tabTo(page, /^Volgende: Partijen/);
    await page.keyboard.press("Enter");
    await expect.poll(() => currentStep(page)).toContain("Stap 2 van 4 Partijen");

    // Step 2: gemeenten from the CBS list by code or name, coverage, an OPR.
    await tabTo(page, "Gemeente toevoegen");
    for (const g of ["GM0014", "Aa en Hunze", "Assen (GM0106)", "tynaarlo"]) {
      await type(page, g);
      await page.keyboard.press("Enter");
    }
    await expect.poll(() => page.getByText("Tynaarlo staat al bij de partijen.").count()).toBe(1);
    await type(page, "GM9998");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("GM9998 staat niet in de CBS-lijst.", { exact: false }).count()).toBe(1);
    await type(page, "");
    expect(await page.getByRole("heading", { name: "Gemeenten (4)" }).count()).toBe(1);
    await tabTo(page, "Dekking van Tynaarlo (optioneel)");
    await page.keyboard.type("Alleen de kernen Vries en Zuidlaren");
    await tabTo(page, "Naam");
    await page.keyboard.type("Ondersteuningsplanraad PO Drenthe-Noord");
    await page.keyboard.press("Enter");
    await page.getByText("Ondersteuningsplanraad PO Drenthe-Noord").first().waitFor();
    await checkPage(page, "wizard-stap2");
    await tabTo(page, /^Volgende: Thema's/);
    await page.keyboard.press("Enter");
    await expect.poll(() => currentStep(page)).toContain("Stap 3 van 4 Thema's");

    // Step 3: the standard six are ticked; untick one, add an own theme.
    expect(await page.locator("input[type=checkbox]:checked").count()).toBe(6);
    await tabTo(page, "Onderwijs en arbeidsmarkt");
    await page.keyboard.press("Space");
    await tabTo(page, "Eigen thema toevoegen");
    await page.keyboard.type("Zorg in de wijk");
    await page.keyboard.press("Enter");
    await page.getByText("Zorg in de wijk (eigen thema)").waitFor();
    await checkPage(page, "wizard-stap3");
    await tabTo(page, /^Volgende: Controleren/);
    await page.keyboard.press("Enter");
    await expect.poll(() => currentStep(page)).toContain("Stap 4 van 4 Controleren");

    // Step 4: check, and invite the secretaris.
    expect(await page.locator(".oogo-facts").textContent()).toContain(
      "1 samenwerkingsverband(en), 4 gemeente(n), 1 andere deelnemer(s)",
    );
    await tabTo(page, "Naam");
    await page.keyboard.type("Sam Secretaris");
    await tabTo(page, "E-mailadres");
    await page.keyboard.type("sam@swv-drenthe.example");
    await checkPage(page, "wizard-stap4");
    await tabTo(page, "Tafel aanmaken");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /De tafel “OOGO PO Drenthe-Noord 2026–2030” is aangemaakt/ }).waitFor();
    expect(await page.getByText("Uitnodiging per e-mail verstuurd naar sam@swv-drenthe.example.").count()).toBe(1);
    await checkPage(page, "wizard-klaar");

    await tabTo(page, "Terug naar Beheer");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "OOGO PO Drenthe-Noord 2026–2030" }).waitFor();
    const card = page.locator("li.oogo-card", { hasText: "OOGO PO Drenthe-Noord 2026–2030" });
    expect(await card.textContent()).toContain("Sam Secretaris, secretaris (uitgenodigd)");
    expect(await card.textContent()).toContain("Beleidsplan jeugd: Beleidsplan jeugd Tynaarlo 2025–2028");
    await checkPage(page, "beheer");
    await context.close();
  });
});

describe("Tafel instellen", () => {
  it("lets the secretaris rename and reorder themes and mark a party as left, by keyboard", async () => {
    const { context, page } = await h.loginAs("secretaris@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("link", { name: "OOGO ondersteuningsplan 2023–2027" }).click();
    await page.getByRole("link", { name: "Tafel instellen" }).first().waitFor();
    await tabTo(page, "Tafel instellen");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Tafel instellen" }).waitFor();
    await checkPage(page, "tafel-instellen");

    await tabTo(page, "Omlaag Jeugdhulp");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Jeugdhulp staat nu op plaats 2." }).count())
      .toBe(1);
    // The status follows the server's answer; the list follows the tafel's refetch a moment later.
    await expect
      .poll(async () =>
        (
          await page
            .locator("#themes-heading ~ ul input[type=text]")
            .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
        ).slice(0, 2),
      )
      .toEqual(["Leerlingenvervoer", "Jeugdhulp"]);

    await tabTo(page, "Naam van thema 1");
    await type(page, "Leerlingenvervoer en reistijd");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => await page.locator("#themes-heading ~ ul input[type=text]").first().inputValue())
      .toBe("Leerlingenvervoer en reistijd");

    // Removing a party with points in its scope is refused; the Dutch answer says what to do.
    page.once("dialog", (d) => void d.accept());
    await tabTo(page, "Verwijderen Gemeente Tynaarlo");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "niet meer aan tafel" }).count()).toBe(1);
    await checkPage(page, "tafel-instellen-na");
    await context.close();
  });
});
