import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "shared/**/*.test.ts",
            "db/**/*.test.ts",
            "server/**/*.test.ts",
            "client/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
          // The demo template database, seeded once for every test file.
          globalSetup: ["server/testing/demoTemplateSetup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the CI machine has two cores.
          fileParallelism: false,
          // A loaded two-core machine boots a page in seconds, not one: polls wait for it.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
