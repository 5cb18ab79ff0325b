/**
 * The members page of someone who runs a tafel (the secretaris, ADR 0011): inviting many people
 * from a CSV by keyboard — check, read the problems, fix, send — and following the invitations'
 * states. Axe-clean and without horizontal scrolling at 1366 and 390 px.
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

const BAD = [
  "naam;e-mail;partij;rol;functie",
  "Anna de Vries;anna.devries@groningen.example;GM0014;Ambtelijk trekker;beleidsadviseur onderwijs",
  "Piet Jansen;piet.jansen@tynaarlo.example;Gemeente Assen;trekker",
  "Kees Bakker;kees.bakker@tynaarlo.example;Tynaarlo;koning",
  "Fatima el Idrissi;fatima@swv.example;;wethouder",
].join("\n");
const GOOD = [
  "naam;e-mail;partij;rol;functie",
  "Anna de Vries;anna.devries@groningen.example;GM0014;Ambtelijk trekker;beleidsadviseur onderwijs",
  "Piet Jansen;piet.jansen@tynaarlo.example;Gemeente Tynaarlo;trekker",
  "Kees Bakker;kees.bakker@tynaarlo.example;Tynaarlo;Ambtenaar (werkgroep)",
].join("\n");

describe("Deelnemers: many invitations at once", () => {
  it("the secretaris checks a CSV, fixes it, sends it, and follows the states; by keyboard, axe-clean at 1366 and 390 px", async () => {
    const { context, page } = await h.loginAs("secretaris@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/deelnemers`);
    await page.getByRole("heading", { level: 1, name: "Deelnemers" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Meerdere mensen uitnodigen" }).waitFor();

    // Paste by keyboard and check: focus moves to the summary, which names the bad rows.
    await page.getByLabel("Of plak de regels hier").focus();
    await page.keyboard.insertText(BAD);
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Controleren");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "3 van de 4 regels hebben een fout." }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("3 van de 4 regels hebben een fout.");
    const problems = page.getByRole("table", { name: "Regels met een fout (3)" });
    const text = (await problems.textContent()) ?? "";
    expect(text).toContain('Onbekende partij "Gemeente Assen"');
    expect(text).toContain('Onbekende rol "koning"');
    expect(text).toContain("De rol Bestuurder / wethouder handelt namens een partij");
    expect(text).not.toContain("Anna de Vries");
    expect(await page.getByRole("button", { name: /Uitnodigingen versturen/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-csv-fouten-1366");

    // Upload the fixed file instead (the file input fills the text), check again, send.
    await page.getByLabel("CSV-bestand kiezen (.csv of .txt)").setInputFiles({
      name: "deelnemers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${GOOD.replace(/\n/g, "\r\n")}`),
    });
    await expect
      .poll(() => page.getByLabel("Of plak de regels hier").inputValue())
      .toContain("Kees Bakker;kees.bakker@tynaarlo.example;Tynaarlo;Ambtenaar (werkgroep)");
    await page.getByRole("button", { name: "Controleren" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "Alle 3 regels kloppen." }).waitFor();
    expect(await page.getByRole("table", { name: "Wie wordt uitgenodigd (3)" }).textContent()).toContain(
      "Gemeente Tynaarlo",
    );
    const send = page.getByRole("button", { name: "Uitnodigingen versturen (3)" });
    await send.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "3 uitnodigingen aangemaakt." }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("3 uitnodigingen aangemaakt.");
    // Without SMTP the demo writes mail to the log; the page follows them until they have left.
    await expect
      .poll(() => page.getByText(/E-mails de deur uit: \d van 3/).textContent(), { timeout: 15_000 })
      .toContain("3 van 3");
    const open = page.getByRole("table", { name: /Open uitnodigingen/ });
    await expect.poll(() => open.textContent(), { timeout: 15_000 }).toContain("Verstuurd");
    expect(await open.textContent()).toContain("Uitgenodigd door Pieter Jansen");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-uitnodigingen-1366");

    // Resend one by keyboard: a polite notice, focus stays with that person.
    const resend = page.getByRole("button", { name: "Opnieuw versturen aan Piet Jansen" });
    await resend.focus();
    await page.keyboard.press("Enter");
    await page
      .getByText(
        "De uitnodiging voor Piet Jansen is opnieuw verstuurd, met een nieuwe link. De vorige link werkt niet meer.",
      )
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Piet Jansen");

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-uitnodigingen-390");
    await context.close();
  });

  it("inviting one person shows one result and the list follows; member changes are confirmed or refused", async () => {
    const { context, page } = await h.loginAs("beheerder@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/deelnemers`);
    await page.getByRole("heading", { level: 1, name: "Deelnemers" }).waitFor();

    // One invitation: only the success message (no "Uitnodigen mislukt" beside it), and the
    // open invitations list shows the person without a reload.
    await page.getByRole("button", { name: "Iemand uitnodigen" }).click();
    await page.getByLabel("Naam").fill("Joost Dijkstra");
    await page.getByLabel("E-mailadres").fill("joost.dijkstra@tynaarlo.example");
    await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Ambtenaar (werkgroep)" });
    await page.getByLabel("Namens partij").selectOption({ label: "Gemeente Tynaarlo" });
    await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
    await page.getByText("Joost Dijkstra (joost.dijkstra@tynaarlo.example) is uitgenodigd.").waitFor();
    expect(await page.getByText("Uitnodigen mislukt").count()).toBe(0);
    expect(await page.getByRole("alert").count()).toBe(0);
    await expect
      .poll(() => page.getByRole("table", { name: /Open uitnodigingen/ }).textContent(), { timeout: 15_000 })
      .toContain("Joost Dijkstra");
    expect(await page.getByLabel("Naam").inputValue()).toBe(""); // the form was reset

    // The only trekker of Gemeente Groningen: the page says why not, and offers no confirmation.
    const sanneRole = page.getByLabel("Rol van Sanne de Vries");
    await sanneRole.selectOption({ label: "Ambtenaar (werkgroep)" });
    const sanneRow = page.getByRole("row").filter({ has: sanneRole });
    await sanneRow
      .getByText(
        "Dit kan niet. Gemeente Groningen heeft dan geen ambtelijk trekker meer: niemand kan dan nog het ambtelijk standpunt van Gemeente Groningen vastleggen.",
        { exact: false },
      )
      .waitFor();
    expect(await sanneRow.getByRole("button", { name: "Wijziging bevestigen" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-wijziging-geweigerd-1366");
    await sanneRow.getByRole("button", { name: "Annuleren" }).click();
    expect(await sanneRole.inputValue()).toBe("trekker");
    // Nothing was sent: the server still has her as trekker.
    const members = async () =>
      (
        (await (await page.request.get(`/api/workspaces/${ws}/members`)).json()) as {
          members: Array<{ name: string; role: string; party: { name: string } | null }>;
        }
      ).members;
    expect((await members()).find((m) => m.name === "Sanne de Vries")!.role).toBe("trekker");

    // The waarnemer becomes ambtenaar for Tynaarlo: role and party chosen, the sentence says what
    // will happen, nothing changes before the confirmation.
    const marloesRole = page.getByLabel("Rol van Marloes Visser");
    await marloesRole.selectOption({ label: "Ambtenaar (werkgroep)" });
    await page.getByLabel("Partij van Marloes Visser").selectOption({ label: "Gemeente Tynaarlo" });
    const marloesRow = page.getByRole("row").filter({ has: marloesRole });
    await marloesRow
      .getByText(
        "Marloes Visser wordt ambtenaar (werkgroep) namens Gemeente Tynaarlo (nu waarnemer namens Samenwerkingsverband VO Groningen Stad). Dit gaat direct in.",
      )
      .waitFor();
    expect((await members()).find((m) => m.name === "Marloes Visser")!.role).toBe("waarnemer");
    // By keyboard: Tab to the confirmation, Enter; focus lands on the outcome.
    await page.getByLabel("Partij van Marloes Visser").focus();
    await page.keyboard.press("Tab"); // the role select
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Wijziging bevestigen");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Gewijzigd. Marloes Visser wordt ambtenaar (werkgroep) namens Gemeente Tynaarlo");
    await expect
      .poll(async () => (await members()).find((m) => m.name === "Marloes Visser"))
      .toMatchObject({
        role: "ambtenaar",
        party: { name: "Gemeente Tynaarlo" },
      });
    expect(await marloesRole.inputValue()).toBe("ambtenaar");

    // Removing asks first, with what will happen.
    await marloesRow.getByRole("button", { name: "Verwijderen Marloes Visser" }).click();
    await marloesRow.getByText("Marloes Visser wordt van deze tafel verwijderd. De toegang vervalt direct.").waitFor();
    await marloesRow.getByRole("button", { name: "Annuleren" }).click();
    expect((await members()).some((m) => m.name === "Marloes Visser")).toBe(true);
    await marloesRow.getByRole("button", { name: "Verwijderen Marloes Visser" }).click();
    await marloesRow.getByRole("button", { name: "Ja, verwijderen" }).click();
    // The row goes; the outcome is said above the table and has the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("Marloes Visser is van deze tafel verwijderd.");
    await expect.poll(async () => (await members()).some((m) => m.name === "Marloes Visser")).toBe(false);
    expect(await page.getByLabel("Rol van Marloes Visser").count()).toBe(0);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "deelnemers-wijziging-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "deelnemers-wijziging-390");
    await context.close();
  });
});
