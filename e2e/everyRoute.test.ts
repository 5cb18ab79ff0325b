/**
 * Every route of the app, as each role that can see it, at a phone (390 px) and a laptop (1366 px)
 * width: the page must not scroll sideways (document scrollWidth > clientWidth) and axe finds nothing
 * serious or critical. ROUTES is the one table to extend; a route added to client/main.tsx without a
 * row here fails the first test.
 *
 * Screenshots: EVERY_ROUTE_SHOTS=/tmp/shots npx vitest run --project e2e e2e/everyRoute.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { seriousAxeViolations, startHarness, type Harness } from "./harness.ts";
import { DEMO_PASSWORD } from "../server/demo/demoAccounts.ts";

type Who = "uitgelogd" | "beheerder" | "secretaris" | "ambtenaar" | "wethouder" | "applicatiebeheerder";

const ACCOUNTS: Record<Exclude<Who, "uitgelogd">, string> = {
  beheerder: "beheerder@demo.oogo.test",
  secretaris: "secretaris@demo.oogo.test",
  ambtenaar: "ambtenaar.groningen@demo.oogo.test",
  wethouder: "wethouder.groningen@demo.oogo.test",
  applicatiebeheerder: "beheer@demo.oogo.test",
};

/** The demo's real ids, read through the API once. */
interface DemoIds {
  tafel: string;
  point: string;
  meeting: string;
}

interface RouteCase {
  /** The route as written in client/main.tsx (nested paths joined). */
  route: string;
  /** The address to open, with the demo's ids filled in. */
  url: (ids: DemoIds) => string;
  /** Who opens it: every role that can see the page, or a representative one where all see the same. */
  as: Who[];
  /** The h1 that proves the page itself rendered (not a fallback). */
  heading: RegExp;
}

const tafel = (path: string) => (ids: DemoIds) => `/tafels/${ids.tafel}${path}`;
const CONTENT: Who[] = ["secretaris", "ambtenaar", "wethouder"];

export const ROUTES: RouteCase[] = [
  { route: "/inloggen", url: () => "/inloggen", as: ["uitgelogd"], heading: /^Inloggen$/ },
  { route: "/uitnodiging", url: () => "/uitnodiging#onbekend", as: ["uitgelogd"], heading: /^Uitnodiging aannemen$/ },
  { route: "/wachtwoord", url: () => "/wachtwoord#onbekend", as: ["uitgelogd"], heading: /^Wachtwoord kiezen$/ },
  { route: "/wachtwoord-vergeten", url: () => "/wachtwoord-vergeten", as: ["uitgelogd"], heading: /wachtwoord/i },
  { route: "/account", url: () => "/account", as: ["wethouder", "applicatiebeheerder"], heading: /^Mijn account$/ },
  { route: "/beheer", url: () => "/beheer", as: ["applicatiebeheerder"], heading: /./ },
  { route: "/beheer/nieuwe-tafel", url: () => "/beheer/nieuwe-tafel", as: ["applicatiebeheerder"], heading: /./ },
  { route: "/", url: () => "/", as: ["secretaris", "applicatiebeheerder"], heading: /^Mijn OOGO-tafels$/ },
  { route: "/tafels/:id/", url: tafel(""), as: [...CONTENT, "beheerder"], heading: /^Overzicht$/ },
  {
    route: "/tafels/:id/spiegelparagraaf",
    url: tafel("/spiegelparagraaf"),
    as: CONTENT,
    heading: /^Spiegelparagraaf$/,
  },
  { route: "/tafels/:id/overeenstemming", url: tafel("/overeenstemming"), as: CONTENT, heading: /./ },
  {
    route: "/tafels/:id/punten/:pointId",
    url: (ids) => `/tafels/${ids.tafel}/punten/${ids.point}`,
    as: CONTENT,
    heading: /./,
  },
  { route: "/tafels/:id/te-ondertekenen", url: tafel("/te-ondertekenen"), as: ["wethouder"], heading: /ondertekenen/i },
  { route: "/tafels/:id/vergaderingen", url: tafel("/vergaderingen"), as: CONTENT, heading: /^Vergaderingen$/ },
  {
    route: "/tafels/:id/vergaderingen/:meetingId",
    url: (ids) => `/tafels/${ids.tafel}/vergaderingen/${ids.meeting}`,
    as: ["secretaris", "wethouder"],
    heading: /./,
  },
  { route: "/tafels/:id/procedure", url: tafel("/procedure"), as: CONTENT, heading: /^Procedure$/ },
  { route: "/tafels/:id/dossier", url: tafel("/dossier"), as: ["secretaris"], heading: /dossier/i },
  {
    route: "/tafels/:id/deelnemers",
    url: tafel("/deelnemers"),
    as: ["beheerder", "secretaris", "wethouder"],
    heading: /^Deelnemers$/,
  },
  {
    route: "/tafels/:id/uitgaande-email",
    url: tafel("/uitgaande-email"),
    as: ["beheerder"],
    heading: /^Uitgaande e-mail$/,
  },
  { route: "/tafels/:id/instellen", url: tafel("/instellen"), as: ["beheerder", "secretaris"], heading: /./ },
  { route: "/meldingen", url: () => "/meldingen", as: ["wethouder", "secretaris"], heading: /^Meldingen$/ },
  { route: "/afmelden", url: () => "/afmelden#onbekend", as: ["uitgelogd"], heading: /^Afmelden voor e-mail$/ },
  {
    route: "/tafels/:id/spiegelparagraaf/versies",
    url: tafel("/spiegelparagraaf/versies"),
    as: CONTENT,
    heading: /^Versies van de spiegelparagraaf$/,
  },
  { route: "/tafels/:id/plan", url: tafel("/plan"), as: CONTENT, heading: /./ },
  { route: "/tafels/:id/bespreekpunten", url: tafel("/bespreekpunten"), as: CONTENT, heading: /^Bespreekpunten$/ },
  { route: "*", url: () => "/bestaat-niet", as: ["wethouder"], heading: /^Pagina niet gevonden$/ },
];

/** EVERY_ROUTE_WIDTHS=320 (comma-separated) checks other widths by hand. */
const WIDTHS = process.env.EVERY_ROUTE_WIDTHS?.split(",").map(Number) ?? [390, 1366];

/** The routes the router declares: `<Route path="…">`, nested ones joined to their parent. */
function routerPaths(): string[] {
  const source = readFileSync(new URL("../client/main.tsx", import.meta.url), "utf8");
  const paths: string[] = [];
  const stack: string[] = [];
  for (const m of source.matchAll(/<Route\s+path="([^"]*)"[^>]*?(\/?)>|<\/Route>/g)) {
    if (m[0] === "</Route>") {
      stack.pop();
      continue;
    }
    const full = stack.join("") + m[1];
    if (m[2] === "/") paths.push(full);
    else stack.push(m[1]!);
  }
  return paths;
}

const shotsDir = process.env.EVERY_ROUTE_SHOTS;
let h: Harness;
let ids: DemoIds;
const contexts = new Map<Who, BrowserContext>();

async function contextFor(who: Who): Promise<BrowserContext> {
  const existing = contexts.get(who);
  if (existing) return existing;
  const context = await h.browser.newContext({ baseURL: h.baseUrl, bypassCSP: true, locale: "nl-NL" });
  if (who !== "uitgelogd") {
    const res = await context.request.post("/api/auth/login", {
      data: { email: ACCOUNTS[who], password: DEMO_PASSWORD },
    });
    expect(res.status(), `inloggen als ${who}`).toBe(200);
  }
  contexts.set(who, context);
  return context;
}

/** Waits until the page shows its own h1 and nothing is loading any more. */
async function settle(page: Page, heading: RegExp) {
  await page.locator("main h1").first().waitFor();
  await expect
    .poll(async () => ((await page.locator("main h1").first().textContent()) ?? "").trim(), { timeout: 15_000 })
    .toMatch(heading);
  // Loading indicators are live regions (role=status); other muted notes share the class.
  await expect.poll(() => page.locator('.oogo-loading[role="status"]').count(), { timeout: 15_000 }).toBe(0);
}

/** Visible selects whose chosen option is wider than the room inside the select (text cut off). */
async function cutOffSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    return [...document.querySelectorAll("select")]
      .filter((el) => el.offsetParent !== null && el.selectedIndex >= 0)
      .filter((el) => {
        const style = getComputedStyle(el);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = canvas.measureText(el.options[el.selectedIndex]!.text).width;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return text > room + 1;
      })
      .map((el) => `${el.getAttribute("aria-label") ?? el.id}: ${el.options[el.selectedIndex]!.text}`);
  });
}

beforeAll(async () => {
  h = await startHarness();
  const context = await contextFor("secretaris");
  const get = async <T>(path: string): Promise<T> => {
    const res = await context.request.get(path);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };
  const { workspaces } = await get<{ workspaces: Array<{ id: string }> }>("/api/workspaces");
  const tafelId = workspaces[0]!.id;
  const { points } = await get<{ points: Array<{ id: string }> }>(`/api/workspaces/${tafelId}/points`);
  const { meetings } = await get<{ meetings: Array<{ id: string }> }>(`/api/workspaces/${tafelId}/meetings`);
  ids = { tafel: tafelId, point: points[0]!.id, meeting: meetings[0]!.id };
  if (shotsDir) mkdirSync(shotsDir, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts.values()) await c.close();
  await h?.close();
});

describe("every route at 390 and 1366 px", () => {
  it("the table lists every route of the router", () => {
    const declared = routerPaths();
    expect(declared.length).toBeGreaterThan(15);
    expect(ROUTES.map((r) => r.route).sort()).toEqual([...declared].sort());
  });

  for (const r of ROUTES)
    for (const who of r.as)
      it(`${r.route} as ${who}`, async () => {
        const context = await contextFor(who);
        const page = await context.newPage();
        try {
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
            await page.goto(r.url(ids));
            await settle(page, r.heading);
            if (shotsDir) {
              const name = `${who}${r.route.replace(/[/:*]+/g, "_")}-${width}`;
              // In slices a person can read: a full page of a long board is too tall to look at.
              const height = await page.evaluate(() => document.documentElement.scrollHeight);
              const slice = width < 800 ? 1200 : 900;
              for (let y = 0, i = 0; y < height && i < 6; y += slice, i++)
                await page.screenshot({
                  path: `${shotsDir}/${name}-${i}.png`,
                  fullPage: true,
                  clip: { x: 0, y, width, height: Math.min(slice, height - y) },
                });
            }
            const overflow = await page.evaluate(() => {
              const doc = document.documentElement;
              if (doc.scrollWidth <= doc.clientWidth) return null;
              // Name the widest culprits, so a failure says where to look.
              const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
                .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
                .slice(0, 5)
                .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
              return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits };
            });
            expect(overflow, `${r.route} als ${who} op ${width} px schuift opzij`).toBeNull();
            expect(await seriousAxeViolations(page), `${r.route} als ${who} op ${width} px`).toEqual([]);
            expect(await cutOffSelects(page), `${r.route} als ${who} op ${width} px: afgekapte keuzelijst`).toEqual([]);
          }
        } finally {
          await page.close();
        }
      });
});

/** The smallest target a thumb hits reliably (WCAG 2.5.5, and Utrecht's pointer-target token). */
const THUMB = 44;

async function box(page: Page, locator: ReturnType<Page["locator"]>) {
  const b = await locator.boundingBox();
  expect(b, "element is rendered").not.toBeNull();
  return b!;
}

describe("on a phone (390 px)", () => {
  it("the tabs fold into a disclosure naming the current part; on a laptop they are plain links", async () => {
    const context = await contextFor("secretaris");
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/tafels/${ids.tafel}`);
    await settle(page, /^Overzicht$/);
    const nav = page.getByRole("navigation", { name: "Onderdelen van deze tafel" });
    const toggle = nav.getByRole("button", { name: /Overzicht.*Andere onderdelen/ });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect((await box(page, toggle)).height).toBeGreaterThanOrEqual(THUMB);
    expect(await nav.getByRole("link", { name: "Procedure" }).isVisible()).toBe(false);
    // The page's heading starts within 220 px: header, tafel name and the folded tabs only.
    expect((await box(page, page.locator("main h1"))).y).toBeLessThan(220);

    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    // Escape folds it again and leaves focus on the button; the keyboard opens it too.
    await nav.getByRole("link", { name: "Overzicht" }).focus();
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const procedure = nav.getByRole("link", { name: "Procedure" });
    expect((await box(page, procedure)).height).toBeGreaterThanOrEqual(THUMB);
    await procedure.click();
    await settle(page, /^Procedure$/);
    const folded = nav.getByRole("button", { name: /Procedure.*Andere onderdelen/ });
    expect(await folded.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.getByRole("link", { name: "Overzicht" }).isVisible()).toBe(false);

    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await folded.isVisible()).toBe(false);
    expect(await nav.getByRole("link", { name: "Overzicht" }).isVisible()).toBe(true);
    await page.close();
  });

  it("the header folds the account links behind one Menu button", async () => {
    const context = await contextFor("wethouder");
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await settle(page, /^Mijn OOGO-tafels$/);
    const menu = page.getByRole("banner").getByRole("button", { name: /^Menu/ });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect((await box(page, menu)).height).toBeGreaterThanOrEqual(THUMB);
    expect((await box(page, page.getByRole("banner"))).height).toBeLessThan(70);
    const logout = page.getByRole("banner").getByRole("button", { name: "Uitloggen" });
    expect(await logout.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await logout.isVisible()).toBe(true);
    const account = page.getByRole("banner").getByRole("link", { name: "Mijn account" });
    expect((await box(page, account)).height).toBeGreaterThanOrEqual(THUMB);
    await account.click();
    await settle(page, /^Mijn account$/);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    expect(await logout.isVisible()).toBe(true);
    await page.close();
  });

  it("the save state stays in view while a long text scrolls", async () => {
    const context = await contextFor("secretaris");
    const page = await context.newPage();
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
      await page.goto(`/tafels/${ids.tafel}/spiegelparagraaf`);
      await settle(page, /^Spiegelparagraaf$/);
      const badge = page.getByTestId("save-state");
      await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toMatch(/Opgeslagen/);
      const editor = page.locator(".oogo-editor").first();
      const bottom = (await box(page, editor)).y + (await box(page, editor)).height;
      expect(bottom, "the text is longer than one screen").toBeGreaterThan(1200);
      await page.evaluate((y) => window.scrollTo(0, y), bottom - 600);
      const b = await box(page, badge);
      expect(b.y, `op ${width} px`).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, `op ${width} px`).toBeLessThanOrEqual(width < 800 ? 844 : 900);
      // The toolbar sticks under the bar, not over it.
      const toolbar = page.getByRole("toolbar").first();
      expect((await box(page, toolbar)).y).toBeGreaterThanOrEqual(b.y + b.height - 1);
    }
    await page.close();
  });

  it("the wethouder's path Te ondertekenen → read → sign works by thumb", async () => {
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      bypassCSP: true,
      locale: "nl-NL",
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const res = await context.request.post("/api/auth/login", {
      data: { email: ACCOUNTS.wethouder, password: DEMO_PASSWORD },
    });
    expect(res.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`/tafels/${ids.tafel}/te-ondertekenen`);
    await settle(page, /ondertekenen/i);
    const cards = page.locator(".oogo-sign-card");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const button = await box(page, card.getByRole("link", { name: /^Tekst lezen en ondertekenen/ }));
      expect(button.height).toBeGreaterThanOrEqual(THUMB);
      // The button sits below the theme and version, never over them.
      const facts = await box(page, card.locator(".oogo-sign-card__meta"));
      expect(button.y).toBeGreaterThanOrEqual(facts.y + facts.height);
    }
    const first = cards.first();
    const title = ((await first.getByRole("heading").textContent()) ?? "").trim();
    await first.getByRole("link", { name: /^Tekst lezen en ondertekenen/ }).tap();
    await settle(page, new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    const panel = page.locator("#ondertekenen");
    const confirm = panel.locator(".oogo-sign__confirm");
    expect((await box(page, confirm)).height).toBeGreaterThanOrEqual(THUMB);
    await confirm.tap();
    const sign = panel.getByRole("button", { name: "Ondertekenen" });
    const signBox = await box(page, sign);
    expect(signBox.height).toBeGreaterThanOrEqual(THUMB);
    expect(signBox.width).toBeGreaterThan(300);
    await sign.tap();
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain("Ondertekend.");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await context.close();
  });
});
