/**
 * Bespreekpunten (issue 14): the SWV's trekker works the leeswijzer's questions — changes a
 * status by keyboard, turns one into an overeenstemmingspunt — and the coverage bar follows.
 * The secretaris sees the open ones on the page of a formal OOGO. Axe-clean and without
 * horizontal scrolling at 1366 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("Bespreekpunten", () => {
  it("a trekker changes a status and makes an overeenstemmingspunt; the coverage follows", async () => {
    const { context, page } = await h.loginAs("swv.medewerker@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/bespreekpunten`);
    await page.getByRole("heading", { level: 1, name: "Bespreekpunten" }).waitFor();
    const coverage = page.getByRole("region", { name: "Dekking" });
    await expect.poll(() => coverage.textContent()).toContain("19 van 24 bespreekpunten staan nog open");
    expect(await page.getByText(/Bron: Naar de VNG-leeswijzer/).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "bespreekpunten-1366");

    // A status by keyboard: focus the select, pick "Besproken, geen afspraak nodig".
    const missie = page.getByRole("article", { name: "Gezamenlijke missie en doelen" });
    const status = missie.getByLabel("Status");
    await status.focus();
    await status.selectOption("besproken_geen_afspraak");
    await expect.poll(() => coverage.textContent()).toContain("18 van 24 bespreekpunten staan nog open");
    expect(await coverage.textContent()).toContain("Besproken, geen afspraak nodig: 2");

    // "Maak overeenstemmingspunt": theme and title prefilled; Enter submits; the point page opens.
    const thuiszitters = page.getByRole("article", { name: "Gezamenlijke aanpak thuiszitters" });
    await thuiszitters.getByRole("button", { name: /Maak overeenstemmingspunt/ }).focus();
    await page.keyboard.press("Enter");
    expect(await thuiszitters.getByLabel("Titel van het punt").inputValue()).toBe("Gezamenlijke aanpak thuiszitters");
    expect(await thuiszitters.getByLabel("Thema").inputValue()).toBe("leerplicht_thuiszitters");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await thuiszitters.getByRole("button", { name: "Punt aanmaken" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Gezamenlijke aanpak thuiszitters" }).waitFor();
    expect(page.url()).toContain(`/tafels/${ws}/punten/`);

    await page.goto(`/tafels/${ws}/bespreekpunten`);
    await expect.poll(() => coverage.textContent()).toContain("17 van 24 bespreekpunten staan nog open");
    const linked = page.getByRole("article", { name: "Gezamenlijke aanpak thuiszitters" });
    expect(await linked.getByLabel("Status").inputValue()).toBe("leidt_tot_punt");
    expect(await linked.getByRole("link", { name: "Gezamenlijke aanpak thuiszitters" }).count()).toBe(1);

    // Only what is open.
    await page.getByLabel("Toon alleen wat nog open staat").check();
    expect(await page.getByRole("article", { name: "Gezamenlijke aanpak thuiszitters" }).count()).toBe(0);
    expect(await page.getByRole("article").count()).toBe(17);
    await page.getByLabel("Toon alleen wat nog open staat").uncheck();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("article", { name: "Gezamenlijke missie en doelen" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "bespreekpunten-390");
    await context.close();
  });

  it("the secretaris sees the bespreekpunten never discussed on the page of a formal OOGO", async () => {
    const meeting = await h.server.deps.database.db.query.meetings.findFirst({
      where: (m, { and, eq }) => and(eq(m.workspaceId, ws), eq(m.type, "formeel_oogo")),
    });
    const { context, page } = await h.loginAs("secretaris@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/vergaderingen/${meeting!.id}`);
    const section = page.getByRole("region", { name: "Nog niet besproken bespreekpunten" });
    await expect.poll(() => section.textContent()).toContain("17 van 24 bespreekpunten zijn nog niet besproken");
    expect(await section.textContent()).toContain("Gevolgen voor leerlingenvervoer");
    expect(await section.textContent()).not.toContain("Gezamenlijke aanpak thuiszitters");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "bespreekpunten-formeel-oogo");

    // The secretaris puts one on the agenda of a meeting still to come (planned here, as the page would).
    const status = await page.evaluate(
      async ([id, startsAt]) =>
        (
          await fetch(`/api/workspaces/${id}/meetings`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              type: "ambtelijke_werkgroep",
              title: "Werkgroep leeswijzer",
              startsAt,
              place: "Stadhuis",
            }),
          })
        ).status,
      [ws, new Date(Date.now() + 14 * 86_400_000).toISOString()] as const,
    );
    expect(status).toBe(201);
    await page.goto(`/tafels/${ws}/bespreekpunten`);
    const vervoer = page.getByRole("article", { name: "Gevolgen voor leerlingenvervoer" });
    await vervoer.getByRole("button", { name: /Agendeer/ }).click();
    const select = vervoer.getByLabel("Vergadering");
    const option = await select.locator("option", { hasText: "Werkgroep leeswijzer" }).getAttribute("value");
    await select.selectOption(option);
    await vervoer.getByRole("button", { name: "Op de agenda zetten" }).click();
    await expect.poll(() => vervoer.getByLabel("Status").inputValue()).toBe("in_voorbereiding");
    await expect.poll(() => vervoer.getByText(/Geagendeerd:/).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
