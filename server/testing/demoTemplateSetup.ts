/**
 * Vitest global setup of the unit project: seeds the demo template database once per run instead
 * of once per test file (seeding is a school year of verbs and a plan import, seconds each time).
 * Test workers start after this and inherit the environment variable that names it.
 */
import { buildDemoTemplate, DEMO_TEMPLATE_ENV } from "./testContext.ts";

export default async function setup(): Promise<() => void> {
  const template = await buildDemoTemplate();
  process.env[DEMO_TEMPLATE_ENV] = JSON.stringify({ path: template.path, ids: template.ids });
  return () => {
    delete process.env[DEMO_TEMPLATE_ENV];
    template.cleanup();
  };
}
