import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

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

  it("a beheerder sees the overview, Deelnemers and Tafel instellen only (no content), invites someone, who accepts through the link", async () => {
    const admin = await h.loginAs("beheerder@demo.oogo.test");
    const page = admin.page;
    await page.getByRole("link", { name: "OOGO ondersteuningsplan 2023–2027" }).click();
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    await expect.poll(() => page.locator("main").textContent()).toContain("Karim El Amrani");
    const tabs = page.getByRole("navigation", { name: "Onderdelen van deze tafel" }).getByRole("link");
    expect(await tabs.allTextContents()).toEqual(["Overzicht", "Deelnemers", "Tafel instellen"]);

    await tabs.filter({ hasText: "Deelnemers" }).click();
    await page.getByRole("heading", { level: 1, name: "Deelnemers" }).waitFor();
    await page.getByRole("button", { name: "Iemand uitnodigen" }).click();
    await page.getByLabel("Naam", { exact: true }).fill("Ilse Nieuwkomer");
    await page.getByLabel("E-mailadres").fill("ilse.nieuwkomer@groningen.example");
    await page.getByLabel("Rol", { exact: true }).selectOption("waarnemer");
    await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/Ilse Nieuwkomer \(ilse\.nieuwkomer@groningen\.example\) is uitgenodigd/)
      .waitFor();
    // The link is never shown to the inviter: it goes by mail (here, without SMTP, to the server log).
    expect(await page.locator("main").textContent()).not.toMatch(/uitnodiging#/);
    const invitations = page.getByRole("table", { name: /Open uitnodigingen/ });
    await expect.poll(() => invitations.textContent()).toContain("Ilse Nieuwkomer");
    await expect.poll(() => invitations.textContent(), { timeout: 10_000 }).toContain("Verstuurd");
    expect(await page.getByRole("table", { name: /^Deelnemers/ }).textContent()).not.toContain("Ilse Nieuwkomer");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-uitnodiging");

    // Outside production the "Uitgaande e-mail" page shows the mail's text: the link is taken from there.
    await page.getByRole("link", { name: "Uitgaande e-mail bekijken" }).click();
    await page.getByRole("heading", { level: 1, name: "Uitgaande e-mail" }).waitFor();
    const mail = page.getByRole("listitem").filter({ hasText: "ilse.nieuwkomer@groningen.example" });
    await mail.locator("summary").click();
    const link = await mail.getByRole("link", { name: /\/uitnodiging#/ }).getAttribute("href");
    expect(link).toMatch(/\/uitnodiging#[A-Za-z0-9_-]{43}$/);
    expect(await mail.textContent()).toContain("Bram Kuipers nodigt u uit");

    const invitee = await h.browser.newContext({ baseURL: h.baseUrl, bypassCSP: true, locale: "nl-NL" });
    const ip = await invitee.newPage();
    await ip.goto(`/uitnodiging#${link!.split("#")[1]}`);
    await ip.getByRole("heading", { level: 1, name: "Uitnodiging aannemen" }).waitFor();
    // The page greets the invitee: the tafel, who invites, the role.
    await ip.getByRole("heading", { level: 2, name: "Welkom, Ilse Nieuwkomer" }).waitFor();
    const greeting = (await ip.locator("main").textContent()) ?? "";
    expect(greeting).toContain("Bram Kuipers nodigt u uit voor de OOGO-tafel OOGO ondersteuningsplan 2023–2027");
    expect(greeting).toContain("Uw rol: Waarnemer.");
    await ip.getByLabel("Nieuw wachtwoord (minstens 8 tekens)").waitFor();
    expect(await seriousAxeViolations(ip)).toEqual([]);
    await screenshot(ip, "uitnodiging-aannemen");
    await ip.getByLabel("Nieuw wachtwoord (minstens 8 tekens)").fill("ilse-haar-wachtwoord");
    await ip.getByRole("button", { name: "Wachtwoord opslaan en deelnemen" }).click();
    await ip.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    expect(await ip.locator(".oogo-workspace-header").textContent()).toContain("waarnemer");

    await page.goto(`/tafels/${new URL(ip.url()).pathname.split("/")[2]}/deelnemers`);
    await page.getByRole("heading", { level: 1, name: "Deelnemers" }).waitFor();
    await expect
      .poll(() => page.getByRole("table", { name: /^Deelnemers/ }).textContent())
      .toContain("Ilse Nieuwkomer");
    expect(await page.getByRole("table", { name: /Open uitnodigingen/ }).count()).toBe(0);
    // The demo members joined by invitation too (issue 10): Ilse is one of several accepted.
    await page.getByText(/Aangenomen en ingetrokken uitnodigingen \(\d+\)/).click();
    expect(await page.getByRole("table", { name: "Aangenomen en ingetrokken uitnodigingen" }).textContent()).toContain(
      "Aangenomen",
    );
    await invitee.close();
    await admin.context.close();
  });
});
