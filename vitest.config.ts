import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "cli/**/*.test.ts",
      "system/**/*.test.ts",
      "electron/**/*.test.ts",
      "renderer/src/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    reporters: ["default", "./scripts/count-reporter.ts"],
    // Generous: CI machines are shared and busy; a timeout only catches a hang, never speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
