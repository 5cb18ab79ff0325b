/**
 * Issue 13, "what waits for me": the wethouder's Overzicht shows the point waiting for his
 * signature and the tabs count it; the header counts unread notices; the inbox says why each came
 * and opens the point (read); Mijn account → Meldingen stores a choice; the unsubscribe page from
 * a mail works without login. Axe-clean, no horizontal scrolling at 1366 and 390 px.
 */
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationPreferences, notifications, users } from "../db/schema/index.ts";
import { unsubscribeSigner } from "../server/services/notifications/unsubscribeToken.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.server.notifications.drain();
});
afterAll(async () => {
  await h?.close();
});

const WETHOUDER = "wethouder.groningen@demo.oogo.test";
type Page = import("playwright-core").Page;
const noHorizontalScroll = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

async function lookAt(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await noHorizontalScroll(page, width);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe("what waits for the wethouder", () => {
  it("Overzicht shows the waiting signature; the header counts notices; the inbox opens the point", async () => {
    const { context, page } = await h.loginAs(WETHOUDER);
    const [me] = await h.server.deps.database.db.select().from(users).where(eq(users.email, WETHOUDER));
    const unreadBefore = (
      await h.server.deps.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, me!.id), isNull(notifications.readAt)))
    ).length;
    expect(unreadBefore).toBeGreaterThan(0);

    await page
      .getByRole("link", { name: /OOGO ondersteuningsplan/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    const waiting = page.locator(".oogo-waiting__item--sign");
    await waiting.first().waitFor();
    const signCount = await waiting.count();
    expect(signCount).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole("link", { name: /Te ondertekenen/ }).textContent())
      .toContain(`${signCount} wachten op u`);
    await page.getByRole("heading", { level: 2, name: "Volgend overleg" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Overeenstemming per thema" }).waitFor();
    await expect
      .poll(() =>
        page
          .locator("header")
          .getByRole("link", { name: /Meldingen/ })
          .textContent(),
      )
      .toContain(`${unreadBefore} ongelezen`);
    await lookAt(page, "dashboard-wethouder");

    await page
      .locator("header")
      .getByRole("link", { name: /Meldingen/ })
      .click();
    await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    const first = page.locator(".oogo-inbox__item--unread").filter({ hasText: "Verzoek om te ondertekenen" }).first();
    await first.waitFor();
    await expect.poll(() => first.textContent()).toContain("U ondertekent namens Gemeente Groningen");
    expect(await page.locator(".utrecht-alert--error").count()).toBe(0);
    await lookAt(page, "meldingen-wethouder");
    const title = (await first.getByRole("link").textContent())!;
    await first.getByRole("link").click();
    await page.waitForURL(/\/punten\//);
    await page.getByRole("heading", { level: 1, name: title.replace(/^Ondertekenen: /, "") }).waitFor();
    await expect
      .poll(() =>
        page
          .locator("header")
          .getByRole("link", { name: /Meldingen/ })
          .textContent(),
      )
      .toContain(`${unreadBefore - 1} ongelezen`);
    await context.close();
  });

  it("Mijn account → Meldingen: a choice per kind is stored; the unsubscribe page works without login", async () => {
    const { context, page } = await h.loginAs(WETHOUDER);
    await page.goto("/account#meldingen");
    await page.getByRole("heading", { level: 2, name: "Meldingen" }).waitFor();
    const group = page.getByRole("group", { name: "Verzoek om te ondertekenen" });
    await group.getByLabel("In het dagelijkse overzicht").check();
    await page.getByRole("button", { name: "Keuzes opslaan" }).click();
    await page.getByText("Uw keuzes voor meldingen zijn opgeslagen.").first().waitFor();
    const [me] = await h.server.deps.database.db.select().from(users).where(eq(users.email, WETHOUDER));
    const stored = await h.server.deps.database.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, me!.id));
    expect(stored.find((p) => p.kind === "signature_requested")?.channel).toBe("digest");
    await lookAt(page, "account-meldingen");
    await context.close();

    const token = (await unsubscribeSigner(h.server.deps))(me!.id, "signature_voided");
    const anonymous = await h.browser.newContext({ baseURL: h.baseUrl, bypassCSP: true, locale: "nl-NL" });
    const open = await anonymous.newPage();
    await open.goto(`/afmelden?token=${encodeURIComponent(token)}`);
    await open.getByRole("heading", { level: 1, name: "Afmelden voor e-mail" }).waitFor();
    await open.getByText("Handtekening vervallen").waitFor();
    expect(await open.locator(".utrecht-alert--error").count()).toBe(0);
    await lookAt(open, "afmelden");
    await open.getByRole("button", { name: "Afmelden" }).click();
    await open.getByText(/U bent afgemeld\. U krijgt geen e-mail meer over: handtekening vervallen/).waitFor();
    const after = await h.server.deps.database.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, me!.id));
    expect(after.find((p) => p.kind === "signature_voided")?.channel).toBe("never");
    await open.goto("/afmelden?token=v1.nep.signature_voided.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await open.getByText("Deze afmeldlink is niet geldig.").waitFor();
    await anonymous.close();
  });
});
