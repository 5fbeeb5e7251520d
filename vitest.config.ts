import { defineConfig } from "vitest/config";

// Three depths (DESIGN.md): pure unit tests, integration against the real app with a fresh
// database, end-to-end in a real Chromium. Two files at a time, whatever their depth: vitest's
// default (cores − 1) runs one at a time on a two-core machine, and most of a test's time is spent
// waiting on a server, a socket or a browser, not computing. Measured on two cores: integration
// 361 → 182 s, end-to-end 704 → 371 s. Each file has its own server, database and browser, so two
// never share state; what a file asserts about time allows for a busy machine.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
