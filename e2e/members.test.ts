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
});
