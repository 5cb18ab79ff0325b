/**
 * The client's shared idioms in the browser: Loaded follows a refetch (no snapshot), a field the
 * API names in its error is marked, described and focused (Field + ErrorSummary), and an action's
 * success is said in the polite live region (createAction's announce).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const workspaceId = async (page: import("playwright-core").Page) =>
  ((await (await page.request.get("/api/workspaces")).json()) as { workspaces: Array<{ id: string }> }).workspaces[0]!
    .id;

describe("client idioms", () => {
  it("Loaded shows the refetched value: the log kenmerk moves on after 'Huidige stand ophalen'", async () => {
    const { context, page } = await h.loginAs("secretaris@demo.oogo.test");
    await page.getByRole("link", { name: "OOGO ondersteuningsplan 2023–2027" }).click();
    const kenmerk = page.getByTestId("log-kenmerk");
    await kenmerk.waitFor();
    const before = (await kenmerk.textContent())!;
    // Something is logged meanwhile (a procedure step), outside this page.
    const id = await workspaceId(page);
    const res = await page.request.post(`/api/workspaces/${id}/procedure/steps`, {
      data: { title: "Stap voor het kenmerk (e2e)", dueDate: null, note: "" },
    });
    expect(res.status()).toBe(201);
    await page.getByRole("button", { name: "Huidige stand ophalen" }).click();
    await expect.poll(() => kenmerk.textContent()).not.toBe(before);
    const count = (k: string) => Number(k.split("-")[1]);
    expect(count((await kenmerk.textContent())!)).toBe(count(before) + 1);
    await context.close();
  });

  it("puts the API's field error at that field, focuses it, and announces a success politely", async () => {
    const { context, page } = await h.loginAs("secretaris@demo.oogo.test");
    const id = await workspaceId(page);
    await page.goto(`/tafels/${id}/procedure`);
    await page.getByRole("heading", { level: 2, name: "Stappen van de procedure" }).waitFor();
    // The browser's own check is bypassed so the server answers: a title of two letters.
    await page.locator("#step-title").evaluate((el) => el.removeAttribute("minlength"));
    await page.getByLabel("Omschrijving").fill("ab");
    await page.getByRole("button", { name: "Stap toevoegen" }).click();
    const field = page.getByLabel("Omschrijving");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const describedBy = (await field.getAttribute("aria-describedby"))!.split(" ");
    expect(describedBy).toContain("step-title-error");
    const message = (await page.locator("#step-title-error").textContent())!;
    expect(message.length).toBeGreaterThan(5);
    expect(message).not.toMatch(/^title:/);
    expect(await page.getByRole("alert").filter({ hasText: "Stap toevoegen mislukt" }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await field.fill("Zienswijze OPR gevraagd (e2e)");
    await page.getByRole("button", { name: "Stap toevoegen" }).click();
    await page.getByRole("row", { name: /Zienswijze OPR gevraagd \(e2e\)/ }).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => page.locator("#oogo-announcer").textContent()).toBe("Stap toegevoegd.");
    await context.close();
  });
});
