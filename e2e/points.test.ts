/**
 * Overeenstemmingspunten in the browser, one browser context per person, against the real
 * server, database and sync endpoint: an ambtenaar writes a point, both trekkers record
 * akkoord, the secretaris puts it on the agenda (the text locks), both bestuurders sign from
 * "Te ondertekenen", and the board shows overeenstemming live; the agreed text stays locked
 * (nobody voids a signature by typing) until the secretaris chooses Herzien; then an edit is
 * possible, the board shows the void signatures and the wethouder's point page warns loudly
 * with a diff.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { screenshot, seriousAxeViolations, startHarness, type Harness } from "./harness.ts";
import type { BoardView, PointDetail } from "../shared/schemas/points.ts";
import { shortHash } from "../shared/domain/textHash.ts";

let h: Harness;
const open: BrowserContext[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined); // already closed is fine
  await h?.close();
});

const SANNE = "ambtenaar.groningen@demo.oogo.test"; // trekker Gemeente Groningen, writes the text
const EVA = "swv.medewerker@demo.oogo.test"; // trekker of the SWV
const JEROEN = "swv.bestuurder@demo.oogo.test"; // directeur-bestuurder SWV
const KARIM = "wethouder.groningen@demo.oogo.test"; // wethouder Groningen
const PIETER = "secretaris@demo.oogo.test";
const SWV = "Samenwerkingsverband VO Groningen Stad";
const THEME = "Leerplicht en thuiszitters";
const TITLE = "Thuiszitters binnen drie maanden een passend aanbod";
const EDITOR = { name: `Tekst van het punt “${TITLE}”` };

async function person(email: string) {
  const session = await h.loginAs(email);
  open.push(session.context);
  return session;
}

async function workspaceId(page: Page): Promise<string> {
  const list = (await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> };
  return list.workspaces[0]!.id;
}

const api = async <T>(page: Page, path: string): Promise<T> => (await (await page.request.get(path)).json()) as T;
const saveState = (page: Page) => page.getByTestId("save-state").textContent();
const statusText = (page: Page) => page.locator(".oogo-point-facts").textContent();
/** Polls with room for a loaded shared machine; what must be fast is measured explicitly. */
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
const axe = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

/** The matrix cell (theme row × status column) as its accessible name states it, e.g. "1 punt … met status Overeenstemming". */
const cell = (page: Page, n: number, status: string) =>
  page.getByRole("link", { name: `${n === 1 ? "1 punt" : `${n} punten`} ${THEME} met status ${status}`, exact: true });

async function transition(page: Page, action: string, reason: string) {
  await page.getByRole("button", { name: action }).click();
  await page.getByRole("form", { name: action }).getByLabel("Reden").fill(reason);
  await page.getByRole("button", { name: "Bevestigen" }).click();
}

async function recordAkkoord(page: Page, party: string, reasoning: string) {
  const form = page.getByRole("form", { name: `Standpunt van ${party} vastleggen` });
  await form.getByRole("radio", { name: "Akkoord", exact: true }).check();
  await form.getByLabel(/Toelichting/).fill(reasoning);
  await form.getByRole("button", { name: "Standpunt vastleggen" }).click();
  await poll(() => form.getByRole("status").textContent()).toContain(`Standpunt “Akkoord” van ${party} is vastgelegd.`);
}

async function signFromToSignList(
  page: Page,
  wsId: string,
  party: string,
  pointId: string,
  opts: { beforeSigning?: () => Promise<void>; keyboard?: boolean } = {},
) {
  await page.goto(`/tafels/${wsId}/te-ondertekenen`);
  await page.getByRole("heading", { level: 1, name: "Te ondertekenen" }).waitFor();
  await page.getByRole("link", { name: `Tekst lezen en ondertekenen: ${TITLE}` }).click();
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  const panel = page.locator("#ondertekenen");
  await panel.getByRole("heading", { name: `Ondertekenen namens ${party}` }).waitFor();
  // The panel names exactly the text that is signed: the server's current version and hash.
  const current = await api<PointDetail>(page, `/api/points/${pointId}`);
  const confirm = panel.getByRole("checkbox", {
    name: `Ik onderteken namens ${party} de tekst met kenmerk ${shortHash(current.textHash)}… (tekstversie ${current.textVersionNumber}).`,
  });
  expect(await panel.locator(".oogo-sign__what").textContent()).toContain(`Tekstversie${current.textVersionNumber}`);
  const button = panel.getByRole("button", { name: "Ondertekenen" });
  expect(await button.isDisabled()).toBe(true); // nothing is signed without the explicit confirmation
  await opts.beforeSigning?.();
  const submit = async () => {
    if (!opts.keyboard) {
      await confirm.check();
      await button.click();
      return;
    }
    // Keyboard only: tick the confirmation with Space, Tab to the button, Enter.
    await confirm.focus();
    await page.keyboard.press("Space");
    expect(await confirm.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
  };
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/points/${pointId}/signoffs`)),
    submit(),
  ]);
  expect(response.status()).toBe(201);
  const answeredAt = Date.now();
  await poll(() => panel.getByRole("status").textContent()).toContain(`namens ${party} de huidige tekst ondertekend`);
  // Keyboard focus lands on the confirmation, not on the page body (issue 15).
  await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("ondertekening-bevestigd");
  return { ...current, answeredAt };
}

describe("overeenstemmingspunten in the browser", () => {
  it("from a first text to overeenstemming, and an edit that voids the signatures", async () => {
    // On failure, keep what every person saw.
    onTestFailed(async () => {
      for (const [i, c] of open.entries())
        for (const [j, p] of c.pages().entries()) await screenshot(p, `points-failed-${i}-${j}`).catch(() => undefined);
    });
    const sanne = await person(SANNE);
    const wsId = await workspaceId(sanne.page);
    const boardPath = `/tafels/${wsId}/overeenstemming`;
    const baseline = await api<BoardView>(sanne.page, `/api/workspaces/${wsId}/board`);
    const themeKey = baseline.themes.find((t) => t.label === THEME)!.key;
    const before = (status: keyof BoardView["totals"]) =>
      baseline.themes.find((t) => t.key === themeKey)!.counts[status] ?? 0;
    const agreedBefore = before("overeenstemming");

    // --- Sanne opens the board and creates the point for Gemeente Groningen only.
    await sanne.page.goto(boardPath);
    await sanne.page.getByRole("heading", { level: 1, name: "Overeenstemming" }).waitFor();
    await sanne.page.getByRole("table", { name: "Overeenstemmingspunten per thema en status" }).waitFor();
    await axe(sanne.page);
    await screenshot(sanne.page, "points-board-start");

    await sanne.page.getByRole("button", { name: "Nieuw punt" }).click();
    const form = sanne.page.getByRole("form", { name: "Nieuw overeenstemmingspunt" });
    await form.getByLabel("Thema").selectOption({ label: THEME });
    await form.getByLabel("Titel").fill(TITLE);
    await form.getByRole("radio", { name: "Alleen de gekozen gemeenten" }).check();
    await form.getByRole("checkbox", { name: "Gemeente Groningen" }).check();
    await form.getByLabel("Looptijd in maanden (optioneel)").fill("12");
    await form
      .getByLabel("Begintekst (optioneel)")
      .fill("Een leerling die thuiszit krijgt binnen drie maanden een passend aanbod.");
    await axe(sanne.page);
    await screenshot(sanne.page, "points-new-form");
    await form.getByRole("button", { name: "Punt aanmaken" }).click();

    await sanne.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const pointId = sanne.page.url().split("/punten/")[1]!.split(/[?#]/)[0]!;
    const pointPath = `/tafels/${wsId}/punten/${pointId}`;
    expect(await statusText(sanne.page)).toContain("Concept");
    expect(await statusText(sanne.page)).toContain(`Geldt voorGemeente Groningenen ${SWV}`);
    expect(await statusText(sanne.page)).not.toContain("Tynaarlo");
    expect(await statusText(sanne.page)).toContain("1 jaar");

    // --- Sanne writes in the text (live editor, durable save acknowledged).
    const editor = sanne.page.getByRole("textbox", EDITOR);
    await poll(() => editor.textContent()).toContain("binnen drie maanden een passend aanbod");
    await poll(() => saveState(sanne.page)).toBe("Opgeslagen");
    await editor.locator("p").last().click();
    await sanne.page.keyboard.press("End");
    await sanne.page.keyboard.type(" De leerplichtambtenaar heeft doorzettingsmacht.");
    await poll(() => saveState(sanne.page)).toBe("Opgeslagen");

    // Shared rules drive the buttons: in concept there is no stance form yet.
    expect(await sanne.page.getByRole("form", { name: "Standpunt van Gemeente Groningen vastleggen" }).count()).toBe(0);

    // --- Two people change the point at once: Eva's view is stale (her live stream is cut).
    const eva = await person(EVA);
    await eva.page.route("**/events", (route) => route.abort());
    await eva.page.goto(pointPath);
    await eva.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await poll(() => statusText(eva.page)).toContain("Concept");
    await transition(sanne.page, "Bespreking starten", "Tekst is klaar voor bespreking in de werkgroep.");
    await poll(() => statusText(sanne.page)).toContain("In bespreking");
    expect(await statusText(eva.page)).toContain("Concept");
    // Eva, second, gets the server's 409 in Dutch, and her page catches up instead of losing Sanne's step.
    await transition(eva.page, "Bespreking starten", "Ik zet het punt in bespreking.");
    const refusal = eva.page.getByRole("alert").filter({ hasText: "Status niet gewijzigd" });
    await refusal.waitFor();
    expect((await refusal.textContent())!.replace("Status niet gewijzigd", "").trim().length).toBeGreaterThan(10);
    await poll(() => statusText(eva.page)).toContain("In bespreking");
    await poll(() => eva.page.getByRole("status").filter({ hasText: "opnieuw geladen" }).count()).toBe(1);
    await axe(eva.page);
    await screenshot(eva.page, "points-conflict-409");
    const history = await api<{ events: Array<{ type: string; toStatus: string | null }> }>(
      eva.page,
      `/api/points/${pointId}/history`,
    );
    expect(history.events.filter((e) => e.toStatus === "in_bespreking")).toHaveLength(1);
    await eva.page.unroute("**/events");
    await eva.page.reload();
    await eva.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await axe(sanne.page);
    await screenshot(sanne.page, "points-point-in-bespreking");

    // --- Eva (SWV) follows live; both trekkers record akkoord → ambtelijk akkoord.
    await poll(() => eva.page.getByRole("textbox", EDITOR).textContent()).toContain("doorzettingsmacht");

    await recordAkkoord(
      sanne.page,
      "Gemeente Groningen",
      "De gemeente kan de doorzettingsmacht van leerplicht organiseren.",
    );
    // Ambtelijk akkoord is not possible yet: the SWV has no stance; the disabled button says why (shared rules).
    const early = sanne.page.getByRole("button", { name: "Ambtelijk akkoord vaststellen" });
    await poll(() => early.isDisabled()).toBe(true);
    expect(await sanne.page.locator(`#${await early.getAttribute("aria-describedby")}`).textContent()).toContain(
      `Nog geen ambtelijk akkoord op de huidige tekst van: ${SWV}`,
    );
    await poll(() => eva.page.locator(".oogo-stance", { hasText: "Gemeente Groningen" }).textContent()).toContain(
      "Akkoord",
    );
    await recordAkkoord(eva.page, SWV, "Past binnen het ondersteuningsplan en het thuiszitterspact.");
    await poll(() => statusText(eva.page)).toContain("Ambtelijk akkoord");
    await poll(() => statusText(sanne.page)).toContain("Ambtelijk akkoord"); // live, no reload
    const stanceText = await sanne.page.locator(".oogo-stance", { hasText: SWV }).textContent();
    expect(stanceText).toContain("Vastgelegd door Eva Mulder");
    expect(stanceText).toContain("op de huidige tekst");
    expect(stanceText).toContain("Past binnen het ondersteuningsplan");

    // --- The secretaris puts the point on the agenda: the text locks for everyone.
    const pieter = await person(PIETER);
    await pieter.page.goto(pointPath);
    await pieter.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await axe(pieter.page);
    await transition(pieter.page, "Agenderen (tekst vastzetten)", "Geagendeerd voor het formeel OOGO.");
    await poll(() => statusText(pieter.page)).toContain("Geagendeerd");
    await poll(() => editor.getAttribute("aria-readonly")).toBe("true");
    await poll(() => sanne.page.locator("main").textContent()).toContain("Geagendeerd");

    // --- A board open in another window follows everything live.
    const board = await person(PIETER);
    await board.page.goto(boardPath);
    await board.page.getByRole("heading", { level: 1, name: "Overeenstemming" }).waitFor();
    await cell(board.page, before("geagendeerd") + 1, "Geagendeerd").waitFor();

    // --- Both bestuurders sign from "Te ondertekenen", one click from the text.
    const jeroen = await person(JEROEN);
    await jeroen.page.goto(`/tafels/${wsId}/te-ondertekenen`);
    await jeroen.page.getByRole("link", { name: `Tekst lezen en ondertekenen: ${TITLE}` }).waitFor();
    await axe(jeroen.page);
    await screenshot(jeroen.page, "points-to-sign");
    const signedText = await signFromToSignList(jeroen.page, wsId, SWV, pointId, { keyboard: true });
    await axe(jeroen.page);
    await screenshot(jeroen.page, "points-signed-swv");

    const karim = await person(KARIM);
    const lastSignature = await signFromToSignList(karim.page, wsId, "Gemeente Groningen", pointId, {
      beforeSigning: async () => {
        await axe(karim.page);
        await screenshot(karim.page, "points-sign-panel");
      },
    });

    // Every party in scope signed the same text: overeenstemming, on every open screen.
    await poll(() => statusText(karim.page)).toContain("Overeenstemming");
    await poll(() => statusText(sanne.page)).toContain("Overeenstemming");
    await cell(board.page, agreedBefore + 1, "Overeenstemming").waitFor();
    // From the server's answer to the last signature to the other window's board: SSE event, board refetch, render.
    const liveMs = Date.now() - lastSignature.answeredAt;
    console.log(`board showed overeenstemming ${liveMs} ms after the last signature was stored`);
    const groningenRow = board.page.getByRole("row", { name: /Gemeente Groningen/ });
    expect(await groningenRow.getByRole("link", { name: /ondertekend door Gemeente Groningen/ }).count()).toBe(1);
    await axe(board.page);
    await screenshot(board.page, "points-board-overeenstemming");
    await poll(() => karim.page.getByRole("link", { name: `Tekst lezen en ondertekenen: ${TITLE}` }).count()).toBe(0);

    // --- After overeenstemming nobody voids the signatures by typing: the text stays locked, with the reason.
    await poll(() => editor.getAttribute("aria-readonly")).toBe("true");
    await poll(() => sanne.page.locator("main").textContent()).toContain("Een wijziging gaat via Herzien");
    // The secretaris reopens the agreement for revision (logged, the signatures stop counting); the werkgroep starts.
    await transition(pieter.page, "Herzien", "Het mbo wil aansluiten; de werkgroep herziet de tekst.");
    await poll(() => statusText(sanne.page)).toContain("Herzien");
    await transition(sanne.page, "Bespreking starten", "De werkgroep past de tekst aan.");
    // Both akkoorden still stand on the unchanged text, so it is ambtelijk akkoord again — until the edit.
    await poll(() => statusText(sanne.page)).toContain("Ambtelijk akkoord");

    // --- Sanne edits the text: the wethouder is told loudly what changed since he signed.
    await poll(() => editor.getAttribute("aria-readonly")).toBe("false");
    await editor.locator("p").last().click();
    await sanne.page.keyboard.press("End");
    // Inserted at once (as a paste), so the first durable change after the signatures is the whole sentence.
    await sanne.page.keyboard.insertText(" Ook het mbo doet mee.");
    await poll(() => saveState(sanne.page)).toBe("Opgeslagen");

    await poll(() => statusText(karim.page)).toContain("In bespreking");
    const warning = karim.page.getByRole("alert").filter({ hasText: "Uw eerdere ondertekening is verouderd" });
    await warning.waitFor();
    const warningText = (await warning.textContent())!;
    expect(warningText).toContain(shortHash(signedText.textHash));
    expect(warningText).toContain("Daarna is het punt heropend");
    expect(warningText).toContain("Heropend op");
    // The alert keeps up with the text as it is now (Sanne's whole sentence, not just its first keystroke).
    const now = await api<PointDetail>(karim.page, `/api/points/${pointId}`);
    expect(now.textHash).not.toBe(signedText.textHash);
    await poll(() => warning.textContent()).toContain(shortHash(now.textHash));
    await poll(() => warning.locator(".oogo-diff ins").allTextContents()).toContainEqual(
      expect.stringContaining("Ook het mbo doet mee."),
    );
    await axe(karim.page);
    await screenshot(karim.page, "points-verouderd-wethouder");

    // Sanne's stance form starts empty on the changed text; her earlier stance stands beside it, read-only.
    const stanceForm = sanne.page.getByRole("form", { name: "Standpunt van Gemeente Groningen vastleggen" });
    const earlierBox = stanceForm.locator(".oogo-stance-earlier");
    await poll(() => earlierBox.count()).toBe(1);
    expect(await earlierBox.getByRole("heading").textContent()).toBe("Eerder standpunt, op een vorige tekst");
    const earlier = (await earlierBox.textContent())!;
    expect(earlier).toContain("Akkoord");
    expect(earlier).toContain("De gemeente kan de doorzettingsmacht van leerplicht organiseren.");
    expect(earlier).toContain(shortHash(signedText.textHash));
    for (const radio of await stanceForm.getByRole("radio").all()) expect(await radio.isChecked()).toBe(false);
    expect(await stanceForm.getByLabel(/Toelichting/).inputValue()).toBe("");
    // Submitting without a choice changes nothing and says why.
    await stanceForm.getByRole("button", { name: "Standpunt vastleggen" }).click();
    await poll(() => stanceForm.getByRole("alert").textContent()).toContain("Kies een standpunt.");
    await axe(sanne.page);

    // Others see it too (the SWV's signature is void as well), and the board shows the point left overeenstemming.
    const othersSee = sanne.page.getByRole("alert").filter({ hasText: "zijn verouderd" });
    await othersSee.waitFor();
    expect(await othersSee.locator("h3").textContent()).toMatch(
      new RegExp(`Ondertekeningen van (${SWV} en Gemeente Groningen|Gemeente Groningen en ${SWV}) zijn verouderd`),
    );
    expect(await othersSee.textContent()).toContain("Jeroen Bakker ondertekende op");
    expect(await othersSee.textContent()).toContain("Karim El Amrani ondertekende op");
    await poll(() =>
      board.page
        .getByRole("link", {
          name: `${agreedBefore + 1 === 1 ? "1 punt" : `${agreedBefore + 1} punten`} ${THEME} met status Overeenstemming`,
          exact: true,
        })
        .count(),
    ).toBe(0);
    const row = board.page.locator(".oogo-point-row", { hasText: TITLE });
    await poll(() => row.textContent()).toContain("2 ondertekeningen verouderd");
    expect(await row.textContent()).toContain("In bespreking");

    // The timeline names who did what, for which party, and the text each step concerned.
    const timeline = sanne.page.getByRole("list").filter({ has: sanne.page.locator(".oogo-timeline__item") });
    const log = (await timeline.textContent())!;
    for (const expected of [
      "Ondertekend",
      "Heropend: handtekening van",
      `Jeroen Bakker, namens ${SWV}`,
      "Karim El Amrani, namens Gemeente Groningen",
      "Tekst gewijzigd",
      "Door het systeem",
      "Pieter Jansen (secretaris)",
      "Geagendeerd voor het formeel OOGO.",
      "Standpunt: akkoord",
    ])
      expect(log).toContain(expected);
    await axe(sanne.page);
    await screenshot(sanne.page, "points-point-after-edit");

    // Cells lead to their points: the "In bespreking" cell of the theme lists this point.
    await board.page.getByRole("link", { name: new RegExp(`punten? ${THEME} met status In bespreking$`) }).click();
    await poll(() => board.page.url()).toContain(`thema=${themeKey}`);
    expect(board.page.url()).toContain("status=in_bespreking");
    await poll(() => board.page.locator(".oogo-point-row").allTextContents()).toContainEqual(
      expect.stringContaining(TITLE),
    );
    for (const r of await board.page.locator(".oogo-point-row").allTextContents()) expect(r).toContain("In bespreking");
    // Per gemeente: the point concerns Groningen only, so filtering on Tynaarlo (via the URL-backed select) drops it.
    await board.page
      .getByRole("combobox", { name: "Partij", exact: true })
      .selectOption({ label: "Gemeente Tynaarlo" });
    await poll(() => board.page.url()).toMatch(/[?&]gemeente=/);
    expect(board.page.url()).toContain(`thema=${themeKey}`);
    await poll(() => board.page.locator(".oogo-point-row", { hasText: TITLE }).count()).toBe(0);
    await board.page
      .getByRole("combobox", { name: "Partij", exact: true })
      .selectOption({ label: "Gemeente Groningen" });
    await poll(() => board.page.locator(".oogo-point-row", { hasText: TITLE }).count()).toBe(1);
    // Themes × status per gemeente: Tynaarlo's own matrix counts only the points in its scope.
    await board.page.getByRole("combobox", { name: "Toon voor" }).selectOption({ label: "Gemeente Tynaarlo" });
    await board.page.getByRole("table", { name: "Punten van Gemeente Tynaarlo per thema en status" }).waitFor();
    const afterEdit = await api<BoardView>(board.page, `/api/workspaces/${wsId}/board`);
    const tynaarlo = afterEdit.parties.find((p) => p.name === "Gemeente Tynaarlo")!;
    const theirs = (p: typeof tynaarlo) => p.themes.find((t) => t.key === themeKey)!.counts.in_bespreking ?? 0;
    // Ours concerns Groningen only, so Tynaarlo's count leaves it out.
    expect(theirs(tynaarlo)).toBeLessThanOrEqual(
      (afterEdit.themes.find((t) => t.key === themeKey)!.counts.in_bespreking ?? 0) - 1,
    );
    const tynaarloCell = board.page.getByRole("link", {
      name: `${theirs(tynaarlo) === 1 ? "1 punt" : `${theirs(tynaarlo)} punten`} ${THEME} van Gemeente Tynaarlo met status In bespreking`,
      exact: true,
    });
    if (theirs(tynaarlo) > 0) await tynaarloCell.waitFor();
    await poll(() => board.page.url()).toMatch(/[?&]voor=/);
    await axe(board.page);
    await screenshot(board.page, "points-board-after-edit");
  }, 300_000); // a long story of six people; the shared test machine is often loaded

  it("the board agrees with itself: badges per status, filters as the matrix, skip links", async () => {
    const pieter = await person(PIETER);
    const wsId = await workspaceId(pieter.page);
    await pieter.page.goto(`/tafels/${wsId}/overeenstemming`);
    await pieter.page.getByRole("heading", { level: 1, name: "Overeenstemming" }).waitFor();
    const matrix = pieter.page.getByRole("table", { name: "Overeenstemmingspunten per thema en status" });
    await matrix.waitFor();

    // Every row: a point without agreement never shows a party as "akkoord" (the demo has one in geschil).
    const board = await api<BoardView>(pieter.page, `/api/workspaces/${wsId}/board`);
    const disputed = board.points.filter((p) => p.status === "in_geschil" || p.status === "geen_overeenstemming");
    expect(disputed.length).toBeGreaterThan(0);
    for (const p of board.points) {
      const row = pieter.page.locator(".oogo-point-row", { hasText: p.title }).first();
      const positions = await row
        .locator(".oogo-chip")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-position")));
      expect(positions.length, p.title).toBe(p.perParty.length);
      if (disputed.includes(p)) {
        expect(positions, p.title).not.toContain("akkoord");
        expect((await row.locator(".oogo-chips").textContent())!, p.title).not.toMatch(/: akkoord/);
      }
    }

    // The status filter offers exactly the statuses the matrix has columns for.
    const columns = (await matrix.locator("thead tr").nth(1).locator("th[scope=col]").allTextContents())
      .map((t) => t.replace(/\u00AD/g, ""))
      .filter((t) => t !== "Totaal" && t !== "Thema");
    const options = (await pieter.page.locator("#filter-status option[value^='s:']").allTextContents()).map((t) =>
      t.trim(),
    );
    expect(options).toEqual(columns);
    // The party filter is called what it holds: gemeenten and the SWV.
    const partyFilter = pieter.page.getByRole("combobox", { name: "Partij", exact: true });
    expect(await partyFilter.locator("optgroup[label='Samenwerkingsverband'] option").allTextContents()).toContain(SWV);
    expect(await pieter.page.getByRole("combobox", { name: "Gemeente", exact: true }).count()).toBe(0);

    // Skip links: from the top of the page, a few keys reach the list (was some 60 Tab presses).
    await pieter.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const skip = pieter.page.getByRole("link", { name: "Naar de lijst met punten" });
    await skip.focus();
    await pieter.page.keyboard.press("Enter");
    await poll(() => pieter.page.evaluate(() => document.activeElement?.id)).toBe("list-heading");
    await pieter.page.getByRole("link", { name: "Naar de tabel per thema" }).focus();
    await pieter.page.keyboard.press("Enter");
    await poll(() => pieter.page.evaluate(() => document.activeElement?.id)).toBe("themes-heading");
    await axe(pieter.page);
    await screenshot(pieter.page, "points-board-consistent");
  });
});
