/**
 * Points inside the spiegelparagraaf and the spiegelparagraaf as a document (issue 12), in the
 * browser: insert a point from "Punt invoegen" by keyboard only, see its block follow the point's
 * status live, and download Word, PDF and the "versie met wijzigingen". Axe clean; 1366 and
 * 390 px without horizontal scrolling (screenshots in test-results/).
 */
import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TITLE = "Logopedie op school zonder verwijzing (e2e)";
const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function downloadText(page: Page, button: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe("points inside the spiegelparagraaf", () => {
  it("inserts a point by keyboard, follows it live, and downloads the paragraph as Word and PDF", async () => {
    const { context, page } = await h.loginAs("ambtenaar.groningen@demo.oogo.test");
    const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
    const ws = list.workspaces[0]!.id;
    const created = await page.request.post(`/api/workspaces/${ws}/points`, {
      data: { theme: "jeugdhulp", title: TITLE, text: "Een logopedist behandelt op school zonder verwijzing." },
    });
    expect(created.status()).toBe(201);
    const point = (await created.json()) as { id: string; version: number };

    await page.goto(`/tafels/${ws}/spiegelparagraaf`);
    const editor = page.getByRole("textbox", { name: "Tekst van de spiegelparagraaf" });
    // The demo's paragraph embeds its points: they show as blocks, not as a second copy.
    const demoBlock = editor.locator(".oogo-point-embed", { hasText: "Casusoverleg binnen tien schooldagen" });
    await demoBlock.getByText("binnen tien schooldagen een casusoverleg").waitFor();
    await expect.poll(() => demoBlock.getByRole("link", { name: /Naar het punt/ }).count()).toBe(1);

    // Cursor at the end of the first paragraph, then only the keyboard.
    await editor.locator("p").first().click();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Punt invoegen" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Punt invoegen" });
    await dialog.waitFor();
    await page.keyboard.type("logopedie");
    await dialog.getByRole("status").filter({ hasText: "1 punt" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "spiegel-punt-invoegen-1366");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(TITLE);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    const block = editor.locator(".oogo-point-embed", { hasText: TITLE });
    await block.getByText("Een logopedist behandelt op school").waitFor();
    await block.getByText("Concept").waitFor();
    await page.getByTestId("save-state").filter({ hasText: "Opgeslagen" }).waitFor();

    // The point moves on elsewhere: the block follows without a reload.
    const moved = await page.request.post(`/api/points/${point.id}/transitions`, {
      data: { to: "in_bespreking", reason: "Besproken in de werkgroep.", expectedVersion: point.version },
    });
    expect(moved.status()).toBe(200);
    await block.getByText("In bespreking").waitFor();

    // Downloads: Word and PDF, with the inserted point in them.
    const word = await downloadText(page, page.getByRole("button", { name: "Word", exact: true }));
    expect(word.name).toMatch(/^spiegelparagraaf-.*\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: word.bytes });
    expect(text).toContain(TITLE);
    expect(text).toContain("In bespreking");
    await page.getByRole("status").filter({ hasText: "Spiegelparagraaf (Word) is gedownload." }).waitFor();
    const pdf = await downloadText(page, page.getByRole("button", { name: "PDF", exact: true }));
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // The version with changes since the werkgroep's first draft.
    await page.getByRole("button", { name: "Versie met wijzigingen…" }).click();
    const since = page.getByLabel("Wijzigingen sinds");
    const draft = since.locator("option", { hasText: "Eerste concept van de werkgroep" });
    await draft.waitFor({ state: "attached" });
    await since.selectOption(await draft.getAttribute("value"));
    const changes = await downloadText(page, page.getByRole("button", { name: "Met wijzigingen (Word)" }));
    expect(changes.name).toMatch(/^spiegelparagraaf-met-wijzigingen-.*\.docx$/);
    const { value: changed } = await mammoth.extractRawText({ buffer: changes.bytes });
    expect(changed).toContain("[ingevoegd]");
    expect(changed).toContain("[verwijderd]");

    expect(await seriousAxeViolations(page)).toEqual([]);
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, "spiegel-punten-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "spiegel-punten-390");
    await context.close();
  });
});
