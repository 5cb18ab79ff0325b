/**
 * Meetings, procedure and dossier in the browser: the secretaris plans a formeel OOGO, keeps the
 * attendance, records a decision on an agenda point, approves (and amends) the minutes, ticks off
 * a procedure step, and downloads the dossier and the oplegger. The files are checked for what
 * they are (PDF / DOCX) and what they say; the dossier's pages are rendered to PNG for people to
 * look at (test-results/meetings-dossier-page-*.png).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { APIRequestContext, Page } from "playwright-core";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { eq } from "drizzle-orm";
import { mailOutbox } from "../db/schema/index.ts";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

const SECRETARIS = "secretaris@demo.oogo.test";
const WETHOUDER = "wethouder.groningen@demo.oogo.test";
const TREKKERS = [
  "swv.medewerker@demo.oogo.test",
  "ambtenaar.groningen@demo.oogo.test",
  "ambtenaar.tynaarlo@demo.oogo.test",
];
const OUT = "test-results";

const MEETING_TITLE = "Formeel bestuurlijk OOGO voorjaar (e2e)";
const CONVENED_TITLE = "Tussentijds overleg vervoer (e2e)";
const POINT_TITLE = "Doorzettingsmacht bij thuiszitters binnen drie maanden (e2e)";
const DECISION_NOTE =
  "De gemeenten willen de doorzettingsmacht bij de leerplichtambtenaar leggen; het samenwerkingsverband niet.";
const MINUTES_TEXT =
  "Het formeel OOGO bespreekt de doorzettingsmacht bij thuiszitters. Partijen komen niet tot overeenstemming.";

/**
 * Section titles every dossier must carry (issue 5: cover, disputed points, chronology, agreed
 * points, attachments, integrity appendix, table of contents).
 */
const DOSSIER_SECTIONS = [
  "Dossier voor de Landelijke Geschillencommissie OOGO",
  "Inhoudsopgave",
  "Partijen en vertegenwoordiging",
  "Wettelijke grondslag",
  "Afgesproken OOGO-procedure",
  "Verzoek aan de commissie",
  "Geschilpunten",
  "Verloop van de procedure",
  "Punten waarover wel overeenstemming is",
  "Lijst van bijlagen",
  "Integriteit en controle",
];

let h: Harness;
let workspaceId: string;
let pointId: string;

beforeAll(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

async function api<T>(
  request: APIRequestContext,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await request.fetch(path, { method, data: body, headers: { origin: h.baseUrl } });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Setup through the public API, as the ambtelijke werkgroep would do it on the points screens:
 * a point that every party's trekker agreed with, ready for a formal OOGO.
 */
async function preparePointWithAmbtelijkAkkoord(): Promise<void> {
  const sessions = await Promise.all(TREKKERS.map((email) => h.loginAs(email)));
  try {
    const first = sessions[0]!.context.request;
    const { workspaces } = await api<{ workspaces: Array<{ id: string; name: string }> }>(
      first,
      "GET",
      "/api/workspaces",
    );
    workspaceId = workspaces[0]!.id;
    const created = await api<{ id: string; version: number }>(first, "POST", `/api/workspaces/${workspaceId}/points`, {
      theme: "leerplicht_thuiszitters",
      title: POINT_TITLE,
      text: "Een thuiszitter krijgt binnen drie maanden een passend aanbod.\n\nBij stagnatie beslist de leerplichtambtenaar (doorzettingsmacht).",
    });
    pointId = created.id;
    let point = await api<{ version: number; textHash: string; status: string }>(
      first,
      "POST",
      `/api/points/${pointId}/transitions`,
      {
        to: "in_bespreking",
        reason: "Klaar voor ambtelijke bespreking",
        expectedVersion: created.version,
      },
    );
    for (const s of sessions) {
      point = await api(s.context.request, "POST", `/api/points/${pointId}/stances`, {
        stance: "akkoord",
        reasoning: "",
        textHash: point.textHash,
      });
    }
    expect(point.status).toBe("ambtelijk_akkoord");
  } finally {
    await Promise.all(sessions.map((s) => s.context.close()));
  }
}

/** Each party's trekker opens the meeting and agrees with the minutes put forward, in the browser. */
async function agreeAsTrekkers(meetingUrl: string): Promise<void> {
  for (const email of TREKKERS) {
    const t = await h.loginAs(email);
    await t.page.goto(meetingUrl);
    const agree = t.page.getByRole("button", { name: /^Namens .* instemmen met deze notulen$/ });
    await agree.click();
    await expect.poll(() => agree.count()).toBe(0);
    await t.context.close();
  }
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `axe op ${what}`).toEqual([]);
}

async function saveDownload(page: Page, click: () => Promise<void>, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const path = `${OUT}/${name}`;
  await download.saveAs(path);
  return readFileSync(path);
}

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

/** Renders every page to PNG for people to look at; skips (with a message) where poppler is absent. */
function renderPages(pdfPath: string, prefix: string): string[] {
  const probe = spawnSync("pdftoppm", ["-v"], { encoding: "utf8" });
  if (probe.error) {
    console.warn(
      `[meetings e2e] pdftoppm (poppler-utils) ontbreekt: de dossierpagina's worden niet als PNG weergegeven. (${probe.error.message})`,
    );
    return [];
  }
  for (const f of readdirSync(OUT)) if (f.startsWith(`${prefix}-`) && f.endsWith(".png")) rmSync(`${OUT}/${f}`);
  const run = spawnSync("pdftoppm", ["-png", "-r", "70", pdfPath, `${OUT}/${prefix}`], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(OUT)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png"))
    .sort();
}

describe("meetings, procedure and dossier in the browser", () => {
  // Three trekkers agree twice in their own browsers: this walk-through needs more than the default time.
  it(
    "the secretaris plans a formeel OOGO, records attendance and a decision, and approves and amends the minutes",
    { timeout: 300_000 },
    async () => {
      await preparePointWithAmbtelijkAkkoord();
      const { context, page } = await h.loginAs(SECRETARIS);
      const base = `/tafels/${workspaceId}`;

      // Vergaderingen: list and plan.
      await page.goto(`${base}/vergaderingen`);
      await page.getByRole("heading", { level: 1, name: "Vergaderingen" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Eerdere vergaderingen" }).waitFor();
      await screenshot(page, "meetings-list");
      await expectNoAxeViolations(page, "Vergaderingen");

      // By keyboard: the button opens the form and puts the focus on its first field.
      await page.getByRole("button", { name: "Nieuwe vergadering plannen" }).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plan-type");
      await page.getByLabel("Soort overleg").selectOption("formeel_oogo");
      await page.getByLabel("Titel").fill(MEETING_TITLE);
      // Decisions and approval need the meeting to have started, so the test holds it yesterday.
      await page.getByLabel("Datum").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel("Aanvang (Nederlandse tijd)").fill("09:30");
      await page.getByLabel("Plaats").fill("Stadhuis Groningen, raadzaal");
      await screenshot(page, "meetings-plan-form");
      await expectNoAxeViolations(page, "Vergadering plannen");
      await page.getByRole("button", { name: "Vergadering plannen", exact: true }).click();

      // Meeting page.
      await page.getByRole("heading", { level: 1, name: MEETING_TITLE }).waitFor();
      const meetingUrl = page.url();
      expect(await page.locator(".oogo-facts").textContent()).toContain("Stadhuis Groningen, raadzaal");
      expect(await page.locator(".oogo-facts").textContent()).toContain("9.30–16.00 uur");

      // Attendance: take over the invited parties' members (bestuurders decide "namens" their party),
      // mark one afgemeld with a vervanger, save.
      await page.getByRole("button", { name: "Aanwezigheid bijwerken" }).click();
      await page.getByRole("button", { name: "Deelnemers van uitgenodigde partijen overnemen" }).click();
      await expect.poll(() => page.getByLabel(/^Naam van persoon/).count()).toBeGreaterThan(3);
      await expect
        .poll(() =>
          page
            .getByRole("checkbox", { name: "Besluit namens het college van B&W van Groningen (Karim El Amrani)" })
            .isChecked(),
        )
        .toBe(true);
      await page.getByLabel("Aanwezigheid van Anneke Smit").selectOption("afgemeld");
      await page.getByLabel("Vervanger van Anneke Smit (optioneel)").fill("Lotte Hoekstra");
      await page.getByRole("button", { name: "Persoon toevoegen" }).click();
      const newRow = await page.getByLabel(/^Naam van persoon/).count();
      await page.getByLabel(`Naam van persoon ${newRow}`).fill("Drs. R. Verbeek");
      await page.getByLabel("Hoedanigheid van Drs. R. Verbeek").fill("onafhankelijk voorzitter");
      await page.getByLabel("Partij van Drs. R. Verbeek").selectOption("");
      await screenshot(page, "meetings-attendance-form");
      await expectNoAxeViolations(page, "Aanwezigheid bewerken");
      await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
      const attendance = page
        .locator("section", { has: page.getByRole("heading", { name: "Aanwezigheid" }) })
        .getByRole("table");
      await expect.poll(() => attendance.textContent()).toContain("Karim El Amrani");
      const attendanceText = (await attendance.textContent()) ?? "";
      expect(attendanceText).toContain("wethouder onderwijs en jeugd");
      expect(attendanceText).toContain("onafhankelijk voorzitter");
      expect(await attendance.getByRole("row", { name: /Anneke Smit/ }).textContent()).toContain(
        "vervangen door Lotte Hoekstra",
      );
      expect(await attendance.getByRole("row", { name: /Karim El Amrani/ }).textContent()).toContain(
        "namens het college van B&W van Groningen",
      );

      // Agenda: put the point on the formal agenda; its text version is fixed (short hash shown).
      await page.getByLabel("Overeenstemmingspunt").selectOption(pointId);
      await page.getByRole("button", { name: "Op de agenda zetten" }).click();
      const item = page.locator(".oogo-agenda > li").filter({ hasText: POINT_TITLE });
      await item.waitFor();
      await expect.poll(() => item.textContent()).toMatch(/Kenmerk van de tekst: [0-9a-f]{12}/);
      expect(await item.textContent()).toContain("Geagendeerd");

      // Decision: geen overeenstemming, with a note; the point's status moves with it.
      await item.getByLabel("Besluit", { exact: true }).selectOption("geen_overeenstemming");
      await expect.poll(() => item.textContent()).toContain("Het punt krijgt de status: Geen overeenstemming.");
      await item.getByLabel(/^Toelichting/).fill(DECISION_NOTE);
      await expectNoAxeViolations(page, "Vergadering (besluit invullen)");
      await item.getByRole("button", { name: "Besluit vastleggen" }).click();
      await expect.poll(() => item.textContent()).toContain("Besluit: Geen overeenstemming");
      expect(await item.textContent()).toContain("Geagendeerd → Geen overeenstemming");
      expect(await item.textContent()).toContain(DECISION_NOTE);

      // A second item without a point, moved to the top of the agenda.
      await page.getByLabel("Titel op de agenda").fill("Opening en mededelingen");
      await page.getByRole("button", { name: "Op de agenda zetten" }).click();
      await page.getByRole("button", { name: "Omhoog (Opening en mededelingen)" }).click();
      await expect
        .poll(() => page.locator(".oogo-agenda > li h3").allTextContents())
        .toEqual(["Agendapunt 1. Opening en mededelingen", `Agendapunt 2. ${POINT_TITLE}`]);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("Omlaag");

      // Minutes: written live in the editor, then approved.
      const editor = page.getByRole("textbox", { name: `Notulen: ${MEETING_TITLE}` });
      await editor.click();
      await page.keyboard.type(MINUTES_TEXT);
      await expect
        .poll(() =>
          page.locator("section", { has: page.getByRole("heading", { name: "Notulen", exact: true }) }).textContent(),
        )
        .toContain("Opgeslagen");
      await screenshot(page, "meetings-meeting-concept");
      await expectNoAxeViolations(page, "Vergadering (notulen in concept)");
      // The secretaris puts them to the parties; each party's trekker agrees (issue 13).
      await page.getByRole("button", { name: "Notulen ter vaststelling voorleggen" }).click();
      await page.getByRole("button", { name: "Ja, voorleggen aan de partijen" }).click();
      const minutes = page.locator("section", { has: page.getByRole("heading", { name: "Notulen", exact: true }) });
      await expect.poll(() => minutes.textContent()).toContain("Ter vaststelling bij de partijen");
      await expectNoAxeViolations(page, "Vergadering (notulen ter vaststelling)");
      await agreeAsTrekkers(meetingUrl);
      await page.reload();
      await expect.poll(() => minutes.textContent()).toContain("Vastgesteld op");
      // After the reload the editor loads again before it says why it is read-only.
      await expect.poll(() => minutes.textContent()).toContain("De notulen zijn vastgesteld en daarom alleen-lezen");
      await expect.poll(() => editor.getAttribute("contenteditable")).toBe("false");
      // Agenda and decisions are frozen with the approval.
      await expect.poll(() => page.getByRole("button", { name: "Op de agenda zetten" }).count()).toBe(0);

      // Amendment: a reason is required; the amendment is visibly logged, then re-approved.
      await page.getByRole("button", { name: "Amendement", exact: true }).click();
      await page.getByRole("button", { name: "Amendement openen" }).click();
      await expect.poll(() => minutes.getByRole("alert").textContent()).toContain("Geef de reden van de wijziging");
      expect(await minutes.textContent()).not.toContain("Amendement 1");
      await page.getByLabel(/^Reden van de wijziging/).fill("Naam van de voorzitter ontbrak in de notulen.");
      await page.getByRole("button", { name: "Amendement openen" }).click();
      await expect.poll(() => minutes.textContent()).toContain("Amendement 1 loopt");
      await expect.poll(() => editor.getAttribute("contenteditable")).toBe("true");
      await editor.click();
      await page.keyboard.press("End");
      await page.keyboard.type(" Voorzitter: drs. R. Verbeek.");
      await expect.poll(() => minutes.textContent()).toContain("Opgeslagen");
      await page.getByRole("button", { name: "Gewijzigde notulen ter vaststelling voorleggen" }).click();
      await page.getByRole("button", { name: "Ja, voorleggen aan de partijen" }).click();
      await expect.poll(() => minutes.textContent()).toContain("Ter vaststelling bij de partijen");
      await agreeAsTrekkers(meetingUrl);
      await page.reload();
      await expect.poll(() => minutes.textContent()).toContain("Vastgesteld op");
      const log = minutes.locator(".oogo-amendments");
      await expect.poll(() => log.textContent()).toMatch(/Amendement 1 — geopend door Pieter Jansen/);
      expect(await log.textContent()).toContain("Naam van de voorzitter ontbrak in de notulen.");
      expect(await log.textContent()).toMatch(/Van tekstversie [0-9a-f]{12} naar [0-9a-f]{12}, vastgesteld door /);
      await screenshot(page, "meetings-meeting-approved");
      await expectNoAxeViolations(page, "Vergadering (notulen vastgesteld)");

      // The list shows the meeting with its minutes status.
      await page.getByRole("link", { name: "← Alle vergaderingen" }).click();
      const card = page.getByRole("listitem").filter({ hasText: MEETING_TITLE });
      await expect.poll(() => card.textContent()).toContain("Notulen: vastgesteld");
      expect(await card.textContent()).toContain("Formeel bestuurlijk OOGO");
      await context.close();

      // A wethouder reads the same meeting without any of the secretary's controls.
      const wethouder = await h.loginAs(WETHOUDER);
      await wethouder.page.goto(meetingUrl);
      await wethouder.page.getByRole("heading", { level: 1, name: MEETING_TITLE }).waitFor();
      await expect.poll(() => wethouder.page.locator("main").textContent()).toContain("Besluit: Geen overeenstemming");
      for (const name of ["Aanwezigheid bijwerken", "Gegevens wijzigen", "Amendement", "Notulen vaststellen"]) {
        expect(await wethouder.page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
      }
      await screenshot(wethouder.page, "meetings-meeting-wethouder");
      await expectNoAxeViolations(wethouder.page, "Vergadering (wethouder)");
      await wethouder.context.close();
    },
  );

  it("the secretaris sends a convocatie; the outbox shows the mails with the calendar invitation", async () => {
    const { context, page } = await h.loginAs(SECRETARIS);
    const base = `/tafels/${workspaceId}`;
    await page.goto(`${base}/vergaderingen`);
    await page.getByRole("button", { name: "Nieuwe vergadering plannen" }).click();
    await page.getByLabel("Soort overleg").selectOption("tussentijds_overleg");
    await page.getByLabel("Titel").fill(CONVENED_TITLE);
    await page.getByLabel("Datum").fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("Aanvang (Nederlandse tijd)").fill("10:00");
    await page.getByLabel("Einde (Nederlandse tijd)").fill("11:30");
    await page.getByLabel(/^Link naar de online vergadering/).fill("https://teams.example.nl/meet/e2e");
    await page.getByLabel("Plaats").fill("Gemeentehuis Tynaarlo, Vries");
    await page.getByRole("button", { name: "Vergadering plannen", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: CONVENED_TITLE }).waitFor();
    expect(await page.locator(".oogo-facts").textContent()).toContain("10.00–11.30 uur");
    await page.getByRole("button", { name: "Convocatie versturen" }).click();
    await expect.poll(() => page.locator("#convocation").textContent()).toContain("Convocatie verstuurd op");
    await screenshot(page, "meetings-convened");
    await expectNoAxeViolations(page, "Vergadering (convocatie verstuurd)");
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}px`).toBe(
        true,
      );
      await screenshot(page, `meetings-convened-${width}`);
    }

    await page.goto(`${base}/uitgaande-email`);
    // The outbox lists the mails once the page loaded them (slow on a busy machine: wait, do not poll).
    await page
      .getByRole("heading", { name: `Convocatie: tussentijds overleg ${CONVENED_TITLE}` })
      .first()
      .waitFor();
    expect(await page.locator("main").textContent()).toContain("Convocatie");
    await screenshot(page, "meetings-convocation-outbox");
    await expectNoAxeViolations(page, "Uitgaande e-mail (convocatie)");
    await context.close();
  });

  it("after the convocatie the agenda changes; the secretaris is told, sends the changed agenda, the mails go out", async () => {
    const { context, page } = await h.loginAs(SECRETARIS);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/tafels/${workspaceId}/vergaderingen`);
    await page.getByRole("link", { name: CONVENED_TITLE }).click();
    await page.getByRole("heading", { level: 1, name: CONVENED_TITLE }).waitFor();
    const meetingId = page.url().split("/").pop()!;
    const db = h.server.deps.database.db;
    const agendaMails = async () =>
      (await db.select().from(mailOutbox).where(eq(mailOutbox.relatedId, meetingId))).filter((m) =>
        m.subject.startsWith("Gewijzigd:"),
      );
    const convened = (await db.select().from(mailOutbox).where(eq(mailOutbox.relatedId, meetingId))).length;
    expect(convened).toBeGreaterThan(0);
    const notice = page.getByRole("status").filter({ hasText: "De agenda is gewijzigd na de convocatie" });
    const sendChanged = page.getByRole("button", { name: "Gewijzigde agenda versturen" });
    expect(await notice.count()).toBe(0);

    // An agenda item after the convocatie: the genodigden do not have it yet.
    await page.getByRole("button", { name: "Mededelingen", exact: true }).click();
    await page.getByRole("heading", { level: 3, name: /1\. Mededelingen/ }).waitFor();
    await notice.waitFor();
    expect(await notice.textContent()).toContain("De genodigden hebben de nieuwe agenda nog niet");
    // Told where the agenda is edited, too: the notice itself is up with the convocatie.
    await page.locator("#agenda-changed-near-agenda").waitFor();
    expect(await agendaMails()).toEqual([]);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}px`).toBe(
        true,
      );
      await screenshot(page, `meetings-agenda-changed-${width}`);
    }
    await expectNoAxeViolations(page, "Vergadering (agenda gewijzigd na convocatie)");

    // By keyboard: the link by the agenda takes the focus to the button (in the tab order); Enter sends.
    await page.getByRole("link", { name: "naar de knop Gewijzigde agenda versturen" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("send-changed-agenda");
    expect(await sendChanged.evaluate((el) => el === document.activeElement && el.tabIndex >= 0)).toBe(true);
    await page.keyboard.press("Enter");
    const confirmation = page.locator("#agenda-sent");
    await expect.poll(() => confirmation.textContent()).toContain("De gewijzigde agenda is verstuurd.");
    expect(await page.locator("#convocation-sent").textContent()).toContain("daarna 1 keer bijgewerkt");
    await notice.waitFor({ state: "detached" });
    expect(await sendChanged.count()).toBe(0);
    expect(await page.locator("#agenda-changed-near-agenda").count()).toBe(0);
    // The focus goes to the confirmation, not lost with the button that left.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("agenda-sent");
    await expect.poll(() => page.locator("#oogo-announcer").textContent()).toBe("De gewijzigde agenda is verstuurd.");
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `meetings-agenda-sent-${width}`);
    }
    await expectNoAxeViolations(page, "Vergadering (gewijzigde agenda verstuurd)");
    await context.close();

    // One mail per genodigde of the convocatie, with the agenda that now has the item.
    await h.server.mail.drain();
    const mails = await agendaMails();
    expect(mails).toHaveLength(convened);
    for (const mail of mails) {
      expect(mail.state).toBe("verstuurd");
      expect(mail.text).toContain(`De agenda van de vergadering "${CONVENED_TITLE}" is gewijzigd.`);
    }
    const attachments = JSON.parse(mails[0]!.attachments!) as Array<{ filename: string; base64: string }>;
    const pdf = attachments.find((a) => a.filename.endsWith(".pdf"))!;
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(pdf.base64, "base64"))), {
      mergePages: true,
    });
    expect(text).toContain("Mededelingen");
  });

  it("the secretaris keeps the procedure checklist: done, due and late in text and icon", async () => {
    const { context, page } = await h.loginAs(SECRETARIS);
    await page.goto(`/tafels/${workspaceId}/procedure`);
    await page.getByRole("heading", { level: 1, name: "Procedure" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Stappen van de procedure" }).waitFor();

    // A late step (due yesterday) and one that is due soon.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Omschrijving").fill("Concept-ondersteuningsplan gedeeld met de gemeenten (e2e)");
    await page.getByLabel("Uiterlijk (optioneel)").fill(yesterday);
    await page.getByRole("button", { name: "Stap toevoegen" }).click();
    const row = page.getByRole("row", { name: /Concept-ondersteuningsplan gedeeld met de gemeenten \(e2e\)/ });
    await expect.poll(() => row.textContent()).toMatch(/Te laat \(\d+ dag(en)?\)/);
    await screenshot(page, "meetings-procedure");
    await expectNoAxeViolations(page, "Procedure");

    await row.getByRole("button", { name: /^Afvinken/ }).click();
    await expect.poll(() => row.textContent()).toContain("Gedaan");
    expect(await row.textContent()).not.toContain("Te laat");
    await context.close();
  });

  it("the secretaris builds the dossier (PDF and DOCX) and downloads the oplegger; the pages read like a dossier", async () => {
    const { context, page } = await h.loginAs(SECRETARIS);
    await page.goto(`/tafels/${workspaceId}/dossier`);
    await page.getByRole("heading", { level: 1, name: "Dossier voor de Geschillencommissie" }).waitFor();
    const ours = page.getByRole("checkbox", { name: POINT_TITLE });
    await ours.waitFor();
    // Points in geschil are preselected; ours has "geen overeenstemming" and is ticked by hand.
    const preselected = page
      .locator("fieldset", { hasText: "Punten in geschil" })
      .getByRole("checkbox", { checked: true });
    for (const box of await preselected.all()) {
      expect(await box.evaluate((el) => document.getElementById(`${el.id}-meta`)?.textContent ?? "")).toContain(
        "In geschil",
      );
    }
    await ours.check();

    // Without a route the dossier is refused in Dutch, and nothing is downloaded.
    await page.getByRole("button", { name: "Dossier maken (DOCX)" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Kies wat u de commissie vraagt");

    await page.getByRole("radio", { name: "Bindend advies" }).check();
    await screenshot(page, "meetings-dossier-page");
    await expectNoAxeViolations(page, "Dossier");

    const pdf = await saveDownload(
      page,
      () => page.getByRole("button", { name: "Dossier maken (PDF)" }).click(),
      "meetings-dossier.pdf",
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Dossier (PDF) gemaakt" }).count()).toBe(1);
    const { text, pages } = await pdfText(pdf);
    for (const section of DOSSIER_SECTIONS) expect(text, `sectie "${section}"`).toContain(section);
    expect(text).toContain(POINT_TITLE);
    expect(text).toContain(MEETING_TITLE);
    expect(text).toContain(DECISION_NOTE);
    expect(text).toMatch(/bindend advies/i);
    expect(text).toContain("Wet voortgezet onderwijs 2020 (WVO 2020)");
    expect(text).toContain("voorheen art. 17a lid 9 WVO");
    expect(text).not.toContain("Artikel 17a");
    expect(pages).toBeGreaterThan(2);

    const docx = await saveDownload(
      page,
      () => page.getByRole("button", { name: "Dossier maken (DOCX)" }).click(),
      "meetings-dossier.docx",
    );
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    const documentXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(documentXml).toContain("Geschilpunten");
    expect(documentXml).toContain("Doorzettingsmacht bij thuiszitters");

    const opleggerPdf = await saveDownload(
      page,
      () => page.getByRole("button", { name: "Oplegger downloaden (PDF)" }).click(),
      "meetings-oplegger.pdf",
    );
    expect(opleggerPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await pdfText(opleggerPdf)).text).toContain("Oplegger");
    const opleggerDocx = await saveDownload(
      page,
      () => page.getByRole("button", { name: "Oplegger downloaden (DOCX)" }).click(),
      "meetings-oplegger.docx",
    );
    expect(opleggerDocx.subarray(0, 2).toString("latin1")).toBe("PK");
    await expectNoAxeViolations(page, "Dossier (na downloaden)");
    await context.close();

    // For people to look at: test-results/meetings-dossier-page-*.png
    const rendered = renderPages(`${OUT}/meetings-dossier.pdf`, "meetings-dossier-page");
    if (rendered.length > 0) expect(rendered.length).toBe(pages);
  });

  it("a non-secretary cannot build a dossier but can download the oplegger", async () => {
    const { context, page } = await h.loginAs(WETHOUDER);
    await page.goto(`/tafels/${workspaceId}`);
    await page
      .getByRole("navigation", { name: "Onderdelen van deze tafel" })
      .getByRole("link", { name: "Vergaderingen" })
      .waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Onderdelen van deze tafel" })
        .getByRole("link", { name: "Dossier" })
        .count(),
    ).toBe(0);
    await page.goto(`/tafels/${workspaceId}/dossier`);
    await page.getByRole("heading", { level: 1, name: "Dossier voor de Geschillencommissie" }).waitFor();
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Alleen de secretaris van de tafel kan een dossier");
    expect(await page.getByRole("button", { name: /^Dossier maken/ }).count()).toBe(0);
    const res = await context.request.post(`/api/workspaces/${workspaceId}/dossier`, {
      data: { pointIds: [pointId], route: "advies" },
      headers: { origin: h.baseUrl },
    });
    expect(res.status()).toBe(403);
    const pdf = await saveDownload(
      page,
      () => page.getByRole("button", { name: "Oplegger downloaden (PDF)" }).click(),
      "meetings-oplegger-wethouder.pdf",
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expectNoAxeViolations(page, "Dossier (wethouder)");
    await context.close();
  });
});
