/**
 * Browser-test harness: a real server on port 0 with a fresh libSQL file, the built client
 * (npm run build → dist/), and Debian's Chromium driven by playwright-core.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startServer, type RunningServer, type StartOptions } from "../server/server.ts";
import { tempDatabaseUrl } from "../server/testing/testContext.ts";
import { DEMO_PASSWORD } from "../server/demo/demoAccounts.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The built client to serve; E2E_DIST lets parallel developers build into their own folder. */
const DIST = process.env.E2E_DIST ?? "dist";

export interface Harness {
  server: RunningServer;
  browser: Browser;
  baseUrl: string;
  /** A fresh browser context (own cookies, own IndexedDB) logged in as `email`. */
  loginAs(email: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** `sync`: options for the server's sync core (e.g. a short idle unload for a test of loading). */
export async function startHarness(options: { sync?: StartOptions["sync"] } = {}): Promise<Harness> {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error(`${DIST}/ ontbreekt: voer eerst \`npm run build\` uit (npm test doet dat).`);
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium niet gevonden op ${CHROMIUM_PATH} (apt-get install chromium).`);
  const db = tempDatabaseUrl("oogo-e2e-");
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: db.url,
    demo: true,
    staticRoot: DIST,
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const baseUrl = `http://127.0.0.1:${server.port}`;

  const loginAs = async (email: string) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      bypassCSP: true,
      locale: "nl-NL",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error(`[browser ${email}] ${err.message}`));
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn OOGO-tafels" }).waitFor();
    return { context, page };
  };

  return {
    server,
    browser,
    baseUrl,
    loginAs,
    async close() {
      await browser.close();
      await server.close();
      db.cleanup();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Saves a screenshot under test-results/ for people to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
