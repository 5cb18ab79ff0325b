/**
 * Two people write the spiegelparagraaf together in two browsers, against the real server and
 * sync endpoint: text and carets cross over, the save state follows the server's durable
 * acknowledgements, a reload does not duplicate anything, and a waarnemer can only read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { documentNames } from "../shared/collab/protocol.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  // The demo seed writes the spiegelparagraaf through the sync core, which keeps it loaded until
  // it has been idle this long; the load-failure test below needs it unloaded.
  h = await startHarness({ sync: { idleUnloadMs: 300 } });
});
afterAll(async () => {
  await h?.close();
});

const EDITOR = { name: "Tekst van de spiegelparagraaf" };

async function openSpiegelparagraaf(email: string) {
  const { context, page } = await h.loginAs(email);
  const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
  await page.goto(`/tafels/${list.workspaces[0]!.id}/spiegelparagraaf`);
  await page.getByRole("heading", { level: 1, name: "Spiegelparagraaf" }).waitFor();
  const editor = page.getByRole("textbox", EDITOR);
  await editor.getByRole("heading", { level: 2, name: "Jeugdhulp" }).waitFor();
  return { context, page, editor };
}

const saveState = (page: Page) => page.getByTestId("save-state").textContent();
const editorText = (page: Page) => page.getByRole("textbox", EDITOR).textContent();
const count = (haystack: string | null, needle: string) => (haystack ?? "").split(needle).length - 1;

/** Records every save state the indicator shows, so a transient state can be asserted without racing it. */
async function recordSaveStates(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __states: string[] };
    w.__states = [];
    const el = document.querySelector(".oogo-save-state")!;
    new MutationObserver(() => w.__states.push(el.getAttribute("data-state") ?? "")).observe(el, {
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
  return () => page.evaluate(() => (window as unknown as { __states: string[] }).__states);
}

/** Puts the caret at the end of the paragraph under a theme heading (End alone stops at the visual line). */
async function caretAtEndOf(page: Page, heading: string) {
  const paragraph = page.getByRole("textbox", EDITOR).locator(`h2:has-text("${heading}") + p`);
  await paragraph.click();
  await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
}

async function typeUnder(page: Page, heading: string, text: string) {
  await caretAtEndOf(page, heading);
  await page.keyboard.type(text);
}

describe("spiegelparagraaf in the browser", () => {
  // First, while the document is still cold on the server.
  it("shows an error, never an empty editor, when the server cannot load the text, and retries", async () => {
    const store = h.server.store;
    const loadParts = store.loadParts.bind(store);
    let failures = 2;
    store.loadParts = async (name) => {
      if (failures-- > 0) throw new Error("opslag tijdelijk onbereikbaar");
      return loadParts(name);
    };
    try {
      const { context, page } = await h.loginAs("swv.medewerker@demo.oogo.test");
      const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
      const tafel = list.workspaces[0]!.id;
      // Only a load from storage can fail: wait until nothing holds the document in memory.
      await expect.poll(() => h.server.sync.isLoaded(documentNames.spiegelparagraaf(tafel))).toBe(false);
      await page.goto(`/tafels/${tafel}/spiegelparagraaf`);
      await expect
        .poll(() => page.getByRole("alert").allTextContents())
        .toContainEqual(expect.stringContaining("Het document kon niet worden geladen"));
      expect(await page.getByRole("textbox", EDITOR).count()).toBe(0);
      await screenshot(page, "spiegelparagraaf-laden-mislukt");
      // The client retries with backoff (1 s, 2 s) and then shows the real text.
      await page
        .getByRole("textbox", EDITOR)
        .getByRole("heading", { level: 2, name: "Jeugdhulp" })
        .waitFor({ timeout: 15_000 });
      expect(await page.getByText("Het document kon niet worden geladen").count()).toBe(0);
      await context.close();
    } finally {
      store.loadParts = loadParts;
    }
  });

  it("two people write together: text, carets, presence, save state, no duplicates after reload", async () => {
    const eva = await openSpiegelparagraaf("swv.medewerker@demo.oogo.test");
    const sanne = await openSpiegelparagraaf("ambtenaar.groningen@demo.oogo.test");

    await expect.poll(() => saveState(eva.page)).toBe("Opgeslagen");
    await expect.poll(() => saveState(sanne.page)).toBe("Opgeslagen");
    const presence = eva.page.getByRole("list", { name: "Nu in dit document" });
    await expect.poll(() => presence.textContent()).toContain("Sanne de Vries");
    expect(await presence.textContent()).toContain("Gemeente Groningen");

    // Eva types: pending first (the ack needs a round trip), then durable.
    const evaStates = await recordSaveStates(eva.page);
    await typeUnder(eva.page, "Jeugdhulp", " Eva schrijft mee.");
    await expect.poll(() => saveState(eva.page)).toBe("Opgeslagen");
    expect(await evaStates()).toEqual(expect.arrayContaining(["unsaved", "saved"]));
    expect((await evaStates()).indexOf("unsaved")).toBeLessThan((await evaStates()).lastIndexOf("saved"));
    await expect.poll(() => editorText(sanne.page)).toContain("Eva schrijft mee.");

    await typeUnder(sanne.page, "Leerlingenvervoer", " Sanne vult aan.");
    await expect.poll(() => editorText(eva.page)).toContain("Sanne vult aan.");
    await expect.poll(() => saveState(sanne.page)).toBe("Opgeslagen");

    // Each sees the other's caret, labelled with the name.
    await expect
      .poll(() => eva.page.locator(".collaboration-carets__label").allTextContents())
      .toContain("Sanne de Vries");
    await expect
      .poll(() => sanne.page.locator(".collaboration-carets__label").allTextContents())
      .toContain("Eva Mulder");
    // A reader who did not type is not left "unsaved" by someone else's text.
    expect(await saveState(eva.page)).toBe("Opgeslagen");

    // Toolbar: bold on a selection reports aria-pressed.
    await caretAtEndOf(eva.page, "Doorgaande lijn");
    await eva.page.keyboard.press("Shift+ArrowLeft");
    const bold = eva.page.getByRole("button", { name: "Vet" });
    expect(await bold.getAttribute("aria-pressed")).toBe("false");
    await bold.click();
    expect(await bold.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => sanne.editor.locator('h2:has-text("Doorgaande lijn") + p strong').count()).toBe(1);
    await expect.poll(() => saveState(eva.page)).toBe("Opgeslagen");

    // Toolbar keyboard model: one Tab stop, arrow keys move between buttons.
    await eva.page.getByRole("button", { name: "Kop 2" }).focus();
    await eva.page.keyboard.press("ArrowRight");
    expect(await eva.page.evaluate(() => document.activeElement?.textContent)).toBe("Kop 3");
    expect(await eva.page.locator('.oogo-toolbar button[tabindex="0"]').count()).toBe(1);

    // Link dialog: refuses unsafe addresses with a Dutch message, accepts a bare domain.
    await caretAtEndOf(eva.page, "Onderwijs en arbeidsmarkt");
    await eva.page.keyboard.type(" Meer informatie: ");
    await eva.page.getByRole("button", { name: "Link" }).click();
    const dialog = eva.page.getByRole("dialog", { name: "Link toevoegen" });
    await dialog.getByLabel("Webadres").fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: "Link toevoegen" }).click();
    await expect
      .poll(() => dialog.getByRole("alert").textContent())
      .toContain("Alleen links met https://, http:// of mailto:");
    expect(await seriousAxeViolations(eva.page)).toEqual([]);
    await screenshot(eva.page, "spiegelparagraaf-link-dialog");
    await dialog.getByLabel("Webadres").fill("www.passendonderwijs.nl");
    await dialog.getByRole("button", { name: "Link toevoegen" }).click();
    await expect.poll(() => sanne.editor.locator('a[href="https://www.passendonderwijs.nl/"]').count()).toBe(1);

    expect(await seriousAxeViolations(eva.page)).toEqual([]);
    await caretAtEndOf(sanne.page, "Leerlingenvervoer");
    await expect
      .poll(() => eva.page.locator(".collaboration-carets__label").allTextContents())
      .toContain("Sanne de Vries");
    await eva.page.locator(".oogo-collab").screenshot({ path: "test-results/spiegelparagraaf-carets.png" });
    await eva.page.evaluate(() => scrollTo(0, 0));
    await screenshot(eva.page, "spiegelparagraaf-eva");
    await screenshot(sanne.page, "spiegelparagraaf-sanne");

    // Reload: the IndexedDB copy and the server state merge without duplicating anything.
    const headingsBefore = await eva.editor.locator("h2").count();
    await eva.page.reload();
    await eva.editor.getByRole("heading", { level: 2, name: "Jeugdhulp" }).waitFor();
    await expect.poll(() => saveState(eva.page)).toBe("Opgeslagen");
    const after = await editorText(eva.page);
    expect(count(after, "Eva schrijft mee.")).toBe(1);
    expect(count(after, "Sanne vult aan.")).toBe(1);
    expect(count(after, "Jeugdhulp is zichtbaar aanwezig")).toBe(1);
    expect(await eva.editor.locator("h2").count()).toBe(headingsBefore);
    expect(count(await editorText(sanne.page), "Eva schrijft mee.")).toBe(1);

    // Offline: the state says so, edits stay, and they merge once when the connection returns.
    await eva.context.setOffline(true);
    await expect.poll(() => saveState(eva.page)).toBe("Offline");
    await typeUnder(eva.page, "Onderwijshuisvesting", " Zonder verbinding geschreven.");
    expect(await saveState(eva.page)).toBe("Offline");
    await eva.context.setOffline(false);
    await expect.poll(() => saveState(eva.page), { timeout: 15_000 }).toBe("Opgeslagen");
    await expect.poll(() => editorText(sanne.page)).toContain("Zonder verbinding geschreven.");
    expect(count(await editorText(sanne.page), "Zonder verbinding geschreven.")).toBe(1);

    await eva.context.close();
    await sanne.context.close();
  });

  it("a role change closes the socket; the editor follows the new rights without a reload", async () => {
    // The secretaris edits too; a party's only trekker may not be demoted (409, issue 15).
    const sanne = await openSpiegelparagraaf("secretaris@demo.oogo.test");
    await expect.poll(() => saveState(sanne.page)).toBe("Opgeslagen");
    const admin = await h.loginAs("beheerder@demo.oogo.test");
    const wsId = sanne.page.url().split("/tafels/")[1]!.split("/")[0]!;
    const members = (await (await admin.page.request.get(`/api/workspaces/${wsId}/members`)).json()) as {
      members: Array<{ id: string; email: string; party: { id: string } | null }>;
    };
    const member = members.members.find((m) => m.email === "secretaris@demo.oogo.test")!;
    const setRole = async (role: string) => {
      const res = await admin.page.request.patch(`/api/workspaces/${wsId}/members/${member.id}`, {
        data: { role, partyId: member.party?.id ?? null },
      });
      expect(res.status()).toBe(200);
    };

    await setRole("waarnemer");
    await expect
      .poll(() => sanne.page.locator("main").textContent())
      .toContain("U kunt dit document lezen maar niet bewerken (rol: waarnemer)");
    await expect.poll(() => sanne.editor.getAttribute("aria-readonly")).toBe("true");
    expect(await saveState(sanne.page)).toBe("Alleen lezen");

    await setRole("secretaris");
    await expect.poll(() => sanne.editor.getAttribute("aria-readonly")).toBe("false");
    await expect.poll(() => saveState(sanne.page)).toBe("Opgeslagen");
    await typeUnder(sanne.page, "Doorgaande lijn", " Weer schrijven.");
    await expect.poll(() => saveState(sanne.page)).toBe("Opgeslagen");

    await admin.context.close();
    await sanne.context.close();
  });

  it("a waarnemer reads along but cannot type", async () => {
    const reader = await openSpiegelparagraaf("waarnemer@demo.oogo.test");
    const main = reader.page.locator("main");
    await expect
      .poll(() => main.textContent())
      .toContain("U kunt dit document lezen maar niet bewerken (rol: waarnemer)");
    expect(await saveState(reader.page)).toBe("Alleen lezen");
    expect(await reader.editor.getAttribute("aria-readonly")).toBe("true");
    expect(await reader.editor.getAttribute("contenteditable")).toBe("false");
    expect(await reader.page.getByRole("toolbar").count()).toBe(0);

    const before = await editorText(reader.page);
    await reader.editor.locator('h2:has-text("Jeugdhulp") + p').click();
    await reader.page.keyboard.type("Dit mag niet.");
    expect(await editorText(reader.page)).toBe(before);

    expect(await seriousAxeViolations(reader.page)).toEqual([]);
    await screenshot(reader.page, "spiegelparagraaf-waarnemer");

    // A shared computer: logging out removes the local copies of documents.
    const localCopies = () =>
      reader.page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("oogo-doc:")),
      );
    expect(await localCopies()).toHaveLength(1);
    // A second tab of the same session: the server ends its socket at logout and it goes to the login page.
    const secondTab = await reader.context.newPage();
    await secondTab.goto(reader.page.url());
    await secondTab.getByRole("textbox", EDITOR).waitFor();
    await reader.page.getByRole("button", { name: "Uitloggen" }).click();
    await reader.page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await secondTab.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await expect.poll(localCopies).toEqual([]);
    await reader.context.close();
  });
});
