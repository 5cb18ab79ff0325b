import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mailOutbox } from "../db/schema/index.ts";
import { createContext } from "../server/services/serviceContext.ts";
import { enqueueMail } from "../server/mail/outbox.ts";
import { invitationMail } from "../server/mail/templates.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
let ws: string;
let failedId: string;
beforeAll(async () => {
  h = await startHarness();
  const [row] = await h.server.deps.database.db.query.workspaces.findMany({ limit: 1 });
  ws = row!.id;
  const ctx = createContext(h.server.deps);
  const invite = (to: string, name: string, token: string) => ({
    workspaceId: ws,
    kind: "invitation" as const,
    to,
    ...invitationMail({
      tafelName: row!.name,
      inviterName: "Bea Heerder",
      role: "trekker",
      partyName: "Gemeente Groningen",
      link: `${h.baseUrl}/uitnodiging#${token}`,
      expiresAt: new Date(Date.now() + 14 * 86400_000),
      recipientName: name,
    }),
  });
  await enqueueMail(ctx, invite("anna.devries@groningen.test", "Anna de Vries", "token-anna"));
  failedId = (await enqueueMail(ctx, invite("piet.jansen@groningen.test", "Piet Jansen", "token-piet"))).id;
  await h.server.mail.drain();
  // As the sender leaves a mail when the mail server stayed down.
  await h.server.deps.database.db
    .update(mailOutbox)
    .set({
      state: "niet_verstuurd",
      attempts: 5,
      sentAt: null,
      sentVia: null,
      lastError: "De mailserver is niet bereikbaar. (connect ECONNREFUSED 127.0.0.1:587)",
    })
    .where(eq(mailOutbox.id, failedId));
});
afterAll(async () => {
  await h?.close();
});

describe("Uitgaande e-mail in the browser", () => {
  it("the beheerder finds it from the members page, reads the states and the text, retries by keyboard; axe-clean at 1366 and 390 px", async () => {
    const { context, page } = await h.loginAs("beheerder@demo.oogo.test");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${ws}/deelnemers`);
    await page.getByRole("link", { name: "Uitgaande e-mail bekijken" }).click();
    await page.getByRole("heading", { level: 1, name: "Uitgaande e-mail" }).waitFor();

    const failed = page.getByRole("listitem").filter({ hasText: "piet.jansen@groningen.test" });
    const sent = page.getByRole("listitem").filter({ hasText: "anna.devries@groningen.test" });
    await expect.poll(() => failed.textContent()).toContain("Niet verstuurd");
    expect(await failed.textContent()).toContain("De mailserver is niet bereikbaar.");
    expect(await sent.textContent()).toContain("Naar het serverlog geschreven");
    expect(await sent.getByRole("button").count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "outbox-1366");

    // Keyboard: open the text of the sent mail and find the invitation link.
    await sent.locator("summary").focus();
    await page.keyboard.press("Enter");
    const link = sent.getByRole("link", { name: /uitnodiging#token-anna/ });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`${h.baseUrl}/uitnodiging#token-anna`);
    expect(await sent.textContent()).toContain("Uw rol: Ambtelijk trekker, namens Gemeente Groningen.");

    const retry = failed.getByRole("button", { name: /Niet verstuurd — opnieuw proberen/ });
    await retry.focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .getByText("De e-mail aan piet.jansen@groningen.test staat weer in de wachtrij.")
      .waitFor();
    // The button is gone; focus stays with that mail.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Uitnodiging voor de OOGO-tafel OOGO ondersteuningsplan 2023–2027");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest("li")?.textContent ?? ""))
      .toContain("piet.jansen@groningen.test");
    // The sender (log transport here) picks it up at once; Vernieuwen shows the result.
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Vernieuwen" }).click();
          return page.getByRole("listitem").filter({ hasText: "piet.jansen@groningen.test" }).textContent();
        },
        { timeout: 10_000 },
      )
      .toContain("Naar het serverlog geschreven");

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "outbox-390");
    await context.close();
  });

  it("a role that does not manage members sees no mail, only who does", async () => {
    const { context, page } = await h.loginAs("waarnemer@demo.oogo.test");
    await page.goto(`/tafels/${ws}/uitgaande-email`);
    await page.getByRole("heading", { level: 1, name: "Uitgaande e-mail" }).waitFor();
    await page.getByText("Alleen een beheerder of secretaris van de tafel ziet de uitgaande e-mail.").waitFor();
    expect(await page.locator("main").textContent()).not.toContain("piet.jansen");
    await context.close();
  });
});
