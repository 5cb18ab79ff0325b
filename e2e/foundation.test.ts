import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe("foundation in the browser", () => {
  it("refuses a wrong password with a Dutch message, and the login page passes axe", async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, bypassCSP: true });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("E-mailadres").fill("secretaris@demo.oogo.test");
    await page.getByLabel("Wachtwoord").fill("verkeerd-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-mailadres of wachtwoord klopt niet");
    await screenshot(page, "login-error");
    await context.close();
  });

  it("logs in by keyboard as a demo wethouder, sees the tafel and its overview", async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, bypassCSP: true });
    const page = await context.newPage();
    await page.goto("/inloggen");
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // logo
    await page.getByLabel("E-mailadres").focus();
    await page.keyboard.type("wethouder.groningen@demo.oogo.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("oogo-demo");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn OOGO-tafels" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "workspace-list");

    await page.getByRole("link", { name: "OOGO ondersteuningsplan 2023–2027" }).click();
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("Samenwerkingsverband VO Groningen Stad");
    const text = (await main.textContent()) ?? "";
    expect(text).toContain("VO 20.01");
    expect(text).toContain("Gemeente Tynaarlo");
    expect(text).toContain("Karim El Amrani");
    expect(text).toContain("Leerlingenvervoer");
    expect(await page.locator(".oogo-workspace-header").textContent()).toContain("namens Gemeente Groningen");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "workspace-overview");
    await context.close();
  });
});
