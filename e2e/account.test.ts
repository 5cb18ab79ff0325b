/**
 * "Wachtwoord vergeten" from the login page, and "Mijn account" by keyboard. Axe-clean and without
 * horizontal scrolling at 1366 and 390 px.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, users } from "../db/schema/index.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const WHO = "ambtenaar.tynaarlo@demo.oogo.test";
const focusedText = (page: import("playwright-core").Page) =>
  page.evaluate(() => document.activeElement?.textContent ?? "");

describe("Accounts", () => {
  it("login page → Wachtwoord vergeten → the neutral confirmation, by keyboard; a mail for a known address", async () => {
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      bypassCSP: true,
      locale: "nl-NL",
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto("/inloggen");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("E-mailadres").focus();
    await page.keyboard.insertText(WHO);
    await page.keyboard.press("Enter");
    await page.getByText(/Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail/).waitFor();
    await expect.poll(() => focusedText(page)).toContain("Als dit adres bij ons bekend is");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "wachtwoord-vergeten-390");
    const mails = await h.server.deps.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "password_reset"), eq(mailOutbox.toAddress, WHO)));
    expect(mails).toHaveLength(1);
    await context.close();
  });

  it("Mijn account from the header: change the name by keyboard; axe-clean at 1366 and 390 px", async () => {
    const { context, page } = await h.loginAs(WHO);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("link", { name: "Mijn account" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
    for (const name of ["Naam en functie", "Wachtwoord wijzigen", "Overal uitloggen"])
      await page.getByRole("heading", { level: 2, name }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const nameField = page.getByLabel("Naam", { exact: true });
    await nameField.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("Ingrid Bakker-de Jong");
    await page.keyboard.press("Tab");
    await page.keyboard.insertText("wethouder onderwijs en jeugd");
    await page.keyboard.press("Enter");
    await page.getByText("Uw gegevens zijn opgeslagen.", { exact: true }).first().waitFor();
    await page.locator("header").getByText("Ingrid Bakker-de Jong").waitFor();
    const [row] = await h.server.deps.database.db.select().from(users).where(eq(users.email, WHO));
    expect(row).toMatchObject({ name: "Ingrid Bakker-de Jong", functie: "wethouder onderwijs en jeugd" });

    // A bad name: the field says why and keeps the focus; nothing saved.
    await nameField.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("I");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("account-name");
    await page.getByText("Vul uw naam in (minstens 2 tekens).").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "mijn-account-1366");

    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "mijn-account-390");
    await context.close();
  });
});
