import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "cli/**/*.test.ts",
      "electron/**/*.test.ts",
      "renderer/src/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    reporters: ["default", "./scripts/count-reporter.ts"],
    testTimeout: 60_000,
  },
});
