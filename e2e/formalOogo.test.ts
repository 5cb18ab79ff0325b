/**
 * The formal OOGO in the browser (issue 13): the secretaris keeps the attendance with capacity
 * (bestuurders decide "namens" their party) and records "Overeenstemming bereikt"; the point is
 * then "akkoord in overleg, ondertekening loopt" and its text is locked. One wethouder signs at
 * the table on a tablet-sized screen, the others afterwards; the last signature completes
 * overeenstemming. Screens at 1366 and 390 px wide, axe clean, no horizontal scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";
import type { PointDetail } from "../shared/schemas/points.ts";
import { shortHash } from "../shared/domain/textHash.ts";

const SECRETARIS = "secretaris@demo.oogo.test";
const KARIM = "wethouder.groningen@demo.oogo.test";
const JEROEN = "swv.bestuurder@demo.oogo.test";
const ANNEKE = "wethouder.tynaarlo@demo.oogo.test";
const SANNE = "ambtenaar.groningen@demo.oogo.test";
const TREKKERS = ["swv.medewerker@demo.oogo.test", SANNE, "ambtenaar.tynaarlo@demo.oogo.test"];
const TITLE = "Gezamenlijk loket voor ouders van thuiszitters (e2e)";
const MEETING = "Formeel OOGO najaar (e2e)";

let h: Harness;
const open: BrowserContext[] = [];
let ws: string;
let pointId: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  await h?.close();
});

async function person(email: string) {
  const session = await h.loginAs(email);
  open.push(session.context);
  return session;
}
async function call<T>(request: APIRequestContext, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(path, { method, data: body, headers: { origin: h.baseUrl } });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${text}`);
  return JSON.parse(text) as T;
}
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
const axe = async (page: Page, what: string) => expect(await seriousAxeViolations(page), what).toEqual([]);
const noSideways = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

/** Both widths a wethouder uses: the laptop in the meeting room and the phone afterwards. */
async function atBothWidths(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await noSideways(page);
    await axe(page, `${name} op ${width}px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe("formal OOGO: decide in the meeting, sign at the table and afterwards", () => {
  it("the trekkers prepare a point to ambtelijk akkoord", async () => {
    const sessions = await Promise.all(TREKKERS.map((e) => person(e)));
    const first = sessions[0]!.context.request;
    ws = (await call<{ workspaces: Array<{ id: string }> }>(first, "GET", "/api/workspaces")).workspaces[0]!.id;
    const created = await call<PointDetail>(first, "POST", `/api/workspaces/${ws}/points`, {
      theme: "leerplicht_thuiszitters",
      title: TITLE,
      text: "Ouders van een thuiszitter hebben één loket bij gemeente en samenwerkingsverband samen.",
    });
    pointId = created.id;
    let p = await call<PointDetail>(first, "POST", `/api/points/${pointId}/transitions`, {
      to: "in_bespreking",
      reason: "Klaar voor bespreking",
      expectedVersion: created.version,
    });
    for (const s of sessions)
      p = await call(s.context.request, "POST", `/api/points/${pointId}/stances`, { stance: "akkoord", reasoning: "" });
    expect(p.status).toBe("ambtelijk_akkoord");
  });

  it("the secretaris keeps attendance with capacity and records overeenstemming bereikt", async () => {
    const { page } = await person(SECRETARIS);
    await page.goto(`/tafels/${ws}/vergaderingen`);
    await page.getByRole("button", { name: "Nieuwe vergadering plannen" }).click();
    await page.getByLabel("Soort overleg").selectOption("formeel_oogo");
    await page.getByLabel("Titel").fill(MEETING);
    await page.getByLabel("Datum").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("Aanvang (Nederlandse tijd)").fill("14:00");
    await page.getByLabel("Plaats").fill("Gemeentehuis Tynaarlo, Vries");
    await page.getByRole("button", { name: "Vergadering plannen", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: MEETING }).waitFor();

    await page.getByLabel("Overeenstemmingspunt").selectOption(pointId);
    await page.getByRole("button", { name: "Op de agenda zetten" }).click();
    const item = page.locator(".oogo-agenda > li").filter({ hasText: TITLE });
    await item.waitFor();

    // Without a bestuurder for every party the decision is refused, naming who was missing.
    await page.getByRole("button", { name: "Aanwezigheid bijwerken" }).click();
    await page.getByRole("button", { name: "Deelnemers van uitgenodigde partijen overnemen" }).click();
    await poll(() => page.getByLabel(/^Naam van persoon/).count()).toBeGreaterThan(3);
    await page.getByLabel("Aanwezigheid van Anneke Smit").selectOption("afgemeld");
    await page.getByLabel("Vervanger van Anneke Smit (optioneel)").fill("Lotte Hoekstra");
    await atBothWidths(page, "formal-attendance-form");
    await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
    await page.getByRole("button", { name: "Aanwezigheid bijwerken" }).waitFor();

    await item.getByLabel("Besluit", { exact: true }).selectOption("overeenstemming");
    await poll(() => item.textContent()).toContain("Akkoord in overleg, ondertekening loopt");
    await item.getByLabel(/^Toelichting/).fill("De bestuurders stemmen in met de tekst.");
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await poll(() => item.getByRole("alert").textContent()).toContain(
      "Niet vertegenwoordigd door een aanwezige bestuurder: Gemeente Tynaarlo",
    );

    // Anneke was there after all: present, deciding for her college.
    await page.getByRole("button", { name: "Aanwezigheid bijwerken" }).click();
    await page.getByLabel("Aanwezigheid van Anneke Smit").selectOption("aanwezig");
    const mandate = page.getByRole("checkbox", {
      name: "Besluit namens het college van B&W van Tynaarlo (Anneke Smit)",
    });
    await mandate.check();
    await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
    const attendance = page
      .locator("section", { has: page.getByRole("heading", { name: "Aanwezigheid" }) })
      .getByRole("table");
    await poll(() => attendance.getByRole("row", { name: /Anneke Smit/ }).textContent()).toContain(
      "namens het college van B&W van Tynaarlo",
    );

    // The agenda re-renders with the new attendance: choose the decision again.
    await item.getByLabel("Besluit", { exact: true }).selectOption("overeenstemming");
    await item.getByLabel(/^Toelichting/).fill("De bestuurders stemmen in met de tekst.");
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await poll(() => item.textContent()).toContain("Besluit: Overeenstemming bereikt");
    expect(await item.textContent()).toContain("Geagendeerd → Akkoord in overleg, ondertekening loopt");
    await atBothWidths(page, "formal-meeting-decided");
  });

  it("a wethouder signs at the table; the text is locked with the reason; the last signature completes it", async () => {
    // Sanne (trekker) sees the text read-only and why: the meeting agreed, the bestuurders sign.
    const sanne = await person(SANNE);
    await sanne.page.goto(`/tafels/${ws}/punten/${pointId}`);
    await sanne.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const editor = sanne.page.getByRole("textbox", { name: `Tekst van het punt “${TITLE}”` });
    await poll(() => editor.getAttribute("aria-readonly")).toBe("true");
    await poll(() => sanne.page.locator("main").textContent()).toContain("de bestuurders ondertekenen hem");

    // Karim signs on a tablet-sized screen during the meeting.
    const karim = await person(KARIM);
    await karim.page.setViewportSize({ width: 768, height: 1024 });
    await karim.page.goto(`/tafels/${ws}/te-ondertekenen`);
    await karim.page.getByRole("link", { name: `Tekst lezen en ondertekenen: ${TITLE}` }).click();
    await karim.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const facts = karim.page.locator(".oogo-point-facts");
    await poll(() => facts.textContent()).toContain("Akkoord in overleg, ondertekening loopt");
    expect(await facts.textContent()).toContain("Tekstversie");
    expect(await facts.textContent()).toContain("nog door niemand ondertekend");
    const current = await call<PointDetail>(karim.context.request, "GET", `/api/points/${pointId}`);
    const panel = karim.page.locator("#ondertekenen");
    await panel
      .getByRole("checkbox", {
        name: `Ik onderteken namens Gemeente Groningen de tekst met kenmerk ${shortHash(current.textHash)}… (tekstversie ${current.textVersionNumber}).`,
      })
      .check();
    await panel.getByRole("button", { name: "Ondertekenen" }).click();
    await poll(() => panel.getByRole("status").textContent()).toContain("de huidige tekst ondertekend");
    await poll(() => facts.textContent()).toContain("ondertekend door Karim El Amrani (Gemeente Groningen)");
    await atBothWidths(karim.page, "formal-signed-at-the-table");
    // The full kenmerk only behind the toggle; never the word for the algorithm.
    expect(await karim.page.locator("main").textContent()).not.toMatch(/SHA-256|ProseMirror|JSON|Logregel/);

    // Afterwards the other two sign; the last signature completes overeenstemming.
    for (const email of [JEROEN, ANNEKE]) {
      const { context } = await person(email);
      await call(context.request, "POST", `/api/points/${pointId}/signoffs`, { textHash: current.textHash });
    }
    await poll(() => facts.textContent()).toContain("Overeenstemming");
    await poll(() => sanne.page.locator("main").textContent()).toContain("Een wijziging gaat via Herzien");
    await atBothWidths(sanne.page, "formal-point-overeenstemming");
  });
});
