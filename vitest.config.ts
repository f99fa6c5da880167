import { availableParallelism } from "node:os";
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
    // Vitest's default, one worker fewer than the machine has cores, runs the files one at a time
    // on a 2-core machine (CI's), where most of a file's time is spent in child processes and
    // waiting on them: two at a time there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Generous: CI machines are shared and busy; a timeout only catches a hang, never speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
