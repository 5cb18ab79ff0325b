/**
 * Server writes reaching open editors (issue 12): one member restores an older version of the
 * spiegelparagraaf while another has it open in the editor and sees the text change; then plan
 * sections are added to the spiegelparagraaf ("Gebruik als basis") and appear there, with their
 * "Bron:" link. The confirmation says what happens; the outcome is announced. Axe clean, no
 * horizontal scrolling at 1366 and 390 px.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspacePlans } from "../db/schema/index.ts";
import { makePlanDocx } from "../server/planImport/testing/planFiles.ts";
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

const noHorizontalScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

describe("server writes in an open spiegelparagraaf", () => {
  it("restores a version while another member watches the text change, then adds plan sections", async () => {
    const a = await h.loginAs("ambtenaar.groningen@demo.oogo.test");
    const b = await h.loginAs("swv.medewerker@demo.oogo.test");
    await a.page.setViewportSize({ width: 1366, height: 900 });

    await a.page.goto(`/tafels/${ws}/spiegelparagraaf/versies`);
    await a.page.getByRole("heading", { level: 1, name: "Versies van de spiegelparagraaf" }).waitFor();
    await a.page.getByLabel("Naam van de versie").fill("stand van maandag");
    await a.page.getByRole("button", { name: "Versie bewaren" }).click();
    const item = a.page.locator(".oogo-versions__item").filter({ hasText: "stand van maandag" });
    await item.waitFor();

    // B types into the spiegelparagraaf and keeps it open.
    await b.page.goto(`/tafels/${ws}/spiegelparagraaf`);
    const editor = b.page.getByRole("textbox", { name: "Tekst van de spiegelparagraaf" });
    await editor.locator(`h2:has-text("Jeugdhulp") + p`).click();
    await b.page.keyboard.press("End");
    await b.page.keyboard.type(" Deze zin verdwijnt weer.");
    await b.page.getByTestId("save-state").filter({ hasText: "Opgeslagen" }).waitFor();

    // A restores the version of Monday, by keyboard, after reading what will happen.
    await item.getByRole("button", { name: /Deze versie terugzetten/ }).focus();
    await a.page.keyboard.press("Enter");
    const confirm = a.page.getByRole("region", { name: "Deze versie terugzetten?" });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("er gaat niets verloren");
    expect(await a.page.evaluate(() => document.activeElement?.id)).toBe("restore-title");
    expect(await seriousAxeViolations(a.page)).toEqual([]);
    await screenshot(a.page, "versie-terugzetten-bevestigen-1366");
    await confirm.getByRole("button", { name: "Ja, terugzetten" }).click();
    await a.page.getByRole("status").filter({ hasText: "De versie is teruggezet" }).waitFor();
    await a.page.locator(".oogo-versions__item").filter({ hasText: "Teruggezet: stand van maandag" }).waitFor();
    await a.page.locator(".oogo-versions__item").filter({ hasText: "Voor het terugzetten" }).waitFor();

    // B sees the sentence leave without reloading.
    await b.page.waitForFunction(
      () => !document.querySelector(".ProseMirror")?.textContent?.includes("Deze zin verdwijnt weer."),
    );
    expect(await editor.textContent()).toContain("Jeugdhulp");

    await a.page.setViewportSize({ width: 390, height: 844 });
    await a.page.getByRole("button", { name: /terugzetten\s*: stand van maandag/ }).click();
    await confirm.waitFor();
    expect(await a.page.evaluate(noHorizontalScroll)).toBe(true);
    expect(await seriousAxeViolations(a.page)).toEqual([]);
    await screenshot(a.page, "versie-terugzetten-390");
    await confirm.getByRole("button", { name: "Annuleren" }).click();
    await confirm.waitFor({ state: "detached" });

    // "Gebruik als basis" into the spiegelparagraaf, from a plan version.
    const [plan] = await h.server.deps.database.db
      .select()
      .from(workspacePlans)
      .where(eq(workspacePlans.workspaceId, ws));
    const uploaded = await b.page.request.post(
      `/api/plans/${plan!.id}/versions?fileName=plan.docx&label=concept%200.1`,
      { data: Buffer.from(await makePlanDocx()), headers: { "content-type": "application/octet-stream" } },
    );
    expect(uploaded.status()).toBe(201);
    await a.page.setViewportSize({ width: 1366, height: 900 });
    await a.page.goto(`/tafels/${ws}/plan`);
    await a.page.getByRole("heading", { level: 2, name: "Versie 2: concept 0.1" }).waitFor();
    await a.page.getByLabel("Kies 2 Leerlingenvervoer als basis").check();
    const spiegel = a.page.getByRole("region", { name: "Opnemen in de spiegelparagraaf" });
    await spiegel.getByRole("button", { name: "Toevoegen aan de spiegelparagraaf" }).click();
    await spiegel.getByRole("status").filter({ hasText: "Opgenomen." }).waitFor();
    await a.page.getByText("Gebruikt als basis voor: de spiegelparagraaf").waitFor();
    expect(await seriousAxeViolations(a.page)).toEqual([]);
    await screenshot(a.page, "plan-in-spiegelparagraaf-1366");

    // B's open editor receives the section with its Bron link.
    const bron = editor.getByRole("link", { name: /concept 0\.1\) §2/ });
    await bron.waitFor();
    expect(await bron.getAttribute("href")).toContain(`/plan?versie=`);
    await screenshot(b.page, "spiegelparagraaf-bron-1366");
    await a.context.close();
    await b.context.close();
  });
});
