/**
 * Suggestions on the spiegelparagraaf in three browsers (issue 12): Groningen and the SWV each
 * switch to "Voorstellen" and propose text; the secretaris sees both (who, which party), accepts
 * one and rejects the other; the decisions are listed with who decided. Axe clean; 1366 and 390 px.
 * A laptop whose clock runs an hour fast still gets its suggestion through (dated by the server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentNames } from "../shared/collab/protocol.ts";
import { listSuggestions } from "../shared/editor/suggestions.ts";
import { docToJson } from "../server/documents/prosemirror.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const EDITOR = { name: "Tekst van de spiegelparagraaf" };

async function open(email: string, width = 1366) {
  const { context, page } = await h.loginAs(email);
  await page.setViewportSize({ width, height: 900 });
  const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
  await page.goto(`/tafels/${list.workspaces[0]!.id}/spiegelparagraaf`);
  const editor = page.getByRole("textbox", EDITOR);
  await editor.getByRole("heading", { level: 2, name: "Jeugdhulp" }).waitFor();
  const panel = page.getByRole("region", { name: "Voorstellen" });
  return { context, page, editor, panel };
}

/** Switches to "Voorstellen" and types at the end of the paragraph under `heading`. */
async function suggestAfter(view: Awaited<ReturnType<typeof open>>, heading: string, text: string) {
  // The switch sits in the editor's toolbar, with its state (aria-pressed) visible.
  const toggle = view.page.getByRole("toolbar").getByRole("button", { name: "Voorstellen", exact: true });
  await toggle.click();
  expect(await toggle.getAttribute("aria-pressed")).toBe("true");
  await view.panel.getByText("Voorstellen staat aan").waitFor();
  const paragraph = view.editor.locator(`h2:has-text("${heading}") + p`);
  await paragraph.click();
  await view.page.keyboard.press("End");
  await view.page.keyboard.type(text);
  await view.panel.getByTestId("open-suggestion").filter({ hasText: text.trim() }).waitFor();
}

describe("suggestions on the spiegelparagraaf", () => {
  it("two parties suggest, the secretaris accepts one and rejects the other", async () => {
    const groningen = await open("ambtenaar.groningen@demo.oogo.test");
    await suggestAfter(groningen, "Jeugdhulp", " Voorstel van Groningen.");
    // In the text: underlined, with who proposed it in words.
    const ins = groningen.editor.locator("ins.oogo-suggestion").first();
    expect(await ins.getAttribute("title")).toMatch(/^Voorgesteld door .+\(Gemeente Groningen\)$/);

    const swv = await open("swv.medewerker@demo.oogo.test");
    await suggestAfter(swv, "Leerlingenvervoer", " Voorstel van het SWV.");

    const secretaris = await open("secretaris@demo.oogo.test");
    const items = secretaris.panel.getByTestId("open-suggestion");
    await expect.poll(() => items.count()).toBe(2);
    await items
      .filter({ hasText: "Voorstel van Groningen." })
      .getByText(/Gemeente Groningen/)
      .waitFor();
    expect(await seriousAxeViolations(secretaris.page)).toEqual([]);
    await screenshot(secretaris.page, "voorstellen-secretaris-1366");

    const phone = await open("secretaris@demo.oogo.test", 390);
    await expect.poll(() => phone.panel.getByTestId("open-suggestion").count()).toBe(2);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, "voorstellen-secretaris-390");
    await phone.context.close();

    await items
      .filter({ hasText: "Voorstel van Groningen." })
      .getByRole("button", { name: /^Aanvaarden/ })
      .click();
    await items
      .filter({ hasText: "Voorstel van het SWV." })
      .getByRole("button", { name: /^Verwerpen/ })
      .click();
    await expect.poll(() => items.count()).toBe(0);

    // Everyone sees the outcome in the text …
    await expect.poll(() => groningen.editor.textContent()).toContain("Voorstel van Groningen.");
    await expect.poll(() => groningen.editor.textContent()).not.toContain("Voorstel van het SWV.");
    expect(await groningen.editor.locator(".oogo-suggestion").count()).toBe(0);
    // … and, afterwards, who decided what.
    await groningen.page.reload();
    const decided = groningen.page.getByRole("region", { name: "Voorstellen" }).locator("details", {
      hasText: "Besloten voorstellen (2)",
    });
    await decided.locator("summary").click();
    await decided.getByText(/Voorstel van Groningen\..*aanvaard door Pieter Jansen/).waitFor();
    await decided.getByText(/Voorstel van het SWV\..*verworpen door Pieter Jansen/).waitFor();
    expect(await seriousAxeViolations(groningen.page)).toEqual([]);
    await screenshot(groningen.page, "voorstellen-besloten-1366");

    for (const v of [groningen, swv, secretaris]) await v.context.close();
  });

  it("a laptop whose clock runs an hour fast still gets its suggestion through, dated by the server's clock", async () => {
    const secretaris = await open("secretaris@demo.oogo.test");
    const groningen = await open("ambtenaar.groningen@demo.oogo.test");
    // The server refuses a suggestion dated over five minutes ahead of its clock (ADR 0016); the
    // editor dates by the server's time, learnt when the page asked who may only suggest.
    await groningen.page.clock.setFixedTime(Date.now() + 3_600_000);
    await groningen.page.reload();
    await groningen.editor.getByRole("heading", { level: 2, name: "Jeugdhulp" }).waitFor();
    await suggestAfter(groningen, "Jeugdhulp", " Voorstel van een snelle klok.");
    await secretaris.panel
      .getByTestId("open-suggestion")
      .filter({ hasText: "Voorstel van een snelle klok." })
      .waitFor();
    await h.server.sync.flush();
    const stored = new Y.Doc();
    const list = (await (await secretaris.page.request.get("/api/workspaces")).json()) as {
      workspaces: Array<{ id: string }>;
    };
    Y.applyUpdate(stored, (await h.server.store.load(documentNames.spiegelparagraaf(list.workspaces[0]!.id)))!);
    const mine = listSuggestions(docToJson(stored)).find((s) => s.text === " Voorstel van een snelle klok.");
    // Dated by the server's clock (give or take the page's round trip), not the laptop's hour ahead.
    expect(Math.abs(mine!.author!.at - Date.now())).toBeLessThan(5 * 60_000);
    for (const v of [groningen, secretaris]) await v.context.close();
  });
});
