/**
 * "Kenmerk bewaren" on the tafel overview: the log kenmerk is shown with its date, can be copied
 * by keyboard, and a kept kenmerk can be checked — in Dutch, with axe clean at every step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("log kenmerk in the browser", () => {
  it("shows, copies and checks the kenmerk by keyboard", async () => {
    const { context, page } = await h.loginAs("waarnemer@demo.oogo.test");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
    await page.getByRole("link", { name: "OOGO ondersteuningsplan 2023–2027" }).click();
    await page.getByRole("heading", { level: 2, name: "Kenmerk van het logboek" }).waitFor();
    const kenmerkEl = page.getByTestId("log-kenmerk");
    await kenmerkEl.waitFor();
    const kenmerk = (await kenmerkEl.textContent())!.trim();
    expect(kenmerk).toMatch(/^L-\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Kenmerk van het logboek" }) });
    expect(await section.textContent()).toMatch(/Stand van\d{1,2} \w+ \d{4}, \d{2}\.\d{2} uur/);
    expect(await section.textContent()).toContain("In orde: elke gebeurtenis klopt.");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Copy by keyboard.
    await page.getByRole("button", { name: "Kenmerk kopiëren" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "gekopieerd" }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(kenmerk);

    // A malformed kenmerk: a Dutch message tied to the field, nothing sent.
    const field = page.getByLabel("Bewaard kenmerk", { exact: true });
    await field.focus();
    await page.keyboard.type("L-12-XYZ");
    await page.keyboard.press("Enter");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#log-check-error").textContent()).toContain("Dit is geen geldig kenmerk");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The current kenmerk, typed in lower case: the log extends it.
    await field.fill("");
    await page.keyboard.type(kenmerk.toLowerCase());
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const result = page.getByTestId("log-check-result");
    await expect.poll(() => result.textContent()).toContain("In orde. Het logboek bouwt voort op dit kenmerk");
    expect(await field.getAttribute("aria-invalid")).toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "log-kenmerk-ok");

    // A kenmerk that is not in this log (other digits): not in order, in words a reader can act on.
    const last = kenmerk.at(-1) === "0" ? "1" : "0";
    await field.fill(kenmerk.slice(0, -1) + last);
    await page.getByRole("button", { name: "Controleren" }).click();
    await expect
      .poll(() => result.textContent())
      .toContain("Niet in orde. Dit kenmerk komt niet voor in het logboek van deze tafel.");
    // A kenmerk from the future (more events than there are): events are missing.
    const count = Number(kenmerk.split("-")[1]);
    await field.fill(kenmerk.replace(`L-${count}-`, `L-${count + 5}-`));
    await page.getByRole("button", { name: "Controleren" }).click();
    await expect
      .poll(() => result.textContent())
      .toContain(`Dit kenmerk noemt ${count + 5} gebeurtenissen, maar het logboek heeft er nu ${count}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "log-kenmerk-niet-in-orde");
    await context.close();
  });
});
